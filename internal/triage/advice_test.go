package triage

import (
	"slices"
	"testing"
)

// TestStarterPlanExerciseFirst: two exercises, off the floor first, then
// one self-massage or heat routine; nothing the answers rule out.
func TestStarterPlanExerciseFirst(t *testing.T) {
	routines := []RoutineFacts{
		{Slug: "bridges", Kind: "exercise", Floor: true},
		{Slug: "walking-plan", Kind: "exercise"},
		{Slug: "tennis-ball", Kind: "massage"},
		{Slug: "heat", Kind: "heat"},
		{Slug: "cat-cow", Kind: "exercise", Floor: true},
	}
	all := []string{"bridges", "walking-plan", "tennis-ball", "heat", "cat-cow"}
	if got := starterPlan(all, routines); !slices.Equal(got, []string{"walking-plan", "bridges", "tennis-ball"}) {
		t.Errorf("starter plan = %v", got)
	}
	if got := starterPlan([]string{"heat"}, routines); !slices.Equal(got, []string{"heat"}) {
		t.Errorf("only heat suggested: %v", got)
	}
	if got := starterPlan(nil, routines); got == nil || len(got) != 0 {
		t.Errorf("nothing suggested: %#v, want an empty list", got)
	}
}

// TestOnlyIfRoutines: a routine written for pregnancy is suggested only to
// someone who is pregnant.
func TestOnlyIfRoutines(t *testing.T) {
	routines := []RoutineFacts{{Slug: "pregnancy-set", Kind: "exercise", OnlyIf: []string{KeyPregnant}}, {Slug: "walk", Kind: "exercise"}}
	if got := routinesFor(baseline(), SelfCare, routines); !slices.Equal(got, []string{"walk"}) {
		t.Errorf("not pregnant: %v", got)
	}
	if got := routinesFor(answers(yesTo(KeyPregnant)), SelfCare, routines); !slices.Contains(got, "pregnancy-set") {
		t.Errorf("pregnant: %v", got)
	}
}
