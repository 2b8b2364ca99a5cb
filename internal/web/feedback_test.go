package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func report(slug, problem, message, contact string) url.Values {
	return url.Values{"kind": {"article"}, "slug": {slug}, "problem": {problem}, "message": {message}, "contact": {contact}}
}

// Without JavaScript: the form on the article posts, the reader lands on
// a thanks page that does not repeat what they wrote, and the report is
// stored with no link to the visitor.
func TestFeedbackWithoutJavaScript(t *testing.T) {
	e := newCheckEnv(t)
	a := e.client
	// A saved bookmark gives this reader a visitor row to (not) link to.
	e.post(a, "/bookmarks", bookmark("article", "sciatica", "add"))

	_, body := e.get(a, "/articles/sciatica")
	d := parsePage(t, body)
	if d.text(`article details#report summary`) != "Report a problem with this page" ||
		!d.has(`details#report form[data-feedback][method=post][action="/feedback"] input[name=slug][value=sciatica]`) ||
		len(d.all(`details#report input[type=radio][name=problem]`)) != 4 {
		t.Fatal("the article does not end with the report form")
	}
	msg := "The second paragraph says <b>two weeks</b> but the source says six."
	code, body, h := e.post(a, "/feedback", report("sciatica", "wrong", msg, "ed@example.org"))
	if code != http.StatusSeeOther || h.Get("Location") != "/feedback/thanks?kind=article&slug=sciatica" {
		t.Fatalf("POST /feedback = %d %q", code, h.Get("Location"))
	}
	if h.Get("Set-Cookie") != "" {
		t.Errorf("sending a report set a cookie: %q", h.Get("Set-Cookie"))
	}
	code, body = e.get(a, h.Get("Location"))
	d = parsePage(t, body)
	if code != 200 || !strings.Contains(d.text(`[data-testid=feedback-thanks]`), "Thank you") || !d.has(`a[href="/articles/sciatica"]`) {
		t.Errorf("thanks page = %d %q", code, d.text(`main`))
	}
	if strings.Contains(body, "two weeks") || strings.Contains(body, "ed@example.org") {
		t.Error("the thanks page repeats the report")
	}
	var kind, slug, problem, message, contact, region, on string
	if err := e.raw.QueryRow(`SELECT kind, slug, problem, message, contact, region, received_on FROM feedback`).Scan(&kind, &slug, &problem, &message, &contact, &region, &on); err != nil {
		t.Fatal(err)
	}
	if kind != "article" || slug != "sciatica" || problem != "wrong" || message != msg || contact != "ed@example.org" || region != "england" || len(on) != 10 {
		t.Errorf("stored %q %q %q %q %q %q %q", kind, slug, problem, message, contact, region, on)
	}
	// No column could tie the report to the visitor who sent it.
	rows, err := e.raw.Query(`SELECT name FROM pragma_table_info('feedback')`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var col string
		rows.Scan(&col)
		if strings.Contains(col, "visitor") || strings.Contains(col, "addr") || strings.Contains(col, "_at") {
			t.Errorf("feedback has a column %q that could identify a reader", col)
		}
	}
	// Reports are never shown to other readers, and the message is not logged.
	_, other := e.get(newClient(), "/articles/sciatica")
	if strings.Contains(other, "two weeks") {
		t.Error("another reader sees the report")
	}
	if strings.Contains(e.logs.String(), "two weeks") || strings.Contains(e.logs.String(), "ed@example") {
		t.Error("the report reached the log")
	}
	// My Backwise does not list it: it is not the visitor's data.
	if _, exp := e.get(a, "/me/export"); strings.Contains(exp, "two weeks") {
		t.Error("the report is in the visitor's export")
	}
}

