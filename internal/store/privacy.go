package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Export is everything stored for one visitor.
type Export struct {
	VisitorCreatedAt   time.Time
	Bookmarks          []Bookmark
	Assessments        []Assessment
	RestoreCodeExpires *time.Time
	Plan               *Plan
	DoneMarks          []DoneMark
	CheckIns           []CheckIn
	FlareCard          *FlareCard
}

// Export gathers all of a visitor's rows.
func (s *Store) Export(ctx context.Context, v Visitor) (Export, error) {
	var out Export
	var created string
	if err := s.read.QueryRowContext(ctx, `SELECT created_at FROM visitors WHERE id = ?`, v.ID).Scan(&created); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return Export{}, ErrNotFound
		}
		return Export{}, fmt.Errorf("store: export: %w", err)
	}
	out.VisitorCreatedAt = parseTime(created)
	var err error
	if out.Bookmarks, err = s.Bookmarks(ctx, v); err != nil {
		return Export{}, err
	}
	if out.Assessments, err = s.Assessments(ctx, v); err != nil {
		return Export{}, err
	}
	switch p, err := s.Plan(ctx, v); {
	case err == nil:
		out.Plan = &p
	case !errors.Is(err, ErrNoPlan):
		return Export{}, err
	}
	if out.DoneMarks, err = s.DoneMarks(ctx, v, time.Time{}); err != nil {
		return Export{}, err
	}
	if out.CheckIns, err = s.CheckIns(ctx, v); err != nil {
		return Export{}, err
	}
	switch f, ok, err := s.FlareCardOf(ctx, v); {
	case err != nil:
		return Export{}, err
	case ok:
		out.FlareCard = &f
	}
	var expires string
	switch err := s.read.QueryRowContext(ctx, `SELECT expires_at FROM restore_codes WHERE visitor_id = ?`, v.ID).Scan(&expires); {
	case err == nil:
		t := parseTime(expires)
		out.RestoreCodeExpires = &t
	case !errors.Is(err, sql.ErrNoRows):
		return Export{}, fmt.Errorf("store: export: %w", err)
	}
	return out, nil
}

// DeleteVisitor removes the visitor and, through the foreign keys' ON
// DELETE CASCADE, every row that belongs to them, in one statement.
func (s *Store) DeleteVisitor(ctx context.Context, v Visitor) error {
	if _, err := s.exec(ctx, `DELETE FROM visitors WHERE id = ?`, v.ID); err != nil {
		return fmt.Errorf("store: delete visitor: %w", err)
	}
	s.scrub(ctx)
	return nil
}

// RestoreCodeLifetime is how long a restore code works.
const RestoreCodeLifetime = 30 * 24 * time.Hour

// crockford is Crockford's base-32 alphabet: no I, L, O or U, so a code
// read aloud or copied by hand is hard to get wrong.
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// NewRestoreCode makes (or replaces) the visitor's restore code: 16
// characters of 5 bits each, 80 bits in all, shown in groups of four.
func (s *Store) NewRestoreCode(ctx context.Context, v Visitor, now time.Time) (string, time.Time, error) {
	b := make([]byte, 16)
	rand.Read(b)
	var code strings.Builder
	for i, x := range b {
		if i > 0 && i%4 == 0 {
			code.WriteByte('-')
		}
		code.WriteByte(crockford[x&31])
	}
	expires := now.Add(RestoreCodeLifetime).UTC()
	_, err := s.exec(ctx,
		`INSERT INTO restore_codes (visitor_id, code_hash, expires_at) VALUES (?, ?, ?)
		 ON CONFLICT (visitor_id) DO UPDATE SET code_hash = excluded.code_hash, expires_at = excluded.expires_at`,
		v.ID, hashToken(NormalizeRestoreCode(code.String())), expires.Format("2006-01-02T15:04:05.000Z"))
	if err != nil {
		return "", time.Time{}, fmt.Errorf("store: new restore code: %w", err)
	}
	return code.String(), expires, nil
}

// NormalizeRestoreCode accepts a code as people type it: any case, spaces
// or hyphens, and the letters people confuse with digits.
func NormalizeRestoreCode(s string) string {
	r := strings.NewReplacer("-", "", " ", "", "O", "0", "I", "1", "L", "1")
	return r.Replace(strings.ToUpper(strings.TrimSpace(s)))
}

// ValidRestoreCode reports whether s could be a code we issued.
func ValidRestoreCode(s string) bool {
	n := NormalizeRestoreCode(s)
	if len(n) != 16 {
		return false
	}
	for _, c := range n {
		if !strings.ContainsRune(crockford, c) {
			return false
		}
	}
	return true
}

