package web

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"backwise/internal/triage"
)

// checkEnv is the real server on a real listener with a browser-like
// client (cookie jar, no automatic redirects) and a second connection to
// the same SQLite file for counting rows.
type checkEnv struct {
	t      *testing.T
	srv    *httptest.Server
	client *http.Client
	raw    *sql.DB
	dbPath string
	logs   *bytes.Buffer
}

func newCheckEnv(t *testing.T) *checkEnv {
	t.Helper()
	s, _, logs, path := testServerAt(t, today, filepath.Join(t.TempDir(), "check.db"))
	// The production http.Server settings (timeouts, header limit).
	srv := httptest.NewUnstartedServer(s)
	srv.Config = NewHTTPServer(s)
	srv.Start()
	t.Cleanup(srv.Close)
	raw, err := sql.Open("sqlite3", "file:"+path+"?mode=ro&_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return &checkEnv{t: t, srv: srv, client: newClient(), raw: raw, dbPath: path, logs: logs}
}

func newClient() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func (e *checkEnv) post(c *http.Client, path string, form url.Values) (int, string, http.Header) {
	e.t.Helper()
	res, err := c.PostForm(e.srv.URL+path, form)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b), res.Header
}

func (e *checkEnv) get(c *http.Client, path string) (int, string) {
	e.t.Helper()
	res, err := c.Get(e.srv.URL + path)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func (e *checkEnv) rows(table string) int {
	e.t.Helper()
	var n int
	if err := e.raw.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		e.t.Fatal(err)
	}
	return n
}

// benign answers a self-care case in full, as form values.
func benign() url.Values {
	v := url.Values{
		"emergency_signs": {"none"}, "age": {"35"}, "duration": {"under_3_days"}, "intensity": {"3"},
		"location": {"lower"}, "trend": {"improving"},
	}
	for _, q := range triage.Questions() {
		if q.Kind == triage.KindYesNo {
			v.Set(q.Key, "no")
		}
	}
	return v
}

func with(v url.Values, kv ...string) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out.Set(kv[i], kv[i+1])
	}
	return out
}

