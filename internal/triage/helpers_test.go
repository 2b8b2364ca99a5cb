package triage

import (
	"slices"
	"testing"
)

// baseline is a benign answer set that evaluates to self-care: a 35-year-old
// with 2 days of mild, improving lower back pain and no warning signs.
func baseline() Answers {
	a := Answers{
		Age:       new(35),
		Duration:  new(DurationUnder3Days),
		Intensity: new(3),
		Location:  []Location{LocationLower},
		Trend:     new(TrendImproving),
	}
	for _, k := range yesNoKeys() {
		a.SetYesNo(k, false)
	}
	return a
}

// answers builds a valid answer set from the baseline and the given changes.
func answers(changes ...func(*Answers)) Answers {
	a := baseline()
	for _, c := range changes {
		c(&a)
	}
	return a
}

func yesTo(keys ...string) func(*Answers) {
	return func(a *Answers) {
		for _, k := range keys {
			if !a.SetYesNo(k, true) {
				panic("not a yes/no key: " + k)
			}
		}
	}
}

func age(n int) func(*Answers)            { return func(a *Answers) { a.Age = new(n) } }
func intensity(n int) func(*Answers)      { return func(a *Answers) { a.Intensity = new(n) } }
func lasting(d Duration) func(*Answers)   { return func(a *Answers) { a.Duration = new(d) } }
func trend(t Trend) func(*Answers)        { return func(a *Answers) { a.Trend = new(t) } }
func where(ls ...Location) func(*Answers) { return func(a *Answers) { a.Location = ls } }

func hasReason(r Result, ruleID string) bool {
	return slices.ContainsFunc(r.Reasons, func(x Reason) bool { return x.RuleID == ruleID })
}

func hasCaution(r Result, ruleID string) bool {
	return slices.ContainsFunc(r.Cautions, func(x Caution) bool { return x.RuleID == ruleID })
}

func ruleIDs(r Result) []string {
	var ids []string
	for _, x := range r.Reasons {
		ids = append(ids, x.RuleID)
	}
	return ids
}

// checkResultInvariants holds for every result, whatever the answers.
func checkResultInvariants(t *testing.T, a Answers, r Result) {
	t.Helper()
	if !r.Outcome.Valid() {
		t.Fatalf("invalid outcome %q", r.Outcome)
	}
	if len(r.Reasons) == 0 {
		t.Errorf("outcome %s has no reasons", r.Outcome)
	}
	for _, x := range r.Reasons {
		rule, ok := RuleByID(x.RuleID)
		if !ok || rule.Outcome != r.Outcome || x.Text == "" || x.Source.URL == "" {
			t.Errorf("reason %+v does not belong to outcome %s", x, r.Outcome)
		}
	}
	if len(r.SafetyNet) == 0 {
		t.Error("empty safety net")
	}
	if r.RulesVersion != RulesVersion {
		t.Errorf("RulesVersion = %q", r.RulesVersion)
	}
	if r.Outcome.Severity() > Doctor.Severity() && len(r.Cautions) > 0 {
		t.Errorf("cautions shown at %s: %+v", r.Outcome, r.Cautions)
	}
	if (r.Outcome != Therapist && r.Outcome != SelfCare) && len(r.Routines) > 0 {
		t.Errorf("routines %v suggested at %s", r.Routines, r.Outcome)
	}
	if len(r.Articles) == 0 {
		t.Error("no articles")
	}
	for _, s := range r.Articles {
		if !slices.Contains(ArticleSlugs(), s) {
			t.Errorf("unknown article %q", s)
		}
	}
	for _, s := range r.Routines {
		if !slices.Contains(RoutineSlugs(), s) {
			t.Errorf("unknown routine %q", s)
		}
	}
	if a.Yes(KeySkinProblemAtSite) && slices.ContainsFunc(r.Routines, func(s string) bool { return s != "foot-arch-roll" }) {
		t.Errorf("routines %v touch broken skin", r.Routines)
	}
	if a.Yes(KeyBleedingRisk) && slices.ContainsFunc(r.Routines, func(s string) bool {
		return s == "tennis-ball-lower-back" || s == "tennis-ball-upper-back" || s == "foam-roller-upper-back" || s == "handheld-massager"
	}) {
		t.Errorf("firm routines %v with a bleeding risk", r.Routines)
	}
}
