package store

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"
)

func TestPlanCapsAndMarks(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	day := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	goal := PlanGoal{DaysPerWeek: 3, Activity: "walking the dog"}
	v, err := s.AddPlanItems(ctx, Who{NewToken: NewToken()}, []string{"bridges"}, goal)
	if err != nil {
		t.Fatal(err)
	}
	for _, slug := range []string{"bridges", "cat-cow", "knee-rolls", "walking-plan", "bird-dog"} {
		if _, err := s.AddPlanItems(ctx, Who{Visitor: v}, []string{slug}, goal); err != nil {
			t.Fatalf("add %s: %v", slug, err)
		}
	}
	if _, err := s.AddPlanItems(ctx, Who{Visitor: v}, []string{"sit-to-stand"}, goal); !errors.Is(err, ErrPlanFull) {
		t.Errorf("a sixth routine: err = %v, want ErrPlanFull", err)
	}
	// All or nothing: a plan of three offered three new routines takes none.
	w, _ := s.AddPlanItems(ctx, Who{NewToken: NewToken()}, []string{"bridges", "cat-cow", "knee-rolls"}, goal)
	if _, err := s.AddPlanItems(ctx, Who{Visitor: w}, []string{"bridges", "walking-plan", "bird-dog", "sit-to-stand"}, goal); !errors.Is(err, ErrPlanFull) {
		t.Errorf("three more than fit: err = %v, want ErrPlanFull", err)
	}
	if p, _ := s.Plan(ctx, w); len(p.Items) != 3 {
		t.Errorf("a refused addition left %v in the plan, want the three before", p.Items)
	}
	if _, err := s.AddPlanItems(ctx, Who{Visitor: w}, []string{"bridges", "walking-plan", "bird-dog"}, goal); err != nil {
		t.Errorf("two new and one already there fit: %v", err)
	}
	p, err := s.Plan(ctx, v)
	if err != nil || len(p.Items) != 5 || p.Items[0] != "bridges" || p.Items[4] != "bird-dog" || p.DaysPerWeek != 3 || p.Activity != "walking the dog" {
		t.Fatalf("Plan = %+v, %v", p, err)
	}
	if _, err := s.SavePlan(ctx, Who{Visitor: v}, PlanGoal{DaysPerWeek: 5}, []string{"a", "b", "c", "d", "e", "f"}); !errors.Is(err, ErrPlanFull) {
		t.Errorf("saving six routines: err = %v", err)
	}
	if _, err := s.SavePlan(ctx, Who{Visitor: v}, PlanGoal{DaysPerWeek: 5, WalkMinutes: 15}, []string{"walking-plan"}); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Plan(ctx, v); len(p.Items) != 1 || p.DaysPerWeek != 5 || p.WalkMinutes != 15 {
		t.Errorf("after saving: %+v", p)
	}
	// One mark per routine per day, however often it is pressed.
	for range 3 {
		if _, err := s.MarkDone(ctx, Who{Visitor: v}, "bridges", day); err != nil {
			t.Fatal(err)
		}
	}
	s.MarkDone(ctx, Who{Visitor: v}, "bridges", day.Add(-24*time.Hour))
	if n := count(t, s, `SELECT count(*) FROM done_marks WHERE visitor_id = ?`, v.ID); n != 2 {
		t.Errorf("%d marks, want 2", n)
	}
	if done, _ := s.DoneOn(ctx, v, "bridges", day); !done {
		t.Error("DoneOn is false after marking")
	}
	s.UnmarkDone(ctx, v, "bridges", day)
	if done, _ := s.DoneOn(ctx, v, "bridges", day); done {
		t.Error("DoneOn is true after unmarking")
	}
	// One check-in a day.
	c := CheckIn{Day: Day(day), Pain: 6, Interference: 5, Ease: 4}
	if _, err := s.AddCheckIn(ctx, Who{Visitor: v}, c, day); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddCheckIn(ctx, Who{Visitor: v}, c, day); !errors.Is(err, ErrCheckedInToday) {
		t.Errorf("second check-in the same day: err = %v", err)
	}
	// History older than two years goes as new rows are written.
	old := day.AddDate(-2, 0, -5)
	s.AddCheckIn(ctx, Who{Visitor: v}, CheckIn{Day: Day(old), Pain: 9, Interference: 9, Ease: 1}, old)
	s.MarkDone(ctx, Who{Visitor: v}, "bridges", old)
	s.MarkDone(ctx, Who{Visitor: v}, "cat-cow", day)
	if cs, _ := s.CheckIns(ctx, v); len(cs) != 1 || cs[0].Day != "2026-12-01" {
		t.Errorf("check-ins after pruning: %+v", cs)
	}
	if marks, _ := s.DoneMarks(ctx, v, time.Time{}); len(marks) != 2 {
		t.Errorf("marks after pruning: %+v", marks)
	}
	// A check-in out of range never reaches the table.
	if _, err := s.AddCheckIn(ctx, Who{Visitor: v}, CheckIn{Day: "2026-12-02", Pain: 11}, day); err == nil {
		t.Error("a pain of 11 was stored")
	}
}

