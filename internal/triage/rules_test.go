package triage

import (
	"slices"
	"testing"
)

// ruleTriggers sets, on the benign baseline, the least needed to make each
// rule fire, and the outcome expected then. Every rule must have an entry,
// so a new rule cannot land untested.
var ruleTriggers = map[string]struct {
	set  []func(*Answers)
	want Outcome
}{
	"ces-bladder-bowel":            {[]func(*Answers){yesTo(KeyBladderBowelChange)}, Emergency},
	"ces-saddle-numbness":          {[]func(*Answers){yesTo(KeySaddleNumbness)}, Emergency},
	"ces-both-legs":                {[]func(*Answers){yesTo(KeyBothLegs)}, Emergency},
	"chest-pain":                   {[]func(*Answers){yesTo(KeyChestPain)}, Emergency},
	"major-trauma":                 {[]func(*Answers){yesTo(KeyMajorTrauma)}, Emergency},
	"cancer-leg-weakness":          {[]func(*Answers){yesTo(KeyCancerHistory, KeyLegWeaknessWorsening)}, Emergency},
	"cancer-nerve-symptoms":        {[]func(*Answers){yesTo(KeyCancerHistory, KeyNumbnessTingling)}, Emergency},
	"fever-immunosuppressed":       {[]func(*Answers){yesTo(KeyFever, KeyImmunosuppressed)}, Urgent},
	"fever":                        {[]func(*Answers){yesTo(KeyFever)}, Urgent},
	"leg-weakness-progressive":     {[]func(*Answers){yesTo(KeyLegWeaknessWorsening)}, Urgent},
	"cancer-thoracic-or-neck-pain": {[]func(*Answers){yesTo(KeyCancerHistory), where(LocationUpper)}, Urgent},
	"cancer-night-pain":            {[]func(*Answers){yesTo(KeyCancerHistory, KeyNightPain)}, Urgent},
	"cancer-worsening-or-severe":   {[]func(*Answers){yesTo(KeyCancerHistory), trend(TrendWorsening)}, Urgent},
	"older-weight-loss":            {[]func(*Answers){yesTo(KeyWeightLoss), age(60)}, Urgent},
	"severe-sudden":                {[]func(*Answers){intensity(8)}, Urgent},
	"severe-worsening":             {[]func(*Answers){intensity(8), lasting(Duration3DaysTo6Weeks), trend(TrendWorsening)}, Urgent},
	"cancer-history":               {[]func(*Answers){yesTo(KeyCancerHistory)}, Doctor},
	"weight-loss":                  {[]func(*Answers){yesTo(KeyWeightLoss)}, Doctor},
	"night-pain":                   {[]func(*Answers){yesTo(KeyNightPain)}, Doctor},
	"immunosuppressed":             {[]func(*Answers){yesTo(KeyImmunosuppressed)}, Doctor},
	"osteoporosis":                 {[]func(*Answers){yesTo(KeyOsteoporosis)}, Doctor},
	"recent-surgery":               {[]func(*Answers){yesTo(KeyRecentSurgery)}, Doctor},
	"thoracic-pain":                {[]func(*Answers){where(LocationMiddle)}, Doctor},
	"numbness-tingling":            {[]func(*Answers){yesTo(KeyNumbnessTingling)}, Doctor},
	"sciatica-not-settling":        {[]func(*Answers){yesTo(KeyLegPainBelowKnee), lasting(Duration6To12Weeks)}, Doctor},
	"very-severe-pain":             {[]func(*Answers){intensity(8), lasting(Duration3DaysTo6Weeks)}, Doctor},
	"pain-worsening":               {[]func(*Answers){lasting(Duration3DaysTo6Weeks), trend(TrendWorsening)}, Doctor},
	"not-improving-after-6-weeks":  {[]func(*Answers){lasting(Duration6To12Weeks), trend(TrendSame)}, Doctor},
	"daily-life-severe":            {[]func(*Answers){yesTo(KeyAffectsSleepDailyLife), intensity(7)}, Doctor},
	"age-55-not-improving":         {[]func(*Answers){age(55), lasting(Duration3DaysTo6Weeks), trend(TrendSame)}, Doctor},
	"age-under-20-not-improving":   {[]func(*Answers){age(19), lasting(Duration3DaysTo6Weeks), trend(TrendSame)}, Doctor},
	"otc-not-helping":              {[]func(*Answers){yesTo(KeyOTCNotHelping)}, Therapist},
	"affects-daily-life":           {[]func(*Answers){yesTo(KeyAffectsSleepDailyLife)}, Therapist},
	"strong-pain":                  {[]func(*Answers){intensity(7)}, Therapist},
	"leg-pain-below-knee":          {[]func(*Answers){yesTo(KeyLegPainBelowKnee)}, Therapist},
	"subacute-not-improving":       {[]func(*Answers){lasting(Duration3DaysTo6Weeks), trend(TrendSame)}, Therapist},
	"longer-lasting-pain":          {[]func(*Answers){lasting(DurationOver12Weeks)}, Therapist},
	"self-care-recent-improving":   {nil, SelfCare},
	"self-care":                    {[]func(*Answers){trend(TrendSame)}, SelfCare},
	"caution-bleeding-risk":        {[]func(*Answers){yesTo(KeyBleedingRisk)}, SelfCare},
	"caution-skin-at-site":         {[]func(*Answers){yesTo(KeySkinProblemAtSite)}, SelfCare},
	"caution-pregnancy":            {[]func(*Answers){yesTo(KeyPregnant)}, SelfCare},
	"caution-osteoporosis":         {[]func(*Answers){yesTo(KeyOsteoporosis)}, Doctor},
	"caution-recent-surgery":       {[]func(*Answers){yesTo(KeyRecentSurgery)}, Doctor},
	"caution-cancer":               {[]func(*Answers){yesTo(KeyCancerHistory)}, Doctor},
}

