package triage

import (
	"slices"
	"testing"
)

// TestStarterPlanExerciseFirst: two exercises, one written for the
// person's situation first, then off the floor; then one self-massage or
// heat routine for a part of the back that hurts; nothing the answers rule
// out.
func TestStarterPlanExerciseFirst(t *testing.T) {
	routines := []RoutineFacts{
		{Slug: "bridges", Kind: "exercise", Floor: true},
		{Slug: "walking-plan", Kind: "exercise"},
		{Slug: "foot-arch", Kind: "massage", Areas: []string{"foot"}},
		{Slug: "tennis-ball", Kind: "massage", Areas: []string{"lower"}},
		{Slug: "heat", Kind: "heat", Areas: []string{"lower", "middle"}},
		{Slug: "cat-cow", Kind: "exercise", Floor: true},
		{Slug: "pregnancy-set", Kind: "exercise", Floor: true, OnlyIf: []string{KeyPregnant}},
	}
	lower := baseline() // lower back pain
	all := []string{"bridges", "walking-plan", "foot-arch", "tennis-ball", "heat", "cat-cow"}
	if got := starterPlan(lower, all, routines); !slices.Equal(got, []string{"walking-plan", "bridges", "tennis-ball"}) {
		t.Errorf("starter plan = %v", got)
	}
	if got := starterPlan(lower, []string{"heat"}, routines); !slices.Equal(got, []string{"heat"}) {
		t.Errorf("only heat suggested: %v", got)
	}
	if got := starterPlan(lower, []string{"foot-arch", "walking-plan"}, routines); !slices.Equal(got, []string{"walking-plan"}) {
		t.Errorf("a routine for no part of the back was offered as back care: %v", got)
	}
	if got := starterPlan(lower, append([]string{"pregnancy-set"}, all...), routines); !slices.Equal(got, []string{"pregnancy-set", "walking-plan", "tennis-ball"}) {
		t.Errorf("the set written for pregnancy does not come first: %v", got)
	}
	if got := starterPlan(lower, nil, routines); got == nil || len(got) != 0 {
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