// Restore moves the data of the visitor a code belongs to into this
// browser: that visitor gets newToken (the old browser's cookie stops
// working), the code is used up, and any data the browser already had
// (current) is merged in. An unknown or expired code is ErrNotFound.
func (s *Store) Restore(ctx context.Context, code, newToken string, current *Visitor, now time.Time) (Visitor, error) {
	if !ValidRestoreCode(code) || !ValidToken(newToken) {
		return Visitor{}, ErrNotFound
	}
	var target Visitor
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT visitor_id FROM restore_codes WHERE code_hash = ? AND expires_at > ?`,
			hashToken(NormalizeRestoreCode(code)), now.UTC().Format("2006-01-02T15:04:05.000Z")).Scan(&target.ID)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("store: restore: %w", err)
		}
		steps := []stmt{
			{`UPDATE visitors SET token_hash = ?, last_active_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`, []any{hashToken(newToken), target.ID}},
			{`DELETE FROM restore_codes WHERE visitor_id = ?`, []any{target.ID}},
		}
		if current != nil && current.ID != target.ID {
			steps = append(steps,
				stmt{`UPDATE assessments SET visitor_id = ? WHERE visitor_id = ?`, []any{target.ID, current.ID}},
				// "WHERE true" lets SQLite parse the upsert after a SELECT.
				stmt{`INSERT INTO bookmarks (visitor_id, kind, slug, note, created_at)
				      SELECT ?, kind, slug, note, created_at FROM bookmarks WHERE visitor_id = ? AND true
				      ON CONFLICT (visitor_id, kind, slug) DO NOTHING`, []any{target.ID, current.ID}},
				// The plan: what the restored browser had wins; this browser's
				// marks and check-ins join it, and its plan and card are kept
				// only where the restored one has none (within the caps).
				stmt{`INSERT INTO plans (visitor_id, days_per_week, walk_minutes, activity, created_at)
				      SELECT ?, days_per_week, walk_minutes, activity, created_at FROM plans WHERE visitor_id = ? AND true
				      ON CONFLICT (visitor_id) DO NOTHING`, []any{target.ID, current.ID}},
				stmt{`INSERT INTO plan_items (visitor_id, slug, position)
				      SELECT ?, slug, position FROM plan_items WHERE visitor_id = ?
				        AND (SELECT count(*) FROM plan_items WHERE visitor_id = ?) = 0
				      ON CONFLICT DO NOTHING`, []any{target.ID, current.ID, target.ID}},
				stmt{`INSERT INTO done_marks (visitor_id, slug, day)
				      SELECT ?, slug, day FROM done_marks WHERE visitor_id = ? AND true
				      ON CONFLICT DO NOTHING`, []any{target.ID, current.ID}},
				stmt{`INSERT INTO checkins (visitor_id, day, pain, interference, ease)
				      SELECT ?, day, pain, interference, ease FROM checkins WHERE visitor_id = ? AND true
				      ON CONFLICT DO NOTHING`, []any{target.ID, current.ID}},
				stmt{`INSERT INTO flare_cards (visitor_id, helps, pause, contacts, seek_help, updated_at)
				      SELECT ?, helps, pause, contacts, seek_help, updated_at FROM flare_cards WHERE visitor_id = ? AND true
				      ON CONFLICT (visitor_id) DO NOTHING`, []any{target.ID, current.ID}},
				stmt{`DELETE FROM visitors WHERE id = ?`, []any{current.ID}},
			)
		}
		for _, st := range steps {
			if _, err := tx.ExecContext(ctx, st.query, st.args...); err != nil {
				return fmt.Errorf("store: restore: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return Visitor{}, err
	}
	s.scrub(ctx)
	return target, nil
}

// stmt is one statement of a multi-statement transaction.
type stmt struct {
	query string
	args  []any
}

// Pruned says what PruneIdle removed.
type Pruned struct {
	Visitors     int64
	RestoreCodes int64
}

// PruneIdle deletes every visitor idle since before cutoff, with all they
// kept (ON DELETE CASCADE), and every expired restore code; then scrubs
// the file so the deleted bytes are gone too.
func (s *Store) PruneIdle(ctx context.Context, cutoff, now time.Time) (Pruned, error) {
	var p Pruned
	res, err := s.exec(ctx, `DELETE FROM visitors WHERE last_active_at < ?`, cutoff.UTC().Format("2006-01-02T15:04:05.000Z"))
	if err != nil {
		return p, fmt.Errorf("store: prune visitors: %w", err)
	}
	p.Visitors, _ = res.RowsAffected()
	res, err = s.exec(ctx, `DELETE FROM restore_codes WHERE expires_at <= ?`, now.UTC().Format("2006-01-02T15:04:05.000Z"))
	if err != nil {
		return p, fmt.Errorf("store: prune restore codes: %w", err)
	}
	p.RestoreCodes, _ = res.RowsAffected()
	if p.Visitors+p.RestoreCodes > 0 {
		s.scrub(ctx)
	}
	return p, nil
}
