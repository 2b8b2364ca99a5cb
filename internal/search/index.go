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
	Body     string // plain text (the caller strips HTML)
	Tags     []string
	Category string // human label, e.g. "Safety" or "Self-care routine"
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

// schema is the FTS5 table. Column order matters: bm25 weights and the
// snippet column numbers below follow it. The porter tokenizer wraps
// unicode61 so "massages" finds "massage" and "Café" finds "cafe".
const schema = `CREATE VIRTUAL TABLE pages USING fts5(
	title, summary, tags, body,
	kind UNINDEXED, slug UNINDEXED, category UNINDEXED,
	tokenize = 'porter unicode61 remove_diacritics 2'
)`

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
	if _, err := ix.keep.ExecContext(ctx, schema); err != nil {
		return fmt.Errorf("search: create table: %w", err)
	}
	tx, err := ix.keep.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("search: begin: %w", err)
	}
	defer tx.Rollback() // a no-op after a successful Commit
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO pages
		(title, summary, tags, body, kind, slug, category) VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("search: prepare insert: %w", err)
	}
	defer stmt.Close()
	for _, d := range docs {
		_, err := stmt.ExecContext(ctx, clean(d.Title), clean(d.Summary),
			clean(strings.Join(d.Tags, " ")), clean(d.Body), d.Kind, d.Slug, d.Category)
		if err != nil {
			return fmt.Errorf("search: insert %s/%s: %w", d.Kind, d.Slug, err)
		}
	}
	// One merged b-tree per term makes every later query a little cheaper;
	// the index never changes after this.
	if _, err := tx.ExecContext(ctx, `INSERT INTO pages(pages) VALUES ('optimize')`); err != nil {
		return fmt.Errorf("search: optimize: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("search: commit: %w", err)
	}
	return nil
}

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
