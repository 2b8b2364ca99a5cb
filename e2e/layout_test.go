package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// overflowReport is what the page says about horizontal overflow.
type overflowReport struct {
	ScrollWidth int      `json:"scrollWidth"`
	InnerWidth  int      `json:"innerWidth"`
	Offenders   []string `json:"offenders"`
}

// jsOverflow measures horizontal overflow. Offenders are the elements whose
// right edge passes the viewport while their parent's does not (the ones to
// fix, not every ancestor), outside containers that clip or scroll.
const jsOverflow = `(() => {` + jsDescribe + `
  const vw = window.innerWidth;
  const out = [];
  const clipped = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (s.overflowX !== 'visible') return true;
    }
    return false;
  };
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= vw + 0.5) continue;
    const pr = el.parentElement.getBoundingClientRect();
    if (pr.right > vw + 0.5 && el.parentElement !== document.body) continue;
    if (clipped(el)) continue;
    out.push(describe(el) + '  (right edge at ' + Math.round(r.right) + ' px)');
    if (out.length === 10) break;
  }
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: vw, offenders: out};
})()`

// checkNoHorizontalScroll fails when the page scrolls sideways at a viewport
// of width×height CSS pixels with the given device scale (reflow, WCAG 1.4.10).
func checkNoHorizontalScroll(t *testing.T, tb *tab, width, height int64, scale float64) {
	t.Helper()
	tb = tb.For(t)
	tb.viewport(width, height, scale)
	defer tb.viewport(1280, 800, 1)
	r := evalJS[overflowReport](tb, jsOverflow)
	if r.ScrollWidth <= r.InnerWidth {
		return
	}
	msg := "none found outside scrolling containers"
	if len(r.Offenders) > 0 {
		msg = "\n  " + strings.Join(r.Offenders, "\n  ")
	}
	t.Errorf("%s scrolls sideways at %d px wide (scale %g): scrollWidth %d > innerWidth %d; elements past the right edge: %s",
		tb.url(), width, scale, r.ScrollWidth, r.InnerWidth, msg)
}

// focusReport lists the interactive elements whose look does not change when
// they get keyboard focus.
type focusReport struct {
	Checked         int      `json:"checked"`
	Invisible       []string `json:"invisible"`
	NotFocusable    []string `json:"notFocusable"`
	NotFocusVisible []string `json:"notFocusVisible"`
}

// jsFocusIndicators focuses each interactive element from script and
// compares the outline, box-shadow and background before and after. Script
// focus counts as :focus-visible only after keyboard use, so the caller
// presses Tab first; the report says if that precondition failed.
const jsFocusIndicators = `(() => {` + jsDescribe + `
  const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  const props = ['outline-style', 'outline-width', 'outline-color', 'box-shadow', 'background-color', 'background-image'];
  const look = el => { const s = getComputedStyle(el); return props.map(p => p + ': ' + s.getPropertyValue(p)).join('; '); };
  const rep = {checked: 0, invisible: [], notFocusable: [], notFocusVisible: []};
  for (const el of document.querySelectorAll(sel)) {
    // Skipped: what is not on screen, such as the inside of a closed <details>.
    if (el.disabled || el.getClientRects().length === 0 || el.closest('[inert]') || (el.checkVisibility && !el.checkVisibility())) continue;
    if (document.activeElement === el) el.blur();
    const before = look(el);
    el.focus({preventScroll: true});
    if (document.activeElement !== el) { rep.notFocusable.push(describe(el)); continue; }
    if (!el.matches(':focus-visible')) { rep.notFocusVisible.push(describe(el)); continue; }
    rep.checked++;
    const after = look(el);
    if (after === before) rep.invisible.push(describe(el) + '\n      style when focused: ' + after);
  }
  return rep;
})()`

// checkFocusIndicators fails for every interactive element that shows no
// change when focused from the keyboard (WCAG 2.4.7).
func checkFocusIndicators(t *testing.T, tb *tab) {
	t.Helper()
	tb = tb.For(t)
	tb.press(kb.Tab) // keyboard modality, so that script focus is :focus-visible
	r := evalJS[focusReport](tb, jsFocusIndicators)
	for _, el := range r.Invisible {
		t.Errorf("on %s, no visible focus indicator (outline, box-shadow and background unchanged):\n  %s", tb.url(), el)
	}
	if len(r.NotFocusable) > 0 {
		t.Errorf("on %s, interactive elements that cannot take focus:\n  %s", tb.url(), strings.Join(r.NotFocusable, "\n  "))
	}
	if len(r.NotFocusVisible) > 0 {
		t.Errorf("harness: focus from script did not match :focus-visible for:\n  %s", strings.Join(r.NotFocusVisible, "\n  "))
	}
	if r.Checked == 0 && len(r.Invisible) == 0 {
		t.Errorf("on %s, found no interactive element to check", tb.url())
	}
}

// checkSkipLink needs a freshly loaded page: the first Tab must focus the
// skip link, which must then be on screen, and Enter must move focus to
// <main id=main>.
func checkSkipLink(t *testing.T, tb *tab) {
	t.Helper()
	tb = tb.For(t)
	tb.press(kb.Tab)
	type skip struct {
		Text     string `json:"text"`
		Href     string `json:"href"`
		OnScreen bool   `json:"onScreen"`
		Desc     string `json:"desc"`
	}
	s := evalJS[skip](tb, `(() => {`+jsDescribe+`
  const el = document.activeElement, r = el.getBoundingClientRect();
  return {text: el.textContent.trim(), href: el.getAttribute('href') || '', desc: describe(el),
    onScreen: r.width > 1 && r.height > 1 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth};
})()`)
	if s.Text != "Skip to main content" || s.Href != "#main" {
		t.Fatalf("on %s, the first Tab focused %s, not a link \"Skip to main content\" to #main", tb.url(), s.Desc)
	}
	if !s.OnScreen {
		t.Errorf("on %s, the focused skip link is not fully on screen: %s", tb.url(), s.Desc)
	}
	tb.press(kb.Enter)
	if !tb.focusMatches("main#main") {
		t.Errorf("on %s, Enter on the skip link focused %s, not <main id=main>", tb.url(), tb.activeElement())
	}
}
