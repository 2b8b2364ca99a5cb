-- +goose Up
-- When a visitor last saved or changed something, so visitors idle for
-- longer than the retention period (18 months by default) can be deleted
-- with everything they kept. Existing visitors count from when they came.
ALTER TABLE visitors ADD COLUMN last_active_at TEXT NOT NULL DEFAULT '';
UPDATE visitors SET last_active_at = created_at;
CREATE INDEX visitors_last_active ON visitors (last_active_at);

-- +goose Down
DROP INDEX visitors_last_active;
ALTER TABLE visitors DROP COLUMN last_active_at;
