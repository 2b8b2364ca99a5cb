package triage

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestStepsShape(t *testing.T) {
	steps := Steps()
	wantTitles := []string{"Emergency signs", "About your pain", "Health conditions", "How it affects you"}
	if len(steps) != NumSteps {
		t.Fatalf("%d steps", len(steps))
	}
	for i, s := range steps {
		if s.Number != i+1 || s.Title != wantTitles[i] || len(s.Questions) == 0 {
			t.Errorf("step %d = %d %q", i+1, s.Number, s.Title)
		}
		if s.IsChecklist() != (i == 0) {
			t.Errorf("step %d checklist = %v", i+1, s.IsChecklist())
		}
		for _, q := range s.Questions {
			if q.Step != s.Number || q.Label == "" || q.Hint == "" || q.missing == "" {
				t.Errorf("question %s is incomplete", q.Key)
			}
			if strings.Count(q.Hint, ". ") > 0 {
				t.Errorf("hint of %s should be one sentence: %q", q.Key, q.Hint)
			}
			if (q.Kind == KindEmergencySign) != (i == 0) {
				t.Errorf("%s has kind %s on step %d", q.Key, q.Kind, s.Number)
			}
			if q.Kind != KindInteger && len(q.Options) == 0 {
				t.Errorf("%s has no options", q.Key)
			}
		}
	}
	c := steps[0].Checklist
	if c.Field != ChecklistField || c.NoneValue != ChecklistNone || c.Label != "Do any of these apply?" || c.NoneLabel != "None of these" {
		t.Errorf("checklist = %+v", c)
	}
	var step4 []string
	for _, q := range steps[3].Questions {
		step4 = append(step4, q.Key)
	}
	if !slices.Equal(step4, []string{KeyLegPainBelowKnee, KeyNumbnessTingling, KeyOTCNotHelping, KeyAffectsSleepDailyLife}) {
		t.Errorf("step 4 = %v", step4)
	}
}

// TestKeysMatchAnswers checks the schema and the Answers JSON tags name the
// same keys, once each, in the same order.
func TestKeysMatchAnswers(t *testing.T) {
	var tags []string
	typ := reflect.TypeFor[Answers]()
	for i := range typ.NumField() {
		tags = append(tags, strings.TrimSuffix(typ.Field(i).Tag.Get("json"), ",omitempty"))
	}
	keys := Keys()
	slices.Sort(tags)
	slices.Sort(keys)
	if !slices.Equal(tags, keys) {
		t.Errorf("Answers fields %v\nschema keys %v", tags, keys)
	}
	if len(keys) != 25 || len(yesNoKeys()) != 20 {
		t.Errorf("%d keys, %d yes/no", len(keys), len(yesNoKeys()))
	}
	for _, k := range yesNoKeys() {
		var a Answers
		if !a.SetYesNo(k, true) || !a.Yes(k) || !a.Answered(k) {
			t.Errorf("yes/no key %s is not wired to a field", k)
		}
	}
	var a Answers
	if a.SetYesNo(KeyAge, true) || a.Yes("nonsense") || a.Answered("nonsense") {
		t.Error("non yes/no keys accepted")
	}
}

func TestStepsReturnsACopy(t *testing.T) {
	s := Steps()
	s[1].Questions[0].Label = "changed"
	s[1].Questions[1].Options[0].Label = "changed"
	if q, _ := QuestionByKey(KeyAge); q.Label == "changed" {
		t.Error("Steps exposes the schema")
	}
	if Steps()[1].Questions[1].Options[0].Label == "changed" {
		t.Error("Steps exposes the options")
	}
}

func TestDisplay(t *testing.T) {
	a := answers(where(LocationLower, LocationNeckShoulder), yesTo(KeyFever))
	tests := map[string]string{
		KeyAge: "35", KeyIntensity: "3 out of 10", KeyDuration: "Less than 3 days", KeyTrend: "Getting better",
		KeyLocation: "Lower back, Neck and shoulders", KeyFever: "Yes", KeyPregnant: "No",
	}
	for k, want := range tests {
		q, _ := QuestionByKey(k)
		if got := q.Display(a); got != want {
			t.Errorf("%s: %q, want %q", k, got, want)
		}
	}
	q, _ := QuestionByKey(KeyAge)
	if q.Display(Answers{}) != "" {
		t.Error("unanswered question displayed")
	}
}

func TestOutcomes(t *testing.T) {
	prev := 5
	for _, o := range Outcomes() {
		if o.Severity() != prev-1 || o.Title() == "" || o.Action() == "" || !o.Valid() {
			t.Errorf("%s: severity %d, title %q", o, o.Severity(), o.Title())
		}
		prev = o.Severity()
	}
	if Outcome("").Valid() || Outcome("").Title() != "" {
		t.Error("empty outcome is valid")
	}
	if !strings.Contains(Therapist.Action(), "alongside") || !strings.Contains(Therapist.Action(), "exercise") {
		t.Error("therapist action must say alongside exercise (NICE NG59)")
	}
	if !strings.Contains(Emergency.Action(), "999") || !strings.Contains(Emergency.Action(), "Do not drive") {
		t.Error("emergency action must say 999 and not to drive")
	}
	if Emergency.CareCard() != "emergency" || Doctor.CareCard() != "non-urgent" {
		t.Error("care cards")
	}
}

// TestPublishable checks the schema, rules and results encode as JSON, as
// the API and the published rules page need.
func TestPublishable(t *testing.T) {
	for name, v := range map[string]any{"steps": Steps(), "rules": Rules(), "sources": Sources(), "result": Evaluate(baseline())} {
		b, err := json.Marshal(v)
		if err != nil || len(b) < 50 {
			t.Errorf("%s: %v", name, err)
		}
	}
	s := Steps()
	s[0].Checklist.Label = "changed"
	if Steps()[0].Checklist.Label == "changed" {
		t.Error("Steps exposes the checklist")
	}
}
