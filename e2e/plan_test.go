package e2e

import (
	"net/http"
	"strings"
	"testing"
)

// The tests of My back plan hold the pages to this markup:
//   - /me/plan without a plan has form[data-testid=plan-form] with routine
//     checkboxes (label[for=q-slug] is the first), day radios (q-days-3 is
//     "3") and a submit button; with a plan, [data-testid=this-week] lists
//     the routines, each with a form[data-plan-done] "I did this today";
//   - the check-in link is a[data-testid=check-in-link]; the form has
//     radios q-pain-N, q-interference-N, q-ease-N;
//   - [data-testid=check-in-table] holds one row per check-in.

// startPlan fills in the start form with the first routine and 3 days.
func startPlan(t *testing.T, tb *tab) {
	t.Helper()
	tb.goTo("/me/plan")
	tb.waitFor("form[data-testid=plan-form]")
	tb.click("label[for=q-slug]")
	tb.click("label[for=q-days-3]")
	if st := tb.clickAndLoad("form[data-testid=plan-form] button[type=submit]"); st != http.StatusOK {
		t.Fatalf("starting a plan answered %d", st)
	}
	tb.waitFor("[data-testid=this-week]")
}

// checkInOnce answers the three ratings and saves.
func checkInOnce(t *testing.T, tb *tab) {
	t.Helper()
	tb.goTo("/me/plan/check-in")
	for _, id := range []string{"q-pain-6", "q-interference-5", "q-ease-4"} {
		tb.click("label[for=" + id + "]")
	}
	if st := tb.clickAndLoad("[data-testid=check-in-submit]"); st != http.StatusOK {
		t.Fatalf("the check-in answered %d", st)
	}
}

// TestBackPlan starts a plan, marks a routine done (in place with
// JavaScript), checks in and finds the check-in in the table, with and
// without JavaScript.
func TestBackPlan(t *testing.T) {
	bothModes(t, "/me/plan", func(t *testing.T, tb *tab) {
		startPlan(t, tb)
		const done = "[data-testid=plan-items] form[data-plan-done] button[type=submit]"
		if tb.js {
			evalJS[bool](tb, `window.__e2eSamePage = true`)
			tb.click(done)
			if !tb.poll(`(document.querySelector('[data-testid=plan-items] .plan-status') || {}).textContent?.includes('Done today')`) {
				t.Fatalf("the status never said Done today")
			}
			if !evalJS[bool](tb, `window.__e2eSamePage === true`) {
				t.Error("with JavaScript, marking done reloaded the page")
			}
		} else {
			if st := tb.clickAndLoad(done); st != http.StatusOK {
				t.Fatalf("marking done answered %d", st)
			}
			if got := tb.text("[data-testid=plan-items] .plan-status"); !strings.Contains(got, "Done today") {
				t.Errorf("after marking done the page says %q", got)
			}
		}
		tb.goTo("/me/plan")
		if got := tb.text("[data-testid=this-week] .lede"); !strings.Contains(got, "1 day") {
			t.Errorf("this week does not count the day: %q", got)
		}
		checkInOnce(t, tb)
		if n := evalJS[int](tb, `document.querySelectorAll('[data-testid=check-in-table] tbody tr').length`); n != 1 {
			t.Errorf("%d rows in the check-in table, want 1", n)
		}
	})
}
