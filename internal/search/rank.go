package search

import (
	"cmp"
	"slices"
	"strings"
)

// weights tunes ranking. FTS5's bm25 gives a word found on more than half
// the pages an IDF of almost zero, and on this site "massage", "back" and
// "pain" are on nearly every page: bm25 alone cannot tell which of them is
// about the query. So the final score adds, per field, the share of the
// query's words that field contains: a page whose title says what was
// asked for is the best answer even when every page uses the words.
type weights struct {
	// bm25 column weights in schema order (title, aka, summary, tags,
	// body): titles, people's own words and summaries are written to say
	// what a page is about, bodies mention many topics in passing.
	bm25 [5]float64
	// Coverage boosts. The title's counts when the page's own words
	// (aka) cover the query better: "bad back" is as good as a title.
	// Tags get none beyond bm25: most pages share the same few tags
	// (massage, lower-back), and in tuning a tag boost only narrowed the
	// margins.
	title, summary float64
	// article is a prior: when an article and a routine match about
	// equally, the article explains more and links on to its routines.
	// It is what lifts "Self-massage at home" above the foot-arch routine
	// for "tennis ball".
	article float64
	// alias is for a page one of whose own words is exactly what was
	// typed ("back hurts", "lumbago"), beyond the title coverage every page
	// mentioning the words gets: several pages say "why does my back hurt"
	// somewhere, one page is the answer to "back hurts".
	alias float64
}

// defaultWeights were tuned on the site's real content (see
// TestRankingOnContent). FTS5's bm25 adds the weighted counts of all
// columns before saturating them, so a large title weight mostly saturates
// too; the coverage boosts carry the "the title says it" signal instead.
func defaultWeights() weights {
	return weights{bm25: [5]float64{4, 4, 2, 1, 1}, title: 1, summary: 0.25, article: 0.6, alias: 1}
}

// poolSize is how many bm25 picks for the re-rank. The site has a few
// dozen pages, so in practice every match is re-ranked.
const poolSize = 200

// row is one match before re-ranking.
type row struct {
	id                  int64 // rowid, to fetch the snippet later
	hit                 Hit
	title, aka, summary string // highlighted
}

// rerank scores rows and returns the best limit of them, best first.
func rerank(w weights, rows []row, nwords, limit int) []row {
	for i := range rows {
		r := &rows[i]
		s := r.hit.Score +
			w.title*max(coverage(r.title, nwords), coverage(r.aka, nwords)) +
			w.summary*coverage(r.summary, nwords)
		if r.hit.Kind == "article" {
			s += w.article
		}
		if namesQuery(r.aka) {
			s += w.alias
		}
		r.hit.Score = s
	}
	// Stable, so equal scores keep bm25's order.
	slices.SortStableFunc(rows, func(a, b row) int { return cmp.Compare(b.hit.Score, a.hit.Score) })
	return rows[:min(limit, len(rows))]
}

// coverage is the share of the query's nwords that appear marked in a
// highlighted field. Distinct marked words stand in for distinct query
// words: close enough for ranking, and it needs no stemmer in Go.
func coverage(highlighted string, nwords int) float64 {
	if nwords == 0 || !strings.ContainsRune(highlighted, markOpen) {
		return 0
	}
	seen := map[string]bool{}
	for _, f := range fragments(highlighted) {
		if f.Marked {
			for _, w := range splitWords(f.Text) {
				seen[w] = true
			}
		}
	}
	return float64(min(len(seen), nwords)) / float64(nwords)
}

// namesQuery reports whether one of a page's highlighted aliases (joined
// by ". " in the index) is the query itself: every word of it matched,
// apart from common words like "my" that the query drops.
func namesQuery(highlightedAka string) bool {
	if !strings.ContainsRune(highlightedAka, markOpen) {
		return false
	}
	for _, alias := range strings.Split(highlightedAka, ". ") {
		marked, other := false, false
		for _, f := range fragments(alias) {
			for _, w := range splitWords(f.Text) {
				switch {
				case f.Marked:
					marked = true
				case !stopWords[w]:
					other = true
				}
			}
		}
		if marked && !other {
			return true
		}
	}
	return false
}
