-- +goose Up
-- "My back plan": the routines a visitor chose, their weekly goal, the
-- days they did a routine, their weekly check-ins and their flare-up card.
-- Every table belongs to a visitor and goes with them (ON DELETE CASCADE).
-- Days are calendar dates (YYYY-MM-DD); history older than two years is
-- removed as new rows are written (see internal/store/plan.go).

CREATE TABLE plans (
    visitor_id     INTEGER PRIMARY KEY REFERENCES visitors(id) ON DELETE CASCADE,
    days_per_week  INTEGER NOT NULL CHECK (days_per_week BETWEEN 1 AND 7),
    walk_minutes   INTEGER NOT NULL DEFAULT 0 CHECK (walk_minutes BETWEEN 0 AND 60),
    activity       TEXT    NOT NULL DEFAULT '' CHECK (length(activity) <= 60),
    created_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE plan_items (
    visitor_id  INTEGER NOT NULL REFERENCES visitors(id) ON DELETE CASCADE,
    slug        TEXT    NOT NULL CHECK (length(slug) BETWEEN 1 AND 100),
    position    INTEGER NOT NULL,
    PRIMARY KEY (visitor_id, slug)
) STRICT;

CREATE TABLE done_marks (
    visitor_id  INTEGER NOT NULL REFERENCES visitors(id) ON DELETE CASCADE,
    slug        TEXT    NOT NULL CHECK (length(slug) BETWEEN 1 AND 100),
    day         TEXT    NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    PRIMARY KEY (visitor_id, slug, day)
) STRICT;

CREATE TABLE checkins (
    visitor_id    INTEGER NOT NULL REFERENCES visitors(id) ON DELETE CASCADE,
    day           TEXT    NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    pain          INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
    interference  INTEGER NOT NULL CHECK (interference BETWEEN 0 AND 10),
    ease          INTEGER NOT NULL CHECK (ease BETWEEN 0 AND 10),
    PRIMARY KEY (visitor_id, day)
) STRICT;

CREATE TABLE flare_cards (
    visitor_id  INTEGER PRIMARY KEY REFERENCES visitors(id) ON DELETE CASCADE,
    helps       TEXT NOT NULL CHECK (length(helps) <= 500),
    pause       TEXT NOT NULL CHECK (length(pause) <= 500),
    contacts    TEXT NOT NULL CHECK (length(contacts) <= 500),
    seek_help   TEXT NOT NULL CHECK (length(seek_help) <= 500),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- +goose Down
DROP TABLE flare_cards;
DROP TABLE checkins;
DROP TABLE done_marks;
DROP TABLE plan_items;
DROP TABLE plans;
