package triage

import (
	"slices"
	"strings"
	"testing"
)

type fx = func(*Answers)

// ruleTriggers sets, on the benign baseline, the least needed to make each
// rule fire, and the outcome expected then. Every rule must have an entry,
// so a new rule cannot land untested.
var ruleTriggers = map[string]struct {
	set  []fx
	want Outcome
}{
	"ces-bladder-bowel":               {[]fx{yesTo(KeyBladderBowelChange)}, Emergency},
	"ces-saddle-numbness":             {[]fx{yesTo(KeySaddleNumbness)}, Emergency},
	"ces-both-legs":                   {[]fx{yesTo(KeyBothLegs)}, Emergency},
	"walking-difficulty":              {[]fx{yesTo(KeyWalkingDifficulty)}, Emergency},
	"chest-pain":                      {[]fx{yesTo(KeyChestPain)}, Emergency},
	"aorta-tearing-pain":              {[]fx{yesTo(KeyTearingPain)}, Emergency},
	"aorta-faint-clammy":              {[]fx{yesTo(KeyFaintOrClammy)}, Emergency},
	"major-trauma":                    {[]fx{yesTo(KeyMajorTrauma)}, Emergency},
	"neck-sudden-headache":            {[]fx{where(LocationNeckShoulder), yesTo(KeyNeckSuddenHeadache)}, Emergency},
	"neck-nerve-signs":                {[]fx{where(LocationNeckShoulder), yesTo(KeyNeckNerveSigns)}, Emergency},
	"neck-fever-stiff":                {[]fx{where(LocationNeckShoulder), yesTo(KeyNeckFeverStiff)}, Emergency},
	"cancer-nerve-symptoms":           {[]fx{cancer(CancerActiveOrRecent), yesTo(KeyNumbnessTingling)}, Emergency},
	"fever":                           {[]fx{yesTo(KeyFever)}, Urgent},
	"injects-drugs":                   {[]fx{yesTo(KeyInjectsDrugs)}, Urgent},
	"leg-weakness-progressive":        {[]fx{yesTo(KeyLegWeaknessWorsening)}, Urgent},
	"fragile-bones-minor-injury":      {[]fx{yesTo(KeyOsteoporosis, KeyCoughOrLift)}, Urgent},
	"older-minor-fall":                {[]fx{age(70), yesTo(KeyMinorFall)}, Urgent},
	"older-cough-or-lift":             {[]fx{age(70), yesTo(KeyCoughOrLift)}, Doctor},
	"pregnancy-heavy-bleeding":        {[]fx{yesTo(KeyPregnant, KeyPregHeavyBleeding)}, Emergency},
	"arm-nerve-symptoms":              {[]fx{yesTo(KeyArmNumbWeak)}, Doctor},
	"band-pain":                       {[]fx{yesTo(KeyBandPain)}, Doctor},
	"note-blood-thinners-painkillers": {[]fx{yesTo(KeyBleedingRisk)}, SelfCare},
	"severe-unrelieved":               {[]fx{yesTo(KeySevereUnrelieved), trend(TrendSame)}, Urgent},
	"severe-worsening-quickly":        {[]fx{trend(TrendWorseningQuickly), intensity(7)}, Urgent},
	"neck-clumsy-hands":               {[]fx{where(LocationNeckShoulder), yesTo(KeyNeckClumsyHands)}, Urgent},
	"pregnancy-warning-signs":         {[]fx{yesTo(KeyPregnant, KeyPregBabyMovesLess)}, Urgent},
	"cancer-in-bones":                 {[]fx{cancer(CancerInBones)}, Urgent},
	"cancer-spinal-site":              {[]fx{cancer(CancerActiveOrRecent), where(LocationNeckShoulder)}, Urgent},
	"cancer-progressive-pain":         {[]fx{cancer(CancerActiveOrRecent), trend(TrendWorsening)}, Urgent},
	"cancer-pain-pattern":             {[]fx{cancer(CancerActiveOrRecent), yesTo(KeyPainOnStraining)}, Urgent},
	"cancer-recent":                   {[]fx{cancer(CancerActiveOrRecent)}, Doctor},
	"cancer-long-ago":                 {[]fx{cancer(CancerLongAgo), lasting(Duration3DaysTo2Weeks), trend(TrendSame)}, Doctor},
	"cancer-long-ago-pattern":         {[]fx{cancer(CancerLongAgo), yesTo(KeyLegPainBelowKnee)}, Doctor},
	"weight-loss":                     {[]fx{yesTo(KeyWeightLoss)}, Doctor},
	"night-pain":                      {[]fx{yesTo(KeyNightPain)}, Doctor},
	"pain-on-straining":               {[]fx{yesTo(KeyPainOnStraining)}, Doctor},
	"lump-or-shape-change":            {[]fx{yesTo(KeyLumpOrShapeChange)}, Doctor},
	"thoracic-no-strain":              {[]fx{where(LocationMiddle)}, Doctor},
	"first-episode-50-plus":           {[]fx{age(50), firstEpisode()}, Doctor},
	"osteoporosis":                    {[]fx{yesTo(KeyOsteoporosis)}, Doctor},
	"steroids":                        {[]fx{yesTo(KeySteroids)}, Doctor},
	"immunosuppressed":                {[]fx{yesTo(KeyImmunosuppressed)}, Doctor},
	"recent-surgery":                  {[]fx{yesTo(KeyRecentSurgery)}, Doctor},
	"numbness-tingling":               {[]fx{yesTo(KeyNumbnessTingling)}, Doctor},
	"sciatica-not-settling":           {[]fx{yesTo(KeyLegPainBelowKnee), lasting(Duration6To12Weeks)}, Doctor},
	"not-improving-after-2-weeks":     {[]fx{lasting(Duration2To6Weeks), trend(TrendSame)}, Doctor},
	"pain-worsening":                  {[]fx{lasting(Duration3DaysTo2Weeks), trend(TrendWorsening)}, Doctor},
	"very-severe-not-improving":       {[]fx{intensity(8), trend(TrendSame)}, Doctor},
	"daily-life-severe":               {[]fx{yesTo(KeyAffectsDailyLife), intensity(7), trend(TrendSame)}, Doctor},
	"older-not-improving":             {[]fx{age(55), lasting(DurationOver12Weeks), trend(TrendSame)}, Doctor},
	"under-20-not-improving":          {[]fx{age(19), lasting(DurationOver12Weeks), trend(TrendSame)}, Doctor},
	"otc-not-helping":                 {[]fx{yesTo(KeyOTCNotHelping)}, Therapist},
	"affects-daily-life":              {[]fx{yesTo(KeyAffectsDailyLife), trend(TrendSame)}, Therapist},
	"strong-pain":                     {[]fx{intensity(7), trend(TrendSame)}, Therapist},
	"leg-pain-below-knee":             {[]fx{yesTo(KeyLegPainBelowKnee)}, Therapist},
	"longer-lasting-pain":             {[]fx{lasting(DurationOver12Weeks)}, Therapist},
	"self-care-improving":             {nil, SelfCare},
	"self-care":                       {[]fx{trend(TrendSame)}, SelfCare},
	"note-pregnancy":                  {[]fx{yesTo(KeyPregnant)}, SelfCare},
	"note-recent-surgery":             {[]fx{yesTo(KeyRecentSurgery)}, Doctor},
	"note-cancer-team":                {[]fx{cancer(CancerActiveOrRecent)}, Doctor},
	"note-blood-thinners-injury":      {[]fx{yesTo(KeyBleedingRisk, KeyMinorFall)}, SelfCare},
	"caution-bleeding-risk":           {[]fx{yesTo(KeyBleedingRisk)}, SelfCare},
	"caution-skin-at-site":            {[]fx{yesTo(KeySkinProblemAtSite)}, SelfCare},
	"caution-pregnancy":               {[]fx{yesTo(KeyPregnant)}, SelfCare},
	"caution-fragile-bones":           {[]fx{yesTo(KeySteroids)}, Doctor},
	"caution-recent-surgery":          {[]fx{yesTo(KeyRecentSurgery)}, Doctor},
	"caution-cancer":                  {[]fx{cancer(CancerLongAgo)}, SelfCare},
	"caution-falls":                   {[]fx{yesTo(KeyFallsRisk)}, SelfCare},
}

