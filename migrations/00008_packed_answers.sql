-- +goose Up
-- Kept answers were ~72% of the database's bytes: the same ~60 key names
-- in every row. New rows keep them deflated against a fixed dictionary of
-- those names (about 30 bytes instead of ~800) in answers_packed, with
-- '{}' in answers; rows from before keep their JSON and read as before.
ALTER TABLE assessments ADD COLUMN answers_packed BLOB;

-- +goose Down
ALTER TABLE assessments DROP COLUMN answers_packed;
