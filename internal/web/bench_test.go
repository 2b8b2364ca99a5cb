package web

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

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

// BenchmarkKeptResult keeps a result through the JSON API, the same
// engine and store work as keeping one from the questionnaire's pages.
// A visitor keeps at most store.MaxAssessments results, so a new visitor
// takes over before the cap (the first save of each makes the visitor).
func BenchmarkKeptResult(b *testing.B) {
	s, _, _, _ := testServerAt(&testing.T{}, today, filepath.Join(b.TempDir(), "b.db"))
	s.writeLimit = nil
	body := `{"answers":` + benignJSONString() + `,"save":true}`
	var cookie *http.Cookie
	kept := 0
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("POST", "/api/v1/assessments", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if cookie != nil {
			req.AddCookie(cookie)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusCreated {
			b.Fatalf("status %d after %d results", rec.Code, kept)
		}
		if kept++; cookie == nil {
			cookie = rec.Result().Cookies()[0]
		} else if kept == store.MaxAssessments {
			cookie, kept = nil, 0
		}
	}
}
