package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"
)

// Plan is a visitor's back plan: the routines they chose, in order, and
// their weekly goal.
type Plan struct {
	Items       []string // routine slugs
	DaysPerWeek int      // the goal: days a week with at least one routine done
	WalkMinutes int      // a daily walking target, when they follow the walking plan; 0 for none
	Activity    string   // the everyday activity they rate at each check-in, in their words
	CreatedAt   time.Time
}

// PlanGoal is what a visitor sets when they start or edit a plan.
type PlanGoal struct {
	DaysPerWeek int
	WalkMinutes int
	Activity    string
}

// DoneMark is one routine done on one day.
type DoneMark struct {
	Slug string `json:"slug"`
	Day  string `json:"day"` // YYYY-MM-DD
}

// CheckIn is one weekly check-in: three 0–10 ratings.
type CheckIn struct {
	Day          string `json:"day"` // YYYY-MM-DD
	Pain         int    `json:"pain"`
	Interference int    `json:"interference"`
	Ease         int    `json:"ease"`
}

// FlareCard is a visitor's own plan for a flare-up, in their words.
type FlareCard struct {
	Helps    string `json:"helps"`
	Pause    string `json:"pause"`
	Contacts string `json:"contacts"`
	SeekHelp string `json:"seek_help"`
}

// Caps on what one visitor's plan holds. The web layer says so in plain
// words (a 422); the tables' CHECK constraints back the lengths up.
const (
	MaxPlanItems     = 5
	MaxActivity      = 60
	MaxWalkMinutes   = 60
	HistoryKeptDays  = 730 // two years of done marks and check-ins
	dayLayout        = "2006-01-02"
	planItemsPerPage = MaxPlanItems
)

// Errors a visitor can cause and fix.
var (
	ErrPlanFull       = errors.New("store: the plan already has its most routines")
	ErrCheckedInToday = errors.New("store: already checked in today")
	ErrNoPlan         = errors.New("store: no plan yet")
)

// Day is t's calendar date as stored.
func Day(t time.Time) string { return t.UTC().Format(dayLayout) }

// SavePlan creates or updates the visitor's goal and, when items is not
// nil, replaces their routines (at most MaxPlanItems, in order).
func (s *Store) SavePlan(ctx context.Context, who Who, g PlanGoal, items []string) (Visitor, error) {
	if len(items) > MaxPlanItems {
		return Visitor{}, ErrPlanFull
	}
	return s.forVisitor(ctx, who, func(tx *sql.Tx, v Visitor) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO plans (visitor_id, days_per_week, walk_minutes, activity) VALUES (?, ?, ?, ?)
			ON CONFLICT (visitor_id) DO UPDATE SET days_per_week = excluded.days_per_week,
				walk_minutes = excluded.walk_minutes, activity = excluded.activity`,
			v.ID, g.DaysPerWeek, g.WalkMinutes, g.Activity); err != nil {
			return fmt.Errorf("store: save plan: %w", err)
		}
		if items == nil {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM plan_items WHERE visitor_id = ?`, v.ID); err != nil {
			return fmt.Errorf("store: save plan: %w", err)
		}
		for i, slug := range items {
			if _, err := tx.ExecContext(ctx, `INSERT INTO plan_items (visitor_id, slug, position) VALUES (?, ?, ?)
				ON CONFLICT DO NOTHING`, v.ID, slug, i); err != nil {
				return fmt.Errorf("store: save plan: %w", err)
			}
		}
		return nil
	})
}

