package search

import (
	"slices"
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
