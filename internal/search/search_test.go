package search

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

func search(t *testing.T, ix *Index, q string, limit int) Results {
	t.Helper()
	r, err := ix.Search(context.Background(), q, limit)
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	return r
}

func slugs(hits []Hit) []string {
	var s []string
	for _, h := range hits {
		s = append(s, h.Slug)
	}
	return s
}

// TestRankingOnContent searches the real articles and routines, so a
// content change that buries a key page fails here.
func TestRankingOnContent(t *testing.T) {
	ix := contentIx(t)
	tests := []struct {
		query string
		first []string // any of these may come first
		top3  []string // each of these must be in the top 3
	}{
		{"sciatica", []string{"sciatica"}, nil},
		{"tennis ball", []string{"tennis-ball-lower-back", "tennis-ball-upper-back"}, []string{"self-massage-at-home"}},
		{"pregnant", []string{"back-pain-in-pregnancy", "prenatal-massage"}, nil},
		{"deep tissue", []string{"massage-techniques"}, nil},
		{"when to avoid", []string{"when-to-avoid-massage"}, nil},
		{"foam rol", []string{"foam-roller-upper-back"}, nil},
		{"get help", []string{"get-help-now"}, nil},
		{"Get help now!", []string{"get-help-now"}, nil},
		{"stretching", []string{"knee-to-chest", "massage-techniques", "staying-active"}, nil},
		{"heat", []string{"heat-and-gentle-movement"}, nil},
		{"side effects", []string{"massage-side-effects"}, nil},
		{"therapist", []string{"finding-a-massage-therapist"}, nil},
		{"evidence", []string{"massage-evidence"}, nil},
		{"reflexology", []string{"foot-massage-and-reflexology"}, nil},
		{"massage gun", []string{"handheld-massager"}, nil},
		{"how many sessions", []string{"how-many-massage-sessions"}, nil},
		// People's own words (also_known_as): general ones lead to the
		// self-care page most people need first.
		{"back hurts", []string{"staying-active"}, nil},
		{"my back hurts", []string{"staying-active"}, nil},
		{"bad back", []string{"staying-active"}, nil},
		{"pulled muscle", []string{"staying-active"}, nil},
		{"lumbago", []string{"staying-active"}, nil},
		{"gardening", []string{"staying-active"}, nil},
		{"put my back out", []string{"staying-active", "flare-up-plan"}, nil},
		{"slipped disc", []string{"sciatica"}, nil},
		{"trapped nerve", []string{"sciatica"}, nil},
		{"lifting", []string{"lifting-and-preventing-back-pain"}, nil},
		{"sick note", []string{"back-pain-and-work"}, nil},
		{"painkillers", []string{"medicines-for-back-pain"}, nil},
		{"stiff neck", []string{"neck-pain"}, nil},
		{"mattress", []string{"sleep-and-back-pain"}, nil},
		{"ankylosing spondylitis", []string{"inflammatory-back-pain"}, nil},
		{"mri", []string{"scans-for-back-pain"}, nil},
		{"kidney", []string{"pain-that-is-not-from-the-spine"}, nil},
		{"exercises", []string{"exercise-and-walking"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			r := search(t, ix, tt.query, 10)
			got := slugs(r.Hits)
			t.Logf("%q → %v", tt.query, got[:min(3, len(got))])
			if len(got) == 0 {
				t.Fatalf("no hits")
			}
			if !slices.Contains(tt.first, got[0]) {
				t.Errorf("first hit %s, want one of %v (all: %v)", got[0], tt.first, got)
			}
			for _, s := range tt.top3 {
				if !slices.Contains(got[:min(3, len(got))], s) {
					t.Errorf("%s not in top 3 %v", s, got)
				}
			}
			if r.Partial || len(r.Suggestions) > 0 {
				t.Errorf("Partial=%v Suggestions=%v, want a full match", r.Partial, r.Suggestions)
			}
		})
	}
}

// TestStemming: the porter tokenizer matches other forms of a word.
func TestStemming(t *testing.T) {
	ix := contentIx(t)
	for _, q := range []string{"massages", "massaging"} {
		r := search(t, ix, q, 5)
		if len(r.Hits) == 0 {
			t.Fatalf("%q: no hits", q)
		}
		if h := r.Hits[0]; h.Kind != "article" || !strings.Contains(strings.ToLower(h.Title), "massage") {
			t.Errorf("%q: first hit %s %q, want a massage article", q, h.Kind, h.Title)
		}
	}
}

