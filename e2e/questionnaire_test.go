package e2e

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"backwise/internal/triage"
)

// The questionnaire is driven through the real pages: answers are clicked
// (or typed) into the visible inputs and the page's Continue button is
// pressed. Field names come from the triage schema, so a new question does
// not break these helpers.

// field is one answer as the form sends it.
type field struct{ name, value string }

// answers holds what to answer on each page, by page id. A checklist page
// that is not listed is answered "None of these".
type answers map[string][]field

// pageMarker selects the form of page id.
func pageMarker(id string) string {
	return "[data-testid=question-form][data-page=" + id + "]"
}

// Markers of the pages after the questions.
const (
	anyPage      = "[data-testid=question-form]"
	reviewMarker = "[data-testid=see-result]"
	resultMarker = "[data-outcome]"
	errorSummary = "[data-testid=error-summary]"
)

// selfCare returns answers that lead to self-care (recent, mild pain that is
// getting better, no warning signs) with conditions and symptoms ticked.
func selfCare(intensity int, conditions, symptoms []string) answers {
	a := answers{
		triage.PageAbout: {{"age", "35"}, {"duration", "under_3_days"}, {"back_pain_before", "yes"},
			{"intensity", fmt.Sprint(intensity)}, {"location", "lower"}, {"trend", "improving"}},
	}
	for _, c := range conditions {
		a[triage.PageConditions] = append(a[triage.PageConditions], field{"conditions", c})
	}
	for _, s := range symptoms {
		a[triage.PageSymptoms] = append(a[triage.PageSymptoms], field{"symptoms", s})
	}
	return a
}

// outcomeAnswers leads to each outcome; see internal/triage/rules.go. The
// emergency case ends on the first page.
var outcomeAnswers = map[string]answers{
	"emergency": {triage.PageEmergency: {{"emergency_signs", triage.KeySaddleNumbness}}},
	"urgent":    selfCare(3, nil, []string{triage.KeyFever}),         // fever: same day
	"doctor":    selfCare(3, nil, []string{triage.KeyWeightLoss}),    // weight loss: GP
	"therapist": selfCare(3, nil, []string{triage.KeyOTCNotHelping}), // painkillers not helping
	"self_care": selfCare(3, nil, nil),                               // recent, mild, improving
}

// startCheck opens /check and presses "Start now", landing on the first page.
func startCheck(tb *tab) {
	tb.t.Helper()
	tb.goTo("/check")
	tb.clickAndLoad("[data-testid=start]")
	tb.waitFor(pageMarker(triage.PageEmergency))
}

// currentPage is the id of the question page the tab shows, or "".
func currentPage(tb *tab) string {
	return evalJS[string](tb, `(document.querySelector('[data-testid=question-form]') || {dataset: {}}).dataset.page || ''`)
}

// fill enters one page's answers into the visible form; a checklist with
// nothing listed is answered "None of these".
func fill(tb *tab, id string, fields []field) {
	tb.t.Helper()
	page, _ := triage.PageByID(id)
	if page.IsChecklist() && len(fields) == 0 {
		fields = []field{{page.Checklist.Field, triage.ChecklistNone}}
	}
	if !page.IsChecklist() && len(fields) == 0 {
		for _, q := range page.Questions { // a yes/no follow-up: "no"
			fields = append(fields, field{q.Key, "no"})
		}
	}
	for _, f := range fields {
		input := fmt.Sprintf(`input[name="%s"]`, f.name)
		if evalJS[string](tb, fmt.Sprintf(`document.querySelector(%s).type`, jsString(input))) == "text" {
			tb.do(chromedp.SendKeys(chromedp.CSS(input), f.value))
			continue
		}
		tb.click(fmt.Sprintf(`input[name="%s"][value="%s"]`, f.name, f.value))
	}
}

// answerPage answers the page the tab shows and presses Continue.
func answerPage(tb *tab, a answers) {
	tb.t.Helper()
	id := currentPage(tb)
	if id == "" {
		tb.t.Fatalf("not on a question page: %s", tb.url())
	}
	fill(tb, id, a[id])
	tb.clickAndLoad("[data-testid=continue]")
	if tb.exists(errorSummary) {
		tb.t.Fatalf("page %s did not accept the answers: %s", id, tb.text(errorSummary))
	}
}

// toStep answers the pages before the n-th and stops on it.
func toStep(tb *tab, n int, a answers) {
	tb.t.Helper()
	startCheck(tb)
	for i := 1; i < n; i++ {
		answerPage(tb, a)
		tb.waitFor(anyPage)
	}
}