func TestBaselineIsSelfCare(t *testing.T) {
	a := baseline()
	if errs := Validate(a); errs != nil {
		t.Fatalf("baseline invalid: %v", errs)
	}
	r := eval(a)
	if r.Outcome != SelfCare {
		t.Fatalf("baseline outcome = %s (%v)", r.Outcome, ruleIDs(r))
	}
	checkResultInvariants(t, a, r)
}

// TestEachRule fires each rule alone on the benign baseline.
func TestEachRule(t *testing.T) {
	for _, rule := range Rules() {
		t.Run(rule.ID, func(t *testing.T) {
			trig, ok := ruleTriggers[rule.ID]
			if !ok {
				t.Fatalf("no trigger for rule %s: add one to ruleTriggers", rule.ID)
			}
			a := answers(trig.set...)
			if errs := Validate(a); errs != nil {
				t.Fatalf("trigger answers invalid: %v", errs)
			}
			if !rule.When(a) {
				t.Fatalf("rule does not fire on its trigger")
			}
			r := eval(a)
			checkResultInvariants(t, a, r)
			if r.Outcome != trig.want {
				t.Errorf("outcome = %s, want %s (reasons %v)", r.Outcome, trig.want, ruleIDs(r))
			}
			if rule.Outcome != "" {
				i := slices.IndexFunc(r.Reasons, func(x Reason) bool { return x.RuleID == rule.ID })
				if i < 0 {
					t.Fatalf("no reason from %s in %v", rule.ID, ruleIDs(r))
				}
				if got := r.Reasons[i]; got.Source != rule.Source {
					t.Errorf("reason = %+v, want source %s", got, rule.Source.Key)
				}
			}
			if rule.Caution != "" && !hasCaution(r, rule.ID) && r.Outcome.Severity() <= Doctor.Severity() {
				t.Errorf("no caution from %s in %+v", rule.ID, r.Cautions)
			}
			if rule.Note != "" && !hasNote(r, rule.ID) {
				t.Errorf("no note from %s in %+v", rule.ID, r.Notes)
			}
		})
	}
	for id := range ruleTriggers {
		if _, ok := RuleByID(id); !ok {
			t.Errorf("trigger for unknown rule %s", id)
		}
	}
}

