-- +goose Up
-- An article or routine a visitor kept, with an optional private note.
CREATE TABLE bookmarks (
    id          INTEGER PRIMARY KEY,
    visitor_id  INTEGER NOT NULL REFERENCES visitors(id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('article', 'routine')),
    slug        TEXT    NOT NULL CHECK (length(slug) BETWEEN 1 AND 100),
    note        TEXT    NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (visitor_id, kind, slug)
) STRICT;

-- A code that moves a visitor's data to another browser. Only its hash is
-- stored; one code per visitor, replaced when a new one is made.
CREATE TABLE restore_codes (
    visitor_id  INTEGER PRIMARY KEY REFERENCES visitors(id) ON DELETE CASCADE,
    code_hash   BLOB    NOT NULL UNIQUE,
    expires_at  TEXT    NOT NULL
) STRICT;

-- +goose Down
DROP TABLE restore_codes;
DROP TABLE bookmarks;
