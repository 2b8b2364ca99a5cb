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
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"backwise/content"
	"backwise/internal/library"
	"backwise/internal/paths"
	"backwise/internal/triage"
	"backwise/static"
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

// benignAnswers is a self-care case: 35, 2 days of mild improving lower
// back pain like before, no warning signs.
func benignAnswers() triage.Answers {
	a, errs, err := triage.DecodeAnswers([]byte(benignJSONString()))
	if err != nil || errs != nil {
		panic("benign answers do not decode")
	}
	return a
}

// answer runs the questionnaire in browser c as a person would: start,
// then each page the server redirects to, answering it from a, until the
// server leaves the questions. It returns the last location and checks
// that every POST answered 303 and every page 200.
func (e *checkEnv) answer(c *http.Client, a triage.Answers) string {
	e.t.Helper()
	values := url.Values(a.FormValues())
	code, _, h := e.post(c, paths.CheckStart, nil)
	if code != http.StatusSeeOther {
		e.t.Fatalf("start = %d", code)
	}
	loc := h.Get("Location")
	for range 20 {
		if !strings.HasPrefix(loc, "/check/q/") {
			return loc
		}
		if code, body := e.get(c, loc); code != 200 {
			e.t.Fatalf("GET %s = %d\n%s", loc, code, body)
		}
		code, body, h := e.post(c, loc, values)
		if code != http.StatusSeeOther {
			e.t.Fatalf("POST %s = %d, want 303\n%s", loc, code, body)
		}
		next := h.Get("Location")
		if next == loc {
			_, body := e.get(c, loc)
			e.t.Fatalf("%s did not accept the answers: %s", loc, texts(parseHTML(e.t, body), "error-summary"))
		}
		loc = next
	}
	e.t.Fatal("the questionnaire did not end")
	return ""
}

// resultOf answers the questions and shows the advice.
func (e *checkEnv) resultOf(c *http.Client, a triage.Answers) *html.Node {
	e.t.Helper()
	loc := e.answer(c, a)
	if loc == paths.CheckAnswers {
		code, _, h := e.post(c, paths.CheckAnswers, nil)
		if code != http.StatusSeeOther {
			e.t.Fatalf("see my advice = %d", code)
		}
		loc = h.Get("Location")
	}
	if loc != paths.CheckNow {
		e.t.Fatalf("the questions ended at %s", loc)
	}
	code, body := e.get(c, loc)
	if code != 200 {
		e.t.Fatalf("result = %d", code)
	}
	return parseHTML(e.t, body)
}

// HTML helpers: tests look at elements found by data-testid, not at
// substrings anywhere in the page.