// TestHostileQueries: nothing a visitor types is an error.
func TestHostileQueries(t *testing.T) {
	ix := contentIx(t)
	tests := map[string]string{
		"quote":           `"`,
		"two quotes":      `""`,
		"unbalanced":      `"unbalanced`,
		"star":            `*`,
		"OR":              `OR`,
		"NOT":             `NOT massage`,
		"minus":           `-`,
		"column filter":   `title:massage`,
		"braces":          `{title body}: massage`,
		"parens":          `(((`,
		"NEAR":            `NEAR(a b)`,
		"AND OR":          `a AND OR b`,
		"NUL":             "\x00",
		"NUL inside":      "mass\x00age",
		"markers":         "\x02massage\x03",
		"invalid UTF-8":   "\xff\xfe massage \xc3",
		"100 KB":          strings.Repeat("a ", 50_000),
		"100 KB word":     strings.Repeat("massage", 15_000),
		"emoji":           "💆‍♀️ 🎾",
		"caret":           `^massage`,
		"plus":            `+massage`,
		"prefix star":     `mass*`,
		"SQL":             `'; DROP TABLE pages; --`,
		"rank":            `rank MATCH 'x'`,
		"accents":         "café naïve",
		"combining alone": "\u0301 \u0301massage",
		"CJK":             "按摩",
		"RTL":             "تدليك",
		"zero width":      "mas\u200bsage",
		"only stop words": "how to",
		"digits":          "999 111",
		"joiners":         "-- '' self-- -care don't",
	}
	for name, q := range tests {
		t.Run(name, func(t *testing.T) {
			r := search(t, ix, q, 0)
			if !utf8.ValidString(r.Query) || utf8.RuneCountInString(r.Query) > MaxQueryRunes {
				t.Errorf("Query %q: invalid or too long", r.Query)
			}
			for _, h := range r.Hits {
				for _, f := range h.Snippet {
					if strings.ContainsAny(f.Text, "\x02\x03") {
						t.Errorf("marker leaked into fragment %q", f.Text)
					}
				}
			}
		})
	}
}

func TestEmptyQuery(t *testing.T) {
	ix := contentIx(t)
	for _, q := range []string{"", "   ", "\t\n", "!!!", "🎾", `"*"`} {
		r := search(t, ix, q, 0)
		if len(r.Hits) != 0 || len(r.Suggestions) != 0 || r.Partial {
			t.Errorf("%q: got %+v, want nothing", q, r)
		}
	}
}

func TestLimit(t *testing.T) {
	ix := contentIx(t)
	tests := []struct{ limit, want int }{{0, 20}, {-1, 20}, {3, 3}, {1, 1}}
	for _, tt := range tests {
		// "back" is on every page, so there are always enough hits.
		if got := len(search(t, ix, "back", tt.limit).Hits); got != tt.want {
			t.Errorf("limit %d: %d hits, want %d", tt.limit, got, tt.want)
		}
	}
}

// TestPartialFallback: when no page has every word, pages with some of
// them are shown, marked Partial, with suggestions for the typo.
func TestPartialFallback(t *testing.T) {
	ix := contentIx(t)
	r := search(t, ix, "sciatica xylophone", 5)
	if !r.Partial || len(r.Hits) == 0 || r.Hits[0].Slug != "sciatica" {
		t.Errorf("got Partial=%v hits %v, want partial hits led by sciatica", r.Partial, slugs(r.Hits))
	}
}

func TestSuggestions(t *testing.T) {
	ix := contentIx(t)
	tests := []struct {
		query string
		want  func([]Suggestion) bool
		desc  string
	}{
		{"sciatca", func(s []Suggestion) bool {
			return len(s) > 0 && s[0] == Suggestion{Text: "Sciatica", Kind: "article", Slug: "sciatica"}
		}, "Sciatica (the article) first"},
		{"tenis bal", func(s []Suggestion) bool {
			return slices.ContainsFunc(s, func(x Suggestion) bool { return strings.Contains(strings.ToLower(x.Text), "tennis") })
		}, "something tennis-related"},
		{"pregnacy", func(s []Suggestion) bool {
			return slices.ContainsFunc(s, func(x Suggestion) bool { return x.Text == "pregnancy" && x.Slug == "" })
		}, "the pregnancy tag"},
		{"zzzzqqq", func(s []Suggestion) bool { return len(s) == 0 }, "nothing"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			r := search(t, ix, tt.query, 5)
			t.Logf("%q → hits %v, suggestions %v", tt.query, slugs(r.Hits), r.Suggestions)
			if !tt.want(r.Suggestions) {
				t.Errorf("suggestions %v, want %s", r.Suggestions, tt.desc)
			}
			if len(r.Suggestions) > maxSuggestions {
				t.Errorf("%d suggestions, want at most %d", len(r.Suggestions), maxSuggestions)
			}
		})
	}
	if r := search(t, ix, "zzzzqqq", 5); len(r.Hits) != 0 {
		t.Errorf("zzzzqqq: hits %v", slugs(r.Hits))
	}
}

