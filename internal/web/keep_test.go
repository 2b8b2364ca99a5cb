package web

import (
	"backwise/internal/triage"
	"database/sql"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
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
	if !strings.Contains(body, "Saved to My Backwise") || !strings.Contains(body, `name="note"`) {
		t.Error("routine page does not show it as saved with a note form")
	}
	note := url.Values{"kind": {"routine"}, "slug": {"tennis-ball-lower-back"}, "note": {"Helps after work\r\nTry twice"}}
	if code, _, _ := e.post(a, "/bookmarks/note", note); code != http.StatusSeeOther {
		t.Fatalf("note = %d", code)
	}
	long := url.Values{"kind": {"routine"}, "slug": {"tennis-ball-lower-back"}, "note": {strings.Repeat("a", 501)}}
	code, body, _ = e.post(a, "/bookmarks/note", long)
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, strings.Repeat("a", 501)) || !strings.Contains(body, "Shorten it to 500") {
		t.Errorf("501-character note = %d, want 422 with the text kept", code)
	}
	long.Set("note", strings.Repeat("a", 498)+"\r\n"+"b") // 500 characters as the textarea counts them
	if code, _, _ := e.post(a, "/bookmarks/note", long); code != http.StatusSeeOther {
		t.Errorf("500-character note with a line break = %d", code)
	}
	e.post(a, "/bookmarks", bookmark("article", "sciatica", "add"))
	_, body = e.get(a, "/me")
	if !strings.Contains(body, `data-testid="bookmarks"`) || !strings.Contains(body, "Tennis ball against a wall") || !strings.Contains(body, "Sciatica") {
		t.Fatalf("/me does not list the bookmarks:\n%s", body)
	}
	if strings.Index(body, "my-routines") > strings.Index(body, "my-articles") {
		t.Error("/me is not grouped routines first")
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
	if _, body := e.get(a, "/me"); !strings.Contains(body, "Neck and shoulder") {
		t.Error("another visitor removed A's bookmark")
	}
	if code, body := e.get(a, "/me/delete"); code != 200 || !strings.Contains(body, "Yes, delete everything") {
		t.Fatalf("delete confirmation = %d", code)
	}
	code, _, h := e.post(a, "/me/delete", nil)
	if code != http.StatusSeeOther || !strings.Contains(h.Get("Set-Cookie"), "Max-Age=0") {
		t.Fatalf("delete = %d, cookie %q", code, h.Get("Set-Cookie"))
	}
	if e.rows("visitors") != 1 || e.rows("assessments") != 0 || e.rows("bookmarks") != 1 {
		t.Errorf("after delete: %d visitors, %d assessments, %d bookmarks (only B's should remain)", e.rows("visitors"), e.rows("assessments"), e.rows("bookmarks"))
	}
	if _, body := e.get(a, "/me?done=deleted"); !strings.Contains(body, `data-testid="empty-me"`) || !strings.Contains(body, "All your data has been deleted") {
		t.Error("/me after delete is not the empty state with a confirmation")
	}
}

func TestRestoreCodeMovesData(t *testing.T) {
	e := newCheckEnv(t)
	a, b := e.client, newClient()
	e.post(a, "/bookmarks", bookmark("routine", "foot-arch-roll", "add"))
	code, body, _ := e.post(a, "/me/restore-code", nil)
	i := strings.Index(body, `data-testid="restore-code">`)
	if code != 200 || i < 0 {
		t.Fatalf("restore code page = %d", code)
	}
	restoreCode := body[i+len(`data-testid="restore-code">`):]
	restoreCode = restoreCode[:strings.Index(restoreCode, "<")]
	if len(restoreCode) != 19 {
		t.Fatalf("code = %q", restoreCode)
	}
	code, _, h := e.post(b, "/me/restore", url.Values{"code": {strings.ToLower(restoreCode)}})
	if code != http.StatusSeeOther || h.Get("Location") != "/me?done=restored" {
		t.Fatalf("restore = %d %q", code, h.Get("Location"))
	}
	if _, body := e.get(b, "/me"); !strings.Contains(body, "Rolling the foot arch") && !strings.Contains(body, "foot") {
		t.Errorf("second browser does not see the moved bookmark:\n%s", body)
	}
	if _, body := e.get(a, "/me"); !strings.Contains(body, `data-testid="empty-me"`) {
		t.Error("the first browser still has the data after it moved")
	}
	if code, body, _ := e.post(newClient(), "/me/restore", url.Values{"code": {restoreCode}}); code != 422 || !strings.Contains(body, "not recognised") {
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
	if code != 200 || !strings.Contains(body, "No longer available") {
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
	if !strings.Contains(body, "foot-arch-roll") || strings.Contains(body, "foam-roller-upper-back") {
		t.Error("area filter does not filter")
	}
	if code, _ := e.get(e.client, "/routines?area=knee"); code != 400 {
		t.Errorf("unknown filter = %d", code)
	}
	if code, _ := e.get(e.client, "/routines/nope"); code != 404 {
		t.Errorf("unknown routine = %d", code)
	}
	_, body = e.get(e.client, "/routines/foam-roller-upper-back")
	if !strings.Contains(body, `<ol class="routine-steps">`) || !strings.Contains(body, `data-seconds="60"`) || !strings.Contains(body, "data-routine-timer") {
		t.Error("routine page lacks its steps or timer hook")
	}
	if strings.Contains(body, `data-testid="routine-warning"`) {
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
	w := strings.Index(body, `data-testid="routine-warning"`)
	if w < 0 || w > strings.Index(body, "<h1>") {
		t.Error("no warning at the top of a routine whose avoid_if matches a kept result")
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
