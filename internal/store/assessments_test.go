package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"backwise/migrations"
)

func openTest(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "t.db"), migrations.FS)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestAssessmentsBelongToTheirVisitor(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	tokA, tokB := NewToken(), NewToken()
	a, idA, err := s.SaveAssessment(ctx, Who{NewToken: tokA}, Assessment{Answers: []byte(`{"age":40}`), Outcome: "self_care", Intensity: 3, RulesVersion: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.AddBookmark(ctx, Who{NewToken: tokB}, "article", "faq")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.VisitorByToken(ctx, tokA); err != nil || got != a {
		t.Fatalf("VisitorByToken = %v, %v", got, err)
	}
	if _, err := s.VisitorByToken(ctx, NewToken()); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown token: %v", err)
	}
	if _, err := s.VisitorByToken(ctx, "garbage"); !errors.Is(err, ErrNotFound) {
		t.Errorf("garbage token: %v", err)
	}
	got, err := s.Assessment(ctx, a, idA)
	if err != nil || got.Outcome != "self_care" || got.Intensity != 3 || string(got.Answers) != `{"age":40}` || got.CreatedAt.IsZero() {
		t.Fatalf("Assessment = %+v, %v", got, err)
	}
	if _, err := s.Assessment(ctx, b, idA); !errors.Is(err, ErrNotFound) {
		t.Errorf("other visitor read the result: %v", err)
	}
	if err := s.DeleteAssessment(ctx, b, idA); !errors.Is(err, ErrNotFound) {
		t.Errorf("other visitor deleted the result: %v", err)
	}
	_, idA2, err := s.SaveAssessment(ctx, Who{Visitor: a}, Assessment{Answers: []byte(`{}`), Outcome: "doctor", Intensity: 6, RulesVersion: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.Assessments(ctx, a)
	if err != nil || len(list) != 2 || list[0].PublicID != idA2 {
		t.Fatalf("Assessments = %+v, %v", list, err)
	}
	if list, _ := s.Assessments(ctx, b); len(list) != 0 {
		t.Errorf("visitor B sees %d results", len(list))
	}
	if err := s.DeleteAssessment(ctx, a, idA); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Assessments(ctx, a); len(list) != 1 {
		t.Errorf("after delete: %d results", len(list))
	}
}

func TestSaveRejectsInvalidJSON(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	v, err := s.AddBookmark(ctx, Who{NewToken: NewToken()}, "article", "faq")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SaveAssessment(ctx, Who{Visitor: v}, Assessment{Answers: []byte(`{not json`), Outcome: "x", RulesVersion: "v"}); err == nil {
		t.Error("invalid answers JSON stored")
	}
}

func TestNewVisitorWithFailedSaveIsRolledBack(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if _, _, err := s.SaveAssessment(ctx, Who{NewToken: NewToken()}, Assessment{Answers: []byte(`nope`), Outcome: "x", RulesVersion: "v"}); err == nil {
		t.Fatal("bad answers accepted")
	}
	var n int
	s.read.QueryRowContext(ctx, `SELECT count(*) FROM visitors`).Scan(&n)
	if n != 0 {
		t.Errorf("a visitor was left behind by a failed save: %d", n)
	}
}
