package e2e

import (
	"backwise/internal/triage"
	"net/http"
	"strconv"
	"sync"
	"testing"
)

// pageType is one kind of page of the site and how a visitor reaches it.
type pageType struct {
	name  string
	reach func(tb *tab) // leaves the tab on a freshly loaded page of this type
}

// load returns a reach func that opens path and expects status.
func load(path string, status int64) func(tb *tab) {
	return func(tb *tab) {
		tb.t.Helper()
		if got := tb.goTo(path); got != status {
			tb.t.Fatalf("GET %s: status %d, want %d", path, got, status)
		}
	}
}

// pageTypes lists every page type of the site. Questionnaire pages are
// reached by filling in the real forms, because most have no URL of their own.
func pageTypes() []pageType {
	selfCare := outcomeAnswers["self_care"]
	pages := []pageType{
		{name: "home", reach: load("/", http.StatusOK)},
		{name: "articles", reach: load("/articles", http.StatusOK)},
		{name: "article", reach: load("/articles/when-to-avoid-massage", http.StatusOK)},
		{name: "topic", reach: load("/topics/safety", http.StatusOK)},
		{name: "tag", reach: func(tb *tab) {
			load("/articles/when-to-avoid-massage", http.StatusOK)(tb)
			tb.clickAndLoad(`main a[href^="/tags/"]`)
		}},
		{name: "about", reach: load("/about", http.StatusOK)},
		{name: "evidence-key", reach: load("/about/evidence", http.StatusOK)},
		{name: "plan-start", reach: load("/me/plan", http.StatusOK)},
		{name: "plan-errors", reach: func(tb *tab) {
			load("/me/plan", http.StatusOK)(tb)
			tb.clickAndLoad(`form[data-testid=plan-form] button[type=submit]`)
			tb.waitFor(errorSummary)
		}},
		{name: "plan", reach: func(tb *tab) {
			startPlan(tb.t, tb)
			checkInOnce(tb.t, tb)
		}},
		{name: "check-in", reach: func(tb *tab) {
			startPlan(tb.t, tb)
			load("/me/plan/check-in", http.StatusOK)(tb)
		}},
		{name: "check-in-alert", reach: func(tb *tab) {
			load("/me/plan/check-in", http.StatusOK)(tb)
			tb.click(`label[for=sign-emergency-0]`)
			tb.clickAndLoad(`[data-testid=check-in-submit]`)
			tb.waitFor(`[data-testid=calls]`)
		}},
		{name: "flare-card", reach: func(tb *tab) {
			load("/me/plan/flare-up", http.StatusOK)(tb)
			tb.clickAndLoad(`form[data-testid=flare-form] button[type=submit]`)
			tb.waitFor(`[data-testid=flare-card]`)
		}},
		{name: "clinician-summary", reach: func(tb *tab) {
			startPlan(tb.t, tb)
			checkInOnce(tb.t, tb)
			load("/me/plan/summary", http.StatusOK)(tb)
		}},
		{name: "article-report-open", reach: func(tb *tab) {
			load("/articles/sciatica", http.StatusOK)(tb)
			// Opened from script, so focus stays at the top for the skip-link check.
			evalJS[bool](tb, `(document.querySelector('article details#report').open = true)`)
			tb.waitFor(`details#report[open] form[data-feedback]`)
		}},
		{name: "feedback-errors", reach: func(tb *tab) {
			load("/feedback?kind=routine&slug=tennis-ball-lower-back", http.StatusOK)(tb)
			tb.clickAndLoad(`main form[data-feedback] button[type=submit]`)
			tb.waitFor(errorSummary)
		}},
		{name: "not-found", reach: load("/nope", http.StatusNotFound)},
		{name: "check-start", reach: load("/check", http.StatusOK)},
	}
	for n := 1; n <= 4; n++ {
		pages = append(pages,
			pageType{name: "check-step-" + strconv.Itoa(n), reach: func(tb *tab) { toStep(tb, n, selfCare) }},
			pageType{name: "check-step-" + strconv.Itoa(n) + "-errors", reach: func(tb *tab) { toStepErrors(tb, n, selfCare) }},
		)
	}
	for _, id := range []string{triage.PageNeck, triage.PageCancer, triage.PagePregnancy, triage.PageFall, triage.PageStrain} {
		pages = append(pages, pageType{name: "check-" + id, reach: func(tb *tab) { toPage(tb, id, everyFollowUp()) }})
	}
	pages = append(pages,
		pageType{name: "check-review", reach: func(tb *tab) { toReview(tb, selfCare) }},
		pageType{name: "get-help-now", reach: load("/articles/get-help-now", http.StatusOK)},
	)
	for _, outcome := range []string{"emergency", "urgent", "doctor", "therapist", "self_care"} {
		pages = append(pages, pageType{name: "result-" + outcome, reach: func(tb *tab) { toResult(tb, outcome, false) }})
	}
	pages = append(pages,
		pageType{name: "result-kept", reach: func(tb *tab) { toResult(tb, "self_care", true) }},
		pageType{name: "check-rules", reach: load("/check/rules", http.StatusOK)},
		pageType{name: "check-history-empty", reach: func(tb *tab) {
			load("/check/history", http.StatusOK)(tb)
			tb.waitFor("[data-testid=empty-history]")
		}},
		pageType{name: "check-history-chart", reach: func(tb *tab) {
			keepResults(tb.t, tb, 2)
			load("/check/history", http.StatusOK)(tb)
			tb.waitFor("figure.chart svg")
		}},
		pageType{name: "routines", reach: load("/routines", http.StatusOK)},
		pageType{name: "routine", reach: func(tb *tab) {
			load("/routines", http.StatusOK)(tb)
			openFirstRoutine(tb)
		}},
		pageType{name: "me-empty", reach: func(tb *tab) {
			load("/me", http.StatusOK)(tb)
			tb.waitFor("[data-testid=empty-me]")
		}},
		pageType{name: "me-with-data", reach: func(tb *tab) {
			bookmarkFirstRoutine(tb.t, tb)
			toResult(tb, "self_care", true)
			load("/me", http.StatusOK)(tb)
			tb.waitFor("[data-testid=bookmarks]")
		}},
		pageType{name: "me-restore-code", reach: func(tb *tab) {
			bookmarkFirstRoutine(tb.t, tb)
			load("/me", http.StatusOK)(tb)
			tb.clickAndLoad(`form[action="/me/restore-code"] button`)
			tb.waitFor("[data-testid=restore-code]")
		}},
		pageType{name: "me-restore", reach: load("/me/restore", http.StatusOK)},
		pageType{name: "me-restore-errors", reach: func(tb *tab) {
			load("/me/restore", http.StatusOK)(tb)
			tb.clickAndLoad(`main form button`)
			tb.waitFor(errorSummary)
		}},
		pageType{name: "me-delete", reach: func(tb *tab) {
			bookmarkFirstRoutine(tb.t, tb)
			load("/me/delete", http.StatusOK)(tb)
		}},
		pageType{name: "search", reach: load("/search?q=massage", http.StatusOK)},
	)
	return pages
}

