package e2e

import (
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// TestSearch types a query into the header's search form and presses
// Enter, then follows the first result.
func TestSearch(t *testing.T) {
	bothModes(t, "/", func(t *testing.T, tb *tab) {
		tb.tabUntil("form[role=search] input[name=q]")
		tb.press("massage", kb.Enter)
		tb.waitFor("[data-testid=search-results] a")
		if n := evalJS[int](tb, `document.querySelectorAll('[data-testid=search-results] a').length`); n == 0 {
			t.Fatal("no results for \"massage\"")
		}
		tb.click("[data-testid=search-results] a")
		tb.waitFor("main h1")
	})
}
