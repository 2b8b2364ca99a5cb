// Package content embeds Backwise's articles and figures in the binary, so
// a single file is all a server needs. Authors edit the files beside this
// one; `backwise check` validates them and `serve -dev` reloads them.
package content

import "embed"

// FS holds articles/*.md, routines/*.md, figures/*.svg and regions.yaml.
//
//go:embed articles/*.md routines/*.md figures/*.svg regions.yaml
var FS embed.FS
