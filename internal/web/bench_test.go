package web

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
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
func BenchmarkKeptResult(b *testing.B) {
	s, _, _, _ := testServerAt(&testing.T{}, today, filepath.Join(b.TempDir(), "b.db"))
	s.writeLimit = nil
	body := `{"answers":` + benignJSONString() + `,"save":true}`
	first := httptest.NewRequest("POST", "/api/v1/assessments", strings.NewReader(body))
	first.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, first)
	cookie := rec.Result().Cookies()[0]
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("POST", "/api/v1/assessments", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.AddCookie(cookie)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusCreated {
			b.Fatalf("status %d", rec.Code)
		}
	}
}
