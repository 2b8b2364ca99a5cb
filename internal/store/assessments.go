package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base32"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Assessment is a kept questionnaire result.
type Assessment struct {
	PublicID     string
	Answers      []byte // JSON object of answer key -> value
	Outcome      string
	Intensity    int
	RulesVersion string
	CreatedAt    time.Time
}

// newPublicID makes an unguessable id for result URLs (80 bits).
func newPublicID() string {
	b := make([]byte, 10)
	rand.Read(b)
	return strings.ToLower(base32.StdEncoding.EncodeToString(b))
}

// SaveAssessment stores a result for a visitor (creating the visitor in the
// same transaction when who.NewToken is set) and returns its public id.
func (s *Store) SaveAssessment(ctx context.Context, who Who, a Assessment) (Visitor, string, error) {
	id := newPublicID()
	// The table's json_valid check no longer sees the answers, so check here.
	if !json.Valid(a.Answers) {
		return Visitor{}, "", errors.New("store: save assessment: answers are not JSON")
	}
	packed, err := packAnswers(a.Answers)
	if err != nil {
		return Visitor{}, "", fmt.Errorf("store: save assessment: %w", err)
	}
	v, err := s.forVisitor(ctx, who, func(tx *sql.Tx, v Visitor) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM assessments WHERE visitor_id = ?`, v.ID).Scan(&n); err != nil {
			return fmt.Errorf("store: save assessment: %w", err)
		}
		if n >= MaxAssessments {
			return ErrTooManyResults
		}
		_, err := tx.ExecContext(ctx,
			`INSERT INTO assessments (public_id, visitor_id, answers, answers_packed, outcome, intensity, rules_version) VALUES (?, ?, '{}', ?, ?, ?, ?)`,
			id, v.ID, packed, a.Outcome, a.Intensity, a.RulesVersion)
		if err != nil {
			return fmt.Errorf("store: save assessment: %w", err)
		}
		return nil
	})
	if err != nil {
		return Visitor{}, "", err
	}
	return v, id, nil
}

// Caps on one visitor's rows, so no visitor's pages or export can grow
// without bound (one with 20,000 results slowed every other visitor's
// searches in a review). The web layer says so with a 422.
const (
	MaxAssessments = 200
	MaxBookmarks   = 500
)

// Errors for a visitor at a cap.
var (
	ErrTooManyResults   = errors.New("store: the most kept results")
	ErrTooManyBookmarks = errors.New("store: the most saved items")
)

// AssessmentSummary is a kept result without its answers, for lists.
type AssessmentSummary struct {
	PublicID  string
	Outcome   string
	Intensity int
	CreatedAt time.Time
}

// AssessmentSummaries lists a page of the visitor's results, newest first,
// without their answers, and how many there are in all.
func (s *Store) AssessmentSummaries(ctx context.Context, v Visitor, limit, offset int) ([]AssessmentSummary, int, error) {
	var total int
	if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM assessments WHERE visitor_id = ?`, v.ID).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: count assessments: %w", err)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT public_id, outcome, COALESCE(intensity, 0), created_at FROM assessments
		WHERE visitor_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`, v.ID, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("store: list assessments: %w", err)
	}
	defer rows.Close()
	var out []AssessmentSummary
	for rows.Next() {
		var a AssessmentSummary
		var created string
		if err := rows.Scan(&a.PublicID, &a.Outcome, &a.Intensity, &created); err != nil {
			return nil, 0, fmt.Errorf("store: list assessments: %w", err)
		}
		a.CreatedAt = parseTime(created)
		out = append(out, a)
	}
	return out, total, rows.Err()
}

// LatestAssessment is the visitor's most recent kept result; ok is false
// when there is none. One row is read, however many they kept.
func (s *Store) LatestAssessment(ctx context.Context, v Visitor) (Assessment, bool, error) {
	a, err := scanAssessment(s.read.QueryRowContext(ctx, `SELECT `+assessmentColumns+` FROM assessments
		WHERE visitor_id = ? ORDER BY created_at DESC, id DESC LIMIT 1`, v.ID))
	if errors.Is(err, sql.ErrNoRows) {
		return Assessment{}, false, nil
	}
	if err != nil {
		return Assessment{}, false, fmt.Errorf("store: latest assessment: %w", err)
	}
	return a, true, nil
}

const assessmentColumns = `public_id, answers, answers_packed, outcome, COALESCE(intensity, 0), rules_version, created_at`

func scanAssessment(row interface{ Scan(...any) error }) (Assessment, error) {
	var a Assessment
	var answers, created string
	var packed []byte
	if err := row.Scan(&a.PublicID, &answers, &packed, &a.Outcome, &a.Intensity, &a.RulesVersion, &created); err != nil {
		return Assessment{}, err
	}
	a.Answers = []byte(answers)
	if packed != nil { // rows from before 00008 keep their JSON in answers
		js, err := unpackAnswers(packed)
		if err != nil {
			return Assessment{}, err
		}
		a.Answers = js
	}
	a.CreatedAt = parseTime(created)
	return a, nil
}

// Assessment returns one of the visitor's results; another visitor's id is
// ErrNotFound, exactly like an id that does not exist.
func (s *Store) Assessment(ctx context.Context, v Visitor, publicID string) (Assessment, error) {
	row := s.read.QueryRowContext(ctx, `SELECT `+assessmentColumns+` FROM assessments WHERE public_id = ? AND visitor_id = ?`, publicID, v.ID)
	a, err := scanAssessment(row)
	if errors.Is(err, sql.ErrNoRows) {
		return Assessment{}, ErrNotFound
	}
	if err != nil {
		return Assessment{}, fmt.Errorf("store: get assessment: %w", err)
	}
	return a, nil
}

// Assessments lists the visitor's results, newest first.
func (s *Store) Assessments(ctx context.Context, v Visitor) ([]Assessment, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+assessmentColumns+` FROM assessments WHERE visitor_id = ? ORDER BY created_at DESC, id DESC`, v.ID)
	if err != nil {
		return nil, fmt.Errorf("store: list assessments: %w", err)
	}
	defer rows.Close()
	var out []Assessment
	for rows.Next() {
		a, err := scanAssessment(rows)
		if err != nil {
			return nil, fmt.Errorf("store: list assessments: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list assessments: %w", err)
	}
	return out, nil
}

// DeleteAssessment removes one of the visitor's results.
func (s *Store) DeleteAssessment(ctx context.Context, v Visitor, publicID string) error {
	res, err := s.exec(ctx, `DELETE FROM assessments WHERE public_id = ? AND visitor_id = ?`, publicID, v.ID)
	if err != nil {
		return fmt.Errorf("store: delete assessment: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	s.scrub(ctx)
	return nil
}
