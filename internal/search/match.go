package search

import (
	"context"
	"encoding/json"
	"fmt"
)

// poolSQL returns the bm25 pool for a MATCH expression with what the
// re-rank needs. Column numbers follow schema (0 title, 1 aka, 2 summary);
// the markers are control characters that clean() removed from indexed text.
func poolSQL(w weights) string {
	return fmt.Sprintf(`SELECT rowid, kind, slug, title, category,
	bm25(pages, %g, %g, %g, %g, %g),
	highlight(pages, 0, char(2), char(3)),
	highlight(pages, 1, char(2), char(3)),
	highlight(pages, 2, char(2), char(3))
FROM pages WHERE pages MATCH ? ORDER BY 6 LIMIT ?`, w.bm25[0], w.bm25[1], w.bm25[2], w.bm25[3], w.bm25[4])
}

// snippetSQL returns the snippet under each hit: the first passage of its
// page's body that holds all the words (?1), or failing that any of them
// (?2), highlighted. Picking by rowid (page<<16 | n) needs only the index;
// highlighting only the one chosen passage per page keeps the tokenizer's
// work to a few short texts. The "+" keeps FTS5 from turning the rowid
// list into one MATCH per rowid.
const snippetSQL = `SELECT rowid >> 16, highlight(passages, 0, char(2), char(3)) FROM passages
WHERE passages MATCH ?2 AND +rowid IN (
	SELECT min(pref << 40 | id) & 0xFFFFFFFFFF FROM (
		SELECT 0 AS pref, rowid AS id FROM passages
		WHERE passages MATCH ?1 AND rowid >> 16 IN (SELECT value FROM json_each(?3))
		UNION ALL
		SELECT 1, rowid FROM passages
		WHERE passages MATCH ?2 AND rowid >> 16 IN (SELECT value FROM json_each(?3)))
	GROUP BY id >> 16)`

// match runs one MATCH expression: the bm25 pool, the re-rank, then
// snippets for the best limit pages.
func (ix *Index) match(ctx context.Context, expr, orExpr string, nwords, limit int) ([]Hit, error) {
	rows, err := ix.pool(ctx, expr)
	if err != nil {
		return nil, err
	}
	rows = rerank(ix.w, rows, nwords, limit)
	if len(rows) == 0 {
		return nil, nil
	}
	// A page can match every word without one passage holding them all,
	// so a passage with any of them will do when none has all.
	bodies, err := ix.snippets(ctx, expr, orExpr, rows)
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
		return nil, fmt.Errorf("search: query: %w", err)
	}
	defer rs.Close()
	var rows []row
	for rs.Next() {
		var r row
		h := &r.hit
		if err := rs.Scan(&r.id, &h.Kind, &h.Slug, &h.Title, &h.Category, &h.Score, &r.title, &r.aka, &r.summary); err != nil {
			return nil, fmt.Errorf("search: scan: %w", err)
		}
		h.Score = -h.Score // bm25 is lower-is-better; Score reads naturally
		rows = append(rows, r)
	}
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("search: query: %w", err)
	}
	return rows, nil
}

// snippets returns the highlighted snippet passage of each row's body, by
// page rowid; a page whose body did not match has none.
func (ix *Index) snippets(ctx context.Context, expr, orExpr string, rows []row) (map[int64]string, error) {
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.id
	}
	pages, err := json.Marshal(ids)
	if err != nil {
		return nil, fmt.Errorf("search: snippets: %w", err)
	}
	rs, err := ix.db.QueryContext(ctx, snippetSQL, expr, orExpr, string(pages))
	if err != nil {
		return nil, fmt.Errorf("search: snippets: %w", err)
	}
	defer rs.Close()
	bodies := make(map[int64]string, len(rows))
	for rs.Next() {
		var page int64
		var s string
		if err := rs.Scan(&page, &s); err != nil {
			return nil, fmt.Errorf("search: scan snippet: %w", err)
		}
		bodies[page] = s
	}
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("search: snippets: %w", err)
	}
	return bodies, nil
}
