package e2e

import (
	"regexp"
	"testing"
)

var stepOneOf = regexp.MustCompile(`^Step 1 of \d+: \S`)

// TestRoutineTimer starts a routine's step timer, hears the first step in
// the polite live region, and pauses it.
func TestRoutineTimer(t *testing.T) {
	tb := openPage(t, "/routines", true) // the timer exists only with JavaScript
	openFirstRoutine(tb)
	tb.waitFor("[data-routine-timer] button")
	clickButton := func(label string) {
		t.Helper()
		ok := evalJS[bool](tb, `(() => {
  const b = [...document.querySelectorAll('[data-routine-timer] button')].find(b => b.textContent.trim() === `+jsString(label)+`);
  if (b) b.click();
  return !!b;
})()`)
		if !ok {
			t.Fatalf("no %q button in [data-routine-timer]", label)
		}
	}
	live := `(document.querySelector('[aria-live=polite]') || {textContent: ''}).textContent.trim()`
	clickButton("Start timer")
	if !tb.poll(`/^Step 1 of \d+: \S/.test(` + live + `)`) {
		t.Fatalf("the live region never said \"Step 1 of N: …\"; it says %q", evalJS[string](tb, live))
	}
	if s := evalJS[string](tb, live); !stepOneOf.MatchString(s) {
		t.Errorf("live region = %q", s)
	}
	clickButton("Pause")
	panel := `document.querySelector('[data-routine-timer]').textContent`
	before := evalJS[string](tb, panel)
	// Three seconds of the page's own time, run at once: a clock that was
	// not stopped would have ticked a dozen times.
	tb.advanceClock(3000)
	if after := evalJS[string](tb, panel); after != before {
		t.Errorf("the timer kept changing after Pause:\nbefore: %s\nafter:  %s", before, after)
	}
}
