package e2e

import (
	"regexp"
	"testing"
	"time"
)

var stepOneOf = regexp.MustCompile(`^Step 1 of \d+: \S`)

// TestRoutineTimer starts a routine's step timer, hears the first step in
// the polite live region, and pauses it.
func TestRoutineTimer(t *testing.T) {
	requireRoute(t, "/routines")
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
	time.Sleep(300 * time.Millisecond)
	before := evalJS[string](tb, `document.querySelector('[data-routine-timer]').textContent`)
	time.Sleep(2 * time.Second)
	if after := evalJS[string](tb, `document.querySelector('[data-routine-timer]').textContent`); after != before {
		t.Errorf("the timer kept changing after Pause:\nbefore: %s\nafter:  %s", before, after)
	}
}
