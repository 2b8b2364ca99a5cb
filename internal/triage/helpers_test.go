package triage

import (
	"slices"
	"testing"
)

// testRoutines mirrors the shape of the library's routines, so the engine's
// choice of routines can be tested without the content. The web tests check
// the real content through the real loader.
var testRoutines = []RoutineFacts{
	{Slug: "heat-and-gentle-movement", Areas: []string{"lower", "middle"}, AvoidIf: []string{KeyNumbnessTingling, KeySkinProblemAtSite, KeyRecentSurgery}},
	{Slug: "hands-lower-back", Areas: []string{"lower"}, AvoidIf: []string{KeySkinProblemAtSite, KeyRecentSurgery}},
	{Slug: "tennis-ball-lower-back", Areas: []string{"lower", "middle"},
		AvoidIf: []string{KeyOsteoporosis, KeySteroids, KeyBleedingRisk, KeyCancer, KeySkinProblemAtSite, KeyRecentSurgery, KeyFallsRisk}},
	{Slug: "tennis-ball-upper-back", Areas: []string{"upper", "middle"}, Floor: true, Firm: true,
		AvoidIf: []string{KeyOsteoporosis, KeySteroids, KeyBleedingRisk, KeyCancer, KeySkinProblemAtSite, KeyRecentSurgery}},
	{Slug: "foam-roller-upper-back", Areas: []string{"upper"}, Floor: true, Firm: true,
		AvoidIf: []string{KeyOsteoporosis, KeySteroids, KeyBleedingRisk, KeyPregnant, KeyCancer, KeySkinProblemAtSite, KeyRecentSurgery}},
	{Slug: "handheld-massager", Areas: []string{"lower", "middle", "upper"}, Firm: true,
		AvoidIf: []string{KeyOsteoporosis, KeySteroids, KeyBleedingRisk, KeyPregnant, KeyCancer, KeySkinProblemAtSite, KeyRecentSurgery}},
	{Slug: "neck-and-shoulders", Areas: []string{"neck_shoulder"}, AvoidIf: []string{KeySkinProblemAtSite, KeyRecentSurgery}},
	{Slug: "foot-arch-roll", Areas: []string{"foot"}, AvoidIf: []string{KeyNumbnessTingling}},
}

// firmOrFloor are the test routines a visitor at risk of falls or with
// fragile bones must never be offered.
var firmOrFloor = []string{"tennis-ball-upper-back", "foam-roller-upper-back", "handheld-massager"}

// eval evaluates with the test routines.
func eval(a Answers) Result { return Evaluate(a, testRoutines) }

// baseline is a benign answer set that evaluates to self-care: a 35-year-old
// with 2 days of mild, improving lower back pain like they have had before,
// and none of the warning signs or conditions.
func baseline() Answers {
	a := Answers{
		Age:       new(35),
		Duration:  new(DurationUnder3Days),
		Intensity: new(3),
		Location:  []Location{LocationLower},
		Trend:     new(TrendImproving),
	}
	for _, p := range schema {
		if len(p.AskedWhen) > 0 {
			continue
		}
		for _, q := range p.Questions {
			if isYesNo(q.Kind) {
				a.SetYesNo(q.Key, q.Key == KeyBackPainBefore)
			}
		}
	}
	return a
}

// answers builds a valid answer set from the baseline and the given changes,
// then answers every follow-up the changes opened with its least worrying
// answer ("no", or no obvious strain), unless a change answered it already.
func answers(changes ...func(*Answers)) Answers {
	a := baseline()
	for _, c := range changes {
		c(&a)
	}
	return completeFollowUps(a)
}

