-- +goose Up
-- A reader's report of a problem with a page, for the editors (listed by
-- `backwise feedback`). Deliberately not linked to a visitor: no visitor
-- id, no address, no time of day, so a report cannot be tied to anyone's
-- saved items or to the access log. Reports are never shown on the site.
CREATE TABLE feedback (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('article', 'routine')),
    slug         TEXT NOT NULL CHECK (length(slug) BETWEEN 1 AND 100),
    problem      TEXT NOT NULL CHECK (problem IN ('wrong', 'unclear', 'broken', 'other')),
    message      TEXT NOT NULL CHECK (length(message) BETWEEN 1 AND 2000),
    contact      TEXT NOT NULL DEFAULT '' CHECK (length(contact) <= 200),
    region       TEXT NOT NULL DEFAULT '' CHECK (length(region) <= 16),
    received_on  TEXT NOT NULL DEFAULT (date('now')) -- the day only
) STRICT;

-- +goose Down
DROP TABLE feedback;
