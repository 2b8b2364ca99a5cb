package search

import (
	"context"
	"crypto/rand"
	"database/sql"
	"fmt"
	"runtime"
	"strings"

	// The driver registers itself as "sqlite3"; FTS5 needs -tags sqlite_fts5.
	_ "github.com/mattn/go-sqlite3"
)

// Doc is one searchable page.
type Doc struct {
	Kind     string // "article" or "routine"
	Slug     string
	Title    string
	Summary  string
	Body     string // plain text, one block (paragraph, heading, list item) per line
	Tags     []string
	Category string // human label, e.g. "Safety" or "Self-care routine"
	// AlsoKnownAs are people's own words for what the page is about ("bad
	// back", "pulled muscle"). They rank like the title, so a search in
	// everyday words finds the page written for it.
	AlsoKnownAs []string
}

// Index is a read-only full-text index over a fixed set of documents. It is
// safe for concurrent use by multiple goroutines.
type Index struct {
	db *sql.DB
	// keep holds one connection open for the life of the Index: an in-memory
	// database disappears when its last connection closes, and the pool may
	// close idle connections at any time.
	keep  *sql.Conn
	cands []candidate // suggestion candidates, immutable after New
	w     weights
	sql   string // poolSQL(w)
}

// schema is the FTS5 tables. Column order matters: bm25 weights and the
// highlight column numbers in match.go follow it. The porter tokenizer
// wraps unicode61 so "massages" finds "massage" and "Café" finds "cafe".
//
// pages ranks whole pages. passages holds each page's body again, cut into
// short passages, for the snippet under each hit: FTS5's snippet() would
// re-tokenize a whole body per hit (most of a search's time, measured in
// docs/performance.md), while highlighting one short passage is cheap.
var schema = []string{
	`CREATE VIRTUAL TABLE pages USING fts5(
	title, aka, summary, tags, body,
	kind UNINDEXED, slug UNINDEXED, category UNINDEXED,
	tokenize = 'porter unicode61 remove_diacritics 2'
)`,
	`CREATE VIRTUAL TABLE passages USING fts5(
	text, page UNINDEXED,
	tokenize = 'porter unicode61 remove_diacritics 2'
)`,
}

// New builds an in-memory index of docs. Call Close when done with it.
func New(docs []Doc) (*Index, error) {
	// The memdb VFS gives a named in-memory database that several
	// connections share with ordinary file locking, so concurrent searches
	// run in parallel without shared-cache mode and its table locks. The
	// random name keeps two Indexes (e.g. parallel tests) apart.
	dsn := "file:/backwise-search-" + rand.Text() + "?vfs=memdb"
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, fmt.Errorf("search: open: %w", err)
	}
	n := max(2, runtime.GOMAXPROCS(0))
	db.SetMaxOpenConns(n + 1) // +1 for keep
	db.SetMaxIdleConns(n + 1)
	ctx := context.Background()
	keep, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("search: connect: %w", err)
	}
	ix := &Index{db: db, keep: keep}
	ix.setWeights(defaultWeights())
	if err := ix.load(ctx, docs); err != nil {
		ix.Close()
		return nil, err
	}
	ix.cands = buildCandidates(docs)
	return ix, nil
}

// setWeights changes how results are ranked; tests tune with it.
func (ix *Index) setWeights(w weights) {
	ix.w, ix.sql = w, poolSQL(w)
}

// load creates the table and inserts docs in one transaction.
func (ix *Index) load(ctx context.Context, docs []Doc) error {
	for _, stmt := range schema {
		if _, err := ix.keep.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("search: create table: %w", err)
		}
	}
	tx, err := ix.keep.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("search: begin: %w", err)
	}
	defer tx.Rollback() // a no-op after a successful Commit
	page, err := tx.PrepareContext(ctx, `INSERT INTO pages
		(rowid, title, aka, summary, tags, body, kind, slug, category) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("search: prepare insert: %w", err)
	}
	defer page.Close()
	passage, err := tx.PrepareContext(ctx, `INSERT INTO passages (rowid, text, page) VALUES (?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("search: prepare insert: %w", err)
	}
	defer passage.Close()
	for i, d := range docs {
		id := i + 1
		// Aliases are joined with ". ", which namesQuery splits them on.
		_, err := page.ExecContext(ctx, id, clean(d.Title), clean(strings.Join(d.AlsoKnownAs, ". ")), clean(d.Summary),
			clean(strings.Join(d.Tags, " ")), clean(d.Body), d.Kind, d.Slug, d.Category)
		if err != nil {
			return fmt.Errorf("search: insert %s/%s: %w", d.Kind, d.Slug, err)
		}
		for n, text := range passagesOf(d.Body) {
			if _, err := passage.ExecContext(ctx, passageID(id, n), clean(text), id); err != nil {
				return fmt.Errorf("search: insert %s/%s: %w", d.Kind, d.Slug, err)
			}
		}
	}
	// One merged b-tree per term makes every later query a little cheaper;
	// the index never changes after this.
	for _, table := range []string{"pages", "passages"} {
		if _, err := tx.ExecContext(ctx, `INSERT INTO `+table+`(`+table+`) VALUES ('optimize')`); err != nil {
			return fmt.Errorf("search: optimize: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("search: commit: %w", err)
	}
	return nil
}

// A passage's rowid carries its page's (page<<passageBits | n), so the
// snippet query can pick a page's passages from the index alone, without
// reading each matching passage's row.
const passageBits = 16

func passageID(page, n int) int64 { return int64(page)<<passageBits | int64(n) }

// clean makes indexed text safe to highlight: the snippet markers are
// control characters, so any control character already in the text would
// be mistaken for a marker. Invalid UTF-8 is replaced for the same reason
// the web layer cannot escape it reliably.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}

// Close releases the index's database. The Index must not be used after.
func (ix *Index) Close() error {
	var errKeep error
	if ix.keep != nil {
		errKeep = ix.keep.Close()
	}
	if err := ix.db.Close(); err != nil {
		return fmt.Errorf("search: close: %w", err)
	}
	if errKeep != nil {
		return fmt.Errorf("search: close: %w", errKeep)
	}
	return nil
}
