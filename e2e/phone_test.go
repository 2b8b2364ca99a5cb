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

// The restore code is read out and typed in groups: at 320 px it stays on
// one line without overflowing, and with JavaScript a copy button appears.
func TestRestoreCodeOnOneLine(t *testing.T) {
	bothModes(t, "/routines", func(t *testing.T, tb *tab) {
		bookmarkFirstRoutine(t, tb)
		tb.goTo("/me")
		tb.viewport(320, 700, 1)
		defer tb.viewport(1280, 800, 1)
		tb.clickAndLoad(`form[action="/me/restore-code"] button`)
		tb.waitFor(`[data-testid=restore-code]`)
		lines := evalJS[int](tb, `(() => { const r = document.createRange(); r.selectNodeContents(document.querySelector('[data-testid=restore-code]')); return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; })()`)
		if lines != 1 {
			t.Errorf("the restore code takes %d lines at 320 px", lines)
		}
		if evalJS[bool](tb, `(() => { const e = document.querySelector('[data-testid=restore-code]'); return e.getBoundingClientRect().right > document.documentElement.clientWidth; })()`) {
			t.Error("the restore code overflows the screen at 320 px")
		}
		if visible := evalJS[bool](tb, `!document.querySelector('button[data-copy]').hidden`); visible != tb.js {
			t.Errorf("copy button visible = %v with JavaScript %v", visible, tb.js)
		}
	})
}
