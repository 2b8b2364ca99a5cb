package search

import (
	"strings"
	"unicode"
)

// MaxQueryRunes is the longest query that is searched; longer queries are
// cut, never rejected, so a pasted paragraph still finds something.
const MaxQueryRunes = 200

// stopWords are dropped from a query that has other words: they occur on
// nearly every page, so requiring them only loses matches ("when to avoid
// massage" should not need "to").
var stopWords = map[string]bool{
	"the": true, "a": true, "an": true, "for": true, "my": true, "of": true,
	"and": true, "or": true, "to": true, "in": true, "on": true, "is": true,
	"are": true, "it": true, "how": true, "what": true, "when": true, "i": true,
	"do": true, "does": true, "can": true, "with": true,
}

// word is one query word. A word typed with inner hyphens or apostrophes
// ("self-massage", "don't") keeps its parts together as a phrase, the way
// the tokenizer split the indexed text.
type word struct {
	parts []string // lowercased letter/number runs, never empty
	typed string   // as the visitor typed it, for display
}

// query is a parsed visitor query.
type query struct {
	words   []word // what the FTS expressions require (stop words removed)
	all     []word // every word, stop words included, for suggestions
	display string
}

// Sanitize turns anything a visitor types into an FTS5 MATCH expression
// that cannot be a syntax error, plus a clean version for display. fts is
// empty when the query has no words. Every word is quoted, so FTS5
// keywords (OR, NOT, NEAR) and syntax (*, ^, :, parentheses) are plain
// text; common words ("the", "to", "how") are dropped when others remain;
// the words are ANDed, and the last one is a prefix so results appear
// while the visitor is still typing it. display keeps every word as
// typed, at most MaxQueryRunes runes.
func Sanitize(q string) (fts string, display string) {
	p := parse(q)
	return p.and(), p.display
}

// parse cuts q to MaxQueryRunes and splits it into words.
func parse(q string) query {
	q = cut(q)
	var all []word
	var parts []string
	var typed strings.Builder
	var cur strings.Builder
	flushPart := func() {
		if cur.Len() > 0 {
			parts = append(parts, strings.ToLower(cur.String()))
			cur.Reset()
		}
	}
	flushWord := func() {
		flushPart()
		if len(parts) > 0 {
			// Trailing joiners ("self-") are not part of the word.
			t := strings.TrimRightFunc(typed.String(), isJoiner)
			all = append(all, word{parts: parts, typed: t})
		}
		parts = nil
		typed.Reset()
	}
	for _, r := range q {
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			cur.WriteRune(r)
			typed.WriteRune(r)
		case unicode.IsMark(r) && cur.Len() > 0:
			// A combining accent belongs to the letter before it; alone it
			// is not a word.
			cur.WriteRune(r)
			typed.WriteRune(r)
		case isJoiner(r) && cur.Len() > 0:
			flushPart()
			typed.WriteRune(r)
		case isJoiner(r) && len(parts) > 0:
			typed.WriteRune(r) // a doubled joiner: "self--care"
		default:
			flushWord()
		}
	}
	flushWord()

	p := query{all: all}
	for _, w := range all {
		if len(w.parts) > 1 || !stopWords[w.parts[0]] {
			p.words = append(p.words, w)
		}
	}
	if len(p.words) == 0 {
		// Only common words ("how to"): search for them rather than nothing.
		p.words = all
	}
	p.words = dedupe(p.words)
	shown := make([]string, len(all))
	for i, w := range all {
		shown[i] = w.typed
	}
	p.display = strings.Join(shown, " ")
	return p
}

// cut returns at most MaxQueryRunes runes of q as valid UTF-8, without
// scanning past them: a 100 KB paste costs no more than a short query.
func cut(q string) string {
	n := 0
	for i := range q {
		if n == MaxQueryRunes {
			q = q[:i]
			break
		}
		n++
	}
	// Invalid bytes become a separator rather than gluing words together.
	return strings.ToValidUTF8(q, " ")
}

// isJoiner reports whether r may join two parts of one word.
func isJoiner(r rune) bool {
	return r == '-' || r == '\'' || r == '\u2019' || r == '_'
}

// dedupe drops repeated words, keeping the last occurrence so the word
// being typed stays last (and so stays the prefix term).
func dedupe(ws []word) []word {
	seen := map[string]bool{}
	out := make([]word, 0, len(ws))
	for i := len(ws) - 1; i >= 0; i-- {
		k := strings.Join(ws[i].parts, " ")
		if !seen[k] {
			seen[k] = true
			out = append(out, ws[i])
		}
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// and is the strict expression: every word must match.
func (p query) and() string { return p.expr(" ") }

// or is the loose fallback: any word may match; bm25 still ranks pages
// that match more (and rarer) words first.
func (p query) or() string { return p.expr(" OR ") }

func (p query) expr(sep string) string {
	terms := make([]string, len(p.words))
	for i, w := range p.words {
		// Parts hold only letters, numbers and marks, so no quote can
		// appear inside the string and no escaping is needed.
		terms[i] = `"` + strings.Join(w.parts, " ") + `"`
	}
	if len(terms) > 0 {
		terms[len(terms)-1] += "*"
	}
	return strings.Join(terms, sep)
}
