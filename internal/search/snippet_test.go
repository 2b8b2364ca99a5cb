package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestFragments(t *testing.T) {
	tests := []struct {
		in   string
		want []Fragment
	}{
		{"", nil},
		{"plain", []Fragment{{"plain", false}}},
		{"a \x02b\x03 c", []Fragment{{"a ", false}, {"b", true}, {" c", false}}},
		{"\x02a\x03\x02b\x03", []Fragment{{"ab", true}}},
		{"…\x02Tennis\x03 \x02ball\x03…", []Fragment{{"…", false}, {"Tennis", true}, {" ", false}, {"ball", true}, {"…", false}}},
		{"a \x02b", []Fragment{{"a ", false}, {"b", true}}}, // unbalanced
		{"a\x03 b", []Fragment{{"a b", false}}},
	}
	for _, tt := range tests {
		if got := fragments(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("fragments(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestPickSnippet(t *testing.T) {
	body, summary := "start of body…", "the \x02summary\x03"
	if got := pickSnippet(body, summary); !slices.Equal(got, fragments(summary)) {
		t.Errorf("unmatched body: got %+v, want the summary", got)
	}
	body = "…a \x02match\x03…"
	if got := pickSnippet(body, summary); !slices.Equal(got, fragments(body)) {
		t.Errorf("matched body: got %+v, want the body", got)
	}
}

func TestCoverage(t *testing.T) {
	tests := []struct {
		in     string
		nwords int
		want   float64
	}{
		{"no marks", 2, 0},
		{"\x02Tennis\x03 \x02ball\x03 or golf \x02ball\x03", 2, 1},
		{"Rolling on a \x02ball\x03", 2, 0.5},
		{"\x02Massage\x03 and \x02massages\x03", 1, 1},
	}
	for _, tt := range tests {
		if got := coverage(tt.in, tt.nwords); got != tt.want {
			t.Errorf("coverage(%q, %d) = %v, want %v", tt.in, tt.nwords, got, tt.want)
		}
	}
}

func TestPassagesOf(t *testing.T) {
	long := strings.Repeat("One two three four five six seven eight nine ten. ", 6) // 60 words, 6 sentences
	body := "Short heading\nA paragraph of exactly six words.\n" + long + "\nA citation was here {{ref}} .  Spaces   collapse , too."
	got := passagesOf(strings.ReplaceAll(body, "{{ref}}", ""))
	want := []string{
		"A paragraph of exactly six words.",
		strings.TrimSpace(strings.Repeat("One two three four five six seven eight nine ten. ", 4)),
		strings.TrimSpace(strings.Repeat("One two three four five six seven eight nine ten. ", 2)),
		"A citation was here. Spaces collapse, too.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("passagesOf:\n got %q\nwant %q", got, want)
	}
}

func TestTrimAround(t *testing.T) {
	words := func(from, to int) string {
		var w []string
		for i := from; i <= to; i++ {
			w = append(w, fmt.Sprintf("w%d", i))
		}
		return strings.Join(w, " ")
	}
	// 40 words with a match at word 20, glued to a comma.
	in := []Fragment{{words(1, 19) + " ", false}, {"match", true}, {", " + words(21, 40), false}}
	got := trimAround(in, 10)
	want := []Fragment{{"…" + words(15, 19) + " ", false}, {"match", true}, {", " + words(21, 24) + "…", false}}
	if !slices.Equal(got, want) {
		t.Errorf("trimAround:\n got %+v\nwant %+v", got, want)
	}
	// Short passages are kept whole; a match near the end keeps the last n words.
	if got := trimAround(in, 40); !slices.Equal(got, in) {
		t.Errorf("a passage of n words was trimmed: %+v", got)
	}
	end := []Fragment{{words(1, 39) + " ", false}, {"match", true}}
	if got := trimAround(end, 5); !slices.Equal(got, []Fragment{{"…" + words(36, 39) + " ", false}, {"match", true}}) {
		t.Errorf("match at the end: %+v", got)
	}
}

func TestNamesQuery(t *testing.T) {
	for in, want := range map[string]bool{
		"":                                       false,
		"\x02back\x03 \x02hurts\x03. lumbago":    true,  // the alias "back hurts"
		"my \x02back\x03 \x02hurts\x03":          true,  // "my" is a common word
		"why does my \x02back\x03 \x02hurt\x03":  false, // "why" was not typed
		"\x02back\x03 pain. \x02hurts\x03 a lot": false,
	} {
		if got := namesQuery(in); got != want {
			t.Errorf("namesQuery(%q) = %v, want %v", in, got, want)
		}
	}
}
