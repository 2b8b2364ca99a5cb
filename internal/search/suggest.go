package search

import (
	"slices"
	"strings"
	"unicode"
)

// Suggestion is a "did you mean" entry: a page title (Kind and Slug set,
// link to the page) or a tag (Kind and Slug empty, Text is the tag; link
// to a search for it).
type Suggestion struct {
	Text       string
	Kind, Slug string
}

// maxSuggestions keeps the list short enough to read at a glance.
const maxSuggestions = 5

// candidate is a title or tag that a misspelt query may have meant.
type candidate struct {
	Suggestion
	words []string // lowercased words of Text
}

// buildCandidates lists every title and every distinct tag.
func buildCandidates(docs []Doc) []candidate {
	var cs []candidate
	seen := map[string]bool{}
	for _, d := range docs {
		cs = append(cs, candidate{Suggestion{d.Title, d.Kind, d.Slug}, splitWords(d.Title)})
		seen[strings.ToLower(d.Title)] = true
	}
	for _, d := range docs {
		for _, t := range d.Tags {
			// A tag spelled like a title adds nothing: the title links to
			// the page.
			if k := strings.ToLower(t); !seen[k] {
				seen[k] = true
				cs = append(cs, candidate{Suggestion{Text: t}, splitWords(t)})
			}
		}
	}
	return cs
}

// splitWords lowercases s and splits it into letter/number words.
func splitWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}

// scored is a candidate with how well it fits the query.
type scored struct {
	c       *candidate
	matched int // query words with a close word in the candidate
	cost    int // summed edit distances of those matches
}

// suggest returns the candidates closest to the query words: more words
// matched first, then fewer edits, then shorter titles (more to the point).
func (ix *Index) suggest(all []word) []Suggestion {
	var qs []string
	for _, w := range all {
		for _, p := range w.parts {
			if !stopWords[p] && len([]rune(p)) >= 3 {
				qs = append(qs, p)
			}
		}
	}
	if len(qs) == 0 {
		return nil
	}
	var found []scored
	for i := range ix.cands {
		c := &ix.cands[i]
		s := scored{c: c}
		for _, q := range qs {
			if d, ok := closest(q, c.words); ok {
				s.matched++
				s.cost += d
			}
		}
		if s.matched > 0 {
			found = append(found, s)
		}
	}
	slices.SortStableFunc(found, func(a, b scored) int {
		switch {
		case a.matched != b.matched:
			return b.matched - a.matched
		case a.cost != b.cost:
			return a.cost - b.cost
		default:
			return len(a.c.words) - len(b.c.words)
		}
	})
	var out []Suggestion
	for _, s := range found[:min(len(found), maxSuggestions)] {
		out = append(out, s.c.Suggestion)
	}
	return out
}

// closest returns the smallest edit cost between q and any of words, and
// whether one is close enough to suggest. A word that starts with q costs
// 1, like one typo: "bal" may mean "ball" but is not spelled as it.
func closest(q string, words []string) (int, bool) {
	qr := []rune(q)
	// Short words allow fewer typos, or "back" would suggest "pack".
	limit := 1
	switch {
	case len(qr) < 4:
		limit = 0
	case len(qr) >= 6:
		limit = 2
	}
	best, ok := 0, false
	for _, w := range words {
		d := 0
		switch {
		case w == q:
		case strings.HasPrefix(w, q):
			d = 1
		default:
			if limit == 0 {
				continue
			}
			d = distance(qr, []rune(w), limit)
			if d > limit {
				continue
			}
		}
		if !ok || d < best {
			best, ok = d, true
		}
	}
	return best, ok
}

// distance is the Damerau-Levenshtein (optimal string alignment) distance
// between a and b, or limit+1 as soon as it must exceed limit.
func distance(a, b []rune, limit int) int {
	if abs(len(a)-len(b)) > limit {
		return limit + 1
	}
	// Three rows: the transposition rule looks two rows back.
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], limit+1)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
