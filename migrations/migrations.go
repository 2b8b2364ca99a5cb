// Package migrations embeds the numbered SQL migrations that the store
// applies at start-up. A migration is never edited once it has landed: add a
// new numbered file instead.
package migrations

import "embed"

// FS holds the *.sql migration files.
//
//go:embed *.sql
var FS embed.FS
