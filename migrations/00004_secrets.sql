-- +goose Up
-- Server-side secrets that must survive a restart, such as the key that
-- encrypts the questionnaire's answers between pages (they live in the
-- visitor's browser, sealed with this key, never in this database).
CREATE TABLE secrets (
    name        TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
    value       BLOB NOT NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- +goose Down
DROP TABLE secrets;
