package triage

import (
	"reflect"
	"testing"
)

// validForm is the baseline as a browser would post the whole questionnaire.
func validForm() map[string][]string {
	v := baseline().FormValues()
	v["csrf_token"] = []string{"abc"} // forms carry fields that are not questions
	return v
}

func TestFromValuesValid(t *testing.T) {
	a, errs := FromValues(validForm())
	if errs != nil {
		t.Fatalf("errors: %v", errs)
	}
	if !reflect.DeepEqual(a, baseline()) {
		t.Errorf("got %+v", a)
	}
	// Whitespace around typed numbers is forgiven: people type " 42 ".
	v := validForm()
	v[KeyAge] = []string{" 42 "}
	if a, errs := FromValues(v); errs != nil || *a.Age != 42 {
		t.Errorf("age with spaces: %v", errs)
	}
}

func TestFromValuesErrors(t *testing.T) {
	tests := []struct {
		name      string
		change    func(v map[string][]string)
		wantField string
		wantCode  string
	}{
		{"age missing", func(v map[string][]string) { delete(v, KeyAge) }, KeyAge, CodeRequired},
		{"age empty", func(v map[string][]string) { v[KeyAge] = []string{""} }, KeyAge, CodeRequired},
		{"age not a number", func(v map[string][]string) { v[KeyAge] = []string{"forty"} }, KeyAge, CodeWrongType},
		{"age decimal", func(v map[string][]string) { v[KeyAge] = []string{"40.5"} }, KeyAge, CodeWrongType},
		{"age twice", func(v map[string][]string) { v[KeyAge] = []string{"40", "41"} }, KeyAge, CodeWrongType},
		{"age 15", func(v map[string][]string) { v[KeyAge] = []string{"15"} }, KeyAge, CodeUnder16},
		{"age 0", func(v map[string][]string) { v[KeyAge] = []string{"0"} }, KeyAge, CodeUnder16},
		{"age negative", func(v map[string][]string) { v[KeyAge] = []string{"-3"} }, KeyAge, CodeOutOfRange},
		{"age 121", func(v map[string][]string) { v[KeyAge] = []string{"121"} }, KeyAge, CodeOutOfRange},
		{"age huge", func(v map[string][]string) { v[KeyAge] = []string{"99999999999999999999999"} }, KeyAge, CodeOutOfRange},
		{"duration missing", func(v map[string][]string) { delete(v, KeyDuration) }, KeyDuration, CodeRequired},
		{"duration unknown", func(v map[string][]string) { v[KeyDuration] = []string{"forever"} }, KeyDuration, CodeInvalidOption},
		{"intensity missing", func(v map[string][]string) { delete(v, KeyIntensity) }, KeyIntensity, CodeRequired},
		{"intensity not a number", func(v map[string][]string) { v[KeyIntensity] = []string{"bad"} }, KeyIntensity, CodeWrongType},
		{"intensity 11", func(v map[string][]string) { v[KeyIntensity] = []string{"11"} }, KeyIntensity, CodeOutOfRange},
		{"intensity -1", func(v map[string][]string) { v[KeyIntensity] = []string{"-1"} }, KeyIntensity, CodeOutOfRange},
		{"location missing", func(v map[string][]string) { delete(v, KeyLocation) }, KeyLocation, CodeRequired},
		{"location empty", func(v map[string][]string) { v[KeyLocation] = []string{} }, KeyLocation, CodeRequired},
		{"location unknown", func(v map[string][]string) { v[KeyLocation] = []string{"lower", "knee"} }, KeyLocation, CodeInvalidOption},
		{"location repeated", func(v map[string][]string) { v[KeyLocation] = []string{"lower", "lower"} }, KeyLocation, CodeDuplicate},
		{"trend missing", func(v map[string][]string) { delete(v, KeyTrend) }, KeyTrend, CodeRequired},
		{"trend unknown", func(v map[string][]string) { v[KeyTrend] = []string{"up"} }, KeyTrend, CodeInvalidOption},
		{"yes/no not yes or no", func(v map[string][]string) { v[KeyFever] = []string{"maybe"} }, KeyFever, CodeWrongType},
		{"yes/no as true", func(v map[string][]string) { v[KeyPregnant] = []string{"true"} }, KeyPregnant, CodeWrongType},
		{"checklist missing", func(v map[string][]string) { delete(v, ChecklistField) }, ChecklistField, CodeRequired},
		{"checklist empty", func(v map[string][]string) { v[ChecklistField] = []string{""} }, ChecklistField, CodeRequired},
		{"checklist none and a sign", func(v map[string][]string) { v[ChecklistField] = []string{ChecklistNone, KeyChestPain} }, ChecklistField, CodeConflict},
		{"checklist non-emergency key", func(v map[string][]string) { v[ChecklistField] = []string{KeyFever} }, ChecklistField, CodeInvalidOption},
		{"checklist unknown value", func(v map[string][]string) { v[ChecklistField] = []string{"headache"} }, ChecklistField, CodeInvalidOption},
	}
	for _, k := range yesNoKeys() {
		if !isEmergencyKey(k) {
			tests = append(tests, struct {
				name      string
				change    func(v map[string][]string)
				wantField string
				wantCode  string
			}{k + " missing", func(v map[string][]string) { delete(v, k) }, k, CodeRequired})
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := validForm()
			tt.change(v)
			_, errs := FromValues(v)
			if len(errs) != 1 || errs[0].Field != tt.wantField || errs[0].Code != tt.wantCode || errs[0].Message == "" {
				t.Errorf("errors = %+v, want one %s on %s", errs, tt.wantCode, tt.wantField)
			}
		})
	}
}

