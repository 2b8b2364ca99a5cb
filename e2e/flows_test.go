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
		tb.tabUntil("button.button--start")
		tb.press(kb.Enter)
		tb.waitFor(stepMarker(1))

		tb.tabUntil("[data-testid=continue]")
		tb.press(kb.Enter)
		tb.waitFor(errorSummary)
		if title := tb.title(); !strings.HasPrefix(title, "Error:") {
			t.Errorf("title of step 1 with an error = %q, want it to start with \"Error:\"", title)
		}

		tb.tabUntil("input[value=" + triage.KeySaddleNumbness + "]")
		tb.press(" ")
		tb.tabUntil("[data-testid=continue]")
		tb.press(kb.Enter)
		tb.waitFor("[data-outcome=emergency]")
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

// TestCheckSelfCareByKeyboard answers every step by keyboard: Space on
// checkboxes and radios, arrow keys within radio groups, typing the age.
func TestCheckSelfCareByKeyboard(t *testing.T) {
	bothModes(t, "/check", func(t *testing.T, tb *tab) {
		tb.tabUntil("button.button--start")
		tb.press(kb.Enter)
		tb.waitFor(stepMarker(1))

		// Step 1: "None of these".
		tb.tabUntil("input[value=" + triage.ChecklistNone + "]")
		tb.press(" ")
		tb.tabUntil("[data-testid=continue]")
		tb.press(kb.Enter)
		tb.waitFor(stepMarker(2))

		// Step 2: Tab into each group; the first radio of an unanswered
		// group takes focus, and arrows move the choice along it.
		tb.tabUntil("input[name=age]")
		tb.press("35")
		tb.tabUntil("input[name=duration]")
		tb.press(" ") // the first option: less than 3 days
		tb.tabUntil("input[name=intensity]")
		tb.press(kb.ArrowRight, kb.ArrowRight, kb.ArrowRight) // 0 -> 3
		tb.tabUntil("input[name=location][value=lower]")
		tb.press(" ")
		tb.tabUntil("input[name=trend]")
		tb.press(" ") // the first option: getting better
		checkChecked(t, tb, map[string]string{"duration": "under_3_days", "intensity": "3", "location": "lower", "trend": "improving"})
		tb.tabUntil("[data-testid=continue]")
		tb.press(kb.Enter)
		tb.waitFor(stepMarker(3))

		answerAllNo(t, tb)
		tb.waitFor(stepMarker(4))
		answerAllNo(t, tb)
		tb.waitFor(reviewMarker)

		tb.tabUntil(reviewMarker)
		tb.press(kb.Enter)
		tb.waitFor("[data-outcome=self_care]")
	})
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

// answerAllNo moves through a step of yes/no questions with Tab, choosing
// "No" in each with the right arrow, and submits it with Enter.
func answerAllNo(t *testing.T, tb *tab) {
	t.Helper()
	for range maxTabs {
		tb.press(kb.Tab)
		switch {
		case tb.focusMatches("input[type=radio][value=yes]"):
			tb.press(kb.ArrowRight)
			if !tb.focusMatches("input[type=radio][value=no]:checked") {
				t.Fatalf("the right arrow did not choose \"No\": focus is on %s", tb.activeElement())
			}
		case tb.focusMatches("[data-testid=continue]"):
			unanswered := evalJS[[]string](tb, `[...new Set([...document.querySelectorAll('form input[type=radio]')].map(i => i.name))]
  .filter(n => !document.querySelector('input[type=radio][name="' + n + '"]:checked'))`)
			if len(unanswered) > 0 {
				t.Fatalf("reached Continue with unanswered questions: %v", unanswered)
			}
			tb.press(kb.Enter)
			return
		}
	}
	t.Fatalf("never reached Continue by Tab on %s", tb.url())
}

// With JavaScript, "None of these" and the signs clear each other, as in
// the GOV.UK pattern (without it the server explains the conflict).
func TestNoneOfTheseIsExclusive(t *testing.T) {
	tb := newTab(t)
	tb.goTo("/check")
	tb.clickAndLoad("button.button--start")
	tb.waitFor(stepMarker(1))
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
