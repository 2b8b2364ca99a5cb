package search

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSanitize: whatever the input, Sanitize does not panic, and what it
// returns is valid UTF-8 and short. Seeds are in testdata/fuzz/FuzzSanitize.
func FuzzSanitize(f *testing.F) {
	f.Fuzz(func(t *testing.T, q string) {
		fts, display := Sanitize(q)
		if !utf8.ValidString(fts) || !utf8.ValidString(display) {
			t.Fatalf("invalid UTF-8: %q, %q", fts, display)
		}
		if n := utf8.RuneCountInString(display); n > MaxQueryRunes {
			t.Fatalf("display has %d runes", n)
		}
		if strings.ContainsRune(fts, 0) {
			t.Fatalf("NUL in %q", fts)
		}
	})
}

// FuzzSearch: whatever the input, Search returns no error. Seeds are in
// testdata/fuzz/FuzzSearch.
func FuzzSearch(f *testing.F) {
	ix, err := New([]Doc{
		{Kind: "article", Slug: "sciatica", Title: "Sciatica", Summary: "Leg pain from a nerve.", Body: "Sciatica usually gets better in 4 to 6 weeks.", Tags: []string{"sciatica", "red-flags"}, Category: "Types of back pain"},
		{Kind: "routine", Slug: "tennis-ball", Title: "Tennis ball against a wall", Summary: "Lean on a tennis ball.", Body: "A tennis ball is soft. Café naïve résumé 按摩.", Category: "Self-care routine"},
		{Kind: "article", Slug: "get-help-now", Title: "Get help now", Summary: "Call 999 or NHS 111.", Body: "Most back pain is not serious.", Tags: []string{"safety"}, Category: "Safety"},
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { ix.Close() })
	f.Fuzz(func(t *testing.T, q string) {
		r, err := ix.Search(context.Background(), q, 3)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		for _, h := range r.Hits {
			for _, fr := range h.Snippet {
				if !utf8.ValidString(fr.Text) {
					t.Fatalf("invalid UTF-8 in fragment %q", fr.Text)
				}
			}
		}
	})
}
