// Package library loads Backwise's written content — articles today, routines
// later — from a file system once at start-up: it parses the YAML front
// matter, converts the Markdown with a single goldmark instance, and checks
// everything an author can get wrong, reporting each problem as file:line.
//
// Nothing here knows about HTTP or SQL; the web layer only reads the result.
package library
