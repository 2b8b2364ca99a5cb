package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"

	"backwise/internal/triage"
)

// bothModes runs f as the subtests /js and /nojs, each in a tab of its own
// that starts on path.
func bothModes(t *testing.T, path string, f func(t *testing.T, tb *tab)) {
	t.Run("js", func(t *testing.T) { f(t, openPage(t, path, true)) })
	t.Run("nojs", func(t *testing.T) {
		tb := openPage(t, path, false)
		f(t, tb)
		// Guards the harness: a flow that passed with scripts running
		// would prove nothing about the no-JavaScript site.
		if evalJS[bool](tb, `matchMedia('(scripting: enabled)').matches`) {
			t.Error("harness: scripts ran in the tab that has JavaScript disabled")
		}
	})
}

// openPage opens path in a new tab in a browser context of its own, with or
// without JavaScript.
func openPage(t *testing.T, path string, js bool) *tab {
	t.Helper()
	var tb *tab
	if js {
		tb = newTab(t)
	} else {
		tb = newTab(t, withoutJS())
	}
	if st := tb.goTo(path); st != 200 {
		t.Fatalf("GET %s: status %d", path, st)
	}
	return tb
}

// TestReadArticle follows the header's Articles link and an article link,
// and finds the article's heading and references.
func TestReadArticle(t *testing.T) {
	bothModes(t, "/", func(t *testing.T, tb *tab) {
		tb.click(`header nav a[href="/articles"]`)
		tb.waitPath("/articles")
		tb.waitFor("main a.article-list__title")
		tb.click("main a.article-list__title")
		tb.waitPath("/articles/")
		tb.waitFor("[data-testid=references]")
		if h1 := tb.text("main h1"); h1 == "" {
			t.Error("the article has an empty <h1>")
		}
		if n := evalJS[int](tb, `document.querySelectorAll('[data-testid=references] li').length`); n < 2 {
			t.Errorf("the article lists %d references, want at least 2", n)
		}
	})
}

// TestCheckEmergencyByKeyboard answers the questionnaire with the keyboard
// only: Tab, Enter and Space, no clicks.
func TestCheckEmergencyByKeyboard(t *testing.T) {
	bothModes(t, "/check", func(t *testing.T, tb *tab) {
		tb.tabUntil("[data-testid=start]")
		tb.press(kb.Enter)
		tb.waitFor(pageMarker(triage.PageEmergency))

		tb.tabUntil("[data-testid=continue]")
		tb.press(kb.Enter)
		tb.waitFor(errorSummary)
		if title := tb.title(); !strings.HasPrefix(title, "Error:") {
			t.Errorf("title of the first page with an error = %q, want it to start with \"Error:\"", title)
		}

		tb.tabUntil("input[value=" + triage.KeySaddleNumbness + "]")
		tb.press(" ")
		tb.tabUntil("[data-testid=continue]")
		tb.press(kb.Enter)
		tb.waitFor("[data-outcome=emergency]")
		if !evalJS[bool](tb, `document.querySelector('[data-testid=call]').getAttribute('href') === 'tel:999'`) {
			t.Error("the emergency result has no call button for 999")
		}
		if !evalJS[bool](tb, jsCareCardFirst) {
			t.Errorf("the care card is not the first thing in <main>: main starts with %s",
				evalJS[string](tb, `(() => {`+jsDescribe+` return describe(document.querySelector('main').firstElementChild); })()`))
		}
	})
}

// jsCareCardFirst is true when the care card opens <main>: following first
// children down from <main> reaches it.
const jsCareCardFirst = `(() => {
  const card = document.querySelector('[data-testid=care-card]');
  let e = document.querySelector('main').firstElementChild;
  while (e && e !== card && e.contains(card)) e = e.firstElementChild;
  return !!card && e === card;
})()`

// TestCheckSelfCareByKeyboard answers every page by keyboard: Space on
// checkboxes and radios, arrow keys within radio groups, typing the age.
func TestCheckSelfCareByKeyboard(t *testing.T) {
	bothModes(t, "/check", func(t *testing.T, tb *tab) {
		tb.tabUntil("[data-testid=start]")
		tb.press(kb.Enter)
		tb.waitFor(pageMarker(triage.PageEmergency))
		noneOfThese(t, tb)
		tb.waitFor(pageMarker(triage.PageAbout))

		// Tab into each group; the first radio of an unanswered group
		// takes focus, and arrows move the choice along it.
		tb.tabUntil("input[name=age]")
		tb.press("35")
		tb.tabUntil("input[name=duration]")
		tb.press(" ") // the first option: less than 3 days
		tb.tabUntil("input[name=back_pain_before]")
		tb.press(" ") // the first option: yes
		tb.tabUntil("input[name=location][value=lower]")
		tb.press(" ")
		tb.tabUntil("input[name=trend]")
		tb.press(" ") // the first option: getting better
		tb.tabUntil("input[name=intensity]")
		tb.press(kb.ArrowRight, kb.ArrowRight, kb.ArrowRight) // 0 -> 3
		checkChecked(t, tb, map[string]string{"duration": "under_3_days", "back_pain_before": "yes", "intensity": "3", "location": "lower", "trend": "improving"})
		tb.tabUntil("[data-testid=continue]")
		tb.press(kb.Enter)
		tb.waitFor(pageMarker(triage.PageConditions))
		noneOfThese(t, tb)
		tb.waitFor(pageMarker(triage.PageSymptoms))
		noneOfThese(t, tb)
		tb.waitFor(reviewMarker)

		tb.tabUntil(reviewMarker)
		tb.press(kb.Enter)
		tb.waitFor("[data-outcome=self_care]")
	})
}

// noneOfThese ticks "None of these" with Space and submits with Enter.
func noneOfThese(t *testing.T, tb *tab) {
	t.Helper()
	tb.tabUntil("input[value=" + triage.ChecklistNone + "]")
	tb.press(" ")
	tb.tabUntil("[data-testid=continue]")
	tb.press(kb.Enter)
}

// checkChecked fails unless each radio or checkbox group has the value
// checked.
func checkChecked(t *testing.T, tb *tab, want map[string]string) {
	t.Helper()
	for name, value := range want {
		sel := "input[name=" + name + "]:checked"
		got := evalJS[string](tb, `(document.querySelector(`+jsString(sel)+`) || {value: '(none)'}).value`)
		if got != value {
			t.Errorf("%s: %s is checked, want %s", name, got, value)
		}
	}
}

// With JavaScript, "None of these" and the signs clear each other, as in
// the GOV.UK pattern (without it the server explains the conflict).
func TestNoneOfTheseIsExclusive(t *testing.T) {
	tb := newTab(t)
	tb.goTo("/check")
	tb.clickAndLoad("[data-testid=start]")
	tb.waitFor(pageMarker(triage.PageEmergency))
	none := "input[data-exclusive]"
	sign := "input[value=" + triage.KeyChestPain + "]"
	tb.click(none)
	tb.click(sign)
	if evalJS[bool](tb, `document.querySelector('`+none+`').checked`) {
		t.Error("ticking a sign left 'None of these' ticked")
	}
	tb.click(none)
	if evalJS[bool](tb, `document.querySelector('`+sign+`').checked`) {
		t.Error("ticking 'None of these' left a sign ticked")
	}
}
