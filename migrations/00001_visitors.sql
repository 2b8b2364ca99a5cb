-- +goose Up
-- A visitor is an anonymous browser that chose to keep something. Only a
-- hash of the cookie token is stored, so a copy of the database cannot be
-- used to impersonate anyone.
CREATE TABLE visitors (
    id          INTEGER PRIMARY KEY,
    token_hash  BLOB    NOT NULL UNIQUE,
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- +goose Down
DROP TABLE visitors;