// TestRuleTable checks the table is fit to publish.
func TestRuleTable(t *testing.T) {
	seen := map[string]bool{}
	used := map[string]bool{}
	for _, r := range Rules() {
		if seen[r.ID] {
			t.Errorf("duplicate rule ID %s", r.ID)
		}
		seen[r.ID] = true
		used[r.Source.Key] = true
		if r.Condition == "" || r.When == nil || r.Title == "" {
			t.Errorf("%s: missing Title, Condition or When", r.ID)
		}
		if r.Outcome == "" && r.Caution == "" && r.Note == "" {
			t.Errorf("%s: neither an outcome, a caution nor a note", r.ID)
		}
		if r.Outcome != "" && (!r.Outcome.Valid() || r.Reason == "") {
			t.Errorf("%s: outcome %q needs a valid outcome and a reason", r.ID, r.Outcome)
		}
		if len(r.Keys) == 0 && r.ID != "self-care" {
			t.Errorf("%s: names no answer key", r.ID)
		}
		for _, k := range r.Keys {
			if _, ok := QuestionByKey(k); !ok {
				t.Errorf("%s: key %q is not a question", r.ID, k)
			}
		}
		if (len(r.Signs) == 0) != (r.SignGroup == "") {
			t.Errorf("%s: a listed sign needs both Sign and SignGroup", r.ID)
		}
		if len(r.Signs) > 0 && r.Outcome.Severity() >= Urgent.Severity() && len(r.Terms) == 0 {
			t.Errorf("%s: an emergency or same-day sign needs Terms for the article check", r.ID)
		}
		if s, ok := SourceByKey(r.Source.Key); !ok || s != r.Source {
			t.Errorf("%s: source %q is not in Sources()", r.ID, r.Source.Key)
		}
	}
	for _, s := range Sources() {
		if !used[s.Key] {
			t.Errorf("source %s is cited by no rule", s.Key)
		}
		if s.Title == "" || s.Publisher == "" || s.URL == "" {
			t.Errorf("source %s is incomplete", s.Key)
		}
	}
	// Rules() hands out a copy: changing it must not change the rules.
	rs := Rules()
	rs[0].Outcome = SelfCare
	rs[0].Keys[0] = "changed"
	if r := Rules()[0]; r.Outcome == SelfCare || r.Keys[0] == "changed" {
		t.Error("Rules() exposes the table")
	}
}