// AddPlanItems adds routines to the end of the plan, in order, starting a
// plan with goal if the visitor has none. Routines already in the plan are
// left where they are. All or nothing: when the new ones would not fit,
// none is added and the error is ErrPlanFull.
func (s *Store) AddPlanItems(ctx context.Context, who Who, slugs []string, goal PlanGoal) (Visitor, error) {
	return s.forVisitor(ctx, who, func(tx *sql.Tx, v Visitor) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO plans (visitor_id, days_per_week, walk_minutes, activity) VALUES (?, ?, ?, ?)
			ON CONFLICT (visitor_id) DO NOTHING`, v.ID, goal.DaysPerWeek, goal.WalkMinutes, goal.Activity); err != nil {
			return fmt.Errorf("store: add to plan: %w", err)
		}
		rows, err := tx.QueryContext(ctx, `SELECT slug FROM plan_items WHERE visitor_id = ?`, v.ID)
		if err != nil {
			return fmt.Errorf("store: add to plan: %w", err)
		}
		var have []string
		for rows.Next() {
			var slug string
			if err := rows.Scan(&slug); err != nil {
				rows.Close()
				return fmt.Errorf("store: add to plan: %w", err)
			}
			have = append(have, slug)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("store: add to plan: %w", err)
		}
		var add []string
		for _, slug := range slugs {
			if !slices.Contains(have, slug) && !slices.Contains(add, slug) {
				add = append(add, slug)
			}
		}
		if len(have)+len(add) > MaxPlanItems {
			return ErrPlanFull
		}
		for _, slug := range add {
			if _, err := tx.ExecContext(ctx, `INSERT INTO plan_items (visitor_id, slug, position)
				VALUES (?, ?, (SELECT coalesce(max(position), -1) + 1 FROM plan_items WHERE visitor_id = ?))`, v.ID, slug, v.ID); err != nil {
				return fmt.Errorf("store: add to plan: %w", err)
			}
		}
		return nil
	})
}

// RemovePlanItem takes a routine out of the plan; its done marks stay.
func (s *Store) RemovePlanItem(ctx context.Context, v Visitor, slug string) error {
	if _, err := s.exec(ctx, `DELETE FROM plan_items WHERE visitor_id = ? AND slug = ?`, v.ID, slug); err != nil {
		return fmt.Errorf("store: remove from plan: %w", err)
	}
	s.scrub(ctx)
	return nil
}

// Plan returns the visitor's plan, or ErrNoPlan.
func (s *Store) Plan(ctx context.Context, v Visitor) (Plan, error) {
	var p Plan
	var created string
	err := s.read.QueryRowContext(ctx, `SELECT days_per_week, walk_minutes, activity, created_at FROM plans WHERE visitor_id = ?`, v.ID).
		Scan(&p.DaysPerWeek, &p.WalkMinutes, &p.Activity, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return Plan{}, ErrNoPlan
	}
	if err != nil {
		return Plan{}, fmt.Errorf("store: plan: %w", err)
	}
	p.CreatedAt = parseTime(created)
	rows, err := s.read.QueryContext(ctx, `SELECT slug FROM plan_items WHERE visitor_id = ? ORDER BY position LIMIT ?`, v.ID, planItemsPerPage)
	if err != nil {
		return Plan{}, fmt.Errorf("store: plan: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var slug string
		if err := rows.Scan(&slug); err != nil {
			return Plan{}, fmt.Errorf("store: plan: %w", err)
		}
		p.Items = append(p.Items, slug)
	}
	return p, rows.Err()
}

// MarkDone records that the visitor did a routine on day; marking it
// again the same day changes nothing. It also drops marks and check-ins
// older than two years.
func (s *Store) MarkDone(ctx context.Context, who Who, slug string, day time.Time) (Visitor, error) {
	return s.forVisitor(ctx, who, func(tx *sql.Tx, v Visitor) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO done_marks (visitor_id, slug, day) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
			v.ID, slug, Day(day)); err != nil {
			return fmt.Errorf("store: mark done: %w", err)
		}
		return pruneHistory(ctx, tx, v, day)
	})
}

// UnmarkDone removes a mark made by mistake.
func (s *Store) UnmarkDone(ctx context.Context, v Visitor, slug string, day time.Time) error {
	if _, err := s.exec(ctx, `DELETE FROM done_marks WHERE visitor_id = ? AND slug = ? AND day = ?`, v.ID, slug, Day(day)); err != nil {
		return fmt.Errorf("store: unmark done: %w", err)
	}
	s.scrub(ctx)
	return nil
}

// DoneOn reports whether the visitor marked a routine done on day.
func (s *Store) DoneOn(ctx context.Context, v Visitor, slug string, day time.Time) (bool, error) {
	var done bool
	err := s.read.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM done_marks WHERE visitor_id = ? AND slug = ? AND day = ?)`,
		v.ID, slug, Day(day)).Scan(&done)
	if err != nil {
		return false, fmt.Errorf("store: done on: %w", err)
	}
	return done, nil
}