func TestSnippetMarksMatches(t *testing.T) {
	ix := contentIx(t)
	r := search(t, ix, "massage", 5)
	if len(r.Hits) == 0 {
		t.Fatal("no hits")
	}
	for _, h := range r.Hits {
		if !slices.ContainsFunc(h.Snippet, func(f Fragment) bool {
			return f.Marked && strings.EqualFold(f.Text, "massage")
		}) {
			t.Errorf("%s: no Marked \"massage\" in %+v", h.Slug, h.Snippet)
		}
	}
}

// TestSnippetFallsBackToSummary: a word only in the title or summary
// shows the highlighted summary, not the body's first words.
func TestSnippetFallsBackToSummary(t *testing.T) {
	ix, err := New([]Doc{{Kind: "article", Slug: "s", Title: "Sciatica", Summary: "Leg pain from sciatica.", Body: "Nothing relevant here."}})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	r := search(t, ix, "sciatica", 5)
	want := []Fragment{{"Leg pain from ", false}, {"sciatica", true}, {".", false}}
	if len(r.Hits) != 1 || !slices.Equal(r.Hits[0].Snippet, want) {
		t.Errorf("got %+v, want one hit with snippet %+v", r.Hits, want)
	}
}

// TestConcurrentSearch shares one Index between goroutines; run it with
// -race after touching Index.
func TestConcurrentSearch(t *testing.T) {
	ix := contentIx(t)
	queries := []string{"sciatica", "tennis ball", "sciatca", "when to avoid", `"`, "massage"}
	var wg sync.WaitGroup
	errs := make(chan error, 8*len(queries))
	for g := range 8 {
		wg.Go(func() {
			for i := range queries {
				q := queries[(g+i)%len(queries)]
				if _, err := ix.Search(context.Background(), q, 5); err != nil {
					errs <- fmt.Errorf("%q: %w", q, err)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestCanceledContext(t *testing.T) {
	ix := contentIx(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ix.Search(ctx, "massage", 5); err == nil {
		t.Error("Search with a canceled context: no error")
	}
	// The index still works afterwards.
	if r := search(t, ix, "sciatica", 5); len(r.Hits) == 0 {
		t.Error("no hits after a canceled search")
	}
}

// TestIndexesAreSeparate: each Index has its own in-memory database.
func TestIndexesAreSeparate(t *testing.T) {
	a, err := New([]Doc{{Kind: "article", Slug: "a", Title: "Alpha"}})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := search(t, b, "alpha", 5).Hits; len(got) != 0 {
		t.Errorf("empty index found %v", slugs(got))
	}
	if err := b.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if got := search(t, a, "alpha", 5).Hits; len(got) != 1 {
		t.Errorf("index a after closing b: %v", slugs(got))
	}
}

// benchQueries are what people type, in their own words, including one
// word on every page ("massage") and a misspelling; BenchmarkSearch reports
// the median time over them (docs/performance.md records it).
var benchQueries = []string{
	"back hurts", "bad back", "pulled muscle", "lumbago", "slipped disc", "trapped nerve",
	"sciatica", "sciatca", "tennis ball", "foam roller", "massage", "deep tissue",
	"pregnant", "sleep", "lifting", "ibuprofen", "stretches", "neck pain",
	"when to see a doctor", "work", "scan",
}

func BenchmarkSearch(b *testing.B) {
	ix := contentIx(b)
	ctx := context.Background()
	times := make([]float64, 0, len(benchQueries))
	for _, q := range benchQueries {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				if _, err := ix.Search(ctx, q, 20); err != nil {
					b.Fatal(err)
				}
			}
			times = append(times, float64(b.Elapsed().Nanoseconds())/float64(b.N))
		})
	}
	// The median over the queries, as its own line for make bench.
	b.Run("median", func(b *testing.B) {
		if len(times) == 0 {
			b.Skip("needs the query benchmarks above: run -bench BenchmarkSearch")
		}
		for b.Loop() {
		}
		sorted := slices.Clone(times)
		slices.Sort(sorted)
		b.ReportMetric(sorted[len(sorted)/2]/1e3, "median-µs/query")
		b.ReportMetric(sorted[len(sorted)-1]/1e3, "max-µs/query")
	})
}