// TestPages runs the accessibility and layout checks on every page type:
// the skip link, axe-core in light and dark schemes, no sideways scrolling
// at 320 px and at 200% zoom, and a visible focus indicator everywhere.
// Each page is reached once and checked in place, which keeps the run short,
// and pageWorkers pages are checked at once, each in a browser context of
// its own (no cookies shared), since most of the time is spent waiting on
// the browser.
func TestPages(t *testing.T) {
	pages := make(chan pageType)
	var wg sync.WaitGroup
	for range pageWorkers {
		wg.Go(func() {
			for p := range pages {
				t.Run(p.name, func(t *testing.T) { checkPage(t, p) })
			}
		})
	}
	for _, p := range pageTypes() {
		pages <- p
	}
	close(pages)
	wg.Wait()
}

// pageWorkers is how many page types TestPages checks at once. Subtests
// started from several goroutines run together without t.Parallel, so
// go test's -parallel (GOMAXPROCS by default: 2 here) does not cap it.
const pageWorkers = 4

// checkPage reaches one page type and runs every check on it.
func checkPage(t *testing.T, p pageType) {
	tb := newTab(t)
	p.reach(tb)
	// First, while focus is still at the start of the fresh page.
	t.Run("skip-link", func(t *testing.T) { checkSkipLink(t, tb) })
	t.Run("axe-light", func(t *testing.T) { checkAxe(t, tb, "light") })
	t.Run("axe-dark", func(t *testing.T) { checkAxe(t, tb, "dark") })
	t.Run("reflow-320px", func(t *testing.T) { checkNoHorizontalScroll(t, tb, 320, 640, 1) })
	// 1280×800 at 200% zoom lays out like a 640×400 CSS-pixel viewport at
	// device scale 2.
	t.Run("reflow-zoom-200", func(t *testing.T) { checkNoHorizontalScroll(t, tb, 640, 400, 2) })
	t.Run("focus-visible", func(t *testing.T) { checkFocusIndicators(t, tb) })
}