func TestPlanExportDeleteRestore(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	a, _ := s.AddPlanItems(ctx, Who{NewToken: NewToken()}, []string{"bridges"}, PlanGoal{DaysPerWeek: 3})
	s.MarkDone(ctx, Who{Visitor: a}, "bridges", now)
	s.AddCheckIn(ctx, Who{Visitor: a}, CheckIn{Day: Day(now), Pain: 5, Interference: 4, Ease: 6}, now)
	s.SaveFlareCard(ctx, Who{Visitor: a}, FlareCard{Helps: "heat", Pause: "gardening", Contacts: "my GP", SeekHelp: "warning signs"})
	ex, err := s.Export(ctx, a)
	if err != nil || ex.Plan == nil || len(ex.Plan.Items) != 1 || len(ex.DoneMarks) != 1 || len(ex.CheckIns) != 1 || ex.FlareCard == nil || ex.FlareCard.Pause != "gardening" {
		t.Fatalf("Export = %+v, %v", ex, err)
	}
	// Restore into a browser that has its own marks and check-ins: they join.
	b, _ := s.MarkDone(ctx, Who{NewToken: NewToken()}, "cat-cow", now)
	s.AddCheckIn(ctx, Who{Visitor: b}, CheckIn{Day: Day(now.AddDate(0, 0, -7)), Pain: 7, Interference: 6, Ease: 3}, now)
	code, _, err := s.NewRestoreCode(ctx, a, now)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Restore(ctx, code, NewToken(), &b, now)
	if err != nil || got.ID != a.ID {
		t.Fatalf("Restore = %+v, %v", got, err)
	}
	ex, _ = s.Export(ctx, a)
	if len(ex.DoneMarks) != 2 || len(ex.CheckIns) != 2 || ex.Plan == nil || ex.Plan.Items[0] != "bridges" || ex.FlareCard == nil {
		t.Errorf("after restore: %+v", ex)
	}
	// Deleting the visitor deletes every plan table's rows.
	if err := s.DeleteVisitor(ctx, a); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"plans", "plan_items", "done_marks", "checkins", "flare_cards"} {
		if n := count(t, s, `SELECT count(*) FROM `+table); n != 0 {
			t.Errorf("%s has %d rows after deleting the visitor", table, n)
		}
	}
}

// PruneIdle deletes visitors idle past the cutoff with all they kept, and
// expired restore codes; an active visitor and a live code stay.
func TestPruneIdle(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	idle, _ := s.AddBookmark(ctx, Who{NewToken: NewToken()}, "routine", "bridges")
	s.MarkDone(ctx, Who{Visitor: idle}, "bridges", now)
	active, _ := s.AddBookmark(ctx, Who{NewToken: NewToken()}, "routine", "bridges")
	s.write.ExecContext(ctx, `UPDATE visitors SET last_active_at = '2024-01-01T00:00:00.000Z' WHERE id = ?`, idle.ID)
	s.NewRestoreCode(ctx, active, now.AddDate(0, 0, -40)) // expired ten days ago
	p, err := s.PruneIdle(ctx, now.AddDate(0, 0, -548), now)
	if err != nil || p.Visitors != 1 || p.RestoreCodes != 1 {
		t.Fatalf("PruneIdle = %+v, %v", p, err)
	}
	if n := count(t, s, `SELECT count(*) FROM visitors WHERE id = ?`, idle.ID); n != 0 {
		t.Error("the idle visitor is still there")
	}
	if n := count(t, s, `SELECT count(*) FROM done_marks`); n != 0 {
		t.Error("the idle visitor's marks are still there")
	}
	if n := count(t, s, `SELECT count(*) FROM bookmarks WHERE visitor_id = ?`, active.ID); n != 1 {
		t.Error("the active visitor lost their bookmark")
	}
}

// A write renews a visitor's activity, so retention counts from the last
// save; within a day it leaves the row alone (a busy visitor's saves would
// rewrite it and its index each time).
func TestWritesRenewActivityOnceADay(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	v, _ := s.AddBookmark(ctx, Who{NewToken: NewToken()}, "routine", "bridges")
	lastActive := func() string {
		var at string
		s.read.QueryRowContext(ctx, `SELECT last_active_at FROM visitors WHERE id = ?`, v.ID).Scan(&at)
		return at
	}
	s.write.ExecContext(ctx, `UPDATE visitors SET last_active_at = '2024-01-01T00:00:00.000Z' WHERE id = ?`, v.ID)
	if _, err := s.AddBookmark(ctx, Who{Visitor: v}, "article", "faq"); err != nil {
		t.Fatal(err)
	}
	renewed := lastActive()
	if renewed <= "2026" {
		t.Fatalf("a save left last_active_at at %s", renewed)
	}
	s.write.ExecContext(ctx, `UPDATE visitors SET last_active_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 hour') WHERE id = ?`, v.ID)
	hourAgo := lastActive()
	if _, err := s.AddBookmark(ctx, Who{Visitor: v}, "article", "sciatica"); err != nil {
		t.Fatal(err)
	}
	if got := lastActive(); got != hourAgo {
		t.Errorf("a save an hour after the last rewrote last_active_at: %s → %s", hourAgo, got)
	}
}

// A visitor can save at most MaxBookmarks items; saving one already saved
// at the cap changes nothing and is not an error.
func TestBookmarkCap(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	v, _ := s.AddBookmark(ctx, Who{NewToken: NewToken()}, "article", "a0")
	for i := 1; i < MaxBookmarks; i++ {
		if _, err := s.AddBookmark(ctx, Who{Visitor: v}, "article", "a"+strconv.Itoa(i)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.AddBookmark(ctx, Who{Visitor: v}, "article", "one-more"); !errors.Is(err, ErrTooManyBookmarks) {
		t.Errorf("the 501st bookmark: err = %v", err)
	}
	if _, err := s.AddBookmark(ctx, Who{Visitor: v}, "article", "a7"); err != nil {
		t.Errorf("saving a saved item again at the cap: %v", err)
	}
}
