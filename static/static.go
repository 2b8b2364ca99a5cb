// Package static embeds the site's CSS, JavaScript and icons. The web
// package serves them under content-hashed URLs with a one-year cache.
package static

import "embed"

// FS holds the static files, by path relative to this folder.
//
//go:embed css js favicon.svg
var FS embed.FS
