-- +goose Up
-- A questionnaire result the visitor chose to keep. public_id is random so
-- result URLs cannot be guessed by counting; answers are the JSON the API
-- accepts, so a stored result can be re-evaluated under newer rules.
CREATE TABLE assessments (
    id             INTEGER PRIMARY KEY,
    public_id      TEXT    NOT NULL UNIQUE,
    visitor_id     INTEGER NOT NULL REFERENCES visitors(id) ON DELETE CASCADE,
    answers        TEXT    NOT NULL CHECK (json_valid(answers)),
    outcome        TEXT    NOT NULL,
    intensity      INTEGER,
    rules_version  TEXT    NOT NULL,
    created_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE INDEX assessments_by_visitor ON assessments(visitor_id, created_at);

-- +goose Down
DROP TABLE assessments;