func completeFollowUps(a Answers) Answers {
	for _, p := range AskedPages(a) {
		for _, q := range p.Questions {
			if a.Answered(q.Key) {
				continue
			}
			if !isYesNo(q.Kind) {
				panic("test answers leave " + q.Key + " unanswered: set it")
			}
			a.SetYesNo(q.Key, false)
		}
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

func noTo(keys ...string) func(*Answers) {
	return func(a *Answers) {
		for _, k := range keys {
			if !a.SetYesNo(k, false) {
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

// cancer says yes to cancer with the given status.
func cancer(s CancerStatus) func(*Answers) {
	return func(a *Answers) { a.SetYesNo(KeyCancer, true); a.CancerStatus = new(s) }
}

// firstEpisode says this is the first back pain like this.
func firstEpisode() func(*Answers) { return noTo(KeyBackPainBefore) }

func hasReason(r Result, ruleID string) bool {
	return slices.ContainsFunc(r.Reasons, func(x Reason) bool { return x.RuleID == ruleID })
}

func hasCaution(r Result, ruleID string) bool {
	return slices.ContainsFunc(r.Cautions, func(x Caution) bool { return x.RuleID == ruleID })
}

func hasNote(r Result, ruleID string) bool {
	return slices.ContainsFunc(r.Notes, func(x Note) bool { return x.RuleID == ruleID })
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
	if r.Title == "" || r.Action == "" || r.CareCard != r.Outcome.CareCard() {
		t.Errorf("title, action or care card do not match %s", r.Outcome)
	}
	if (r.Outcome != Emergency && r.Outcome != Urgent) && len(r.Calls) > 0 {
		t.Errorf("calls %v at %s", r.Calls, r.Outcome)
	}
	if r.Outcome == Emergency && (len(r.Calls) == 0 || r.Calls[0].Number != "{{emergency-number}}") {
		t.Errorf("an emergency without an emergency-number button: %v", r.Calls)
	}
	if len(r.Reasons) == 0 {
		t.Errorf("outcome %s has no reasons", r.Outcome)
	}
	for _, x := range r.Reasons {
		rule, ok := RuleByID(x.RuleID)
		if !ok || rule.Outcome != r.Outcome || x.Text == "" || x.Source.URL == "" {
			t.Errorf("reason %+v does not belong to outcome %s", x, r.Outcome)
		}
		if x.RuleID != "self-care" && (len(x.Keys) == 0 || x.Key != x.Keys[0]) {
			t.Errorf("reason %s names no answer: key %q keys %v", x.RuleID, x.Key, x.Keys)
		}
		for _, k := range x.Keys {
			if !slices.Contains(rule.Keys, k) || !a.Answered(k) {
				t.Errorf("reason %s names %q, which is not an answer it reads", x.RuleID, k)
			}
		}
	}
	if len(r.SafetyNet) < 2 || r.SafetyNet[0].ID != "emergency" || r.SafetyNet[1].ID != "urgent" {
		t.Errorf("safety net must start with the emergency and same-day lists: %+v", r.SafetyNet)
	}
	if r.RulesVersion != RulesVersion {
		t.Errorf("RulesVersion = %q", r.RulesVersion)
	}
	if r.Outcome.Severity() > Doctor.Severity() && (len(r.Cautions) > 0 || len(r.Articles) > 0) {
		t.Errorf("cautions %v or reading %v shown at %s", r.Cautions, r.Articles, r.Outcome)
	}
	if r.Outcome.Severity() <= Doctor.Severity() && len(r.Articles) == 0 {
		t.Error("no articles")
	}
	if (r.Outcome != Therapist && r.Outcome != SelfCare) && len(r.Routines) > 0 {
		t.Errorf("routines %v suggested at %s", r.Routines, r.Outcome)
	}
	for _, s := range r.Articles {
		if !slices.Contains(ArticleSlugs(), s) {
			t.Errorf("unknown article %q", s)
		}
	}
	if floorOrFirmRuledOut(a) && slices.ContainsFunc(r.Routines, func(s string) bool { return slices.Contains(firmOrFloor, s) }) {
		t.Errorf("floor or firm routines %v offered at age %d with falls or fragile bones", r.Routines, *a.Age)
	}
	if a.Yes(KeySkinProblemAtSite) && slices.ContainsFunc(r.Routines, func(s string) bool { return s != "foot-arch-roll" }) {
		t.Errorf("routines %v touch broken skin", r.Routines)
	}
	if a.Yes(KeyPregnant) && !hasNote(r, "note-pregnancy") {
		t.Errorf("pregnant, but the result does not name the maternity team: %+v", r.Notes)
	}
}
