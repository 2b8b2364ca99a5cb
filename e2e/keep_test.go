package e2e

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// The tests of routines, bookmarks, "My Backwise" (/me), search
// (search_test.go) and the routine timer (timer_test.go) hold the pages to
// this markup (a missing route or element fails the test):
//   - a routine page has form.bookmark-form with a .bookmark-button; it posts
//     and redirects back (303); with JavaScript it updates in place and
//     .bookmark-status says "Saved";
//   - a saved routine has a note form: [data-bookmark-note] textarea[name=note];
//   - /me lists bookmarks and notes in [data-testid=bookmarks], links to
//     "Download my data" (/me/export, JSON) and "Delete all my data"
//     (/me/delete, a confirmation form), then shows [data-testid=empty-me];
//   - /me has a form posting to /me/restore-code, whose answer shows the code
//     in [data-testid=restore-code]; /me/restore takes it (input name=code);
//   - the header has form[role=search] input[name=q]; results are
//     [data-testid=search-results] a;
//   - a routine's [data-routine-timer] has a "Start timer" button, a polite
//     live region saying "Step 1 of N: …", and Pause.

const routineLink = `main a[href^="/routines/"]`

// openFirstRoutine follows the first routine link on the current page.
func openFirstRoutine(tb *tab) {
	tb.t.Helper()
	tb.waitFor(routineLink)
	tb.click(routineLink)
	tb.waitPath("/routines/")
	tb.waitFor("main h1")
}

// bookmarkFirstRoutine saves the first routine and returns its title and
// path. With JavaScript the page must update in place.
func bookmarkFirstRoutine(t *testing.T, tb *tab) (title, path string) {
	t.Helper()
	tb.goTo("/routines")
	openFirstRoutine(tb)
	title = tb.text("main h1")
	path = strings.TrimPrefix(evalJS[string](tb, `location.pathname`), baseURL)
	tb.waitFor("form.bookmark-form .bookmark-button")
	if !tb.js {
		if st := tb.clickAndLoad("form.bookmark-form .bookmark-button"); st != http.StatusOK {
			t.Fatalf("after bookmarking, the page answered %d", st)
		}
		if got := evalJS[string](tb, `location.pathname`); got != path {
			t.Fatalf("bookmarking led to %s, want back to %s", got, path)
		}
		return title, path
	}
	evalJS[bool](tb, `window.__e2eSamePage = true`)
	tb.click("form.bookmark-form .bookmark-button")
	if !tb.poll(`(document.querySelector('.bookmark-status') || {}).textContent?.includes('Saved')`) {
		t.Fatalf(".bookmark-status never said \"Saved\"; it says %q", evalJS[string](tb, `(document.querySelector('.bookmark-status') || {textContent: '(missing)'}).textContent.trim()`))
	}
	if !evalJS[bool](tb, `window.__e2eSamePage === true`) {
		t.Error("with JavaScript, bookmarking reloaded the page instead of updating it in place")
	}
	return title, path
}

// bookmarksMention reports whether /me's bookmark list mentions every string.
func bookmarksMention(tb *tab, texts ...string) bool {
	if !tb.exists("[data-testid=bookmarks]") {
		return false
	}
	list := tb.text("[data-testid=bookmarks]")
	for _, s := range texts {
		if !strings.Contains(list, s) {
			return false
		}
	}
	return true
}

// TestBookmarkAndNote saves a routine, adds a private note, and finds both
// on /me.
func TestBookmarkAndNote(t *testing.T) {
	bothModes(t, "/routines", func(t *testing.T, tb *tab) {
		title, _ := bookmarkFirstRoutine(t, tb)
		// With JavaScript, the note form appears in place once saved.
		const note = "Ease in slowly after work"
		tb.waitFor("[data-bookmark-note] textarea[name=note]")
		tb.do(chromedp.SendKeys(chromedp.CSS("[data-bookmark-note] textarea[name=note]"), note))
		submit := "[data-bookmark-note] button:not([type=button]), [data-bookmark-note] input[type=submit]"
		tb.clickMaybeLoad(submit)
		if !tb.eventually("/me", func() bool { return bookmarksMention(tb, title, note) }) {
			t.Errorf("/me [data-testid=bookmarks] does not show %q with its note %q", title, note)
		}
	})
}

