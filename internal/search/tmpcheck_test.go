package search

import (
	"context"
	"testing"
	"unicode"
)

func TestTmpAllRunes(t *testing.T) {
	ix, _ := New([]Doc{{Kind: "article", Slug: "a", Title: "massage", Body: "x"}})
	defer ix.Close()
	for _, e := range []string{`""`, `""*`, `"" "massage"`, `"massage" ""*`, `"" OR "massage"*`} {
		_, err := ix.match(context.Background(), e, 1, 5)
		t.Logf("%s: %v", e, err)
	}
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !(unicode.IsLetter(r) || unicode.IsNumber(r)) {
			continue
		}
		n++
		if _, err := ix.Search(context.Background(), string(r)+" massage "+string(r)+"\u0301", 5); err != nil {
			t.Errorf("%U: %v", r, err)
		}
	}
	t.Log(n, "runes")
}
