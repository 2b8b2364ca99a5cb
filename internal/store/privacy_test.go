package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func count(t *testing.T, s *Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.read.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestBookmarks(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	v, err := s.AddBookmark(ctx, Who{NewToken: NewToken()}, "routine", "tennis-ball-lower-back")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddBookmark(ctx, Who{Visitor: v}, "routine", "tennis-ball-lower-back"); err != nil {
		t.Fatalf("bookmarking twice: %v", err)
	}
	s.AddBookmark(ctx, Who{Visitor: v}, "article", "sciatica")
	list, err := s.Bookmarks(ctx, v)
	if err != nil || len(list) != 2 || list[0].Slug != "sciatica" {
		t.Fatalf("Bookmarks = %+v, %v", list, err)
	}
	if err := s.SetBookmarkNote(ctx, v, "routine", "tennis-ball-lower-back", "Helps after work"); err != nil {
		t.Fatal(err)
	}
	if b, err := s.Bookmarked(ctx, v, "routine", "tennis-ball-lower-back"); err != nil || b.Note != "Helps after work" {
		t.Errorf("Bookmarked = %+v, %v", b, err)
	}
	if err := s.SetBookmarkNote(ctx, v, "routine", "tennis-ball-lower-back", strings.Repeat("é", MaxNote+1)); err == nil {
		t.Error("501-character note stored")
	}
	if err := s.SetBookmarkNote(ctx, v, "routine", "tennis-ball-lower-back", strings.Repeat("é", 500)); err != nil {
		t.Errorf("500-character note: %v", err)
	}
	if err := s.SetBookmarkNote(ctx, v, "article", "not-kept", "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("note on an item not kept: %v", err)
	}
	other, _ := s.AddBookmark(ctx, Who{NewToken: NewToken()}, "article", "faq")
	if err := s.RemoveBookmark(ctx, other, "article", "sciatica"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Bookmarked(ctx, v, "article", "sciatica"); err != nil {
		t.Error("another visitor removed this visitor's bookmark")
	}
	if err := s.RemoveBookmark(ctx, v, "article", "sciatica"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Bookmarked(ctx, v, "article", "sciatica"); !errors.Is(err, ErrNotFound) {
		t.Errorf("removed bookmark still there: %v", err)
	}
}

func TestExportAndDeleteVisitor(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	v, _ := s.AddBookmark(ctx, Who{NewToken: NewToken()}, "routine", "neck-and-shoulders")
	s.SaveAssessment(ctx, Who{Visitor: v}, Assessment{Answers: []byte(`{"age":50}`), Outcome: "doctor", RulesVersion: "v"})
	s.NewRestoreCode(ctx, v, time.Now())
	keep, _ := s.AddBookmark(ctx, Who{NewToken: NewToken()}, "article", "faq")
	ex, err := s.Export(ctx, v)
	if err != nil || len(ex.Bookmarks) != 1 || len(ex.Assessments) != 1 || ex.RestoreCodeExpires == nil || ex.VisitorCreatedAt.IsZero() {
		t.Fatalf("Export = %+v, %v", ex, err)
	}
	if err := s.DeleteVisitor(ctx, v); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"visitors WHERE id = ?", "bookmarks WHERE visitor_id = ?", "assessments WHERE visitor_id = ?", "restore_codes WHERE visitor_id = ?"} {
		if n := count(t, s, "SELECT count(*) FROM "+table, v.ID); n != 0 {
			t.Errorf("%s: %d rows left", table, n)
		}
	}
	if n := count(t, s, "SELECT count(*) FROM bookmarks WHERE visitor_id = ?", keep.ID); n != 1 {
		t.Error("deleting one visitor touched another's data")
	}
}

func TestRestoreCode(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	now := time.Now()
	oldToken := NewToken()
	a, _ := s.AddBookmark(ctx, Who{NewToken: oldToken}, "routine", "foot-arch-roll")
	s.SetBookmarkNote(ctx, a, "routine", "foot-arch-roll", "evening")
	code, expires, err := s.NewRestoreCode(ctx, a, now)
	if err != nil || len(code) != 19 || strings.Count(code, "-") != 3 || expires.Sub(now) < 29*24*time.Hour {
		t.Fatalf("NewRestoreCode = %q %v %v", code, expires, err)
	}
	// The second browser already kept something of its own: it is merged.
	b, _ := s.AddBookmark(ctx, Who{NewToken: NewToken()}, "article", "sciatica")
	newToken := NewToken()
	typed := strings.ToLower(strings.ReplaceAll(code, "-", " "))
	got, err := s.Restore(ctx, typed, newToken, &b, now)
	if err != nil || got != a {
		t.Fatalf("Restore = %v, %v", got, err)
	}
	if v, err := s.VisitorByToken(ctx, newToken); err != nil || v != a {
		t.Errorf("new token does not open the restored visitor: %v %v", v, err)
	}
	if _, err := s.VisitorByToken(ctx, oldToken); !errors.Is(err, ErrNotFound) {
		t.Error("the old browser's token still works after the data moved")
	}
	list, _ := s.Bookmarks(ctx, a)
	if len(list) != 2 {
		t.Errorf("after merge: %+v", list)
	}
	if n := count(t, s, "SELECT count(*) FROM visitors WHERE id = ?", b.ID); n != 0 {
		t.Error("the merged visitor was not removed")
	}
	if _, err := s.Restore(ctx, code, NewToken(), nil, now); !errors.Is(err, ErrNotFound) {
		t.Errorf("a used code worked again: %v", err)
	}
	code2, _, _ := s.NewRestoreCode(ctx, a, now)
	code3, _, _ := s.NewRestoreCode(ctx, a, now)
	if _, err := s.Restore(ctx, code2, NewToken(), nil, now); !errors.Is(err, ErrNotFound) {
		t.Error("a replaced code still works")
	}
	if _, err := s.Restore(ctx, code3, NewToken(), nil, now.Add(31*24*time.Hour)); !errors.Is(err, ErrNotFound) {
		t.Error("an expired code works")
	}
	for _, bad := range []string{"", "short", strings.Repeat("U", 16), "'; DROP TABLE visitors; --"} {
		if _, err := s.Restore(ctx, bad, NewToken(), nil, now); !errors.Is(err, ErrNotFound) {
			t.Errorf("Restore(%q) = %v", bad, err)
		}
	}
}
