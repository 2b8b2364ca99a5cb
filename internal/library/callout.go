package library

import (
	"fmt"
	"regexp"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A callout is a blockquote whose first line is a marker such as [!URGENT]
// (the syntax GitHub uses for alerts). It renders as a boxed note whose kind
// is written out in words, so the urgency never depends on colour alone.

// KindCallout is the AST node kind of a callout box.
var KindCallout = ast.NewNodeKind("Callout")

// Callout is a "get help now", "see a doctor" or "good to know" box.
type Callout struct {
	ast.BaseBlock
	Variant string // urgent, doctor or note
}

// Kind implements ast.Node.
func (n *Callout) Kind() ast.NodeKind { return KindCallout }

// Dump implements ast.Node.
func (n *Callout) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Variant": n.Variant}, nil)
}

// calloutLabels is the visible heading of each kind of box.
var calloutLabels = map[string]string{
	"urgent": "Get help now",
	"doctor": "See a doctor",
	"note":   "Good to know",
}

var calloutMarker = regexp.MustCompile(`^\s*\[!(URGENT|DOCTOR|NOTE)\]\s*$`)

type calloutTransformer struct{}

func (calloutTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var quotes []*ast.Blockquote
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if q, ok := n.(*ast.Blockquote); ok && entering {
			quotes = append(quotes, q)
		}
		return ast.WalkContinue, nil
	})
	for _, q := range quotes {
		p, ok := q.FirstChild().(*ast.Paragraph)
		if !ok || p.Lines().Len() == 0 {
			continue
		}
		first := p.Lines().At(0)
		m := calloutMarker.FindSubmatch(first.Value(src))
		if m == nil {
			continue
		}
		// Drop the inline nodes that came from the marker line.
		for c := p.FirstChild(); c != nil; {
			next := c.NextSibling()
			if t, ok := c.(*ast.Text); ok && t.Segment.Start >= first.Start && t.Segment.Stop <= first.Stop {
				p.RemoveChild(p, c)
			} else if !ok {
				break
			}
			c = next
		}
		if p.ChildCount() == 0 {
			q.RemoveChild(q, p)
		}
		box := &Callout{Variant: map[string]string{"URGENT": "urgent", "DOCTOR": "doctor", "NOTE": "note"}[string(m[1])]}
		for c := q.FirstChild(); c != nil; {
			next := c.NextSibling()
			box.AppendChild(box, c)
			c = next
		}
		q.Parent().ReplaceChild(q.Parent(), q, box)
	}
}

func renderCallout(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Callout)
	if entering {
		fmt.Fprintf(w, "<div class=\"callout callout--%s\" role=\"note\">\n<p class=\"callout__label\"><strong>%s</strong></p>\n",
			n.Variant, calloutLabels[n.Variant])
	} else {
		w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}