func parseHTML(t *testing.T, body string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

// all returns every element under n for which match is true, in order.
func all(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func byTestID(n *html.Node, id string) []*html.Node {
	return all(n, func(x *html.Node) bool { return attr(x, "data-testid") == id })
}

func byTag(n *html.Node, tag string) []*html.Node {
	return all(n, func(x *html.Node) bool { return x.Data == tag })
}

// text is the visible text under n, with spaces collapsed.
func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// texts joins the text of every element with a data-testid.
func texts(doc *html.Node, id string) string {
	var out []string
	for _, n := range byTestID(doc, id) {
		out = append(out, text(n))
	}
	return strings.Join(out, " | ")
}

func outcomeOf(t *testing.T, doc *html.Node) string {
	t.Helper()
	r := byTestID(doc, "result")
	if len(r) != 1 {
		t.Fatal("no result on the page")
	}
	return attr(r[0], "data-outcome")
}

func TestCheckPagesUsePostRedirectGet(t *testing.T) {
	e := newCheckEnv(t)
	c := e.client
	code, body := e.get(c, paths.Check)
	doc := parseHTML(t, body)
	if code != 200 || !strings.Contains(texts(doc, "check-scope"), "doctor, a physiotherapist or a massage therapist") {
		t.Fatalf("start page = %d, scope %q", code, texts(doc, "check-scope"))
	}
	if len(byTestID(doc, "warning-signs")) != 1 {
		t.Error("the start page does not show the emergency list from the rule table")
	}
	code, _, h := e.post(c, paths.CheckStart, nil)
	if code != http.StatusSeeOther || h.Get("Location") != "/check/q/emergency" {
		t.Fatalf("start = %d %q", code, h.Get("Location"))
	}
	cookie := h.Get("Set-Cookie")
	for _, want := range []string{"bw_check=", "HttpOnly", "SameSite=Strict", "Path=/check"} {
		if !strings.Contains(cookie, want) {
			t.Errorf("session cookie %q lacks %s", cookie, want)
		}
	}
	code, body = e.get(c, "/check/q/emergency")
	doc = parseHTML(t, body)
	if code != 200 || texts(doc, "progress") != "Question 1 of about 4" || attr(byTestID(doc, "back")[0], "href") != "/check" {
		t.Fatalf("first page = %d, progress %q", code, texts(doc, "progress"))
	}
	// Nothing ticked: 303 back to the page, which shows the errors once
	// with 422, then (on refresh) the page as it was.
	code, _, h = e.post(c, "/check/q/emergency", nil)
	if code != http.StatusSeeOther || h.Get("Location") != "/check/q/emergency" {
		t.Fatalf("empty submit = %d %q", code, h.Get("Location"))
	}
	code, body = e.get(c, "/check/q/emergency")
	doc = parseHTML(t, body)
	if code != 422 || len(byTestID(doc, "error-summary")) != 1 || !strings.HasPrefix(text(byTag(doc, "title")[0]), "Error:") {
		t.Fatalf("after an empty submit = %d", code)
	}
	if code, body = e.get(c, "/check/q/emergency"); code != 200 || len(byTestID(parseHTML(t, body), "error-summary")) != 0 {
		t.Errorf("refresh after the error = %d, still showing the error", code)
	}
	// A bad age keeps the visitor's other answers and says what is wrong.
	e.post(c, "/check/q/emergency", url.Values{"emergency_signs": {"none"}})
	about := url.Values{"age": {"abc"}, "duration": {"under_3_days"}, "back_pain_before": {"yes"}, "intensity": {"3"}, "location": {"lower"}, "trend": {"improving"}}
	e.post(c, "/check/q/about", about)
	code, body = e.get(c, "/check/q/about")
	doc = parseHTML(t, body)
	age := all(doc, func(n *html.Node) bool { return attr(n, "name") == "age" })
	dur := all(doc, func(n *html.Node) bool { return attr(n, "value") == "under_3_days" })
	if code != 422 || attr(age[0], "value") != "abc" || len(dur) != 1 || attr(dur[0], "checked") == "" && !hasAttr(dur[0], "checked") {
		t.Fatalf("bad age = %d: the answers were not kept", code)
	}
	about.Set("age", "12")
	e.post(c, "/check/q/about", about)
	if _, body = e.get(c, "/check/q/about"); !strings.Contains(texts(parseHTML(t, body), "error-summary"), "adults") {
		t.Error("age 12 does not get the under-16 message")
	}
	about.Set("age", "35")
	if code, _, h = e.post(c, "/check/q/about", about); code != http.StatusSeeOther || h.Get("Location") != "/check/q/conditions" {
		t.Fatalf("about = %d %q", code, h.Get("Location"))
	}
	// Back works as a link, and a page shows what was answered.
	code, body = e.get(c, "/check/q/conditions")
	doc = parseHTML(t, body)
	if attr(byTestID(doc, "back")[0], "href") != "/check/q/about" || texts(doc, "progress") != "Question 3 of about 4" {
		t.Errorf("conditions page: back %q, progress %q", attr(byTestID(doc, "back")[0], "href"), texts(doc, "progress"))
	}
	_, body = e.get(c, "/check/q/about")
	if age := all(parseHTML(t, body), func(n *html.Node) bool { return attr(n, "name") == "age" }); attr(age[0], "value") != "35" {
		t.Error("going back does not show the answer given")
	}
	// Skipping ahead leads back to the first unanswered page.
	if code, _ := e.get(c, "/check/q/symptoms"); code != http.StatusSeeOther {
		t.Errorf("skipping ahead = %d, want a redirect", code)
	}
	// A follow-up that is not asked redirects onwards.
	if code, _ := e.get(c, "/check/q/pregnancy"); code != http.StatusSeeOther {
		t.Errorf("an unasked follow-up = %d, want a redirect", code)
	}
	if code, _ := e.get(c, "/check/q/nope"); code != 404 {
		t.Errorf("unknown page = %d", code)
	}
	if e.rows("visitors") != 0 || e.rows("assessments") != 0 {
		t.Error("answering wrote to the database")
	}
}

func hasAttr(n *html.Node, name string) bool {
	return slices.ContainsFunc(n.Attr, func(a html.Attribute) bool { return a.Key == name })
}

func TestCheckAnswersStayInTheBrowserAndAreSealed(t *testing.T) {
	e := newCheckEnv(t)
	a := benignAnswers()
	a.Location = []triage.Location{triage.LocationNeckShoulder}
	a.SetYesNo(triage.KeyNeckClumsyHands, false)
	a.SetYesNo(triage.KeyNeckSuddenHeadache, false)
	a.SetYesNo(triage.KeyNeckNerveSigns, false)
	a.SetYesNo(triage.KeyNeckFeverStiff, false)
	loc := e.answer(e.client, a)
	if loc != paths.CheckAnswers {
		t.Fatalf("ended at %s", loc)
	}
	u, _ := url.Parse(e.srv.URL + "/check")
	var value string
	for _, ck := range e.client.Jar.Cookies(u) {
		if ck.Name == checkCookie {
			value = ck.Value
		}
	}
	if value == "" || len(value) > maxCheckCookie {
		t.Fatalf("session cookie has %d bytes", len(value))
	}
	for _, plain := range []string{"neck_shoulder", "under_3_days", "improving", "emergency_signs"} {
		if strings.Contains(value, plain) {
			t.Errorf("the cookie shows %q in clear", plain)
		}
	}
	if e.rows("visitors") != 0 || e.rows("assessments") != 0 {
		t.Error("answers reached the database before the visitor kept them")
	}
	if strings.Contains(e.logs.String(), "neck") || strings.Contains(e.logs.String(), "age=") {
		t.Error("answers reached the log")
	}
	// A tampered cookie is a fresh start, not an error page.
	jar := e.client.Jar
	jar.SetCookies(u, []*http.Cookie{{Name: checkCookie, Value: value[:len(value)-4] + "AAAA", Path: "/check"}})
	if code, _ := e.get(e.client, paths.CheckAnswers); code != http.StatusSeeOther {
		t.Errorf("tampered cookie = %d, want a redirect to the first question", code)
	}
	// A browser that sends no cookie at all is told why it cannot go on.
	code, body := e.get(newClient(), "/check/q/symptoms")
	if code != 400 || !strings.Contains(body, "cookie") {
		t.Errorf("no cookie = %d", code)
	}
}

func TestCheckChangeReturnsToTheSummary(t *testing.T) {
	e := newCheckEnv(t)
	c := e.client
	if loc := e.answer(c, benignAnswers()); loc != paths.CheckAnswers {
		t.Fatalf("ended at %s", loc)
	}
	code, body := e.get(c, paths.CheckAnswers)
	doc := parseHTML(t, body)
	rows := byTestID(doc, "your-answers")
	if code != 200 || len(rows) != 1 {
		t.Fatalf("summary = %d", code)
	}
	changes := all(rows[0], func(n *html.Node) bool { return n.Data == "a" && strings.Contains(attr(n, "href"), "change=1") })
	if len(changes) < 5 {
		t.Fatalf("only %d Change links", len(changes))
	}
	// Change the age: back to the summary.
	about := url.Values(benignAnswers().FormValues())
	about.Set("age", "40")
	code, _, h := e.post(c, paths.CheckPage(triage.PageAbout, true), about)
	if code != http.StatusSeeOther || h.Get("Location") != paths.CheckAnswers {
		t.Fatalf("after a change = %d %q", code, h.Get("Location"))
	}
	// Tick "pregnant": the new follow-up comes first, then the summary.
	code, _, h = e.post(c, paths.CheckPage(triage.PageConditions, true), url.Values{"conditions": {"pregnant"}})
	if code != http.StatusSeeOther || h.Get("Location") != paths.CheckPage(triage.PagePregnancy, true) {
		t.Fatalf("after ticking pregnant = %d %q", code, h.Get("Location"))
	}
	code, _, h = e.post(c, paths.CheckPage(triage.PagePregnancy, true), url.Values{"pregnancy_signs": {"none"}})
	if code != http.StatusSeeOther || h.Get("Location") != paths.CheckAnswers {
		t.Fatalf("after the follow-up = %d %q", code, h.Get("Location"))
	}
	// Tick the neck with a neck emergency, then untick the neck: the old
	// neck answer must not count any more.
	about.Set("location", "neck_shoulder")
	e.post(c, paths.CheckPage(triage.PageAbout, true), about)
	code, _, h = e.post(c, paths.CheckPage(triage.PageNeck, true), url.Values{"neck_signs": {"neck_clumsy_hands"}})
	if h.Get("Location") != paths.CheckAnswers {
		t.Fatalf("after the neck page = %d %q", code, h.Get("Location"))
	}
	about.Set("location", "lower")
	e.post(c, paths.CheckPage(triage.PageAbout, true), about)
	e.post(c, paths.CheckAnswers, nil)
	_, body = e.get(c, paths.CheckNow)
	if got := outcomeOf(t, parseHTML(t, body)); got != "self_care" {
		t.Errorf("after unticking the neck the outcome is %s", got)
	}
}

func TestCheckEmergencyEndsEarlyWithCallButton(t *testing.T) {
	for _, tc := range []struct {
		name string
		page string
		form url.Values
	}{
		{"emergency page", triage.PageEmergency, url.Values{"emergency_signs": {"tearing_pain"}}},
		{"neck page", triage.PageNeck, url.Values{"neck_signs": {"neck_fever_stiff"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newCheckEnv(t)
			c := e.client
			e.post(c, paths.CheckStart, nil)
			if tc.page == triage.PageNeck {
				e.post(c, "/check/q/emergency", url.Values{"emergency_signs": {"none"}})
				e.post(c, "/check/q/about", url.Values{"age": {"40"}, "duration": {"under_3_days"}, "back_pain_before": {"yes"},
					"intensity": {"6"}, "location": {"neck_shoulder"}, "trend": {"same"}})
			}
			code, _, h := e.post(c, paths.CheckPage(tc.page, false), tc.form)
			if code != http.StatusSeeOther || h.Get("Location") != paths.CheckNow {
				t.Fatalf("emergency sign = %d %q", code, h.Get("Location"))
			}
			_, body := e.get(c, paths.CheckNow)
			doc := parseHTML(t, body)
			if outcomeOf(t, doc) != "emergency" {
				t.Fatalf("outcome %s", outcomeOf(t, doc))
			}
			call := byTestID(doc, "call")
			if len(call) != 1 || attr(call[0], "href") != "tel:999" {
				t.Errorf("no call button for 999: %v", texts(doc, "call"))
			}
			card := texts(doc, "care-card")
			if !strings.HasPrefix(card, "Immediate action required") || !strings.Contains(card, "Do not drive yourself") {
				t.Errorf("care card = %q", card)
			}
			if strings.Contains(body, `id="read-title"`) || strings.Contains(body, "keep-form") {
				t.Error("an emergency result offers reading or keeping")
			}
		})
	}
}

func TestCheckResultShowsAnswersNotesAndSafetyNet(t *testing.T) {
	e := newCheckEnv(t)
	a := benignAnswers()
	a.SetYesNo(triage.KeyOsteoporosis, true)
	a.SetYesNo(triage.KeyPregnant, true)
	for _, k := range []string{triage.KeyPregHeavyBleeding, triage.KeyPregBleeding, triage.KeyPregContractions, triage.KeyPregFluid, triage.KeyPregFeverOrPeeing,
		triage.KeyPregSidePain, triage.KeyPregBabyMovesLess, triage.KeyPregHeadacheVision} {
		a.SetYesNo(k, false)
	}
	a.SetYesNo(triage.KeyMinorFall, true)
	a.SetYesNo(triage.KeyCoughOrLift, false)
	doc := e.resultOf(e.client, a)
	if got := outcomeOf(t, doc); got != "urgent" {
		t.Fatalf("fragile bones and a minor fall = %s", got)
	}
	if call := byTestID(doc, "call"); len(call) != 1 || attr(call[0], "href") != "tel:111" {
		t.Error("an urgent result has no call button for 111")
	}
	if !strings.HasPrefix(texts(doc, "care-card"), "Urgent advice") {
		t.Errorf("care card = %q", texts(doc, "care-card"))
	}
	// The reason names both answers that led to it.
	reason := texts(doc, "reason-answers")
	for _, want := range []string{"Osteoporosis", "fall or bump"} {
		if !strings.Contains(reason, want) {
			t.Errorf("the reason's answers %q lack %q", reason, want)
		}
	}
	// Pregnant: the maternity team is named even though another rule won.
	if !strings.Contains(texts(doc, "notes"), "maternity unit") {
		t.Errorf("notes = %q", texts(doc, "notes"))
	}
	// The safety net has the same-day signs and the pregnancy list.
	var lists []string
	for _, n := range byTestID(doc, "warning-signs") {
		lists = append(lists, attr(n, "data-list"))
	}
	if !slices.Equal(lists, []string{"emergency", "urgent", "pregnancy-emergency", "pregnancy-urgent"}) {
		t.Errorf("safety net lists = %v", lists)
	}
	if len(byTestID(doc, "cautions")) != 0 {
		t.Error("massage cautions shown on an urgent result")
	}
}

// TestCheckVignettesFormAndAPIAgree runs every clinical vignette through
// the form, page by page, and through the API: both must give the outcome
// the vignette expects.
func TestCheckVignettesFormAndAPIAgree(t *testing.T) {
	raw, err := os.ReadFile("../triage/testdata/vignettes.json")
	if err != nil {
		t.Fatal(err)
	}
	var vignettes []struct {
		Name    string          `json:"name"`
		Answers json.RawMessage `json:"answers"`
		Outcome string          `json:"outcome"`
	}
	if err := json.Unmarshal(raw, &vignettes); err != nil {
		t.Fatal(err)
	}
	if len(vignettes) < 60 {
		t.Fatalf("%d vignettes", len(vignettes))
	}
	e := newCheckEnv(t)
	for _, v := range vignettes {
		t.Run(v.Name, func(t *testing.T) {
			e.t = t
			a, errs, err := triage.DecodeAnswers(v.Answers)
			if err != nil || errs != nil {
				t.Fatal(err, errs)
			}
			_, out, _ := e.api(e.client, "POST", paths.APIAssessments, map[string]any{"answers": v.Answers}, "application/json")
			if out["outcome"] != v.Outcome {
				t.Errorf("API says %v, want %s", out["outcome"], v.Outcome)
			}
			if got := outcomeOf(t, e.resultOf(newClient(), a)); got != v.Outcome {
				t.Errorf("the form says %s, want %s", got, v.Outcome)
			}
		})
	}
}

func TestCheckKeepStoresOnlyOnRequest(t *testing.T) {
	e := newCheckEnv(t)
	c := e.client
	e.resultOf(c, benignAnswers())
	if e.rows("visitors") != 0 || e.rows("assessments") != 0 {
		t.Fatal("a result was stored without asking")
	}
	code, _, h := e.post(c, paths.CheckKeep, nil)
	loc := h.Get("Location")
	if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/check/results/") {
		t.Fatalf("keep = %d %q", code, loc)
	}
	if cookie := h.Get("Set-Cookie"); !strings.Contains(cookie, "HttpOnly") || !strings.Contains(cookie, "SameSite=Lax") {
		t.Errorf("visitor cookie = %q", cookie)
	}
	if e.rows("visitors") != 1 || e.rows("assessments") != 1 {
		t.Fatalf("rows after keep: %d visitors, %d assessments", e.rows("visitors"), e.rows("assessments"))
	}
	code, body := e.get(c, loc)
	if code != 200 || outcomeOf(t, parseHTML(t, body)) != "self_care" || !strings.Contains(body, "Result kept") {
		t.Fatalf("kept result = %d", code)
	}
	// Keeping from "check your answers" works too.
	a := benignAnswers()
	a.Intensity = new(6)
	e.answer(c, a)
	if code, _, h = e.post(c, paths.CheckAnswers, url.Values{"save": {"yes"}}); code != http.StatusSeeOther || !strings.HasPrefix(h.Get("Location"), "/check/results/") {
		t.Fatalf("keep from the summary = %d %q", code, h.Get("Location"))
	}
	if e.rows("visitors") != 1 || e.rows("assessments") != 2 {
		t.Errorf("second keep: %d visitors, %d assessments", e.rows("visitors"), e.rows("assessments"))
	}
	// Another browser sees none of it.
	id := strings.TrimSuffix(strings.TrimPrefix(loc, "/check/results/"), "?kept=1")
	other := newClient()
	if code, _ := e.get(other, "/check/results/"+id); code != 404 {
		t.Errorf("another browser reading a kept result = %d, want 404", code)
	}
	if code, _, _ := e.post(other, "/check/results/"+id+"/delete", nil); code != 404 {
		t.Errorf("another browser deleting = %d, want 404", code)
	}
	if code, _, _ := e.post(c, "/check/results/"+id+"/delete", nil); code != http.StatusSeeOther || e.rows("assessments") != 1 {
		t.Errorf("delete = %d, %d left", code, e.rows("assessments"))
	}
}

func TestCheckRulesPublished(t *testing.T) {
	e := newCheckEnv(t)
	code, body := e.get(e.client, paths.CheckRules)
	doc := parseHTML(t, body)
	if code != 200 || texts(doc, "rules-version") != triage.RulesVersion {
		t.Fatalf("rules page = %d", code)
	}
	table := byTestID(doc, "rules")[0]
	for _, r := range triage.Rules() {
		row := all(table, func(n *html.Node) bool { return attr(n, "id") == "rule-"+r.ID })
		if len(row) != 1 || !strings.Contains(text(row[0]), r.Title) {
			t.Errorf("rule %s not published with its title", r.ID)
		}
	}
	if strings.Contains(text(table), "(0)") {
		t.Error("a source shows the year 0")
	}
	if got := len(byTestID(doc, "warning-signs")); got != len(triage.SignLists()) {
		t.Errorf("%d sign lists shown, want %d", got, len(triage.SignLists()))
	}
	code, body = e.get(e.client, paths.APIRules)
	var out struct {
		RulesVersion string `json:"rules_version"`
		Rules        []struct{ ID string }
		SignLists    []struct{ ID string } `json:"sign_lists"`
	}
	if code != 200 || json.Unmarshal([]byte(body), &out) != nil || out.RulesVersion != triage.RulesVersion ||
		len(out.Rules) != len(triage.Rules()) || len(out.SignLists) != len(triage.SignLists()) {
		t.Errorf("rules API = %d %+v", code, out)
	}
}

// TestWarningSignsComeFromTheRuleTable: the home panel and Get help now show
// the lists the rules build, so no page can disagree with the questions.
func TestWarningSignsComeFromTheRuleTable(t *testing.T) {
	e := newCheckEnv(t)
	emergency, _ := triage.SignListByID("emergency")
	for _, path := range []string{"/", paths.GetHelpNow} {
		_, body := e.get(e.client, path)
		doc := parseHTML(t, body)
		var found bool
		for _, n := range byTestID(doc, "warning-signs") {
			if attr(n, "data-list") != "emergency" {
				continue
			}
			found = true
			for _, s := range emergency.Signs {
				if !strings.Contains(text(n), s) {
					t.Errorf("%s: the emergency list lacks %q", path, s)
				}
			}
		}
		if !found {
			t.Errorf("%s shows no emergency list", path)
		}
	}
	// Get help now opens with the emergency list, before its contents.
	_, body := e.get(e.client, paths.GetHelpNow)
	main := body[strings.Index(body, `id="main"`):]
	first := strings.Index(main, `data-list="emergency"`)
	if toc := strings.Index(main, `class="toc"`); first < 0 || (toc >= 0 && toc < first) {
		t.Error("Get help now does not open with the emergency list")
	}
}

// TestCheckBadAnswers: a page's bad answers are sent back through a
// redirect and shown with 422 and a clear message, and nothing is stored.
func TestCheckBadAnswers(t *testing.T) {
	e := newCheckEnv(t)
	about := func(kv ...string) url.Values {
		v := url.Values{"age": {"35"}, "duration": {"under_3_days"}, "back_pain_before": {"yes"}, "intensity": {"3"}, "location": {"lower"}, "trend": {"improving"}}
		for i := 0; i+1 < len(kv); i += 2 {
			if kv[i+1] == "" {
				v.Del(kv[i])
			} else {
				v.Set(kv[i], kv[i+1])
			}
		}
		return v
	}
	raw := func(s string) url.Values { v, _ := url.ParseQuery(s); return v }
	cases := []struct {
		name, page string
		form       url.Values
		field      string
	}{
		{"nothing ticked", "emergency", nil, "q-emergency-signs"},
		{"none and a sign", "emergency", raw("emergency_signs=none&emergency_signs=chest_pain"), "q-emergency-signs"},
		{"unknown sign", "emergency", raw("emergency_signs=headache"), "q-emergency-signs"},
		{"a sign of another page", "emergency", raw("emergency_signs=fever"), "q-emergency-signs"},
		{"age not a number", "about", about("age", "abc"), "q-age"},
		{"age negative", "about", about("age", "-5"), "q-age"},
		{"age huge", "about", about("age", "99999999999999999999999"), "q-age"},
		{"age with exponent", "about", about("age", "1e9"), "q-age"},
		{"age under 16", "about", about("age", "15"), "q-age"},
		{"age missing", "about", about("age", ""), "q-age"},
		{"age invalid UTF-8", "about", raw(about().Encode() + "&age=%ff%fe"), "q-age"},
		{"age with a NUL byte", "about", about("age", "3\x005"), "q-age"},
		{"intensity 11", "about", about("intensity", "11"), "q-intensity"},
		{"intensity decimal", "about", about("intensity", "3.5"), "q-intensity"},
		{"duration of the old questions", "about", about("duration", "3_days_to_6_weeks"), "q-duration"},
		{"unknown location", "about", about("location", "knee"), "q-location"},
		{"no location", "about", about("location", ""), "q-location"},
		{"unknown trend", "about", about("trend", "sideways"), "q-trend"},
		{"yes/no maybe", "about", about("back_pain_before", "maybe"), "q-back-pain-before"},
		{"duplicate age", "about", raw(about().Encode() + "&age=70"), "q-age"},
		{"unknown fields only", "about", raw("colour=blue&mood=bad"), "q-age"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newClient()
			e.post(c, paths.CheckStart, nil)
			if tc.page == "about" {
				e.post(c, "/check/q/emergency", url.Values{"emergency_signs": {"none"}})
			}
			before := e.dbDigest()
			code, _, h := e.post(c, "/check/q/"+tc.page, tc.form)
			if code != http.StatusSeeOther || h.Get("Location") != "/check/q/"+tc.page {
				t.Fatalf("POST = %d %q, want 303 back to the page", code, h.Get("Location"))
			}
			code, body := e.get(c, "/check/q/"+tc.page)
			doc := parseHTML(t, body)
			summary := byTestID(doc, "error-summary")
			if code != 422 || len(summary) != 1 {
				t.Fatalf("GET = %d, want 422 with an error summary", code)
			}
			links := all(summary[0], func(n *html.Node) bool { return n.Data == "a" })
			if len(links) == 0 || attr(links[0], "href") != "#"+tc.field || text(links[0]) == "" {
				t.Errorf("the first error does not link to #%s: %s", tc.field, text(summary[0]))
			}
			if target := all(doc, func(n *html.Node) bool { return attr(n, "id") == tc.field }); len(target) != 1 {
				t.Errorf("the error links to #%s, which is not on the page", tc.field)
			}
			if e.dbDigest() != before {
				t.Error("the database changed")
			}
		})
	}
}

// keepAnswers answers the questions in browser c and keeps the result,
// returning the kept result's path.
func (e *checkEnv) keepAnswers(c *http.Client, a triage.Answers) string {
	e.t.Helper()
	e.resultOf(c, a)
	code, _, h := e.post(c, paths.CheckKeep, nil)
	if code != http.StatusSeeOther {
		e.t.Fatalf("keep = %d", code)
	}
	return h.Get("Location")
}

// TestFloorAndFirmRoutines: the routines' own flags decide both the
// warning on their page and whether a result may suggest them; an
// 80-year-old who has fallen is offered no floor routine and no firm tool.
func TestFloorAndFirmRoutines(t *testing.T) {
	e := newCheckEnv(t)
	lib := e.srvLibrary()
	var floorOrFirm, other []string
	for _, r := range lib.Routines() {
		if r.Floor || r.Firm {
			floorOrFirm = append(floorOrFirm, r.Slug)
		} else {
			other = append(other, r.Slug)
		}
	}
	if len(floorOrFirm) == 0 || len(other) == 0 {
		t.Fatalf("floor or firm %v, others %v", floorOrFirm, other)
	}
	for _, slug := range floorOrFirm {
		_, body := e.get(e.client, paths.Routine(slug))
		if len(byTestID(parseHTML(t, body), "routine-falls-warning")) != 1 {
			t.Errorf("%s has no warning for people at risk of falls or with fragile bones", slug)
		}
	}
	for _, slug := range other {
		_, body := e.get(e.client, paths.Routine(slug))
		if len(byTestID(parseHTML(t, body), "routine-falls-warning")) != 0 {
			t.Errorf("%s warns about the floor or firm pressure without needing to", slug)
		}
	}
	suggested := func(a triage.Answers) []string {
		doc := e.resultOf(newClient(), a)
		var out []string
		for _, n := range all(doc, func(n *html.Node) bool { return n.Data == "a" && strings.HasPrefix(attr(n, "href"), "/routines/") }) {
			out = append(out, strings.TrimPrefix(attr(n, "href"), "/routines/"))
		}
		return out
	}
	young := suggested(benignAnswers())
	if !slices.ContainsFunc(young, func(s string) bool { return slices.Contains(floorOrFirm, s) }) {
		t.Errorf("a 35-year-old is offered no floor or firm routine at all: %v", young)
	}
	old := benignAnswers()
	old.Age = new(80)
	old.SetYesNo(triage.KeyFallsRisk, true)
	old.SetYesNo(triage.KeyMinorFall, false)
	old.SetYesNo(triage.KeyCoughOrLift, false)
	got := suggested(old)
	if len(got) == 0 {
		t.Fatal("an 80-year-old with easing pain is offered no routine")
	}
	for _, s := range got {
		if slices.Contains(floorOrFirm, s) {
			t.Errorf("an 80-year-old who has fallen is offered %s", s)
		}
	}
}

// srvLibrary is the content the test server loaded.
func (e *checkEnv) srvLibrary() *library.Library {
	site, err := LoadSite(content.FS, static.FS)
	if err != nil {
		e.t.Fatal(err)
	}
	return site.Library
}

// /check/rules reads as a public explanation: human titles, not rule ids;
// real source years, never "(0)"; nothing written for the authors.
func TestRulesPageIsForThePublic(t *testing.T) {
	s, _, _ := testServer(t, today)
	d := parsePage(t, body(t, do(t, s, "GET", "/check/rules", nil)))
	titles := d.all(`[data-testid=rules] tbody th`)
	if len(titles) < 50 {
		t.Fatalf("%d rules shown", len(titles))
	}
	idLike := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)+$`)
	for _, th := range titles {
		if title := textOf(th); idLike.MatchString(title) || title == "" {
			t.Errorf("rule title %q reads like an id", title)
		}
	}
	text := d.text(`main`)
	for _, bad := range []string{"(0)", "TODO", "FIXME", "clinical-facts", "(k)", "verify"} {
		if strings.Contains(text, bad) {
			t.Errorf("the rules page says %q", bad)
		}
	}
}
