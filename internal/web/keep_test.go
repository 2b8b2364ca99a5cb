package web

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"backwise/internal/store"
	"backwise/internal/triage"
	"backwise/migrations"
)

func bookmark(kind, slug, action string) url.Values {
	return url.Values{"kind": {kind}, "slug": {slug}, "action": {action}}
}

func TestBookmarkFlowWithoutJavaScript(t *testing.T) {
	e := newCheckEnv(t)
	a := e.client
	code, _, h := e.post(a, "/bookmarks", bookmark("routine", "tennis-ball-lower-back", "add"))
	if code != http.StatusSeeOther || h.Get("Location") != "/routines/tennis-ball-lower-back#bookmark" {
		t.Fatalf("add = %d %q", code, h.Get("Location"))
	}
	if c := h.Get("Set-Cookie"); !strings.Contains(c, "HttpOnly") || !strings.Contains(c, "SameSite=Lax") {
		t.Errorf("cookie = %q", c)
	}
	// Bookmarking twice is harmless.
	e.post(a, "/bookmarks", bookmark("routine", "tennis-ball-lower-back", "add"))
	if n := e.rows("bookmarks"); n != 1 {
		t.Fatalf("bookmarks after adding twice = %d", n)
	}
	_, body := e.get(a, "/routines/tennis-ball-lower-back")
	d := parsePage(t, body)
	if d.text(`[data-testid=bookmark-status]`) != "Saved to My Backwise" || !d.has(`[data-bookmark-note] form textarea[name=note]`) {
		t.Error("routine page does not show it as saved with a note form")
	}
	note := url.Values{"kind": {"routine"}, "slug": {"tennis-ball-lower-back"}, "note": {"Helps after work\r\nTry twice"}}
	if code, _, _ := e.post(a, "/bookmarks/note", note); code != http.StatusSeeOther {
		t.Fatalf("note = %d", code)
	}
	long := url.Values{"kind": {"routine"}, "slug": {"tennis-ball-lower-back"}, "note": {strings.Repeat("a", 501)}}
	code, body, _ = e.post(a, "/bookmarks/note", long)
	d = parsePage(t, body)
	if code != http.StatusUnprocessableEntity || d.text(`[data-bookmark-note] textarea[name=note]`) != strings.Repeat("a", 501) || !strings.Contains(d.text(`[data-testid=note-error]`), "Shorten it to 500") {
		t.Errorf("501-character note = %d, want 422 with the text kept and the problem stated", code)
	}
	long.Set("note", strings.Repeat("a", 498)+"\r\n"+"b") // 500 characters as the textarea counts them
	if code, _, _ := e.post(a, "/bookmarks/note", long); code != http.StatusSeeOther {
		t.Errorf("500-character note with a line break = %d", code)
	}
	e.post(a, "/bookmarks", bookmark("article", "sciatica", "add"))
	_, body = e.get(a, "/me")
	d = parsePage(t, body)
	routines, articles := d.all(`[data-testid=bookmarks] section[aria-labelledby=my-routines] .kept-item__title a`), d.all(`[data-testid=bookmarks] section[aria-labelledby=my-articles] .kept-item__title a`)
	if len(routines) != 1 || attrOf(routines[0], "href") != "/routines/tennis-ball-lower-back" || len(articles) != 1 || attrOf(articles[0], "href") != "/articles/sciatica" {
		t.Fatalf("/me does not list the routine and the article under their headings:\n%s", d.text(`[data-testid=bookmarks]`))
	}
	if got := d.attrs(`[data-testid=bookmarks] section`, "aria-labelledby"); strings.Join(got, " ") != "my-routines my-articles" {
		t.Errorf("/me sections %q, want routines first", got)
	}
	// Remove works the same way, and removing again is harmless.
	e.post(a, "/bookmarks", bookmark("article", "sciatica", "remove"))
	e.post(a, "/bookmarks", bookmark("article", "sciatica", "remove"))
	if n := e.rows("bookmarks"); n != 1 {
		t.Errorf("bookmarks after removing = %d", n)
	}
	// Unknown items cannot be saved; bad forms are 400.
	if code, _, _ := e.post(a, "/bookmarks", bookmark("routine", "no-such-routine", "add")); code != 404 {
		t.Errorf("unknown routine = %d", code)
	}
	if code, _, _ := e.post(a, "/bookmarks", bookmark("recipe", "x", "add")); code != 400 {
		t.Errorf("unknown kind = %d", code)
	}
	if code, _, _ := e.post(a, "/bookmarks", bookmark("article", "faq", "toggle")); code != 400 {
		t.Errorf("unknown action = %d", code)
	}
}

