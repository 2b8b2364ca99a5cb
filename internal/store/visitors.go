package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
)

// Visitor is an anonymous browser that has kept something. Its token lives
// only in the visitor's cookie; the database holds a hash of it.
type Visitor struct {
	ID int64
}

// tokenBytes is 128 bits: unguessable, and short enough for a cookie.
const tokenBytes = 16

// NewToken returns a fresh random visitor token, URL- and cookie-safe.
func NewToken() string {
	b := make([]byte, tokenBytes)
	rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return base64.RawURLEncoding.EncodeToString(b)
}

// ValidToken reports whether s has the shape of a token we issued, so that
// garbage cookies are rejected before any database work.
func ValidToken(s string) bool {
	b, err := base64.RawURLEncoding.DecodeString(s)
	return err == nil && len(b) == tokenBytes
}

func hashToken(token string) []byte {
	sum := sha256.Sum256([]byte(token))
	return sum[:]
}

// Who is the visitor a write is for: an existing visitor, or, when NewToken
// is set, a new one created in the same transaction as the write (so a
// failed write never leaves an empty visitor behind). The caller puts
// NewToken in the visitor's cookie once the write succeeds.
type Who struct {
	Visitor  Visitor
	NewToken string
}

// forVisitor runs fn in a transaction for who, creating the visitor first
// when asked.
func (s *Store) forVisitor(ctx context.Context, who Who, fn func(*sql.Tx, Visitor) error) (Visitor, error) {
	v := who.Visitor
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if who.NewToken != "" {
			if !ValidToken(who.NewToken) {
				return errors.New("store: create visitor: malformed token")
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO visitors (token_hash, last_active_at) VALUES (?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`, hashToken(who.NewToken))
			if err != nil {
				return fmt.Errorf("store: create visitor: %w", err)
			}
			if v.ID, err = res.LastInsertId(); err != nil {
				return fmt.Errorf("store: create visitor: %w", err)
			}
		}
		if err := fn(tx, v); err != nil {
			return err
		}
		// Every write keeps the visitor's data from being deleted as idle.
		// Once a day is enough against a retention of months, and spares
		// the row and its index a rewrite on every save of a busy visitor
		// (two of a kept result's pages at 1M visitors).
		if _, err := tx.ExecContext(ctx, `UPDATE visitors SET last_active_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
			WHERE id = ? AND last_active_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 day')`, v.ID); err != nil {
			return fmt.Errorf("store: mark visitor active: %w", err)
		}
		return nil
	})
	if err != nil {
		return Visitor{}, err
	}
	return v, nil
}

// VisitorByToken finds the visitor a cookie token belongs to.
func (s *Store) VisitorByToken(ctx context.Context, token string) (Visitor, error) {
	if !ValidToken(token) {
		return Visitor{}, ErrNotFound
	}
	var v Visitor
	err := s.read.QueryRowContext(ctx, `SELECT id FROM visitors WHERE token_hash = ?`, hashToken(token)).Scan(&v.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return Visitor{}, ErrNotFound
	}
	if err != nil {
		return Visitor{}, fmt.Errorf("store: find visitor: %w", err)
	}
	return v, nil
}
