package e2e

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
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

// On a 390 px phone the header leaves room for the page: under 130 px,
// with search one tap away; the search page has one search box. (Visited
// links keep their colour by CSS; browsers hide :visited from scripts.)
func TestPhoneHeader(t *testing.T) {
	tb := newTab(t)
	tb.viewport(390, 844, 1)
	defer tb.viewport(1280, 800, 1)
	tb.goTo("/")
	if h := evalJS[float64](tb, `document.querySelector('.site-header').getBoundingClientRect().height`); h >= 130 {
		t.Errorf("the header is %.0f px tall at 390 px, want under 130", h)
	}
	if !evalJS[bool](tb, `(() => { const a = document.querySelector('.site-search-link[href="/search"]'); return !!a && a.getBoundingClientRect().height >= 44; })()`) {
		t.Fatal("no search link in the phone header")
	}
	if st := tb.clickAndLoad(`.site-search-link`); st != 200 {
		t.Fatalf("the search link answered %d", st)
	}
	if n := evalJS[int](tb, `[...document.querySelectorAll('input[type=search], input[name=q]')].filter(e => e.getClientRects().length > 0).length`); n != 1 {
		t.Errorf("the search page shows %d search boxes, want 1", n)
	}
	tb.viewport(1280, 800, 1)
	tb.goTo("/search?q=sciatica")
	if n := evalJS[int](tb, `[...document.querySelectorAll('input[type=search], input[name=q]')].filter(e => e.getClientRects().length > 0).length`); n != 1 {
		t.Errorf("the search page on a desktop shows %d search boxes, want 1", n)
	}
}

// The first screen of the home page on a phone answers "what do I do
// today?", and the warning signs stay on the page after it.
func TestHomeAnswersWhatToDoToday(t *testing.T) {
	tb := newTab(t)
	tb.viewport(390, 844, 1)
	defer tb.viewport(1280, 800, 1)
	tb.goTo("/")
	if top := evalJS[float64](tb, `document.querySelector('[data-testid=helps-now]').getBoundingClientRect().top`); top >= 844 {
		t.Errorf("'What helps now' starts %.0f px down, below the first screen", top)
	}
	if !evalJS[bool](tb, `(() => { const now = document.querySelector('[data-testid=helps-now]'), help = document.querySelector('[data-testid=help-panel]'); return !!help && !!(now.compareDocumentPosition(help) & Node.DOCUMENT_POSITION_FOLLOWING); })()`) {
		t.Error("the warning signs are missing or come before what helps")
	}
}

// "Start guided routine" sits near the top of a routine on a phone; with
// JavaScript it starts the timer, asks to keep the screen awake where the
// browser can, and makes the current step large. Without it, it is a link
// to the steps.
func TestGuidedRoutine(t *testing.T) {
	bothModes(t, "/routines/walking-plan", func(t *testing.T, tb *tab) {
		tb.viewport(390, 844, 1)
		defer tb.viewport(1280, 800, 1)
		tb.goTo("/routines/walking-plan")
		if top := evalJS[float64](tb, `document.querySelector('[data-testid=guided-start]').getBoundingClientRect().top`); top > 844 {
			t.Errorf("the guided start is %.0f px down, below the first screen", top)
		}
		if !tb.js {
			if got := tb.text("[data-testid=guided-start]"); got != "Go to the steps" || evalJS[string](tb, `document.querySelector('[data-testid=guided-start]').getAttribute('href')`) != "#steps" {
				t.Errorf("without JavaScript the link says %q", got)
			}
			return
		}
		// Record wake-lock requests: headless browsers may not grant them.
		evalJS[bool](tb, `(() => { window.__wakeRequests = 0; Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: { request: () => { window.__wakeRequests++; return Promise.resolve({ release: () => Promise.resolve(), addEventListener: () => {} }); } } }); return true; })()`)
		if got := tb.text("[data-testid=guided-start]"); got != "Start guided routine" {
			t.Errorf("with JavaScript the button says %q", got)
		}
		tb.click("[data-testid=guided-start]")
		if !tb.poll(`document.querySelector('.routine-steps li.is-current')`) {
			t.Fatal("the guided routine did not start")
		}
		if n := evalJS[int](tb, `window.__wakeRequests`); n < 1 {
			t.Error("the screen wake lock was not requested")
		}
		if size := evalJS[float64](tb, `parseFloat(getComputedStyle(document.querySelector('.routine-steps li.is-current')).fontSize)`); size < 24 {
			t.Errorf("the current step is %.0f px, too small to read from the floor", size)
		}
		if evalJS[bool](tb, `document.getElementById('timer-sound').checked`) {
			t.Error("sound is on by default")
		}
	})
}

