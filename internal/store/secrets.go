package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
)

// Secret returns the random secret called name, creating it with size
// random bytes on first use. Every server process sharing the database
// gets the same value, so a key survives restarts.
func (s *Store) Secret(ctx context.Context, name string, size int) ([]byte, error) {
	var value []byte
	err := s.read.QueryRowContext(ctx, `SELECT value FROM secrets WHERE name = ?`, name).Scan(&value)
	if err == nil && len(value) == size {
		return value, nil
	}
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: read secret: %w", err)
	}
	fresh := make([]byte, size)
	rand.Read(fresh)
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		// Another process may have created it meanwhile: keep theirs.
		if _, err := tx.ExecContext(ctx, `INSERT INTO secrets (name, value) VALUES (?, ?)
			ON CONFLICT (name) DO UPDATE SET value = excluded.value WHERE length(secrets.value) != ?`, name, fresh, size); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, `SELECT value FROM secrets WHERE name = ?`, name).Scan(&value)
	})
	if err != nil {
		return nil, fmt.Errorf("store: create secret: %w", err)
	}
	return value, nil
}
