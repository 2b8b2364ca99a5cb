package triage

import (
	"reflect"
	"testing"
)

// validForm is the baseline as a browser would post every page at once.
func validForm() map[string][]string {
	v := baseline().FormValues()
	v["csrf_token"] = []string{"abc"} // forms carry fields that are not questions
	return v
}

func checklistField(page string) string {
	p, _ := PageByID(page)
	return p.Checklist.Field
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
	emergency, conditions := checklistField(PageEmergency), checklistField(PageConditions)
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
		{"duration of the old questions", func(v map[string][]string) { v[KeyDuration] = []string{"3_days_to_6_weeks"} }, KeyDuration, CodeInvalidOption},
		{"intensity missing", func(v map[string][]string) { delete(v, KeyIntensity) }, KeyIntensity, CodeRequired},
		{"intensity not a number", func(v map[string][]string) { v[KeyIntensity] = []string{"bad"} }, KeyIntensity, CodeWrongType},
		{"intensity 11", func(v map[string][]string) { v[KeyIntensity] = []string{"11"} }, KeyIntensity, CodeOutOfRange},
		{"intensity -1", func(v map[string][]string) { v[KeyIntensity] = []string{"-1"} }, KeyIntensity, CodeOutOfRange},
		{"location missing", func(v map[string][]string) { delete(v, KeyLocation) }, KeyLocation, CodeRequired},
		{"location unknown", func(v map[string][]string) { v[KeyLocation] = []string{"lower", "knee"} }, KeyLocation, CodeInvalidOption},
		{"location repeated", func(v map[string][]string) { v[KeyLocation] = []string{"lower", "lower"} }, KeyLocation, CodeDuplicate},
		{"trend unknown", func(v map[string][]string) { v[KeyTrend] = []string{"up"} }, KeyTrend, CodeInvalidOption},
		{"back pain before missing", func(v map[string][]string) { delete(v, KeyBackPainBefore) }, KeyBackPainBefore, CodeRequired},
		{"yes/no as true", func(v map[string][]string) { v[KeyBackPainBefore] = []string{"true"} }, KeyBackPainBefore, CodeWrongType},
		{"checklist missing", func(v map[string][]string) { delete(v, emergency) }, emergency, CodeRequired},
		{"checklist empty", func(v map[string][]string) { v[emergency] = []string{""} }, emergency, CodeRequired},
		{"checklist none and an item", func(v map[string][]string) { v[emergency] = []string{ChecklistNone, KeyChestPain} }, emergency, CodeConflict},
		{"checklist item of another page", func(v map[string][]string) { v[emergency] = []string{KeyFever} }, emergency, CodeInvalidOption},
		{"checklist unknown value", func(v map[string][]string) { v[conditions] = []string{"headache"} }, conditions, CodeInvalidOption},
		{"cancer without its follow-up", func(v map[string][]string) { v[conditions] = []string{KeyCancer} }, KeyCancerStatus, CodeRequired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := validForm()
			tt.change(v)
			_, errs := FromValues(v)
			if len(errs) < 1 || errs[0].Field != tt.wantField || errs[0].Code != tt.wantCode || errs[0].Message == "" {
				t.Errorf("errors = %+v, want %s on %s first", errs, tt.wantCode, tt.wantField)
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

func TestFromValuesEmptyFormReportsEveryMainPage(t *testing.T) {
	_, errs := FromValues(map[string][]string{})
	// Three checklists are one error each; "about your pain" has one per
	// question; no follow-up is asked.
	about, _ := PageByID(PageAbout)
	if want := 3 + len(about.Questions); len(errs) != want {
		t.Errorf("got %d errors, want %d: %+v", len(errs), want, errs)
	}
	if errs[0].Field != checklistField(PageEmergency) || errs[0].Message != "Select the ones that apply, or 'None of these'" {
		t.Errorf("first error = %+v", errs[0])
	}
}

func TestFromValuesPage(t *testing.T) {
	field := checklistField(PageEmergency)
	a, errs := FromValuesPage(PageEmergency, map[string][]string{field: {KeyChestPain, KeyBothLegs, KeyChestPain}})
	if errs != nil {
		t.Fatal(errs)
	}
	p, _ := PageByID(PageEmergency)
	for _, q := range p.Questions {
		want := q.Key == KeyChestPain || q.Key == KeyBothLegs
		if !a.Answered(q.Key) || a.Yes(q.Key) != want {
			t.Errorf("%s: answered %v yes %v, want yes=%v", q.Key, a.Answered(q.Key), a.Yes(q.Key), want)
		}
	}
	if a.Age != nil || a.Answered(KeyFever) {
		t.Error("the emergency page decoded answers of other pages")
	}
	a, errs = FromValuesPage(PageEmergency, map[string][]string{field: {ChecklistNone}})
	if errs != nil || a.Yes(KeyChestPain) || !a.Answered(KeyMajorTrauma) {
		t.Errorf("none: %v %+v", errs, a)
	}
	if _, errs := FromValuesPage("nope", nil); len(errs) != 1 || errs[0].Code != CodeInvalidPage {
		t.Errorf("unknown page: %v", errs)
	}
	// Decoding page by page and merging gives the same answers as decoding
	// the whole form at once.
	var merged Answers
	for _, p := range AskedPages(baseline()) {
		b, errs := FromValuesPage(p.ID, validForm())
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
	if len(v) != 0 {
		t.Errorf("partial checklist encoded: %v", v)
	}
	full := baseline()
	full.SetYesNo(KeyMajorTrauma, true)
	v = full.FormValues()
	if got := v[checklistField(PageEmergency)]; len(got) != 1 || got[0] != KeyMajorTrauma {
		t.Errorf("checklist = %v", got)
	}
	if _, ok := v[KeyMajorTrauma]; ok {
		t.Error("a checklist item encoded as a field of its own")
	}
}

func TestPruneDropsFollowUpsNoLongerAsked(t *testing.T) {
	a := answers(where(LocationNeckShoulder), yesTo(KeyNeckClumsyHands), yesTo(KeyPregnant))
	a.Location = []Location{LocationLower}
	a.SetYesNo(KeyPregnant, false)
	p := a.Prune()
	if p.Answered(KeyNeckClumsyHands) || p.Answered(KeyPregBleeding) {
		t.Errorf("prune kept answers to pages no longer asked: %s", mustJSON(p))
	}
	if !p.Answered(KeyFever) || p.Age == nil {
		t.Error("prune dropped answers that are still asked")
	}
	if eval(p).Outcome != SelfCare {
		t.Errorf("after un-ticking the neck the old neck sign still counts: %s", eval(p).Outcome)
	}
}
