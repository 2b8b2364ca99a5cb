package triage

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestPagesShape(t *testing.T) {
	pages := Pages()
	if pages[0].ID != PageEmergency || !pages[0].IsChecklist() || len(pages[0].AskedWhen) != 0 {
		t.Fatal("the emergency checklist must come first and be asked of everyone")
	}
	main := 0
	seenKeys := map[string]bool{}
	seenPages := map[string]bool{}
	for i, p := range pages {
		if seenPages[p.ID] || p.ID == "" || p.Title == "" || len(p.Questions) == 0 {
			t.Errorf("page %d (%q) is incomplete or repeated", i, p.ID)
		}
		seenPages[p.ID] = true
		if len(p.AskedWhen) == 0 {
			main++
		}
		// A follow-up may only depend on answers of earlier pages.
		for _, k := range p.AskedWhen.Keys() {
			q, ok := QuestionByKey(k)
			if !ok || !seenPages[q.Page] || q.Page == p.ID {
				t.Errorf("page %s depends on %q, which is not asked before it", p.ID, k)
			}
		}
		for _, q := range p.Questions {
			if seenKeys[q.Key] || q.Page != p.ID || q.Label == "" || q.missing == "" {
				t.Errorf("question %q: repeated, wrong page or no wording", q.Key)
			}
			seenKeys[q.Key] = true
			if p.IsChecklist() != (q.Kind == KindChecklistItem) {
				t.Errorf("question %q: checklist items belong on checklist pages only", q.Key)
			}
			if !p.IsChecklist() && q.Hint == "" {
				t.Errorf("question %q has no hint saying why we ask", q.Key)
			}
			if (q.Kind == KindSingleChoice || q.Kind == KindMultipleChoice) && len(q.Options) < 2 {
				t.Errorf("question %q has too few options", q.Key)
			}
		}
	}
	if main != 4 {
		t.Errorf("%d pages are asked of everyone, want 4 (emergency, about, conditions, symptoms)", main)
	}
	if len(YesNoKeys()) > maxYesNo {
		t.Errorf("%d yes/no questions, more than maxYesNo", len(YesNoKeys()))
	}
}

func TestAskedPagesAndProgress(t *testing.T) {
	ids := func(a Answers) []string {
		var out []string
		for _, p := range AskedPages(a) {
			out = append(out, p.ID)
		}
		return out
	}
	if got := ids(Answers{}); !slices.Equal(got, []string{PageEmergency, PageAbout, PageConditions, PageSymptoms}) {
		t.Errorf("before any answer: %v", got)
	}
	a := answers(where(LocationNeckShoulder, LocationMiddle), cancer(CancerActiveOrRecent), yesTo(KeyPregnant, KeySteroids))
	want := []string{PageEmergency, PageAbout, PageNeck, PageConditions, PageCancer, PagePregnancy, PageFall, PageSymptoms, PageStrain}
	if got := ids(a); !slices.Equal(got, want) {
		t.Errorf("every follow-up: %v", got)
	}
	if got := ids(answers(age(50), firstEpisode())); !slices.Contains(got, PageStrain) {
		t.Errorf("a first bout at 50 does not ask about a strain: %v", got)
	}
	if got := ids(answers(age(49), firstEpisode())); slices.Contains(got, PageStrain) {
		t.Errorf("a first bout at 49 asks about a strain: %v", got)
	}
	n, total, ok := Progress(a, PageCancer)
	if !ok || n != 5 || total != 9 {
		t.Errorf("progress = %d of %d (%v)", n, total, ok)
	}
	if _, _, ok := Progress(baseline(), PageNeck); ok {
		t.Error("progress on a page that is not asked")
	}
	if p, ok := NextPage(Answers{}); !ok || p.ID != PageEmergency {
		t.Errorf("next page at the start = %v", p.ID)
	}
	if _, ok := NextPage(baseline()); ok {
		t.Error("a complete questionnaire has a next page")
	}
	partial := baseline()
	partial.SetYesNo(KeyPregnant, true)
	if p, ok := NextPage(partial); !ok || p.ID != PagePregnancy {
		t.Errorf("ticking pregnant does not lead to the pregnancy page: %v", p.ID)
	}
}

func TestDisplay(t *testing.T) {
	a := answers(where(LocationLower, LocationNeckShoulder), yesTo(KeyFever), cancer(CancerLongAgo))
	tests := map[string]string{
		KeyAge: "35", KeyIntensity: "3 out of 10", KeyDuration: "Less than 3 days", KeyTrend: "Getting better",
		KeyLocation: "Lower back, Neck and shoulders", KeyFever: "Yes", KeyPregnant: "No",
		KeyCancerStatus: "I was treated more than 5 years ago and have been clear since",
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
	cards := map[string]bool{}
	for _, o := range Outcomes() {
		if o.Severity() != prev-1 || o.Title() == "" || o.Action() == "" || !o.Valid() || o.CareCardLabel() == "" {
			t.Errorf("%s: severity %d, title %q", o, o.Severity(), o.Title())
		}
		prev = o.Severity()
		cards[o.CareCard()+"|"+o.CareCardLabel()] = true
	}
	if len(cards) != 3 {
		t.Errorf("want three care cards, each with its own words: %v", cards)
	}
	if Outcome("").Valid() || Outcome("").Title() != "" {
		t.Error("empty outcome is valid")
	}
	if !strings.Contains(Therapist.Action(), "alongside") || !strings.Contains(Therapist.Action(), "xercise") {
		t.Error("therapist action must say alongside exercise (NICE NG59)")
	}
	if !strings.Contains(Emergency.Action(), "{{emergency-number}}") || !strings.Contains(Emergency.Action(), "Do not drive") {
		t.Error("emergency action must give the emergency number and say not to drive")
	}
	if !strings.Contains(Urgent.Action(), "{{urgent-help}}") || !strings.Contains(SelfCare.Action(), "2 to 4 weeks") {
		t.Error("urgent must say where to get help today; self-care must say when to get help")
	}
	if Emergency.CareCard() != "immediate" || Urgent.CareCard() != "urgent" || Doctor.CareCard() != "non-urgent" {
		t.Error("care cards")
	}
	if c := Emergency.Calls(); len(c) != 1 || c[0].Number != "{{emergency-number}}" {
		t.Errorf("emergency calls %v", c)
	}
	if c := Urgent.Calls(); len(c) != 1 || c[0].Number != "{{urgent-number}}" {
		t.Errorf("urgent calls %v", c)
	}
}

// TestPublishable checks the schema, rules and results encode as JSON, as
// the API and the published rules page need.
func TestPublishable(t *testing.T) {
	for name, v := range map[string]any{"pages": Pages(), "rules": Rules(), "sources": Sources(), "signs": SignLists(), "result": eval(baseline())} {
		b, err := json.Marshal(v)
		if err != nil || len(b) < 50 {
			t.Errorf("%s: %v", name, err)
		}
	}
	p := Pages()
	p[0].Checklist.Label = "changed"
	p[2].AskedWhen[0][0].Key = "changed"
	if q := Pages(); q[0].Checklist.Label == "changed" || q[2].AskedWhen[0][0].Key == "changed" {
		t.Error("Pages exposes the schema")
	}
}