// TestReasonsNameEveryAnswer: a rule built from two answers lists both.
func TestReasonsNameEveryAnswer(t *testing.T) {
	tests := []struct {
		name string
		set  []fx
		rule string
		keys []string
	}{
		{"fragile bones and a fall", []fx{yesTo(KeyOsteoporosis, KeyMinorFall)}, "fragile-bones-minor-injury", []string{KeyOsteoporosis, KeyMinorFall}},
		{"steroids and a cough", []fx{yesTo(KeySteroids, KeyCoughOrLift)}, "fragile-bones-minor-injury", []string{KeySteroids, KeyCoughOrLift}},
		{"a fall at 70", []fx{age(70), yesTo(KeyMinorFall)}, "older-minor-fall", []string{KeyAge, KeyMinorFall}},
		{"cancer and numbness", []fx{cancer(CancerActiveOrRecent), yesTo(KeyNumbnessTingling)}, "cancer-nerve-symptoms", []string{KeyCancer, KeyCancerStatus, KeyNumbnessTingling}},
		{"cancer and neck pain", []fx{cancer(CancerActiveOrRecent), where(LocationNeckShoulder)}, "cancer-spinal-site", []string{KeyCancer, KeyCancerStatus, KeyLocation}},
		{"strong pain worsening quickly", []fx{intensity(8), trend(TrendWorseningQuickly)}, "severe-worsening-quickly", []string{KeyTrend, KeyIntensity}},
		{"middle back, no strain", []fx{where(LocationMiddle)}, "thoracic-no-strain", []string{KeyLocation, KeyObviousStrain}},
		{"first bout at 60", []fx{age(60), firstEpisode()}, "first-episode-50-plus", []string{KeyAge, KeyBackPainBefore, KeyTrend, KeyObviousStrain}},
		{"two pregnancy signs", []fx{yesTo(KeyPregnant, KeyPregBleeding, KeyPregFluid)}, "pregnancy-warning-signs", []string{KeyPregBleeding, KeyPregFluid}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := eval(answers(tt.set...))
			i := slices.IndexFunc(r.Reasons, func(x Reason) bool { return x.RuleID == tt.rule })
			if i < 0 {
				t.Fatalf("no reason from %s: %v", tt.rule, ruleIDs(r))
			}
			if got := r.Reasons[i]; !slices.Equal(got.Keys, tt.keys) || got.Key != tt.keys[0] {
				t.Errorf("keys = %v (key %q), want %v", got.Keys, got.Key, tt.keys)
			}
		})
	}
}

// TestNotesShowAtEveryOutcome: answers that change where to go are shown
// even when a higher rule fired.
func TestNotesShowAtEveryOutcome(t *testing.T) {
	tests := []struct {
		name string
		set  []fx
		want Outcome
		note string
	}{
		{"pregnant with an emergency sign", []fx{yesTo(KeyPregnant, KeySaddleNumbness)}, Emergency, "note-pregnancy"},
		{"pregnant with a fever", []fx{yesTo(KeyPregnant, KeyFever)}, Urgent, "note-pregnancy"},
		{"operation and both legs", []fx{yesTo(KeyRecentSurgery, KeyBothLegs)}, Emergency, "note-recent-surgery"},
		{"operation and a fever", []fx{yesTo(KeyRecentSurgery, KeyFever)}, Urgent, "note-recent-surgery"},
		{"blood thinners and a serious fall", []fx{yesTo(KeyBleedingRisk, KeyMajorTrauma)}, Emergency, "note-blood-thinners-injury"},
		{"cancer with weakness", []fx{cancer(CancerActiveOrRecent), yesTo(KeyLegWeaknessWorsening)}, Emergency, "note-cancer-team"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := answers(tt.set...)
			r := eval(a)
			checkResultInvariants(t, a, r)
			if r.Outcome != tt.want || !hasNote(r, tt.note) {
				t.Errorf("got %s with notes %+v, want %s with %s", r.Outcome, r.Notes, tt.want, tt.note)
			}
		})
	}
	if r := eval(answers(yesTo(KeyBleedingRisk))); hasNote(r, "note-blood-thinners-injury") {
		t.Error("blood thinners without an injury got the injury note")
	}
}

func TestEvaluateSoFar(t *testing.T) {
	emergencyPage, _ := PageByID(PageEmergency)
	for _, q := range emergencyPage.Questions {
		t.Run(q.Key, func(t *testing.T) {
			a, errs := FromValuesPage(PageEmergency, map[string][]string{emergencyPage.Checklist.Field: {q.Key}})
			if errs != nil {
				t.Fatal(errs)
			}
			r, stop := EvaluateSoFar(a)
			if !stop || r.Outcome != Emergency || r.Reasons[0].Key != q.Key {
				t.Errorf("got %v %+v", stop, r)
			}
		})
	}
	a, _ := FromValuesPage(PageEmergency, map[string][]string{emergencyPage.Checklist.Field: {ChecklistNone}})
	if r, stop := EvaluateSoFar(a); stop || r.Outcome != "" {
		t.Errorf("'none' stopped the questionnaire: %+v", r)
	}
	// The neck page can end the questionnaire too.
	neck := answers(where(LocationNeckShoulder), yesTo(KeyNeckFeverStiff)).Only(KeyLocation, KeyNeckSuddenHeadache, KeyNeckNerveSigns, KeyNeckFeverStiff, KeyNeckClumsyHands)
	if _, stop := EvaluateSoFar(neck); !stop {
		t.Error("a neck emergency sign did not stop the questionnaire")
	}
}

