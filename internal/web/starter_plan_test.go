package web

import (
	"path/filepath"
	"slices"
	"testing"

	"backwise/internal/triage"
)

// The starter plan, on the real routines: exercise first, the pregnancy set
// first for someone pregnant, and never a routine for no part of the back
// (the foot arch, whose page says it will not treat a back) as the
// hands-on option. A clinical review found the foot arch offered to
// almost everyone: the routines were sorted by kind and title, and a
// routine naming no back area suited every one.
func TestStarterPlanOnRealRoutines(t *testing.T) {
	s, _, _, _ := testServerAt(t, today, filepath.Join(t.TempDir(), "s.db"))
	site := s.sites.Site()
	kinds := map[string]string{}
	for _, r := range site.Library.Routines() {
		kinds[r.Slug] = r.Kind
	}
	with := func(edit func(*triage.Answers)) triage.Answers {
		a := benignAnswers()
		edit(&a)
		return a
	}
	cases := map[string]triage.Answers{
		"lower back, 35": benignAnswers(),
		"neck and lower back": with(func(a *triage.Answers) {
			a.Location = []triage.Location{triage.LocationNeckShoulder, triage.LocationLower}
			for _, key := range []string{triage.KeyNeckSuddenHeadache, triage.KeyNeckNerveSigns, triage.KeyNeckFeverStiff, triage.KeyNeckClumsyHands} {
				a.SetYesNo(key, false)
			}
		}),
		"pregnant":      with(func(a *triage.Answers) { a.SetYesNo(triage.KeyPregnant, true) }),
		"70, fall risk": with(func(a *triage.Answers) { age := 70; a.Age = &age; a.SetYesNo(triage.KeyFallsRisk, true) }),
	}
	for name, a := range cases {
		plan := triage.Evaluate(a, site.routines).StarterPlan
		if len(plan) == 0 || kinds[plan[0]] != "exercise" {
			t.Errorf("%s: starter plan %v does not start with an exercise", name, plan)
		}
		for _, slug := range plan {
			r, ok := site.Library.Routine(slug)
			if !ok {
				t.Fatalf("%s: unknown routine %q", name, slug)
			}
			if r.Kind != "exercise" && !slices.ContainsFunc(r.Areas, func(area string) bool { return a.HasLocation(triage.Location(area)) }) {
				t.Errorf("%s: %s is offered but works on %v, not where it hurts (%v)", name, slug, r.Areas, a.Location)
			}
		}
		if name == "pregnant" && plan[0] != "pregnancy-back-care" {
			t.Errorf("pregnant: starter plan %v does not start with the pregnancy set", plan)
		}
		t.Logf("%s: %v", name, plan)
	}
}
