// Package store keeps Backwise's data in SQLite: it opens the database with
// the pragmas every connection needs, applies the embedded migrations, and
// (in later files) reads and writes visitors and what they keep.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"

	"github.com/pressly/goose/v3"

	// The SQLite driver registers itself as "sqlite3".
	_ "github.com/mattn/go-sqlite3"
)

// ErrNotFound is returned when a row does not exist (or belongs to another
// visitor: callers must not be able to tell the two apart).
var ErrNotFound = errors.New("store: not found")

// Store is the application's database. SQLite allows one writer at a time,
// so writes go through a single connection (no lock contention, good p99)
// while reads use a pool.
type Store struct {
	write *sql.DB
	read  *sql.DB
}

// Open opens (creating if needed) the database file at path and applies
// every pending migration from migrationsFS.
func Open(ctx context.Context, path string, migrationsFS fs.FS) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("store: create folder for %s: %w", path, err)
		}
	}
	write, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	read, err := sql.Open("sqlite3", dsn(path, false))
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	read.SetMaxOpenConns(4)
	s := &Store{write: write, read: read}
	if err := s.migrate(ctx, migrationsFS); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// dsn sets the pragmas in the connection string so they apply to every
// pooled connection, not just the one a PRAGMA statement happens to run on.
// busy_timeout comes first so that even setting WAL waits for a lock.
func dsn(path string, writer bool) string {
	q := url.Values{}
	q.Set("_busy_timeout", "5000")
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	q.Set("_foreign_keys", "on")
	if writer {
		// Take the write lock at BEGIN, so a transaction waits for the lock
		// up front instead of failing half-way with SQLITE_BUSY.
		q.Set("_txlock", "immediate")
	} else {
		q.Set("mode", "ro")
	}
	return "file:" + path + "?" + q.Encode()
}

func (s *Store) migrate(ctx context.Context, migrationsFS fs.FS) error {
	p, err := goose.NewProvider(goose.DialectSQLite3, s.write, migrationsFS)
	if err != nil {
		return fmt.Errorf("store: prepare migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	return nil
}

// Ping checks that the database answers, for the health endpoint.
func (s *Store) Ping(ctx context.Context) error {
	var n int
	if err := s.read.QueryRowContext(ctx, "SELECT 1").Scan(&n); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	return nil
}

// Close closes both pools.
func (s *Store) Close() error {
	return errors.Join(s.read.Close(), s.write.Close())
}

// inTx runs fn in a write transaction, rolling back on any error or panic
// and reporting a failed commit. It is the only way store code writes more
// than one statement.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) (err error) {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			tx.Rollback()
			panic(p)
		}
		if err != nil {
			tx.Rollback()
		}
	}()
	if err = fn(tx); err != nil {
		return err
	}
	if err = tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}
