package search

import "context"

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

const (
	defaultLimit = 20
	maxLimit     = 100 // a page of results, not a dump of the index
)

// Search runs a visitor's query (see Sanitize for how it is read) and
// returns at most limit hits, best first; limit ≤ 0 means 20. When no page
// has every word it falls back to pages with any of them (Partial) and
// adds spelling suggestions. An empty or word-less query returns empty
// Results and no error, whatever it contains: the caller shows its
// default page instead. Errors come only from the database, such as a
// canceled ctx.
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
	hits, err := ix.match(ctx, p.and(), p.or(), len(p.words), limit)
	if err != nil {
		return res, err
	}
	if len(hits) == 0 {
		if len(p.words) > 1 {
			if hits, err = ix.match(ctx, p.or(), p.or(), len(p.words), limit); err != nil {
				return res, err
			}
			res.Partial = len(hits) > 0
		}
		res.Suggestions = ix.suggest(p.all)
	}
	res.Hits = hits
	return res, nil
}
