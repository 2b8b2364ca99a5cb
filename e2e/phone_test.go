package e2e

import (
	"testing"
)

// In the dark palette a secondary button must still look secondary: the
// dark primary colour once overrode it, so every button looked primary.
func TestDarkModeSecondaryButtonsDifferFromPrimary(t *testing.T) {
	tb := newTab(t)
	tb.goTo("/routines/walking-plan")
	for _, scheme := range []string{"light", "dark"} {
		tb.colorScheme(scheme)
		primary := evalJS[string](tb, `getComputedStyle(document.querySelector('[data-testid=done-button]')).backgroundColor`)
		secondary := evalJS[string](tb, `getComputedStyle(document.querySelector('.plan-add .button--secondary')).backgroundColor`)
		if primary == secondary {
			t.Errorf("%s: primary and secondary buttons share the background %s", scheme, primary)
		}
	}
	tb.colorScheme("light")
}