// zoneAfterTime is a time followed by the name of its zone ("GMT+13").
var zoneAfterTime = regexp.MustCompile(`\d\d:\d\d \S+$`)

// Kept results read in the visitor's own time zone once JavaScript runs
// (the server writes UTC and says so), and the history chart is labelled
// with dates and runs in the same order as the table beside it.
func TestHistoryTimesAndChartOrder(t *testing.T) {
	bothModes(t, "/", func(t *testing.T, tb *tab) {
		// Auckland is 13 hours ahead of UTC in December and 12 in June:
		// its times can never read like the UTC ones.
		send(tb, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: "Pacific/Auckland"})
		keepResults(t, tb, 3) // worst pain 2, 4 and 6, in that order
		tb.goTo("/check/history")
		tb.waitFor("figure.chart svg")

		times := evalJS[[]string](tb, `[...document.querySelectorAll('[data-testid=history] tbody time')].filter(e => !e.closest('.visually-hidden')).map(e => e.textContent)`)
		stamps := evalJS[[]string](tb, `[...document.querySelectorAll('[data-testid=history] tbody time')].filter(e => !e.closest('.visually-hidden')).map(e => e.getAttribute('datetime'))`)
		if len(times) != 3 || len(stamps) != 3 {
			t.Fatalf("history times = %q", times)
		}
		auckland, err := time.LoadLocation("Pacific/Auckland")
		if err != nil {
			t.Fatal(err)
		}
		for i, text := range times {
			at, err := time.Parse(time.RFC3339, stamps[i])
			if err != nil {
				t.Fatalf("datetime %q: %v", stamps[i], err)
			}
			utc := at.UTC().Format("2 Jan 2006, 15:04") + " UTC"
			local := at.In(auckland).Format("15:04")
			switch {
			case !tb.js && text != utc:
				t.Errorf("without JavaScript a time reads %q, want %q", text, utc)
			case tb.js && (strings.Contains(text, "UTC") || !strings.Contains(text, local) || !zoneAfterTime.MatchString(text)):
				t.Errorf("with JavaScript a time reads %q, want the Auckland time %s and its zone", text, local)
			}
		}

		// Table and chart: oldest first, one dot per row, dates under the axis.
		table := evalJS[[]string](tb, `[...document.querySelectorAll('[data-testid=history] tbody tr td:nth-child(3)')].map(e => e.textContent.trim())`)
		if want := []string{"2 / 10", "4 / 10", "6 / 10"}; !slices.Equal(table, want) {
			t.Errorf("table's worst pain, top to bottom = %q, want %q", table, want)
		}
		dots := evalJS[[]string](tb, `[...document.querySelectorAll('figure.chart circle title')].map(e => e.textContent.split(': ').pop())`)
		if want := []string{"2 out of 10", "4 out of 10", "6 out of 10"}; !slices.Equal(dots, want) {
			t.Errorf("chart's dots, left to right = %q, want %q", dots, want)
		}
		xs := evalJS[[]float64](tb, `[...document.querySelectorAll('figure.chart circle')].map(e => e.getBoundingClientRect().x)`)
		if !slices.IsSorted(xs) {
			t.Errorf("chart's dots are not left to right: %v", xs)
		}
		labels := evalJS[[]string](tb, `[...document.querySelectorAll('[data-testid=chart-date]')].map(e => e.textContent)`)
		if len(labels) != 3 {
			t.Fatalf("chart date labels = %q, want one under each of the 3 dots", labels)
		}
		at, _ := time.Parse(time.RFC3339, stamps[0])
		want := at.UTC().Format("2 Jan")
		if tb.js {
			want = at.In(auckland).Format("2 Jan")
		}
		if labels[0] != want {
			t.Errorf("first chart label = %q, want %q", labels[0], want)
		}
	})
}
