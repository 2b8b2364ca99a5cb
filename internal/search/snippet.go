package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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

// pickSnippet prefers the body's best passage when the body matched,
// trimmed to about snippetWords words around the first match; otherwise
// (the match was in the title, summary or tags) the highlighted summary
// says more than the body's first words.
func pickSnippet(passage, summary string) []Fragment {
	if strings.ContainsRune(passage, markOpen) {
		return trimAround(fragments(passage), snippetWords)
	}
	return fragments(summary)
}

// Passages are a block of the body (a paragraph or list item), or a run of
// its sentences when the block is long. Blocks shorter than
// minPassageWords (headings, one-word list items) make poor snippets: the
// title and summary already speak for them.
const (
	maxPassageWords = 40
	minPassageWords = 6
	snippetWords    = 28
	snippetLead     = 5 // words kept before the first match
)

// passagesOf cuts a body, one block per line, into passages.
func passagesOf(body string) []string {
	var out []string
	for _, block := range strings.Split(body, "\n") {
		words := len(strings.Fields(block))
		switch {
		case words < minPassageWords:
			continue
		case words <= maxPassageWords:
			out = append(out, tidy(block))
			continue
		}
		var cur []string
		n := 0
		for _, sentence := range sentences(block) {
			w := len(strings.Fields(sentence))
			if n > 0 && n+w > maxPassageWords {
				out = append(out, tidy(strings.Join(cur, " ")))
				cur, n = nil, 0
			}
			cur = append(cur, sentence)
			n += w
		}
		if n > 0 {
			out = append(out, tidy(strings.Join(cur, " ")))
		}
	}
	return out
}

// spaceBeforePunct is what a removed citation ("helps {{ref:1}}.") leaves.
var spaceBeforePunct = strings.NewReplacer(" .", ".", " ,", ",", " ;", ";", " :", ":", " ?", "?", " !", "!", " )", ")")

// tidy collapses runs of spaces and the space a removed citation leaves
// before punctuation.
func tidy(s string) string { return spaceBeforePunct.Replace(strings.Join(strings.Fields(s), " ")) }

// sentences splits a block after each full stop, question or exclamation
// mark that ends a word; good enough to keep snippets whole.
func sentences(block string) []string {
	var out []string
	fields := strings.Fields(block)
	start := 0
	for i, f := range fields {
		if strings.HasSuffix(f, ".") || strings.HasSuffix(f, "?") || strings.HasSuffix(f, "!") || i == len(fields)-1 {
			out = append(out, strings.Join(fields[start:i+1], " "))
			start = i + 1
		}
	}
	return out
}

// trimAround keeps at most n words of a highlighted passage, starting a
// few words before its first match, and marks a cut at either end with "…".
func trimAround(frags []Fragment, n int) []Fragment {
	// A piece is a run of text without spaces; a word is one or more
	// pieces glued together ("massage" marked then "," unmarked).
	type piece struct {
		text          string
		marked, glued bool
		word          int
	}
	var pieces []piece
	words, spaced := 0, true
	for _, f := range frags {
		text := f.Text
		for text != "" {
			if r, size := utf8.DecodeRuneInString(text); unicode.IsSpace(r) {
				text, spaced = text[size:], true
				continue
			}
			end := strings.IndexFunc(text, unicode.IsSpace)
			if end < 0 {
				end = len(text)
			}
			glued := !spaced && len(pieces) > 0
			if !glued {
				words++
			}
			pieces = append(pieces, piece{text: text[:end], marked: f.Marked, glued: glued, word: words - 1})
			text, spaced = text[end:], false
		}
	}
	if words <= n {
		return frags
	}
	first := 0
	for _, p := range pieces {
		if p.marked {
			first = p.word
			break
		}
	}
	from := max(0, min(first-min(snippetLead, n-1), words-n)) // the match is always kept
	to := from + n                                            // exclusive
	var out []Fragment
	add := func(text string, marked bool) {
		if k := len(out); k > 0 && out[k-1].Marked == marked {
			out[k-1].Text += text
			return
		}
		out = append(out, Fragment{Text: text, Marked: marked})
	}
	if from > 0 {
		add("…", false)
	}
	started := false
	for _, p := range pieces {
		if p.word < from || p.word >= to {
			continue
		}
		if started && !p.glued {
			add(" ", false)
		}
		add(p.text, p.marked)
		started = true
	}
	if to < words {
		add("…", false)
	}
	return out
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