// Mistakes are shown on the form's own page, with what the reader wrote
// kept, and nothing is stored until the report is complete.
func TestFeedbackMistakes(t *testing.T) {
	e := newCheckEnv(t)
	a := e.client
	cases := []struct {
		name   string
		form   url.Values
		fields []string
	}{
		{"nothing chosen or written", report("sciatica", "", "   ", ""), []string{"problem", "message"}},
		{"unknown problem", report("sciatica", "spam", "text", ""), []string{"problem"}},
		{"too long", report("sciatica", "unclear", strings.Repeat("é", 2001), strings.Repeat("x", 201)), []string{"message", "contact"}},
	}
	for _, c := range cases {
		code, body, _ := e.post(a, "/feedback", c.form)
		d := parsePage(t, body)
		if code != http.StatusUnprocessableEntity {
			t.Errorf("%s: status %d, want 422", c.name, code)
			continue
		}
		links := d.attrs(`[data-testid=error-summary] a`, "href")
		if len(links) != len(c.fields) {
			t.Errorf("%s: error summary %q, want %q", c.name, links, c.fields)
		}
		for i, f := range c.fields {
			if i < len(links) && links[i] != "#q-"+f {
				t.Errorf("%s: error %d links %q, want #q-%s", c.name, i, links[i], f)
			}
			if !d.has(`#q-` + f) {
				t.Errorf("%s: no field #q-%s for the summary to link to", c.name, f)
			}
		}
		if !strings.HasPrefix(d.text(`title`), "Error: ") {
			t.Errorf("%s: title %q does not start with Error:", c.name, d.text(`title`))
		}
		if got := d.text(`textarea[name=message]`); got != strings.TrimSpace(c.form.Get("message")) {
			t.Errorf("%s: the message was not kept for the reader to fix", c.name)
		}
	}
	if n := e.rows("feedback"); n != 0 {
		t.Errorf("%d reports stored from forms with mistakes", n)
	}
	// A page that does not exist: 404, on the form page and on sending.
	if code, _ := e.get(a, "/feedback?kind=article&slug=no-such-page"); code != 404 {
		t.Errorf("form for an unknown page = %d", code)
	}
	if code, _ := e.get(a, "/feedback?kind=recipe&slug=sciatica"); code != 404 {
		t.Errorf("form for an unknown kind = %d", code)
	}
	if code, _, _ := e.post(a, "/feedback", report("no-such-page", "wrong", "x", "")); code != 404 {
		t.Errorf("report about an unknown page = %d", code)
	}
	// The form's own page works for routines too.
	code, body := e.get(a, "/feedback?kind=routine&slug=tennis-ball-lower-back")
	d := parsePage(t, body)
	if code != 200 || !d.has(`form[data-feedback] input[name=kind][value=routine]`) || !d.has(`meta[name=robots][content=noindex]`) {
		t.Errorf("routine report form = %d", code)
	}
	if n := e.rows("feedback"); n != 0 {
		t.Errorf("%d reports stored", n)
	}
}

// The site's JavaScript sends the report in place and shows the thanks
// from the JSON reply; mistakes come back as 422 with the fields named.
func TestFeedbackJSONForScript(t *testing.T) {
	e := newCheckEnv(t)
	send := func(form url.Values) (int, map[string]any) {
		req, _ := http.NewRequest("POST", e.srv.URL+"/feedback", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Accept", "application/json")
		res, err := e.client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var out map[string]any
		if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
			t.Fatalf("reply is not JSON: %v", err)
		}
		return res.StatusCode, out
	}
	code, out := send(report("faq", "unclear", "The answer about heat is confusing.", ""))
	if code != 200 || out["sent"] != true || !strings.HasPrefix(out["message"].(string), "Thank you") {
		t.Errorf("JSON report = %d %v", code, out)
	}
	code, out = send(report("faq", "unclear", "", ""))
	errs, _ := out["errors"].([]any)
	if code != http.StatusUnprocessableEntity || out["sent"] != false || len(errs) != 1 || errs[0].(map[string]any)["field"] != "message" {
		t.Errorf("JSON report with no message = %d %v", code, out)
	}
	if n := e.rows("feedback"); n != 1 {
		t.Errorf("%d reports stored, want 1", n)
	}
}

// One address can send five reports at once, then must wait; a refused
// report is not stored, and reading is never limited.
func TestFeedbackRateLimit(t *testing.T) {
	e := newCheckEnv(t)
	for i := range 5 {
		if code, _, _ := e.post(e.client, "/feedback", report("faq", "other", "report "+itoa(i), "")); code != http.StatusSeeOther {
			t.Fatalf("report %d = %d", i+1, code)
		}
	}
	code, body, h := e.post(newClient(), "/feedback", report("faq", "other", "one too many", ""))
	if code != http.StatusTooManyRequests || h.Get("Retry-After") == "" || !strings.Contains(body, "Please wait") {
		t.Errorf("sixth report = %d, Retry-After %q", code, h.Get("Retry-After"))
	}
	if n := e.rows("feedback"); n != 5 {
		t.Errorf("%d reports stored, want 5", n)
	}
	if code, _ := e.get(e.client, "/articles/faq"); code != 200 {
		t.Errorf("reading after the limit = %d", code)
	}
}