func TestBaselineIsSelfCare(t *testing.T) {
	a := baseline()
	if errs := Validate(a); errs != nil {
		t.Fatalf("baseline invalid: %v", errs)
	}
	r := Evaluate(a)
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
			if !rule.When(a) {
				t.Fatalf("rule does not fire on its trigger")
			}
			r := Evaluate(a)
			checkResultInvariants(t, a, r)
			if r.Outcome != trig.want {
				t.Errorf("outcome = %s, want %s (reasons %v)", r.Outcome, trig.want, ruleIDs(r))
			}
			if rule.Outcome != "" {
				i := slices.IndexFunc(r.Reasons, func(x Reason) bool { return x.RuleID == rule.ID })
				if i < 0 {
					t.Fatalf("no reason from %s in %v", rule.ID, ruleIDs(r))
				}
				if got := r.Reasons[i]; got.Key != rule.Key || got.Source != rule.Source {
					t.Errorf("reason = %+v, want key %q", got, rule.Key)
				}
			}
			if rule.Caution != "" && !hasCaution(r, rule.ID) {
				t.Errorf("no caution from %s in %+v", rule.ID, r.Cautions)
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
		if r.Condition == "" || r.When == nil {
			t.Errorf("%s: missing Condition or When", r.ID)
		}
		if r.Outcome == "" && r.Caution == "" {
			t.Errorf("%s: neither an outcome nor a caution", r.ID)
		}
		if r.Outcome != "" && (!r.Outcome.Valid() || r.Reason == "") {
			t.Errorf("%s: outcome %q needs a valid outcome and a reason", r.ID, r.Outcome)
		}
		if _, ok := QuestionByKey(r.Key); !ok && r.ID != "self-care" {
			t.Errorf("%s: key %q is not a question", r.ID, r.Key)
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
	if Rules()[0].Outcome == SelfCare {
		t.Error("Rules() exposes the table")
	}
}

func TestCombinations(t *testing.T) {
	tests := []struct {
		name     string
		set      []func(*Answers)
		want     Outcome
		wantRule string
	}{
		{"cancer alone", []func(*Answers){yesTo(KeyCancerHistory)}, Doctor, "cancer-history"},
		{"middle back alone", []func(*Answers){where(LocationMiddle)}, Doctor, "thoracic-pain"},
		{"cancer with new middle back pain", []func(*Answers){yesTo(KeyCancerHistory), where(LocationMiddle)}, Urgent, "cancer-thoracic-or-neck-pain"},
		{"cancer with neck pain", []func(*Answers){yesTo(KeyCancerHistory), where(LocationNeckShoulder)}, Urgent, "cancer-thoracic-or-neck-pain"},
		{"cancer with lower back pain only", []func(*Answers){yesTo(KeyCancerHistory), where(LocationLower)}, Doctor, "cancer-history"},
		{"fever alone", []func(*Answers){yesTo(KeyFever)}, Urgent, "fever"},
		{"immunosuppressed alone", []func(*Answers){yesTo(KeyImmunosuppressed)}, Doctor, "immunosuppressed"},
		{"fever with immunosuppression", []func(*Answers){yesTo(KeyFever, KeyImmunosuppressed)}, Urgent, "fever-immunosuppressed"},
		{"leg weakness alone", []func(*Answers){yesTo(KeyLegWeaknessWorsening)}, Urgent, "leg-weakness-progressive"},
		{"cancer with leg weakness", []func(*Answers){yesTo(KeyCancerHistory, KeyLegWeaknessWorsening)}, Emergency, "cancer-leg-weakness"},
		{"cancer with leg pain below knee", []func(*Answers){yesTo(KeyCancerHistory, KeyLegPainBelowKnee)}, Emergency, "cancer-nerve-symptoms"},
		{"leg weakness with both legs", []func(*Answers){yesTo(KeyLegWeaknessWorsening, KeyBothLegs)}, Emergency, "ces-both-legs"},
		{"cancer with night pain", []func(*Answers){yesTo(KeyCancerHistory, KeyNightPain)}, Urgent, "cancer-night-pain"},
		{"cancer with severe pain", []func(*Answers){yesTo(KeyCancerHistory), intensity(8), lasting(Duration3DaysTo6Weeks)}, Urgent, "cancer-worsening-or-severe"},
		{"weight loss at 59", []func(*Answers){yesTo(KeyWeightLoss), age(59)}, Doctor, "weight-loss"},
		{"weight loss at 60", []func(*Answers){yesTo(KeyWeightLoss), age(60)}, Urgent, "older-weight-loss"},
		{"age 17, short mild improving episode", []func(*Answers){age(17)}, SelfCare, "self-care-recent-improving"},
		{"age 55, short mild improving episode", []func(*Answers){age(55)}, SelfCare, "self-care-recent-improving"},
		{"age 74, new pain for 2 days, improving", []func(*Answers){age(74)}, SelfCare, "self-care-recent-improving"},
		{"age 74, new pain for 2 weeks, not improving", []func(*Answers){age(74), lasting(Duration3DaysTo6Weeks), trend(TrendSame)}, Doctor, "age-55-not-improving"},
		{"age 74, 2 weeks, improving", []func(*Answers){age(74), lasting(Duration3DaysTo6Weeks)}, SelfCare, "self-care-recent-improving"},
		{"age 54, 2 weeks not improving", []func(*Answers){age(54), lasting(Duration3DaysTo6Weeks), trend(TrendSame)}, Therapist, "subacute-not-improving"},
		{"age 17, 2 weeks not improving", []func(*Answers){age(17), lasting(Duration3DaysTo6Weeks), trend(TrendSame)}, Doctor, "age-under-20-not-improving"},
		{"severe but improving pain after 2 weeks", []func(*Answers){intensity(9), lasting(Duration3DaysTo6Weeks)}, Doctor, "very-severe-pain"},
		{"worsening in the first 3 days, moderate", []func(*Answers){trend(TrendWorsening), intensity(5)}, SelfCare, "self-care"},
		{"daily life affected, pain 6", []func(*Answers){yesTo(KeyAffectsSleepDailyLife), intensity(6)}, Therapist, "affects-daily-life"},
		{"sciatica, 2 weeks, worsening", []func(*Answers){yesTo(KeyLegPainBelowKnee), lasting(Duration3DaysTo6Weeks), trend(TrendWorsening)}, Doctor, "sciatica-not-settling"},
		{"chronic pain getting worse", []func(*Answers){lasting(DurationOver12Weeks), trend(TrendWorsening)}, Doctor, "pain-worsening"},
		{"chronic stable pain", []func(*Answers){lasting(DurationOver12Weeks), trend(TrendSame)}, Therapist, "longer-lasting-pain"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := answers(tt.set...)
			r := Evaluate(a)
			checkResultInvariants(t, a, r)
			if r.Outcome != tt.want || !hasReason(r, tt.wantRule) {
				t.Errorf("got %s %v, want %s with %s", r.Outcome, ruleIDs(r), tt.want, tt.wantRule)
			}
		})
	}
}

func TestEvaluateEmergencyStep(t *testing.T) {
	for _, k := range EmergencyKeys() {
		t.Run(k, func(t *testing.T) {
			a, errs := FromValuesStep(1, map[string][]string{ChecklistField: {k}})
			if errs != nil {
				t.Fatal(errs)
			}
			r, stop := EvaluateEmergencyStep(a)
			if !stop || r.Outcome != Emergency || r.Reasons[0].Key != k {
				t.Errorf("got %v %+v", stop, r)
			}
			checkResultInvariants(t, a, r)
		})
	}
	a, _ := FromValuesStep(1, map[string][]string{ChecklistField: {ChecklistNone}})
	if r, stop := EvaluateEmergencyStep(a); stop || r.Outcome != "" {
		t.Errorf("'none' stopped the questionnaire: %+v", r)
	}
	// Later answers must not leak into the step 1 decision.
	full := answers(yesTo(KeyCancerHistory, KeyLegWeaknessWorsening))
	if _, stop := EvaluateEmergencyStep(full); stop {
		t.Error("step 1 check used answers from later steps")
	}
}

func TestCautionsHiddenWhenUrgent(t *testing.T) {
	r := Evaluate(answers(yesTo(KeyFever, KeyBleedingRisk, KeyPregnant)))
	if r.Outcome != Urgent || len(r.Cautions) != 0 || len(r.Routines) != 0 {
		t.Errorf("got %s cautions %v routines %v", r.Outcome, r.Cautions, r.Routines)
	}
	r = Evaluate(answers(yesTo(KeyBleedingRisk, KeyPregnant, KeyOsteoporosis)))
	for _, id := range []string{"caution-bleeding-risk", "caution-pregnancy", "caution-osteoporosis"} {
		if !hasCaution(r, id) {
			t.Errorf("missing caution %s at %s", id, r.Outcome)
		}
	}
}

func TestRoutinesFollowLocationAndCautions(t *testing.T) {
	tests := []struct {
		name string
		set  []func(*Answers)
		want []string
	}{
		{"lower back", nil, []string{"heat-and-gentle-movement", "hands-lower-back", "tennis-ball-lower-back", "handheld-massager", "foot-arch-roll"}},
		{"neck", []func(*Answers){where(LocationNeckShoulder)}, []string{"heat-and-gentle-movement", "neck-and-shoulders", "foot-arch-roll"}},
		{"upper back", []func(*Answers){where(LocationUpper)}, []string{"heat-and-gentle-movement", "tennis-ball-upper-back", "foam-roller-upper-back", "handheld-massager", "foot-arch-roll"}},
		{"upper back, pregnant", []func(*Answers){where(LocationUpper), yesTo(KeyPregnant)}, []string{"heat-and-gentle-movement", "tennis-ball-upper-back", "foot-arch-roll"}},
		{"lower back, blood thinners", []func(*Answers){yesTo(KeyBleedingRisk)}, []string{"heat-and-gentle-movement", "hands-lower-back", "foot-arch-roll"}},
		{"rash where it hurts", []func(*Answers){yesTo(KeySkinProblemAtSite)}, []string{"foot-arch-roll"}},
		{"doctor outcome", []func(*Answers){yesTo(KeyNightPain)}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Evaluate(answers(tt.set...)).Routines; !slices.Equal(got, tt.want) {
				t.Errorf("routines = %v, want %v", got, tt.want)
			}
		})
	}
}