// TestExportAndDelete downloads a visitor's data as JSON, then deletes it
// all through the confirmation page.
func TestExportAndDelete(t *testing.T) {
	bothModes(t, "/routines", func(t *testing.T, tb *tab) {
		title, _ := bookmarkFirstRoutine(t, tb)
		tb.goTo("/me")
		href := evalJS[string](tb, `([...document.querySelectorAll('main a')].find(a => a.textContent.trim() === 'Download my data') || {}).getAttribute?.('href') || ''`)
		if href != "/me/export" {
			t.Fatalf("/me has no link \"Download my data\" to /me/export (found %q)", href)
		}
		body := fetchWithCookies(t, tb, href)
		if !json.Valid(body) {
			t.Errorf("%s is not JSON: %s", href, abbreviate(string(body), 200))
		} else if !strings.Contains(string(body), title) {
			t.Errorf("%s does not mention the bookmarked routine %q: %s", href, title, abbreviate(string(body), 300))
		}

		if got := evalJS[string](tb, `(document.querySelector('main a[href="/me/delete"]') || {textContent: ''}).textContent.trim()`); got != "Delete all my data" {
			t.Fatalf("/me has no link \"Delete all my data\" to /me/delete (its text: %q)", got)
		}
		tb.clickAndLoad(`main a[href="/me/delete"]`)
		tb.clickAndLoad("main form button:not([type=button]), main form input[type=submit]")
		tb.goTo("/me")
		tb.waitFor("[data-testid=empty-me]")
		if tb.exists("[data-testid=bookmarks] li") {
			t.Error("after deleting all data, /me still lists bookmarks")
		}
	})
}

// fetchWithCookies GETs path with the tab's cookies, outside the browser:
// an export may be sent as a download, which a tab would not show.
func fetchWithCookies(t *testing.T, tb *tab, path string) []byte {
	t.Helper()
	res, err := chromedp.Call(tb.ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{baseURL}})
	if err != nil {
		t.Fatalf("read cookies: %v", err)
	}
	req, _ := http.NewRequest(http.MethodGet, baseURL+path, nil)
	for _, c := range res.Cookies {
		req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", path, resp.StatusCode)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.Contains(ct, "json") {
		t.Errorf("GET %s: Content-Type %q, want JSON", path, ct)
	}
	return body
}

// TestRestoreCodeInSecondBrowser moves a bookmark to another browser (a
// browser context with no shared cookies) with a restore code.
func TestRestoreCodeInSecondBrowser(t *testing.T) {
	bothModes(t, "/routines", func(t *testing.T, tb *tab) {
		title, _ := bookmarkFirstRoutine(t, tb)
		tb.goTo("/me")
		tb.clickAndLoad(`form[action="/me/restore-code"] button:not([type=button]), form[action="/me/restore-code"] input[type=submit]`)
		code := tb.text("[data-testid=restore-code]")
		if code == "" {
			t.Fatal("[data-testid=restore-code] is empty")
		}

		// Another browser: a browser context of its own, which shares no
		// cookie with the first.
		opts := []tabOption{inContext(newBrowserContext(t))}
		if !tb.js {
			opts = append(opts, withoutJS())
		}
		other := newTab(t, opts...)
		other.goTo("/me/restore")
		other.do(chromedp.SendKeys(chromedp.CSS("input[name=code]"), code))
		other.clickAndLoad(`form:has(input[name=code]) button:not([type=button]), form:has(input[name=code]) input[type=submit]`)
		if !other.eventually("/me", func() bool { return bookmarksMention(other, title) }) {
			t.Errorf("after restoring with the code, the second browser's /me does not list %q", title)
		}
	})
}
