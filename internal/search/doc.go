// Package search is Backwise's site search: an in-memory SQLite FTS5 index
// over articles and routines, built once at start-up from documents the web
// layer hands in, and queried with whatever a visitor types.
//
// It returns plain data (hits, highlighted fragments, spelling suggestions),
// never HTML, so the caller stays in charge of escaping. Nothing here knows
// about HTTP or templates.
//
// Build and test with -tags sqlite_fts5: without it go-sqlite3 has no FTS5.
package search
