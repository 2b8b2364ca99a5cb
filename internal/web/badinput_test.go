package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"backwise/internal/store"
	"backwise/migrations"
)

// dbDigest hashes every row of every table, so a test can prove a request
// changed nothing at all.
func (e *checkEnv) dbDigest() string {
	e.t.Helper()
	h := sha256.New()
	for _, q := range []string{
		`SELECT id, hex(token_hash), created_at FROM visitors ORDER BY id`,
		`SELECT id, public_id, visitor_id, answers, outcome, intensity, rules_version FROM assessments ORDER BY id`,
		`SELECT id, visitor_id, kind, slug, note FROM bookmarks ORDER BY id`,
		`SELECT visitor_id, hex(code_hash), expires_at FROM restore_codes ORDER BY visitor_id`,
	} {
		rows, err := e.raw.Query(q)
		if err != nil {
			e.t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			rows.Scan(ptrs...)
			fmt.Fprintln(h, vals...)
		}
		rows.Close()
	}
	return hex.EncodeToString(h.Sum(nil))
}

type badRequest struct {
	name        string
	method      string
	path        string
	contentType string
	body        string
	cookie      string // "a" (the seeded visitor), "b" (another), or a raw value
	header      map[string]string
	want        int
}

func TestBadInputNeverFailsOrWrites(t *testing.T) {
	e := newCheckEnv(t)
	// Visitor A owns a kept result, a bookmark and a restore code that has
	// already expired; visitor B owns nothing of A's.
	a := e.client
	e.resultOf(a, benignAnswers())
	_, _, h := e.post(a, "/check/result/keep", nil)
	idA := strings.TrimSuffix(strings.TrimPrefix(h.Get("Location"), "/check/results/"), "?kept=1")
	e.post(a, "/bookmarks", bookmark("routine", "foot-arch-roll", "add"))
	b := newClient()
	e.post(b, "/bookmarks", bookmark("article", "faq", "add"))
	cookieOf := func(c *http.Client) string {
		u, _ := url.Parse(e.srv.URL)
		for _, ck := range c.Jar.Cookies(u) {
			if ck.Name == visitorCookie {
				return ck.Value
			}
		}
		t.Fatal("no visitor cookie")
		return ""
	}
	ca, cb := cookieOf(a), cookieOf(b)
	expiredCode := e.expiredRestoreCode(ca)

	form := "application/x-www-form-urlencoded"
	jsonCT := "application/json"
	answers := benignJSONString()
	api := func(s string) string { return `{"answers":` + s + `,"save":true}` }
	withAnswer := func(key, raw string) string {
		return api(strings.Replace(answers, `"`+key+`":`, `"`+key+`":`+raw+`,"x_`+key+`":`, 1))
	}
	big := strings.Repeat("x", 100<<10)
	deep := strings.Repeat("[", 2000) + strings.Repeat("]", 2000)

	cases := []badRequest{
		// The questionnaire's pages (bad answers on a page are flashed
		// through a redirect; see TestCheckBadAnswers)
		{"check: the old single endpoint", "POST", "/check", form, "step=1&nav=next", "", nil, 405},
		{"check: a later page without the cookie", "POST", "/check/q/symptoms", form, "symptoms=none", "", nil, 400},
		{"check: unknown page", "POST", "/check/q/nope", form, "x=1", "", nil, 404},
		{"check: 100 KB body", "POST", "/check/q/emergency", form, "x=" + big, "", nil, 413},
		{"check: JSON body", "POST", "/check/q/emergency", jsonCT, `{"emergency_signs":"none"}`, "", nil, 415},
		{"check: multipart body", "POST", "/check/q/emergency", "multipart/form-data; boundary=zz", "--zz\r\nbroken", "", nil, 415},
		{"check: keep without answers", "POST", "/check/result/keep", form, "", "", nil, 400},
		{"check: tampered session cookie", "POST", "/check/q/about", form, "age=35", "", map[string]string{"Cookie": "bw_check=AAAA"}, 303},

		// The JSON API
		{"api: malformed JSON", "POST", "/api/v1/assessments", jsonCT, `{"answers": {`, "", nil, 400},
		{"api: empty body", "POST", "/api/v1/assessments", jsonCT, "", "", nil, 400},
		{"api: trailing garbage", "POST", "/api/v1/assessments", jsonCT, api(answers) + "xyz", "", nil, 400},
		{"api: not an object", "POST", "/api/v1/assessments", jsonCT, `[1,2,3]`, "", nil, 400},
		{"api: deep nesting", "POST", "/api/v1/assessments", jsonCT, deep, "", nil, 400},
		{"api: invalid UTF-8", "POST", "/api/v1/assessments", jsonCT, "{\"answers\": \"\xff\xfe\"}", "", nil, 422}, // decoded as U+FFFD, then not an object
		{"api: 100 KB body", "POST", "/api/v1/assessments", jsonCT, `{"answers":"` + big + `"}`, "", nil, 413},
		{"api: text/plain", "POST", "/api/v1/assessments", "text/plain", api(answers), "", nil, 415},
		{"api: form content type", "POST", "/api/v1/assessments", form, api(answers), "", nil, 415},
		{"api: unknown top-level field", "POST", "/api/v1/assessments", jsonCT, `{"answers":` + answers + `,"admin":true}`, "", nil, 422},
		{"api: unknown answer", "POST", "/api/v1/assessments", jsonCT, api(strings.Replace(answers, "{", `{"mood":"bad",`, 1)), "", nil, 422},
		{"api: missing answers", "POST", "/api/v1/assessments", jsonCT, `{"save":true}`, "", nil, 422},
		{"api: answers is a list", "POST", "/api/v1/assessments", jsonCT, `{"answers":[],"save":true}`, "", nil, 422},
		{"api: age as text", "POST", "/api/v1/assessments", jsonCT, withAnswer("age", `"35"`), "", nil, 422},
		{"api: age 15", "POST", "/api/v1/assessments", jsonCT, withAnswer("age", `15`), "", nil, 422},
		{"api: age 1e400", "POST", "/api/v1/assessments", jsonCT, withAnswer("age", `1e400`), "", nil, 422},
		{"api: age huge", "POST", "/api/v1/assessments", jsonCT, withAnswer("age", `123456789012345678901234567890`), "", nil, 422},
		{"api: intensity 3.5", "POST", "/api/v1/assessments", jsonCT, withAnswer("intensity", `3.5`), "", nil, 422},
		{"api: empty location", "POST", "/api/v1/assessments", jsonCT, withAnswer("location", `[]`), "", nil, 422},
		{"api: unknown location", "POST", "/api/v1/assessments", jsonCT, withAnswer("location", `["knee"]`), "", nil, 422},
		{"api: yes/no as text", "POST", "/api/v1/assessments", jsonCT, withAnswer("fever", `"no"`), "", nil, 422},
		{"api: null answer", "POST", "/api/v1/assessments", jsonCT, withAnswer("fever", `null`), "", nil, 422},
		{"api: NUL in a value", "POST", "/api/v1/assessments", jsonCT, withAnswer("trend", `"improv\u0000ing"`), "", nil, 422},
		{"api: duplicate key", "POST", "/api/v1/assessments", jsonCT, `{"answers":` + answers + `,"answers":` + answers + `}`, "", nil, 422},
		{"api: save as text", "POST", "/api/v1/assessments", jsonCT, `{"answers":` + answers + `,"save":"yes"}`, "", nil, 422},
		{"api: unknown id", "GET", "/api/v1/assessments/nope", "", "", "a", nil, 404},
		{"api: A's id without cookie", "GET", "/api/v1/assessments/" + idA, "", "", "", nil, 404},
		{"api: A's id with B's cookie", "GET", "/api/v1/assessments/" + idA, "", "", "b", nil, 404},
		{"api: garbage cookie", "GET", "/api/v1/assessments/" + idA, "", "", "<script>", nil, 404},
		{"api: unknown cookie of the right shape", "GET", "/api/v1/assessments/" + idA, "", "", store.NewToken(), nil, 404},
		{"api: PUT", "PUT", "/api/v1/assessments", jsonCT, api(answers), "", nil, 405},
		{"api: DELETE rules", "DELETE", "/api/v1/rules", "", "", "", nil, 405},
		{"api: cross-origin POST", "POST", "/api/v1/assessments", jsonCT, api(answers), "", map[string]string{"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"}, 403},

		// Bookmarks and notes
		{"bookmark: no kind", "POST", "/bookmarks", form, "slug=faq&action=add", "", nil, 400},
		{"bookmark: unknown kind", "POST", "/bookmarks", form, "kind=recipe&slug=faq&action=add", "", nil, 400},
		{"bookmark: empty slug", "POST", "/bookmarks", form, "kind=article&slug=&action=add", "", nil, 400},
		{"bookmark: 200-character slug", "POST", "/bookmarks", form, "kind=article&slug=" + strings.Repeat("a", 200) + "&action=add", "", nil, 400},
		{"bookmark: path in slug", "POST", "/bookmarks", form, "kind=article&slug=../../etc/passwd&action=add", "", nil, 404},
		{"bookmark: unknown slug", "POST", "/bookmarks", form, "kind=routine&slug=no-such-routine&action=add", "", nil, 404},
		{"bookmark: no action", "POST", "/bookmarks", form, "kind=article&slug=faq", "", nil, 400},
		{"bookmark: invalid UTF-8 slug", "POST", "/bookmarks", form, "kind=article&slug=%ff&action=add", "", nil, 400},
		{"bookmark: 100 KB body", "POST", "/bookmarks", form, "kind=article&slug=faq&action=add&x=" + big, "", nil, 413},
		{"bookmark: GET", "GET", "/bookmarks", "", "", "", nil, 405},
		{"bookmark: PATCH", "PATCH", "/bookmarks", form, "kind=article&slug=faq&action=add", "", nil, 405},
		{"bookmark: cross-origin", "POST", "/bookmarks", form, "kind=article&slug=faq&action=add", "", map[string]string{"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"}, 403},
		{"note: no visitor", "POST", "/bookmarks/note", form, "kind=article&slug=faq&note=hi", "", nil, 404},
		{"note: garbage cookie", "POST", "/bookmarks/note", form, "kind=article&slug=faq&note=hi", "garbage", nil, 404},
		{"note: item not kept", "POST", "/bookmarks/note", form, "kind=article&slug=sciatica&note=hi", "a", nil, 404},
		{"note: 501 characters", "POST", "/bookmarks/note", form, "kind=routine&slug=foot-arch-roll&note=" + strings.Repeat("n", 501), "a", nil, 422},
		{"note: NUL byte", "POST", "/bookmarks/note", form, "kind=routine&slug=foot-arch-roll&note=a%00b", "a", nil, 422},
		{"note: invalid UTF-8", "POST", "/bookmarks/note", form, "kind=routine&slug=foot-arch-roll&note=%c3%28", "a", nil, 422},
		{"note: 100 KB note", "POST", "/bookmarks/note", form, "kind=routine&slug=foot-arch-roll&note=" + big, "a", nil, 413},

		// My Backwise
		{"restore: empty code", "POST", "/me/restore", form, "code=", "", nil, 422},
		{"restore: wrong shape", "POST", "/me/restore", form, "code=12345", "", nil, 422},
		{"restore: unknown code", "POST", "/me/restore", form, "code=AAAA-BBBB-CCCC-DDDD", "", nil, 422},
		{"restore: expired code", "POST", "/me/restore", form, "code=" + expiredCode, "b", nil, 422},
		{"restore code: no visitor", "POST", "/me/restore-code", form, "", "", nil, 409},
		{"me: DELETE", "DELETE", "/me", "", "", "a", nil, 405},
		{"me: cross-origin delete", "POST", "/me/delete", form, "", "a", map[string]string{"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"}, 403},

		// Reading, static files and results
		{"article: dot-dot", "GET", "/articles/../../go.mod", "", "", "", nil, 404},
		{"article: encoded traversal", "GET", "/articles/%2e%2e%2fgo.mod", "", "", "", nil, 404},
		{"article: encoded slash", "GET", "/articles/faq%2f..%2f..%2fgo.mod", "", "", "", nil, 404},
		{"article: uppercase slug", "GET", "/articles/FAQ", "", "", "", nil, 404},
		{"article: NUL", "GET", "/articles/faq%00", "", "", "", nil, 404},
		{"static: traversal", "GET", "/static/../../go.mod", "", "", "", nil, 404},
		{"static: encoded traversal", "GET", "/static/%2e%2e/%2e%2e/go.mod", "", "", "", nil, 404},
		{"static: unhashed name", "GET", "/static/css/site.css", "", "", "", nil, 404},
		{"static: wrong hash", "GET", "/static/css/site.0000000000.css", "", "", "", nil, 404},
		{"static: source file", "GET", "/static/static.go", "", "", "", nil, 404},
		{"topic: unknown", "GET", "/topics/gossip", "", "", "", nil, 404},
		{"tag: markup", "GET", "/tags/%3Cscript%3E", "", "", "", nil, 404},
		{"routine: unknown", "GET", "/routines/no-such-routine", "", "", "", nil, 404},
		{"routines: unknown area", "GET", "/routines?area=knee", "", "", "", nil, 400},
		{"routines: NUL equipment", "GET", "/routines?equipment=%00", "", "", "", nil, 400},
		{"result: unknown id", "GET", "/check/results/nope", "", "", "a", nil, 404},
		{"result: A's result for B", "GET", "/check/results/" + idA, "", "", "b", nil, 404},
		{"result: delete A's by B", "POST", "/check/results/" + idA + "/delete", form, "", "b", nil, 404},
		{"result: delete without visitor", "POST", "/check/results/" + idA + "/delete", form, "", "", nil, 404},
		{"overlong query string", "GET", "/articles?q=" + strings.Repeat("a", 200<<10), "", "", "", nil, 431},
		{"search: POST", "POST", "/search", form, "q=x", "", nil, 405},
		{"articles: POST", "POST", "/articles", form, "", "", nil, 405},
		{"home: TRACE", "TRACE", "/", "", "", "", nil, 405},
		{"healthz: POST", "POST", "/healthz", "", "", "", nil, 405},
	}
	if len(cases) < 50 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := e.dbDigest()
			req, err := http.NewRequest(tc.method, e.srv.URL+tc.path, strings.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if tc.contentType != "" {
				req.Header.Set("Content-Type", tc.contentType)
			}
			for k, v := range tc.header {
				req.Header.Set(k, v)
			}
			switch tc.cookie {
			case "":
			case "a":
				req.AddCookie(&http.Cookie{Name: visitorCookie, Value: ca})
			case "b":
				req.AddCookie(&http.Cookie{Name: visitorCookie, Value: cb})
			default:
				req.Header.Set("Cookie", visitorCookie+"="+url.QueryEscape(tc.cookie))
			}
			res, err := http.DefaultTransport.RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != tc.want {
				t.Errorf("status = %d, want %d\n%.300s", res.StatusCode, tc.want, body)
			}
			if res.StatusCode >= 500 {
				t.Errorf("a 5xx for bad input")
			}
			ct := res.Header.Get("Content-Type")
			switch {
			case res.StatusCode == 431:
				// Go's server answers before any handler runs.
			case res.StatusCode == http.StatusSeeOther:
				// A tampered session is a fresh start: back to the first question.
				if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, "/check/q/") {
					t.Errorf("redirected to %q", loc)
				}
			case strings.HasPrefix(tc.path, "/api/"):
				if !strings.HasPrefix(ct, "application/json") || !strings.Contains(string(body), `"errors"`) {
					t.Errorf("API error is not JSON with errors: %s %.200s", ct, body)
				}
			case tc.method != "HEAD":
				if !strings.HasPrefix(ct, "text/html") || !strings.Contains(string(body), `class="site-header"`) || !strings.Contains(string(body), "<h1") {
					t.Errorf("error is not a page in the site layout: %s %.200s", ct, body)
				}
			}
			if after := e.dbDigest(); after != before {
				t.Errorf("the database changed")
			}
		})
	}
}

// expiredRestoreCode gives visitor token a restore code that expired a day
// before the test server's clock.
func (e *checkEnv) expiredRestoreCode(token string) string {
	e.t.Helper()
	s, err := store.Open(context.Background(), e.dbPath, migrations.FS)
	if err != nil {
		e.t.Fatal(err)
	}
	defer s.Close()
	v, err := s.VisitorByToken(context.Background(), token)
	if err != nil {
		e.t.Fatal(err)
	}
	code, _, err := s.NewRestoreCode(context.Background(), v, today.Add(-31*24*time.Hour))
	if err != nil {
		e.t.Fatal(err)
	}
	return code
}