func TestFromValuesUnder16Message(t *testing.T) {
	v := validForm()
	v[KeyAge] = []string{"14"}
	_, errs := FromValues(v)
	if len(errs) != 1 || errs[0].Message != msgUnder16 {
		t.Fatalf("errors = %+v", errs)
	}
}

func TestFromValuesEmptyFormReportsEveryQuestion(t *testing.T) {
	_, errs := FromValues(map[string][]string{})
	want := 1 + len(Keys()) - len(EmergencyKeys()) // the checklist is one error
	if len(errs) != want {
		t.Errorf("got %d errors, want %d: %+v", len(errs), want, errs)
	}
	if errs[0].Field != ChecklistField || errs[0].Message != "Select the signs that apply, or 'None of these'" {
		t.Errorf("first error = %+v", errs[0])
	}
}

func TestFromValuesChecklist(t *testing.T) {
	a, errs := FromValuesStep(1, map[string][]string{ChecklistField: {KeyChestPain, KeyBothLegs, KeyChestPain}})
	if errs != nil {
		t.Fatal(errs)
	}
	for _, k := range EmergencyKeys() {
		want := k == KeyChestPain || k == KeyBothLegs
		if !a.Answered(k) || a.Yes(k) != want {
			t.Errorf("%s: answered %v yes %v, want yes=%v", k, a.Answered(k), a.Yes(k), want)
		}
	}
	if a.Age != nil || a.Answered(KeyFever) {
		t.Error("step 1 decoded answers of other steps")
	}
	a, errs = FromValuesStep(1, map[string][]string{ChecklistField: {ChecklistNone}})
	if errs != nil || a.Yes(KeyChestPain) || !a.Answered(KeyMajorTrauma) {
		t.Errorf("none: %v %+v", errs, a)
	}
}

func TestFromValuesStepAndUpTo(t *testing.T) {
	v := validForm()
	delete(v, KeyFever) // a step 3 question
	if _, errs := FromValuesStep(2, v); errs != nil {
		t.Errorf("step 2 reported other steps: %v", errs)
	}
	a, errs := FromValuesUpTo(2, v)
	if errs != nil || a.Age == nil || !a.Answered(KeyChestPain) || a.Answered(KeyFever) {
		t.Errorf("up to 2: %v %+v", errs, a)
	}
	if _, errs := FromValuesUpTo(3, v); len(errs) != 1 || errs[0].Field != KeyFever {
		t.Errorf("up to 3: %v", errs)
	}
	for _, n := range []int{0, 5, -1} {
		if _, errs := FromValuesStep(n, v); len(errs) != 1 || errs[0].Code != CodeInvalidStep {
			t.Errorf("step %d: %v", n, errs)
		}
		if _, errs := FromValuesUpTo(n, v); len(errs) != 1 || errs[0].Code != CodeInvalidStep {
			t.Errorf("up to %d: %v", n, errs)
		}
	}
	// Decoding step by step and merging gives the same answers as decoding
	// the whole form at once.
	var merged Answers
	for n := 1; n <= NumSteps; n++ {
		b, errs := FromValuesStep(n, validForm())
		if errs != nil {
			t.Fatal(errs)
		}
		merged = merged.Merge(b)
	}
	if !reflect.DeepEqual(merged, baseline()) {
		t.Errorf("merged = %+v", merged)
	}
}

func TestFormValuesOmitsPartialChecklist(t *testing.T) {
	var a Answers
	a.SetYesNo(KeyChestPain, false)
	v := a.FormValues()
	if _, ok := v[ChecklistField]; ok || len(v) != 0 {
		t.Errorf("partial checklist encoded: %v", v)
	}
	full := baseline()
	full.SetYesNo(KeyMajorTrauma, true)
	v = full.FormValues()
	if got := v[ChecklistField]; len(got) != 1 || got[0] != KeyMajorTrauma {
		t.Errorf("checklist = %v", got)
	}
	if _, ok := v[KeyMajorTrauma]; ok {
		t.Error("emergency sign encoded twice")
	}
}