func TestCheckFlowStepByStep(t *testing.T) {
	e := newCheckEnv(t)
	c := e.client
	if code, body := e.get(c, "/check"); code != 200 || !strings.Contains(body, "about 2 minutes") {
		t.Fatalf("start page = %d", code)
	}
	code, body, _ := e.post(c, "/check", url.Values{"step": {"0"}, "nav": {"next"}})
	if code != 200 || !strings.Contains(body, "Step 1 of 4") || !strings.Contains(body, "None of these") {
		t.Fatalf("step 1 = %d", code)
	}
	// Nothing ticked: an error summary, 422, "Error:" in the title.
	code, body, _ = e.post(c, "/check", url.Values{"step": {"1"}, "nav": {"next"}})
	if code != 422 || !strings.Contains(body, "<title>Error: Step 1 of 4") || !strings.Contains(body, `href="#q-emergency-signs"`) {
		t.Fatalf("empty step 1 = %d:\n%s", code, body)
	}
	answers := benign()
	code, body, _ = e.post(c, "/check", url.Values{"step": {"1"}, "nav": {"next"}, "emergency_signs": {"none"}})
	if code != 200 || !strings.Contains(body, "Step 2 of 4") {
		t.Fatalf("after step 1 = %d", code)
	}
	// A bad age keeps the other answers and says what is wrong.
	step2 := url.Values{"step": {"2"}, "nav": {"next"}, "emergency_signs": {"none"}, "age": {"abc"}, "duration": {"under_3_days"}, "intensity": {"3"}, "location": {"lower"}, "trend": {"improving"}}
	code, body, _ = e.post(c, "/check", step2)
	if code != 422 || !strings.Contains(body, `value="abc"`) || !strings.Contains(body, `value="under_3_days" checked`) {
		t.Fatalf("bad age = %d", code)
	}
	step2.Set("age", "12")
	if code, body, _ = e.post(c, "/check", step2); code != 422 || !strings.Contains(body, "adults") {
		t.Errorf("age 12 = %d, want the under-16 message", code)
	}
	step2.Set("age", "35")
	if code, body, _ = e.post(c, "/check", step2); code != 200 || !strings.Contains(body, "Step 3 of 4") || !strings.Contains(body, `name="age" value="35"`) {
		t.Fatalf("after step 2 = %d", code)
	}
	step4 := with(answers, "step", "4", "nav", "next")
	if code, body, _ = e.post(c, "/check", step4); code != 200 || !strings.Contains(body, "Check your answers") {
		t.Fatalf("after step 4 = %d", code)
	}
	// Change a step from the review page, then return to it.
	if code, body, _ = e.post(c, "/check", with(answers, "step", "5", "nav", "edit-2")); code != 200 || !strings.Contains(body, `name="review" value="1"`) {
		t.Fatalf("edit-2 = %d", code)
	}
	if code, body, _ = e.post(c, "/check", with(answers, "step", "2", "nav", "next", "review", "1")); code != 200 || !strings.Contains(body, "Check your answers") {
		t.Fatalf("continue from edit = %d", code)
	}
	// Back goes one step back with the answers kept.
	if code, body, _ = e.post(c, "/check", with(answers, "step", "3", "nav", "back")); code != 200 || !strings.Contains(body, "Step 2 of 4") || !strings.Contains(body, `value="35"`) {
		t.Fatalf("back = %d", code)
	}
	code, body, _ = e.post(c, "/check", with(answers, "step", "5", "nav", "result"))
	if code != 200 || !strings.Contains(body, `data-outcome="self_care"`) || !strings.Contains(body, "Why we suggest this") || !strings.Contains(body, `data-testid="your-answers"`) {
		t.Fatalf("result = %d", code)
	}
	if !strings.Contains(body, "Routines to try at home") || !strings.Contains(body, `href="/routines/`) {
		t.Error("a self-care result suggests no routines")
	}
	if e.rows("visitors") != 0 || e.rows("assessments") != 0 {
		t.Error("an unsaved result wrote to the database")
	}
}

func TestCheckEmergencyEndsAtStepOne(t *testing.T) {
	e := newCheckEnv(t)
	code, body, _ := e.post(e.client, "/check", url.Values{"step": {"1"}, "nav": {"next"}, "emergency_signs": {"saddle_numbness"}})
	if code != 200 || !strings.Contains(body, `data-outcome="emergency"`) {
		t.Fatalf("emergency = %d", code)
	}
	main := body[strings.Index(body, `id="main"`):]
	if i, j := strings.Index(main, "Call 999 or go to A&amp;E now"), strings.Index(main, "Why we suggest this"); i < 0 || i > j {
		t.Error("the emergency action is not the first thing in the page's main content")
	}
	if !strings.Contains(body, "Do not drive yourself") || !strings.Contains(body, `href="#answer-saddle-numbness"`) {
		t.Error("emergency result lacks the driving advice or the link to the answer")
	}
	if code, _, _ := e.post(e.client, "/check", url.Values{"step": {"1"}, "nav": {"next"}, "emergency_signs": {"none", "chest_pain"}}); code != 422 {
		t.Errorf("'None of these' with a sign = %d, want 422", code)
	}
}

