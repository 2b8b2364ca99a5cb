package search

import "strings"

// Fragment is a run of snippet text. Marked fragments are the words that
// matched the query; the web layer wraps them in <mark>. Text is plain,
// unescaped text.
type Fragment struct {
	Text   string
	Marked bool
}

// The markers snippet() and highlight() put around matched words. They are
// control characters because clean() guarantees none is in indexed text,
// so the split below can never be confused by content.
const (
	markOpen  = '\x02'
	markClose = '\x03'
)

// pickSnippet prefers the body extract when the body matched; otherwise
// (the match was in the title, summary or tags) the highlighted summary
// says more than the body's first words.
func pickSnippet(body, summary string) []Fragment {
	if strings.ContainsRune(body, markOpen) {
		return fragments(body)
	}
	return fragments(summary)
}

// fragments splits marked text into fragments, merging neighbours of the
// same kind and tolerating unbalanced markers.
func fragments(s string) []Fragment {
	var out []Fragment
	marked := false
	add := func(text string, m bool) {
		if text == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Marked == m {
			out[n-1].Text += text
			return
		}
		out = append(out, Fragment{Text: text, Marked: m})
	}
	for {
		i := strings.IndexAny(s, string(markOpen)+string(markClose))
		if i < 0 {
			add(s, marked)
			return out
		}
		add(s[:i], marked)
		marked = s[i] == markOpen
		s = s[i+1:]
	}
}
