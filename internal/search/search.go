package search

import (
	"context"
	"fmt"
)

// Results is the answer to one search.
type Results struct {
	Query string // the sanitised query actually run, for display
	Hits  []Hit
	// Partial is true when no page matched every word, so Hits are pages
	// matching some of them (the page can say "showing partial matches").
	Partial bool
	// Suggestions are titles or tags spelled close to the query words,
	// best first, at most 5. They are filled when no page matched every
	// word (Hits empty or Partial), which is when a typo is likely.
	Suggestions []Suggestion
}

// Hit is one matching page.
type Hit struct {
	Kind, Slug, Title, Category string
	// Snippet is a short extract of the body around the matched words, or
	// the summary when the body did not match, split into fragments with
	// the matched words Marked.
	Snippet []Fragment
	Score   float64 // higher is better; only comparable within one Results
}

// searchSQL returns the bm25 pool for a MATCH expression, with every
// field the re-rank and the snippet need. Column numbers follow schema
// (0 title, 1 summary, 3 body); the markers are control characters
// that clean() has removed from the indexed text.
func searchSQL(w weights) string {
	return fmt.Sprintf(`SELECT kind, slug, title, category,
	bm25(pages, %g, %g, %g, %g),
	highlight(pages, 0, char(2), char(3)),
	highlight(pages, 1, char(2), char(3)),
	snippet(pages, 3, char(2), char(3), '…', 24)
FROM pages WHERE pages MATCH ? ORDER BY 5 LIMIT ?`, w.bm25[0], w.bm25[1], w.bm25[2], w.bm25[3])
}

const (
	defaultLimit = 20
	maxLimit     = 100 // a page of results, not a dump of the index
)

// Search runs a visitor's query. An empty or word-less query returns empty
// Results and no error, whatever it contains. limit ≤ 0 means 20.
func (ix *Index) Search(ctx context.Context, q string, limit int) (Results, error) {
	if limit <= 0 {
		limit = defaultLimit
	}
	limit = min(limit, maxLimit)
	p := parse(q)
	res := Results{Query: p.display}
	if len(p.words) == 0 {
		return res, nil
	}
	hits, err := ix.match(ctx, p.and(), len(p.words), limit)
	if err != nil {
		return res, err
	}
	if len(hits) == 0 {
		if len(p.words) > 1 {
			if hits, err = ix.match(ctx, p.or(), len(p.words), limit); err != nil {
				return res, err
			}
			res.Partial = len(hits) > 0
		}
		res.Suggestions = ix.suggest(p.all)
	}
	res.Hits = hits
	return res, nil
}

// match runs one MATCH expression and re-ranks its pool.
func (ix *Index) match(ctx context.Context, expr string, nwords, limit int) ([]Hit, error) {
	rs, err := ix.db.QueryContext(ctx, ix.sql, expr, poolSize)
	if err != nil {
		return nil, fmt.Errorf("search: query %q: %w", expr, err)
	}
	defer rs.Close()
	var rows []row
	for rs.Next() {
		var r row
		h := &r.hit
		if err := rs.Scan(&h.Kind, &h.Slug, &h.Title, &h.Category, &h.Score,
			&r.title, &r.summary, &r.body); err != nil {
			return nil, fmt.Errorf("search: scan: %w", err)
		}
		h.Score = -h.Score // bm25 is lower-is-better; Score reads naturally
		rows = append(rows, r)
	}
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("search: query %q: %w", expr, err)
	}
	return rerank(ix.w, rows, nwords, limit), nil
}
