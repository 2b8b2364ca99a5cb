package library

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// newMarkdown builds the one goldmark instance the library uses for every
// file. Raw HTML stays off (goldmark's default): authors get callouts,
// shortcodes, figures and warning-sign lists instead, all of which we check.
func newMarkdown(figures map[string]string, warnings map[string]WarningList) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Typographer, extension.Footnote),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithInlineParsers(util.Prioritized(shortcodeParser{}, 100)),
			parser.WithASTTransformers(
				util.Prioritized(calloutTransformer{}, 100),
				util.Prioritized(figureTransformer{}, 200),
			),
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(&shortcodeRenderer{figures: figures, warnings: warnings}, 100)),
		),
	)
}
