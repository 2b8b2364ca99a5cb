package search

import (
	"strings"
	"testing"
)

func TestSanitize(t *testing.T) {
	tests := []struct {
		in, fts, display string
	}{
		{"", "", ""},
		{"   ", "", ""},
		{"massage", `"massage"*`, "massage"},
		{"Tennis  Ball", `"tennis" "ball"*`, "Tennis Ball"},
		{"when to avoid", `"avoid"*`, "when to avoid"},
		{"when to avoid massage", `"avoid" "massage"*`, "when to avoid massage"},
		{"how to", `"how" "to"*`, "how to"},
		{"massage for", `"massage"*`, "massage for"},
		{`NOT massage`, `"not" "massage"*`, "NOT massage"},
		{`a AND OR b`, `"b"*`, "a AND OR b"},
		{`NEAR(a b)`, `"near" "b"*`, "NEAR a b"},
		{`title:massage`, `"title" "massage"*`, "title massage"},
		{`"unbalanced`, `"unbalanced"*`, "unbalanced"},
		{`^mass*`, `"mass"*`, "mass"},
		{"self-massage", `"self massage"*`, "self-massage"},
		{"self-  massage", `"self" "massage"*`, "self massage"},
		{"don't stop", `"don t" "stop"*`, "don't stop"},
		{"massage massage", `"massage"*`, "massage massage"},
		{"heat massage heat", `"massage" "heat"*`, "heat massage heat"},
		{"Café", `"café"*`, "Café"},
		{"mass\x00age", `"mass" "age"*`, "mass age"},
		{"mass\xffage", `"mass" "age"*`, "mass age"},
		{"💆 back", `"back"*`, "back"},
	}
	for _, tt := range tests {
		fts, display := Sanitize(tt.in)
		if fts != tt.fts || display != tt.display {
			t.Errorf("Sanitize(%q) = %q, %q; want %q, %q", tt.in, fts, display, tt.fts, tt.display)
		}
	}
}

func TestSanitizeCutsLongQueries(t *testing.T) {
	_, display := Sanitize(strings.Repeat("é", 3*MaxQueryRunes))
	if n := len([]rune(display)); n != MaxQueryRunes {
		t.Errorf("display has %d runes, want %d", n, MaxQueryRunes)
	}
	fts, _ := Sanitize(strings.Repeat("ab ", 50_000))
	if strings.Count(fts, `"`) != 2 {
		t.Errorf("repeated word not deduplicated: %.80q…", fts)
	}
}

func TestOrFallbackExpression(t *testing.T) {
	if got, want := parse("tenis ball").or(), `"tenis" OR "ball"*`; got != want {
		t.Errorf("or() = %q, want %q", got, want)
	}
}
