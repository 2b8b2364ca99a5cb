package store

import (
	"context"
	"fmt"
	"strings"
)

// Feedback is a reader's report of a problem with a page. It carries no
// visitor, address or time of day: see migrations/00005_feedback.sql.
type Feedback struct {
	ID         int64  `json:"id"`
	Kind       string `json:"kind"` // article or routine
	Slug       string `json:"slug"`
	Problem    string `json:"problem"` // wrong, unclear, broken or other
	Message    string `json:"message"`
	Contact    string `json:"contact"`     // optional: how to reply, as the reader wrote it
	Region     string `json:"region"`      // whose numbers and services the page showed
	ReceivedOn string `json:"received_on"` // YYYY-MM-DD
}

// FeedbackProblem is a kind of problem a reader can report: the value
// stored (the table's CHECK constraint lists the same values) and the
// words the reader chose it by.
type FeedbackProblem struct {
	Value, Label string
}

// FeedbackProblems are the kinds of problem, in the order the form offers them.
var FeedbackProblems = []FeedbackProblem{
	{"wrong", "Something is wrong or out of date"},
	{"unclear", "Something is hard to understand"},
	{"broken", "A link, number or picture does not work"},
	{"other", "Something else"},
}

// FeedbackProblemLabel is the reader's words for a stored value.
func FeedbackProblemLabel(value string) string {
	for _, p := range FeedbackProblems {
		if p.Value == value {
			return p.Label
		}
	}
	return value
}

// Limits of a report, in characters. The web layer tells the reader; the
// table's CHECK constraints enforce them.
const (
	MaxFeedbackMessage = 2000
	MaxFeedbackContact = 200
)

// AddFeedback stores a report and returns its number.
func (s *Store) AddFeedback(ctx context.Context, f Feedback) (int64, error) {
	res, err := s.exec(ctx,
		`INSERT INTO feedback (kind, slug, problem, message, contact, region) VALUES (?, ?, ?, ?, ?, ?)`,
		f.Kind, f.Slug, f.Problem, f.Message, f.Contact, f.Region)
	if err != nil {
		return 0, fmt.Errorf("store: add feedback: %w", err)
	}
	return res.LastInsertId()
}

// FeedbackFilter narrows ListFeedback; the zero value lists everything.
type FeedbackFilter struct {
	Slug string // only reports about this page
}

// ListFeedback returns reports, oldest first, so editors work through
// them in the order they came.
func (s *Store) ListFeedback(ctx context.Context, filter FeedbackFilter) ([]Feedback, error) {
	q := `SELECT id, kind, slug, problem, message, contact, region, received_on FROM feedback`
	var args []any
	if filter.Slug != "" {
		q += ` WHERE slug = ?`
		args = append(args, filter.Slug)
	}
	rows, err := s.read.QueryContext(ctx, q+` ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: list feedback: %w", err)
	}
	defer rows.Close()
	var out []Feedback
	for rows.Next() {
		var f Feedback
		if err := rows.Scan(&f.ID, &f.Kind, &f.Slug, &f.Problem, &f.Message, &f.Contact, &f.Region, &f.ReceivedOn); err != nil {
			return nil, fmt.Errorf("store: list feedback: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// DeleteFeedback removes handled reports by number and says how many went.
// Numbers that do not exist are ignored.
func (s *Store) DeleteFeedback(ctx context.Context, ids []int64) (int64, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	q := `DELETE FROM feedback WHERE id IN (?` + strings.Repeat(`, ?`, len(ids)-1) + `)`
	res, err := s.exec(ctx, q, args...)
	if err != nil {
		return 0, fmt.Errorf("store: delete feedback: %w", err)
	}
	s.scrub(ctx)
	return res.RowsAffected()
}