// DoneMarks lists the visitor's marks from since (inclusive), oldest first.
func (s *Store) DoneMarks(ctx context.Context, v Visitor, since time.Time) ([]DoneMark, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT slug, day FROM done_marks WHERE visitor_id = ? AND day >= ? ORDER BY day, slug`, v.ID, Day(since))
	if err != nil {
		return nil, fmt.Errorf("store: done marks: %w", err)
	}
	defer rows.Close()
	var out []DoneMark
	for rows.Next() {
		var m DoneMark
		if err := rows.Scan(&m.Slug, &m.Day); err != nil {
			return nil, fmt.Errorf("store: done marks: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// AddCheckIn stores a check-in for its day; a second one the same day is
// ErrCheckedInToday.
func (s *Store) AddCheckIn(ctx context.Context, who Who, c CheckIn, now time.Time) (Visitor, error) {
	return s.forVisitor(ctx, who, func(tx *sql.Tx, v Visitor) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO checkins (visitor_id, day, pain, interference, ease) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT DO NOTHING`, v.ID, c.Day, c.Pain, c.Interference, c.Ease)
		if err != nil {
			return fmt.Errorf("store: check in: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrCheckedInToday
		}
		return pruneHistory(ctx, tx, v, now)
	})
}

// CheckIns lists the visitor's check-ins, oldest first.
func (s *Store) CheckIns(ctx context.Context, v Visitor) ([]CheckIn, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT day, pain, interference, ease FROM checkins WHERE visitor_id = ? ORDER BY day`, v.ID)
	if err != nil {
		return nil, fmt.Errorf("store: check-ins: %w", err)
	}
	defer rows.Close()
	var out []CheckIn
	for rows.Next() {
		var c CheckIn
		if err := rows.Scan(&c.Day, &c.Pain, &c.Interference, &c.Ease); err != nil {
			return nil, fmt.Errorf("store: check-ins: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// SaveFlareCard creates or replaces the visitor's flare-up card.
func (s *Store) SaveFlareCard(ctx context.Context, who Who, f FlareCard) (Visitor, error) {
	defer s.scrub(ctx) // the old card's words
	return s.forVisitor(ctx, who, func(tx *sql.Tx, v Visitor) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO flare_cards (visitor_id, helps, pause, contacts, seek_help) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (visitor_id) DO UPDATE SET helps = excluded.helps, pause = excluded.pause, contacts = excluded.contacts,
				seek_help = excluded.seek_help, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
			v.ID, f.Helps, f.Pause, f.Contacts, f.SeekHelp)
		if err != nil {
			return fmt.Errorf("store: save flare card: %w", err)
		}
		return nil
	})
}

// FlareCardOf returns the visitor's flare-up card; ok is false when they
// have not written one.
func (s *Store) FlareCardOf(ctx context.Context, v Visitor) (FlareCard, bool, error) {
	var f FlareCard
	err := s.read.QueryRowContext(ctx, `SELECT helps, pause, contacts, seek_help FROM flare_cards WHERE visitor_id = ?`, v.ID).
		Scan(&f.Helps, &f.Pause, &f.Contacts, &f.SeekHelp)
	if errors.Is(err, sql.ErrNoRows) {
		return FlareCard{}, false, nil
	}
	if err != nil {
		return FlareCard{}, false, fmt.Errorf("store: flare card: %w", err)
	}
	return f, true, nil
}

// pruneHistory drops the visitor's done marks and check-ins older than
// HistoryKeptDays: a plan is about the last weeks and months, and what is
// not needed is not kept.
func pruneHistory(ctx context.Context, tx *sql.Tx, v Visitor, now time.Time) error {
	cutoff := Day(now.AddDate(0, 0, -HistoryKeptDays))
	for _, q := range []string{`DELETE FROM done_marks WHERE visitor_id = ? AND day < ?`, `DELETE FROM checkins WHERE visitor_id = ? AND day < ?`} {
		if _, err := tx.ExecContext(ctx, q, v.ID, cutoff); err != nil {
			return fmt.Errorf("store: prune history: %w", err)
		}
	}
	return nil
}