func TestBookmarkJSONForScript(t *testing.T) {
	e := newCheckEnv(t)
	req, _ := http.NewRequest("POST", e.srv.URL+"/bookmarks", strings.NewReader(bookmark("article", "faq", "add").Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	res, err := e.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out struct {
		Saved          bool
		Button, Status string
	}
	if res.StatusCode != 200 || json.NewDecoder(res.Body).Decode(&out) != nil || !out.Saved || out.Button != "Remove from My Backwise" {
		t.Errorf("JSON bookmark = %d %+v", res.StatusCode, out)
	}
}

func TestExportDeleteAndIsolation(t *testing.T) {
	e := newCheckEnv(t)
	a, b := e.client, newClient()
	e.post(a, "/bookmarks", bookmark("routine", "neck-and-shoulders", "add"))
	e.keepAnswers(a, benignAnswers())
	e.post(b, "/bookmarks", bookmark("article", "faq", "add"))

	code, body := e.get(a, "/me/export")
	var ex struct {
		Bookmarks []struct{ Slug, Note string }
		Results   []struct {
			Outcome string
			Answers map[string]any
		}
	}
	if code != 200 || json.Unmarshal([]byte(body), &ex) != nil || len(ex.Bookmarks) != 1 || len(ex.Results) != 1 || ex.Results[0].Answers["age"] != float64(35) {
		t.Fatalf("export = %d %s", code, body)
	}
	if strings.Contains(body, "faq") {
		t.Error("export contains another visitor's data")
	}
	// B cannot change A's bookmark: removing it affects only B's own data.
	e.post(b, "/bookmarks", bookmark("routine", "neck-and-shoulders", "remove"))
	if _, body := e.get(a, "/me"); !strings.Contains(parsePage(t, body).text(`[data-testid=bookmarks] .kept-item__title`), "Neck and shoulder") {
		t.Error("another visitor removed A's bookmark")
	}
	if code, body := e.get(a, "/me/delete"); code != 200 || parsePage(t, body).text(`main form[action="/me/delete"] button[type=submit]`) != "Yes, delete everything" {
		t.Fatalf("delete confirmation = %d", code)
	}
	code, _, h := e.post(a, "/me/delete", nil)
	if code != http.StatusSeeOther || !strings.Contains(h.Get("Set-Cookie"), "Max-Age=0") {
		t.Fatalf("delete = %d, cookie %q", code, h.Get("Set-Cookie"))
	}
	if e.rows("visitors") != 1 || e.rows("assessments") != 0 || e.rows("bookmarks") != 1 {
		t.Errorf("after delete: %d visitors, %d assessments, %d bookmarks (only B's should remain)", e.rows("visitors"), e.rows("assessments"), e.rows("bookmarks"))
	}
	if _, body := e.get(a, "/me?done=deleted"); !parsePage(t, body).has(`[data-testid=empty-me]`) || !strings.HasPrefix(parsePage(t, body).text(`[data-testid=notice]`), "All your data has been deleted") {
		t.Error("/me after delete is not the empty state with a confirmation")
	}
}

func TestRestoreCodeMovesData(t *testing.T) {
	e := newCheckEnv(t)
	a, b := e.client, newClient()
	e.post(a, "/bookmarks", bookmark("routine", "foot-arch-roll", "add"))
	code, body, _ := e.post(a, "/me/restore-code", nil)
	restoreCode := parsePage(t, body).text(`[data-testid=restore-code]`)
	if code != 200 || len(restoreCode) != 19 {
		t.Fatalf("code = %q", restoreCode)
	}
	code, _, h := e.post(b, "/me/restore", url.Values{"code": {strings.ToLower(restoreCode)}})
	if code != http.StatusSeeOther || h.Get("Location") != "/me?done=restored" {
		t.Fatalf("restore = %d %q", code, h.Get("Location"))
	}
	if _, body := e.get(b, "/me"); parsePage(t, body).text(`[data-testid=bookmarks] .kept-item__title a[href="/routines/foot-arch-roll"]`) == "" {
		t.Errorf("second browser does not see the moved bookmark:\n%s", parsePage(t, body).text(`main`))
	}
	if _, body := e.get(a, "/me"); !parsePage(t, body).has(`[data-testid=empty-me]`) {
		t.Error("the first browser still has the data after it moved")
	}
	if code, body, _ := e.post(newClient(), "/me/restore", url.Values{"code": {restoreCode}}); code != 422 || !strings.Contains(parsePage(t, body).text(`[data-testid=error-summary]`), "not recognised") {
		t.Errorf("reusing a code = %d", code)
	}
}

func TestRestoreAttemptsAreRateLimited(t *testing.T) {
	e := newCheckEnv(t)
	c := newClient()
	var last *http.Response
	for i := 0; i < 8; i++ {
		res, err := c.PostForm(e.srv.URL+"/me/restore", url.Values{"code": {"AAAA-AAAA-AAAA-AAAA"}})
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		last = res
	}
	if last.StatusCode != http.StatusTooManyRequests || last.Header.Get("Retry-After") == "" {
		t.Errorf("8th attempt = %d, Retry-After %q", last.StatusCode, last.Header.Get("Retry-After"))
	}
}

func TestStaleBookmarkShownAsUnavailable(t *testing.T) {
	e := newCheckEnv(t)
	e.post(e.client, "/bookmarks", bookmark("routine", "foot-arch-roll", "add"))
	// The routine is renamed away after it was saved.
	rw, err := sql.Open("sqlite3", "file:"+e.dbPath+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	if _, err := rw.Exec(`UPDATE bookmarks SET slug = 'retired-routine'`); err != nil {
		t.Fatal(err)
	}
	code, body := e.get(e.client, "/me")
	if code != 200 || parsePage(t, body).text(`[data-testid=bookmarks] .kept-item__title`) != "No longer available" {
		t.Errorf("/me with a stale bookmark = %d", code)
	}
	if code, _, _ := e.post(e.client, "/bookmarks", url.Values{"kind": {"routine"}, "slug": {"retired-routine"}, "action": {"remove"}, "from": {"me"}}); code != http.StatusSeeOther {
		t.Errorf("removing a stale bookmark = %d", code)
	}
}

func TestKeepCrossOriginPostRejected(t *testing.T) {
	e := newCheckEnv(t)
	for _, path := range []string{"/bookmarks", "/bookmarks/note", "/me/delete", "/me/restore", "/me/restore-code", "/check/start", "/check/q/emergency"} {
		req, _ := http.NewRequest("POST", e.srv.URL+path, strings.NewReader(bookmark("article", "faq", "add").Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", "https://evil.example")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		res, err := e.client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("cross-origin POST %s = %d", path, res.StatusCode)
		}
	}
	if e.rows("bookmarks") != 0 || e.rows("visitors") != 0 {
		t.Error("a cross-origin POST wrote to the database")
	}
}

func TestRoutinePagesAndWarning(t *testing.T) {
	e := newCheckEnv(t)
	for _, path := range []string{"/routines", "/routines?area=upper", "/routines?equipment=foam_roller&area=upper", "/routines/foam-roller-upper-back"} {
		if code, _ := e.get(e.client, path); code != 200 {
			t.Errorf("GET %s = %d", path, code)
		}
	}
	_, body := e.get(e.client, "/routines?area=foot")
	if got := parsePage(t, body).attrs(`[data-testid=routine-list] a[href^="/routines/"]`, "href"); !slices.Contains(got, "/routines/foot-arch-roll") || slices.Contains(got, "/routines/foam-roller-upper-back") {
		t.Errorf("area filter lists %q", got)
	}
	if code, _ := e.get(e.client, "/routines?area=knee"); code != 400 {
		t.Errorf("unknown filter = %d", code)
	}
	if code, _ := e.get(e.client, "/routines/nope"); code != 404 {
		t.Errorf("unknown routine = %d", code)
	}
	_, body = e.get(e.client, "/routines/foam-roller-upper-back")
	d := parsePage(t, body)
	if !slices.Contains(d.attrs(`[data-testid=routine] ol.routine-steps li [data-seconds]`, "data-seconds"), "60") || !d.has(`[data-testid=routine] [data-routine-timer]`) {
		t.Error("routine page lacks its timed steps or timer hook")
	}
	if d.has(`[data-testid=routine-warning]`) {
		t.Error("warning shown without a kept result")
	}
	// Keep a result saying "osteoporosis": the foam roller routine (avoid_if
	// osteoporosis) now warns at the top.
	osteo := benignAnswers()
	osteo.SetYesNo(triage.KeyOsteoporosis, true)
	osteo.SetYesNo(triage.KeyMinorFall, false)
	osteo.SetYesNo(triage.KeyCoughOrLift, false)
	e.keepAnswers(e.client, osteo)
	_, body = e.get(e.client, "/routines/foam-roller-upper-back")
	// The warning comes first: before the routine's heading in the page.
	d = parsePage(t, body)
	var order []string
	for _, n := range d.all(`main *`) {
		if attrOf(n, "data-testid") == "routine-warning" || n.Data == "h1" {
			order = append(order, n.Data+"."+attrOf(n, "data-testid"))
		}
	}
	if len(order) < 2 || order[0] != "div.routine-warning" {
		t.Errorf("no warning above the heading of a routine whose avoid_if matches a kept result: %q", order)
	}
}

func TestWritesAreRateLimited(t *testing.T) {
	e := newCheckEnv(t)
	var last int
	var retry string
	for i := 0; i < 40 && last != http.StatusTooManyRequests; i++ {
		res, err := e.client.PostForm(e.srv.URL+"/bookmarks", bookmark("article", "faq", "add"))
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		last, retry = res.StatusCode, res.Header.Get("Retry-After")
	}
	if last != http.StatusTooManyRequests || retry == "" {
		t.Errorf("40 quick saves never got 429 with Retry-After (last %d)", last)
	}
}

// Made-up visitor cookies, however large, get no rate-limit bucket of
// their own (they grew memory from 27 to 156 MB in a review).
func TestJunkCookiesGetNoLimiterBucket(t *testing.T) {
	s, _, _ := testServer(t, today)
	s.writeLimit = newLimiter(30)
	for i := range 50 {
		req := httptest.NewRequest("POST", "/bookmarks", strings.NewReader(bookmark("routine", "walking-plan", "add").Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.AddCookie(&http.Cookie{Name: visitorCookie, Value: strings.Repeat("x", 4000) + strconv.Itoa(i)})
		s.ServeHTTP(httptest.NewRecorder(), req)
	}
	s.writeLimit.mu.Lock()
	n := len(s.writeLimit.buckets)
	s.writeLimit.mu.Unlock()
	if n > 2 {
		t.Errorf("%d limiter buckets after 50 made-up cookies, want the address's only", n)
	}
}

// Each save renews the visitor cookie, so it lasts a year from the last
// save, not the first.
func TestSaveRenewsVisitorCookie(t *testing.T) {
	e := newCheckEnv(t)
	_, _, h := e.post(e.client, "/bookmarks", bookmark("routine", "walking-plan", "add"))
	first := h.Get("Set-Cookie")
	_, _, h = e.post(e.client, "/bookmarks", bookmark("routine", "bridges", "add"))
	again := h.Get("Set-Cookie")
	if first == "" || again == "" || strings.Split(first, ";")[0] != strings.Split(again, ";")[0] || !strings.Contains(again, "Max-Age=") {
		t.Errorf("second save's cookie = %q, want the same token renewed (first %q)", again, first)
	}
}

// A visitor at the cap of kept results gets a clear 422, and their pages
// stay the same size however many they kept: history a page at a time, My
// Backwise the newest ten.
func TestKeptResultsCapAndPages(t *testing.T) {
	e := newCheckEnv(t)
	e.keepAnswers(e.client, benignAnswers())
	var v store.Visitor
	if err := e.raw.QueryRow(`SELECT id FROM visitors`).Scan(&v.ID); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), e.dbPath, migrations.FS)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	kept, _, err := db.LatestAssessment(context.Background(), v)
	if err != nil {
		t.Fatal(err)
	}
	sizeAt := func(path string) int {
		_, body := e.get(e.client, path)
		return len(body)
	}
	for range 24 {
		if _, _, err := db.SaveAssessment(context.Background(), store.Who{Visitor: v}, kept); err != nil {
			t.Fatal(err)
		}
	}
	history25, me25 := sizeAt("/check/history"), sizeAt("/me")
	for range store.MaxAssessments - 25 {
		if _, _, err := db.SaveAssessment(context.Background(), store.Who{Visitor: v}, kept); err != nil {
			t.Fatal(err)
		}
	}
	_, body := e.get(e.client, "/check/history")
	d := parsePage(t, body)
	if n := len(d.all(`[data-testid=history] tbody tr`)); n != 20 || !d.has(`a[rel=next][href="/check/history?page=2"]`) {
		t.Errorf("history with 200 results shows %d rows", n)
	}
	if history200, me200 := len(body), sizeAt("/me"); history200 > history25+history25/10 || me200 > me25+me25/10 {
		t.Errorf("pages grew with the results kept: history %d → %d bytes, /me %d → %d", history25, history200, me25, me200)
	}
	// The export is not streamed: the caps bound it. With 200 results it
	// stays well under a megabyte (bookmarks at their cap add at most
	// 500 × a 500-character note).
	exportCode, export := e.get(e.client, "/me/export")
	var ex struct{ Results []json.RawMessage }
	if err := json.Unmarshal([]byte(export), &ex); exportCode != 200 || err != nil || len(ex.Results) != store.MaxAssessments {
		t.Fatalf("export at the cap: status %d, %d results, %v", exportCode, len(ex.Results), err)
	}
	if len(export) > 512<<10 {
		t.Errorf("the export of 200 results is %d bytes", len(export))
	}
	t.Logf("export with %d results: %d bytes", len(ex.Results), len(export))
	_, body = e.get(e.client, "/check/history?page=10")
	if n := len(parsePage(t, body).all(`[data-testid=history] tbody tr`)); n != 20 {
		t.Errorf("page 10 shows %d rows, want 20", n)
	}
	if code, _ := e.get(e.client, "/check/history?page=x"); code != 400 {
		t.Errorf("page=x = %d, want 400", code)
	}
	// The 201st result is refused, clearly, and nothing is stored.
	e.resultOf(e.client, benignAnswers())
	code, body, _ := e.post(e.client, "/check/result/keep", nil)
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "up to 200 results") {
		t.Errorf("keeping a 201st result = %d", code)
	}
	if n := e.rows("assessments"); n != store.MaxAssessments {
		t.Errorf("%d results stored, want %d", n, store.MaxAssessments)
	}
}
