package e2e

import (
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestReportAProblem opens the folded form at the end of an article by
// keyboard, sends a report with a mistake first, then a real one. Without
// JavaScript the server shows the mistake and then a thanks page; with
// JavaScript the thanks replaces the form in place and takes focus.
func TestReportAProblem(t *testing.T) {
	bothModes(t, "/articles/faq", func(t *testing.T, tb *tab) {
		const summary = "article details#report summary"
		tb.waitFor(summary)
		if evalJS[bool](tb, `document.querySelector('details#report').open`) {
			t.Error("the report form is open before anyone asks for it")
		}
		// Keyboard: focus the summary and press Enter to unfold the form.
		evalJS[bool](tb, `(document.querySelector('article details#report summary').focus(), true)`)
		tb.press(kb.Enter)
		if !tb.poll(`document.querySelector('details#report').open`) {
			t.Fatal("Enter on the summary did not open the report form")
		}
		// Sending with nothing filled in: the server names both problems,
		// with and without JavaScript, and nothing is lost.
		tb.clickMaybeLoad("form[data-feedback] button[type=submit]")
		tb.waitFor("[data-testid=error-summary]")
		if got := tb.text("[data-testid=error-summary]"); !strings.Contains(got, "Choose what kind of problem") || !strings.Contains(got, "Tell us what is wrong") {
			t.Errorf("error summary = %q", got)
		}
		// Fill it in on the form's own page, where the mistake was shown.
		tb.click(`label[for=q-problem]`)
		tb.do(chromedp.SendKeys(chromedp.CSS("textarea[name=message]"), "The answer about heat packs reads as if ice is always better."))
		if tb.js {
			evalJS[bool](tb, `window.__e2eSamePage = true`)
			tb.click("form[data-feedback] button[type=submit]")
			if !tb.poll(`document.querySelector('[data-testid=feedback-thanks]')`) {
				t.Fatalf("the thanks never replaced the form; the status says %q", tb.text("[data-feedback-status]"))
			}
			if !evalJS[bool](tb, `window.__e2eSamePage === true`) {
				t.Error("with JavaScript, sending reloaded the page")
			}
			if !tb.focusMatches("[data-testid=feedback-thanks]") {
				t.Errorf("focus is on %s, want the thanks message", tb.activeElement())
			}
		} else {
			if st := tb.clickAndLoad("form[data-feedback] button[type=submit]"); st != http.StatusOK {
				t.Fatalf("sending answered %d", st)
			}
			if p := evalJS[string](tb, `location.pathname`); p != "/feedback/thanks" {
				t.Fatalf("sending led to %s, want /feedback/thanks", p)
			}
		}
		if got := tb.text("[data-testid=feedback-thanks]"); !strings.HasPrefix(got, "Thank you") || strings.Contains(got, "heat packs") {
			t.Errorf("thanks = %q: it must thank the reader and not repeat the report", got)
		}
	})
}