func TestCautionsHiddenWhenUrgent(t *testing.T) {
	r := eval(answers(yesTo(KeyFever, KeyBleedingRisk, KeyPregnant)))
	if r.Outcome != Urgent || len(r.Cautions) != 0 || len(r.Routines) != 0 || len(r.Articles) != 0 {
		t.Errorf("got %s cautions %v routines %v articles %v", r.Outcome, r.Cautions, r.Routines, r.Articles)
	}
	r = eval(answers(yesTo(KeyBleedingRisk, KeyPregnant, KeyOsteoporosis)))
	for _, id := range []string{"caution-bleeding-risk", "caution-pregnancy", "caution-fragile-bones"} {
		if !hasCaution(r, id) {
			t.Errorf("missing caution %s at %s", id, r.Outcome)
		}
	}
}

func TestRoutinesFollowLocationCautionsAndFalls(t *testing.T) {
	tests := []struct {
		name string
		set  []fx
		want []string
	}{
		{"lower back", nil, []string{"heat-and-gentle-movement", "hands-lower-back", "tennis-ball-lower-back", "handheld-massager", "foot-arch-roll"}},
		{"neck", []fx{where(LocationNeckShoulder)}, []string{"neck-and-shoulders", "foot-arch-roll"}},
		{"upper back after a strain", []fx{where(LocationUpper), yesTo(KeyObviousStrain)}, []string{"tennis-ball-upper-back", "foam-roller-upper-back", "handheld-massager", "foot-arch-roll"}},
		{"upper back, pregnant, after a strain", []fx{where(LocationUpper), yesTo(KeyPregnant, KeyObviousStrain)}, []string{"tennis-ball-upper-back", "foot-arch-roll"}},
		{"lower back, blood thinners", []fx{yesTo(KeyBleedingRisk)}, []string{"heat-and-gentle-movement", "hands-lower-back", "foot-arch-roll"}},
		{"rash where it hurts", []fx{yesTo(KeySkinProblemAtSite)}, []string{"foot-arch-roll"}},
		{"a fall in the last year", []fx{yesTo(KeyFallsRisk)}, []string{"heat-and-gentle-movement", "hands-lower-back", "foot-arch-roll"}},
		{"aged 65", []fx{age(65)}, []string{"heat-and-gentle-movement", "hands-lower-back", "tennis-ball-lower-back", "foot-arch-roll"}},
		{"doctor outcome", []fx{yesTo(KeyNightPain)}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := eval(answers(tt.set...)).Routines; !slices.Equal(got, tt.want) {
				t.Errorf("routines = %v, want %v", got, tt.want)
			}
		})
	}
}

func testRoutine(slug string) RoutineFacts {
	for _, r := range testRoutines {
		if r.Slug == slug {
			return r
		}
	}
	panic("no test routine " + slug)
}

func TestRoutineWarnings(t *testing.T) {
	foam := testRoutine("foam-roller-upper-back")
	if w := RoutineWarnings(answers(), foam); len(w) != 0 {
		t.Errorf("warnings for a 35-year-old: %v", w)
	}
	if w := RoutineWarnings(answers(age(80)), foam); len(w) != 1 {
		t.Errorf("an 80-year-old gets %v for a floor routine with firm pressure", w)
	}
	if w := RoutineWarnings(answers(yesTo(KeyPregnant)), foam); len(w) != 1 {
		t.Errorf("pregnant: %v", w)
	}
}