func TestCheckOptInSave(t *testing.T) {
	e := newCheckEnv(t)
	code, _, h := e.post(e.client, "/check", with(benign(), "step", "5", "nav", "result", "save", "yes"))
	if code != http.StatusSeeOther || !strings.HasPrefix(h.Get("Location"), "/check/results/") {
		t.Fatalf("save = %d, Location %q", code, h.Get("Location"))
	}
	cookie := h.Get("Set-Cookie")
	if !strings.Contains(cookie, "HttpOnly") || !strings.Contains(cookie, "SameSite=Lax") {
		t.Errorf("visitor cookie = %q", cookie)
	}
	if e.rows("visitors") != 1 || e.rows("assessments") != 1 {
		t.Fatalf("rows after save: %d visitors, %d assessments", e.rows("visitors"), e.rows("assessments"))
	}
	loc := h.Get("Location")
	if code, body := e.get(e.client, loc); code != 200 || !strings.Contains(body, "Result kept") || !strings.Contains(body, `data-outcome="self_care"`) {
		t.Fatalf("kept result = %d", code)
	}
	// A second save reuses the visitor.
	e.post(e.client, "/check", with(benign(), "step", "5", "nav", "result", "save", "yes", "intensity", "6"))
	if e.rows("visitors") != 1 || e.rows("assessments") != 2 {
		t.Errorf("second save: %d visitors, %d assessments", e.rows("visitors"), e.rows("assessments"))
	}
	code, body := e.get(e.client, "/check/history")
	if code != 200 || strings.Count(body, "/check/results/") < 2 || !strings.Contains(body, "<svg") {
		t.Fatalf("history = %d, want two results and a chart", code)
	}
	// Another browser sees none of it, and gets 404 for the result.
	other := newClient()
	if code, body := e.get(other, "/check/history"); code != 200 || !strings.Contains(body, `data-testid="empty-history"`) {
		t.Errorf("other visitor's history = %d", code)
	}
	id := strings.TrimSuffix(strings.TrimPrefix(loc, "/check/results/"), "?kept=1")
	if code, _ := e.get(other, "/check/results/"+id); code != 404 {
		t.Errorf("other visitor reading a result = %d, want 404", code)
	}
	if code, _, _ := e.post(other, "/check/results/"+id+"/delete", nil); code != 404 {
		t.Errorf("other visitor deleting = %d, want 404", code)
	}
	if code, _, _ := e.post(e.client, "/check/results/"+id+"/delete", nil); code != http.StatusSeeOther {
		t.Errorf("delete = %d", code)
	}
	if e.rows("assessments") != 1 {
		t.Errorf("after delete: %d assessments", e.rows("assessments"))
	}
}

func TestCheckTamperedAnswersAreRejected(t *testing.T) {
	e := newCheckEnv(t)
	code, body, _ := e.post(e.client, "/check", with(benign(), "step", "5", "nav", "result", "save", "yes", "intensity", "99"))
	if code != 422 || !strings.Contains(body, "Step 2 of 4") {
		t.Fatalf("tampered intensity = %d", code)
	}
	if e.rows("assessments") != 0 {
		t.Error("invalid answers were stored")
	}
	for _, form := range []url.Values{
		{"step": {"9"}, "nav": {"next"}},
		{"step": {"x"}, "nav": {"next"}},
		{"step": {"1"}, "nav": {"fly"}},
		{"step": {"1"}, "nav": {"edit-7"}},
	} {
		if code, _, _ := e.post(e.client, "/check", form); code != 400 {
			t.Errorf("%v = %d, want 400", form, code)
		}
	}
	big := url.Values{"step": {"1"}, "nav": {"next"}, "x": {strings.Repeat("a", 70<<10)}}
	if code, _, _ := e.post(e.client, "/check", big); code != 413 {
		t.Errorf("70 KB form = %d, want 413", code)
	}
}

func TestCheckRulesPublished(t *testing.T) {
	e := newCheckEnv(t)
	code, body := e.get(e.client, "/check/rules")
	if code != 200 || !strings.Contains(body, triage.RulesVersion) {
		t.Fatalf("rules page = %d", code)
	}
	for _, r := range triage.Rules() {
		if !strings.Contains(body, `id="rule-`+r.ID+`"`) {
			t.Errorf("rule %s not published", r.ID)
		}
	}
	code, body = e.get(e.client, "/api/v1/rules")
	var out struct {
		RulesVersion string `json:"rules_version"`
		Rules        []struct{ ID string }
	}
	if code != 200 || json.Unmarshal([]byte(body), &out) != nil || out.RulesVersion != triage.RulesVersion || len(out.Rules) != len(triage.Rules()) {
		t.Errorf("rules API = %d %+v", code, out)
	}
}
