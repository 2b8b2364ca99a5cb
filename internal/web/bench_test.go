package web

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"backwise/internal/paths"
	"backwise/internal/store"
)

// Micro-benchmarks of the hot paths, through the real router and a real
// SQLite file; `make bench` runs the load test with wrk.

func BenchmarkCachedArticle(b *testing.B) {
	s, _, _, _ := testServerAt(&testing.T{}, today, filepath.Join(b.TempDir(), "b.db"))
	req := httptest.NewRequest("GET", "/articles/when-to-avoid-massage", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	s.ServeHTTP(httptest.NewRecorder(), req)
	b.ReportAllocs()
	for b.Loop() {
		s.ServeHTTP(httptest.NewRecorder(), req)
	}
}

// keeper is the visitor a benchmark keeps results for. A visitor keeps at
// most store.MaxAssessments results, so a new one takes over before the
// cap (the first save of each makes the visitor and its cookie).
type keeper struct {
	cookie *http.Cookie
	kept   int
}

// addTo sends the visitor's cookie, if there is one yet.
func (k *keeper) addTo(req *http.Request) {
	if k.cookie != nil {
		req.AddCookie(k.cookie)
	}
}

// saved counts a kept result and takes the new visitor's cookie.
func (k *keeper) saved(rec *httptest.ResponseRecorder) {
	if k.kept++; k.cookie == nil {
		for _, c := range rec.Result().Cookies() {
			if c.Name == visitorCookie {
				k.cookie = c
			}
		}
	} else if k.kept == store.MaxAssessments {
		k.cookie, k.kept = nil, 0
	}
}

// BenchmarkKeptResult keeps a result through the JSON API, the same
// engine and store work as keeping one from the questionnaire's pages.
func BenchmarkKeptResult(b *testing.B) {
	s, _, _, _ := testServerAt(&testing.T{}, today, filepath.Join(b.TempDir(), "b.db"))
	s.writeLimit = nil
	body := `{"answers":` + benignJSONString() + `,"save":true}`
	var k keeper
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("POST", "/api/v1/assessments", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		k.addTo(req)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusCreated {
			b.Fatalf("status %d after %d results", rec.Code, k.kept)
		}
		k.saved(rec)
	}
}

// BenchmarkKeepFromForm is what the "Keep this result" button sends: the
// answers in progress in the sealed bw_check cookie, an empty form, and a
// 303. It is make bench's kept-result run, in process.
func BenchmarkKeepFromForm(b *testing.B) {
	s, _, _, _ := testServerAt(&testing.T{}, today, filepath.Join(b.TempDir(), "b.db"))
	s.writeLimit = nil
	mint := httptest.NewRecorder()
	if err := s.saveCheck(mint, httptest.NewRequest("GET", paths.Check, nil), benignAnswers(), nil); err != nil {
		b.Fatal(err)
	}
	check := mint.Result().Cookies()[0]
	var k keeper
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("POST", paths.CheckKeep, strings.NewReader(""))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.AddCookie(check)
		k.addTo(req)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusSeeOther || !strings.HasPrefix(rec.Header().Get("Location"), "/check/results/") {
			b.Fatalf("status %d to %q after %d results", rec.Code, rec.Header().Get("Location"), k.kept)
		}
		k.saved(rec)
	}
}