func TestSignListsComeFromTheRules(t *testing.T) {
	lists := SignLists()
	ids := map[string]bool{}
	for _, l := range lists {
		ids[l.ID] = true
		if len(l.Signs) == 0 || l.Heading == "" || l.Action == "" {
			t.Errorf("list %s is incomplete: %+v", l.ID, l)
		}
		for _, s := range l.Signs {
			found := false
			for _, r := range Rules() {
				if slices.Contains(r.Signs, s) && r.Outcome == l.Outcome && r.SignGroup == l.Group {
					found = true
				}
			}
			if !found {
				t.Errorf("sign %q in %s has no rule", s, l.ID)
			}
		}
	}
	for _, id := range []string{"emergency", "urgent", "doctor", "neck-emergency", "neck-urgent", "cancer-emergency", "cancer-urgent", "pregnancy-emergency", "pregnancy-urgent"} {
		if _, ok := SignListByID(id); !ok || !ids[id] {
			t.Errorf("no list %s", id)
		}
	}
	// Every listed sign appears in exactly one list.
	for _, r := range Rules() {
		for _, sign := range r.Signs {
			n := 0
			for _, l := range lists {
				if slices.Contains(l.Signs, sign) {
					n++
				}
			}
			if n != 1 {
				t.Errorf("sign %q of %s appears in %d lists", sign, r.ID, n)
			}
		}
	}
	em, _ := SignListByID("emergency")
	for _, want := range []string{"tearing or ripping", "fainted", "hard to walk"} {
		if !slices.ContainsFunc(em.Signs, func(s string) bool { return strings.Contains(s, want) }) {
			t.Errorf("the emergency list lacks %q", want)
		}
	}
	ur, _ := SignListByID("urgent")
	if !slices.ContainsFunc(ur.Signs, func(s string) bool { return strings.Contains(s, "minor fall") }) {
		t.Error("the same-day list lacks the minor fall with fragile bones")
	}
}

// TestSafetyNetIncludesSameDaySigns: every result lists the same-day signs
// too, and the neck, cancer and pregnancy lists when they matter.
func TestSafetyNetIncludesSameDaySigns(t *testing.T) {
	ids := func(r Result) []string {
		var out []string
		for _, l := range r.SafetyNet {
			out = append(out, l.ID)
		}
		return out
	}
	if got := ids(eval(answers())); !slices.Equal(got, []string{"emergency", "urgent"}) {
		t.Errorf("self-care safety net = %v", got)
	}
	got := ids(eval(answers(where(LocationNeckShoulder), yesTo(KeyPregnant), cancer(CancerActiveOrRecent))))
	want := []string{"emergency", "urgent", "neck-emergency", "neck-urgent", "cancer-emergency", "cancer-urgent", "pregnancy-emergency", "pregnancy-urgent"}
	if !slices.Equal(got, want) {
		t.Errorf("safety net = %v, want %v", got, want)
	}
}

// TestDirectives: a specific team replaces the outcome's words when every
// reason names it, and a GP replaces "GP or physiotherapy" when a reason
// needs one.
func TestDirectives(t *testing.T) {
	r := eval(answers(yesTo(KeyPregnant, KeyPregBabyMovesLess)))
	if r.Title != maternityNow.Title || len(r.Calls) != 0 {
		t.Errorf("pregnancy sign: %q %v", r.Title, r.Calls)
	}
	r = eval(answers(yesTo(KeyPregnant, KeyPregBabyMovesLess, KeyFever)))
	if r.Title != Urgent.Title() || !hasNote(r, "note-pregnancy") {
		t.Errorf("pregnancy sign with a fever: %q", r.Title)
	}
	r = eval(answers(cancer(CancerActiveOrRecent), yesTo(KeyBandPain)))
	if r.Outcome != Emergency || r.Title != cancerTeamNow.Title || r.Calls[0].Number != "{{emergency-number}}" {
		t.Errorf("cancer with band pain: %s %q %v", r.Outcome, r.Title, r.Calls)
	}
	r = eval(answers(cancer(CancerActiveOrRecent), yesTo(KeyBandPain, KeyBladderBowelChange)))
	if r.Title != Emergency.Title() {
		t.Errorf("cancer with bladder changes: %q, want the plain 999 advice", r.Title)
	}
	r = eval(answers(cancer(CancerActiveOrRecent), where(LocationUpper), yesTo(KeyObviousStrain)))
	if r.Outcome != Urgent || r.Title != cancerTeamToday.Title {
		t.Errorf("cancer with upper back pain: %s %q", r.Outcome, r.Title)
	}
	r = eval(answers(yesTo(KeyWeightLoss)))
	if r.Title != gpOnly.Title {
		t.Errorf("weight loss: %q, want a GP", r.Title)
	}
	r = eval(answers(lasting(Duration2To6Weeks), trend(TrendSame)))
	if r.Title != Doctor.Title() {
		t.Errorf("not improving: %q, want GP or physiotherapy", r.Title)
	}
}