// toStepErrors submits the n-th page with nothing answered, so that it
// comes back with its error summary.
func toStepErrors(tb *tab, n int, a answers) {
	tb.t.Helper()
	toStep(tb, n, a)
	tb.clickAndLoad("[data-testid=continue]")
	tb.waitFor(errorSummary)
}

// toPage answers the pages before page id and stops on it.
func toPage(tb *tab, id string, a answers) {
	tb.t.Helper()
	startCheck(tb)
	for range 12 {
		switch currentPage(tb) {
		case id:
			return
		case "":
			tb.t.Fatalf("the questions ended before page %s, at %s", id, tb.url())
		}
		answerPage(tb, a)
	}
	tb.t.Fatalf("never reached page %s", id)
}

// toReview answers every page and stops on "Check your answers".
func toReview(tb *tab, a answers) {
	tb.t.Helper()
	startCheck(tb)
	for range 12 {
		if tb.exists(reviewMarker) {
			return
		}
		answerPage(tb, a)
	}
	tb.waitFor(reviewMarker)
}

// toResult answers the questionnaire and shows the advice, which must be
// outcome; keep ticks "Keep this result" on the review page first.
func toResult(tb *tab, outcome string, keep bool) {
	tb.t.Helper()
	a, ok := outcomeAnswers[outcome]
	if !ok {
		tb.t.Fatalf("no answers for outcome %q", outcome)
	}
	if _, ok := a[triage.PageAbout]; !ok { // ends on the first page
		startCheck(tb)
		answerPage(tb, a)
	} else {
		toReview(tb, a)
		if keep {
			tb.click("input#save")
		}
		tb.clickAndLoad(reviewMarker)
	}
	tb.waitFor(resultMarker)
	if got := evalJS[string](tb, `document.querySelector('[data-outcome]').dataset.outcome`); got != outcome {
		tb.t.Fatalf("the answers for %s led to %q on %s", outcome, got, tb.url())
	}
}

// keepResults keeps n self-care results with different pain scores, so that
// /check/history has a chart.
func keepResults(t *testing.T, tb *tab, n int) {
	t.Helper()
	for i := range n {
		toReview(tb, selfCare(2+2*i, nil, nil))
		tb.click("input#save")
		tb.clickAndLoad(reviewMarker)
		tb.waitFor(resultMarker)
	}
}

// everyFollowUp answers so that every follow-up page is asked: neck and
// middle back pain, cancer long ago, pregnancy and osteoporosis.
func everyFollowUp() answers {
	a := selfCare(3, []string{triage.KeyCancer, triage.KeyPregnant, triage.KeyOsteoporosis}, nil)
	a[triage.PageAbout] = append(a[triage.PageAbout], field{"location", "neck_shoulder"}, field{"location", "middle"})
	a[triage.PageCancer] = []field{{"cancer_status", "long_ago"}, {"spine_tenderness", "no"}}
	return a
}

// TestBackAndRefreshOnEveryPage walks answers that open every follow-up.
// On each page a refresh is a plain GET, and after answering, the browser's
// Back returns to the page as answered and Forward to the next: post,
// redirect, get means no "Confirm form resubmission" anywhere.
func TestBackAndRefreshOnEveryPage(t *testing.T) {
	a := everyFollowUp()
	bothModes(t, "/", func(t *testing.T, tb *tab) {
		seen := walk(tb, a, func(id string) {
			here := tb.url()
			tb.do(chromedp.Reload())
			tb.waitFor(pageMarker(id))
			if got := evalJS[string](tb, `performance.getEntriesByType('navigation')[0].type`); got != "reload" {
				t.Errorf("%s: refresh was a %q navigation", id, got)
			}
			answerPage(tb, a)
			next := tb.url()
			historyGo(tb, -1)
			if tb.url() != here || currentPage(tb) != id {
				t.Fatalf("Back from %s went to %s, want %s", next, tb.url(), here)
			}
			historyGo(tb, 1)
			if tb.url() != next {
				t.Fatalf("Forward went to %s, want %s", tb.url(), next)
			}
		})
		want := []string{triage.PageEmergency, triage.PageAbout, triage.PageNeck, triage.PageConditions, triage.PageCancer,
			triage.PagePregnancy, triage.PageFall, triage.PageSymptoms, triage.PageStrain}
		if !slices.Equal(seen, want) {
			t.Errorf("pages = %v, want %v", seen, want)
		}
		if !tb.exists(reviewMarker) {
			t.Errorf("the last page led to %s, not to check your answers", tb.url())
		}
	})
}

