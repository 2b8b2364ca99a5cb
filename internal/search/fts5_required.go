//go:build !sqlite_fts5

package search

// The search index needs SQLite's FTS5, which go-sqlite3 compiles in only
// with the sqlite_fts5 build tag. Without the tag the program would build
// and then stop at start-up with "no such module: fts5"; this file makes
// the build itself stop instead, and the compiler's "undefined:" message
// below says how to build: `make build` (the Makefile exports
// GOFLAGS=-tags=sqlite_fts5), or go build -tags sqlite_fts5.
var _ = backwise_needs_build_tag_sqlite_fts5__use_make_or_GOFLAGS_equals_tags_sqlite_fts5
