package search

import (
	"context"
	"encoding/json"
	"fmt"
)

// poolSQL returns the bm25 pool for a MATCH expression with what the
// re-rank needs. Column numbers follow schema (0 title, 1 summary); the
// markers are control characters that clean() removed from indexed text.
func poolSQL(w weights) string {
	return fmt.Sprintf(`SELECT rowid, kind, slug, title, category,
	bm25(pages, %g, %g, %g, %g),
	highlight(pages, 0, char(2), char(3)),
	highlight(pages, 1, char(2), char(3))
FROM pages WHERE pages MATCH ? ORDER BY 6 LIMIT ?`, w.bm25[0], w.bm25[1], w.bm25[2], w.bm25[3])
}

// snippetSQL extracts body snippets (column 3) for chosen rows only:
// snippet() re-tokenizes the whole body, about 0.1 ms a page, so it is
// worth running only for the hits that will be shown.
const snippetSQL = `SELECT rowid, snippet(pages, 3, char(2), char(3), '…', 24)
FROM pages WHERE pages MATCH ? AND rowid IN (SELECT value FROM json_each(?))`

// match runs one MATCH expression: the bm25 pool, the re-rank, then
// snippets for the best limit pages.
func (ix *Index) match(ctx context.Context, expr string, nwords, limit int) ([]Hit, error) {
	rows, err := ix.pool(ctx, expr)
	if err != nil {
		return nil, err
	}
	rows = rerank(ix.w, rows, nwords, limit)
	if len(rows) == 0 {
		return nil, nil
	}
	bodies, err := ix.snippets(ctx, expr, rows)
	if err != nil {
		return nil, err
	}
	hits := make([]Hit, len(rows))
	for i, r := range rows {
		hits[i] = r.hit
		hits[i].Snippet = pickSnippet(bodies[r.id], r.summary)
	}
	return hits, nil
}

// pool returns the bm25 pool for expr, best first.
func (ix *Index) pool(ctx context.Context, expr string) ([]row, error) {
	rs, err := ix.db.QueryContext(ctx, ix.sql, expr, poolSize)
	if err != nil {
		return nil, fmt.Errorf("search: query %q: %w", expr, err)
	}
	defer rs.Close()
	var rows []row
	for rs.Next() {
		var r row
		h := &r.hit
		if err := rs.Scan(&r.id, &h.Kind, &h.Slug, &h.Title, &h.Category, &h.Score, &r.title, &r.summary); err != nil {
			return nil, fmt.Errorf("search: scan: %w", err)
		}
		h.Score = -h.Score // bm25 is lower-is-better; Score reads naturally
		rows = append(rows, r)
	}
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("search: query %q: %w", expr, err)
	}
	return rows, nil
}

// snippets returns the highlighted body snippet of each row, by rowid.
func (ix *Index) snippets(ctx context.Context, expr string, rows []row) (map[int64]string, error) {
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.id
	}
	idList, err := json.Marshal(ids)
	if err != nil {
		return nil, fmt.Errorf("search: snippets: %w", err)
	}
	rs, err := ix.db.QueryContext(ctx, snippetSQL, expr, string(idList))
	if err != nil {
		return nil, fmt.Errorf("search: snippets %q: %w", expr, err)
	}
	defer rs.Close()
	bodies := make(map[int64]string, len(rows))
	for rs.Next() {
		var id int64
		var s string
		if err := rs.Scan(&id, &s); err != nil {
			return nil, fmt.Errorf("search: scan snippet: %w", err)
		}
		bodies[id] = s
	}
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("search: snippets %q: %w", expr, err)
	}
	return bodies, nil
}