// TestNoFollowUpWithoutACause: answers that call for none show none.
func TestNoFollowUpWithoutACause(t *testing.T) {
	bothModes(t, "/", func(t *testing.T, tb *tab) {
		a := selfCare(3, nil, nil)
		n := 0
		seen := walk(tb, a, func(string) {
			n++
			if got, want := tb.text("[data-testid=progress]"), fmt.Sprintf("Question %d of about 4", n); got != want {
				t.Errorf("progress = %q, want %q", got, want)
			}
			answerPage(tb, a)
		})
		if want := []string{triage.PageEmergency, triage.PageAbout, triage.PageConditions, triage.PageSymptoms}; !slices.Equal(seen, want) {
			t.Errorf("pages = %v, want %v", seen, want)
		}
	})
}

// walk starts the questions and calls visit on each page, which must
// answer it, until the questions end; it returns the pages seen.
func walk(tb *tab, a answers, visit func(id string)) []string {
	tb.t.Helper()
	startCheck(tb)
	var seen []string
	for range 12 {
		id := currentPage(tb)
		if id == "" {
			break
		}
		seen = append(seen, id)
		visit(id)
	}
	return seen
}

// historyGo moves through the tab's history as the Back and Forward buttons
// do, and waits until the address has changed and the page is there. (The
// page may come from the back-forward cache, which fires no load event, so
// this polls the address instead of waiting for one.)
func historyGo(tb *tab, step int) {
	tb.t.Helper()
	before := tb.url()
	h, err := chromedp.Call(tb.ctx, page.GetNavigationHistory, cdp.Empty{})
	i := int(h.CurrentIndex) + step
	if err != nil || i < 0 || i >= len(h.Entries) {
		tb.t.Fatalf("history.go(%d) from %s: %v", step, before, err)
	}
	// The protocol command returns at once; chromedp's NavigateBack would
	// wait for a load event that a page from the cache never fires.
	send(tb, page.NavigateToHistoryEntry, page.NavigateToHistoryEntryParams{EntryID: h.Entries[i].ID})
	deadline := time.Now().Add(waitTimeout)
	for tb.url() == before || !evalJS[bool](tb, `document.readyState === 'complete' && !!document.querySelector('main')`) {
		if time.Now().After(deadline) {
			tb.t.Fatalf("history.go(%d) stayed on %s", step, before)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestChangeFromTheSummary: "Change" opens the page and returns to the
// summary, through a follow-up the change opened.
func TestChangeFromTheSummary(t *testing.T) {
	bothModes(t, "/", func(t *testing.T, tb *tab) {
		toReview(tb, selfCare(3, nil, nil))
		tb.clickAndLoad(`a[href="/check/q/conditions?change=1"]`)
		tb.waitFor(pageMarker(triage.PageConditions))
		if tb.text("[data-testid=back]") != "Back to your answers" {
			t.Errorf("the back link reads %q", tb.text("[data-testid=back]"))
		}
		tb.click("input[value=" + triage.ChecklistNone + "]") // untick "None of these"
		tb.click("input[value=" + triage.KeyPregnant + "]")
		tb.clickAndLoad("[data-testid=continue]")
		tb.waitFor(pageMarker(triage.PagePregnancy))
		fill(tb, triage.PagePregnancy, nil)
		tb.clickAndLoad("[data-testid=continue]")
		tb.waitFor(reviewMarker)
		if got := tb.text("#answer-conditions"); !strings.Contains(got, "You are pregnant") {
			t.Errorf("the summary shows %q", got)
		}
	})
}

// TestRegionChooser changes the region from the footer, with and without
// JavaScript, and the page comes back with that region's numbers.
func TestRegionChooser(t *testing.T) {
	bothModes(t, "/articles/get-help-now", func(t *testing.T, tb *tab) {
		if got := evalJS[string](tb, `document.querySelector('[data-testid=call]').getAttribute('href')`); got != "tel:999" {
			t.Fatalf("the first call button dials %q, want tel:999 by default", got)
		}
		tb.do(chromedp.SetValue(chromedp.CSS(`#region-footer`), "us"))
		tb.clickAndLoad(`[data-testid=region-chooser-footer] button`)
		if tb.url() != "/articles/get-help-now" {
			t.Errorf("the chooser went to %s, not back to the page", tb.url())
		}
		if got := evalJS[string](tb, `document.querySelector('[data-testid=call]').getAttribute('href')`); got != "tel:911" {
			t.Errorf("after choosing the United States the first call button dials %q", got)
		}
		if evalJS[bool](tb, `document.body.innerText.includes('999')`) {
			t.Error("a US page still shows 999")
		}
	})
}
