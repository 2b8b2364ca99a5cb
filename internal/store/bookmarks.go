package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Bookmark is an article or routine a visitor kept.
type Bookmark struct {
	Kind      string // article or routine
	Slug      string
	Note      string
	CreatedAt time.Time
}

// MaxNote is the longest note a bookmark may carry, in characters. The
// web layer tells the visitor; the table's CHECK constraint enforces it.
const MaxNote = 500

// AddBookmark keeps an item; keeping it again changes nothing.
func (s *Store) AddBookmark(ctx context.Context, who Who, kind, slug string) (Visitor, error) {
	return s.forVisitor(ctx, who, func(tx *sql.Tx, v Visitor) error {
		var n int
		var have bool
		if err := tx.QueryRowContext(ctx, `SELECT count(*), coalesce(max(kind = ? AND slug = ?), 0) FROM bookmarks WHERE visitor_id = ?`, kind, slug, v.ID).Scan(&n, &have); err != nil {
			return fmt.Errorf("store: add bookmark: %w", err)
		}
		if n >= MaxBookmarks && !have {
			return ErrTooManyBookmarks
		}
		_, err := tx.ExecContext(ctx,
			`INSERT INTO bookmarks (visitor_id, kind, slug) VALUES (?, ?, ?) ON CONFLICT (visitor_id, kind, slug) DO NOTHING`,
			v.ID, kind, slug)
		if err != nil {
			return fmt.Errorf("store: add bookmark: %w", err)
		}
		return nil
	})
}

// RemoveBookmark forgets an item; removing one that is not kept is harmless.
func (s *Store) RemoveBookmark(ctx context.Context, v Visitor, kind, slug string) error {
	if _, err := s.exec(ctx, `DELETE FROM bookmarks WHERE visitor_id = ? AND kind = ? AND slug = ?`, v.ID, kind, slug); err != nil {
		return fmt.Errorf("store: remove bookmark: %w", err)
	}
	s.scrub(ctx)
	return nil
}

// SetBookmarkNote replaces a kept item's note. A note over MaxNote
// characters fails the table's CHECK constraint.
func (s *Store) SetBookmarkNote(ctx context.Context, v Visitor, kind, slug, note string) error {
	res, err := s.exec(ctx, `UPDATE bookmarks SET note = ? WHERE visitor_id = ? AND kind = ? AND slug = ?`, note, v.ID, kind, slug)
	if err != nil {
		return fmt.Errorf("store: set note: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	s.scrub(ctx) // the old note
	return nil
}

// Bookmarks lists a visitor's kept items, newest first.
func (s *Store) Bookmarks(ctx context.Context, v Visitor) ([]Bookmark, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT kind, slug, note, created_at FROM bookmarks WHERE visitor_id = ? ORDER BY created_at DESC, id DESC`, v.ID)
	if err != nil {
		return nil, fmt.Errorf("store: list bookmarks: %w", err)
	}
	defer rows.Close()
	var out []Bookmark
	for rows.Next() {
		var b Bookmark
		var created string
		if err := rows.Scan(&b.Kind, &b.Slug, &b.Note, &created); err != nil {
			return nil, fmt.Errorf("store: list bookmarks: %w", err)
		}
		b.CreatedAt = parseTime(created)
		out = append(out, b)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list bookmarks: %w", err)
	}
	return out, nil
}

// Bookmarked returns a visitor's bookmark of one item, or ErrNotFound.
func (s *Store) Bookmarked(ctx context.Context, v Visitor, kind, slug string) (Bookmark, error) {
	b := Bookmark{Kind: kind, Slug: slug}
	var created string
	err := s.read.QueryRowContext(ctx, `SELECT note, created_at FROM bookmarks WHERE visitor_id = ? AND kind = ? AND slug = ?`, v.ID, kind, slug).Scan(&b.Note, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return Bookmark{}, ErrNotFound
	}
	if err != nil {
		return Bookmark{}, fmt.Errorf("store: get bookmark: %w", err)
	}
	b.CreatedAt = parseTime(created)
	return b, nil
}

func parseTime(s string) time.Time {
	t, _ := time.Parse("2006-01-02T15:04:05.999Z", s)
	return t
}
