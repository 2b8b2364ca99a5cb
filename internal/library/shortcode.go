package library

import (
	"bytes"
	"fmt"
	"html"
	"strconv"

	"backwise/internal/paths"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Shortcodes are our one bit of syntax beyond Markdown, written {{name:arg}}:
//
//	{{ref:2}}             a citation of the article's second reference
//	{{evidence:moderate}} a strength-of-evidence badge
//	{{figure:back-map}}   an illustration, on a line of its own
//	{{warning-signs:urgent}} a list of warning signs from the rule table, on a line of its own
//
// Raw HTML is off in our Markdown, so this is how authors reach the few
// pieces of markup an article needs, and each one is checked at load time.

// KindShortcode is the AST node kind of a {{name:arg}} shortcode.
var KindShortcode = ast.NewNodeKind("Shortcode")

// Shortcode is an inline {{name:arg}} node.
type Shortcode struct {
	ast.BaseInline
	Name, Arg string
	Offset    int // byte offset in the source, for error lines
}

// Kind implements ast.Node.
func (n *Shortcode) Kind() ast.NodeKind { return KindShortcode }

// Dump implements ast.Node.
func (n *Shortcode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.Name, "Arg": n.Arg}, nil)
}

// EvidenceLevel is one strength-of-evidence label: the word authors write
// in {{evidence:ID}}, the badge text, and what it means for a reader (shown
// on the evidence key page every badge links to).
type EvidenceLevel struct {
	ID, Label, Meaning string
}

// EvidenceLevels are the labels, strongest first. They follow the GRADE
// approach to certainty that Cochrane and NICE use, in plain words.
var EvidenceLevels = []EvidenceLevel{
	{"high", "High-quality evidence",
		"Several good studies, often brought together in a review or a national guideline, agree. New research is very unlikely to change the answer."},
	{"moderate", "Moderate evidence",
		"Good studies point the same way, but there are fewer of them or they have some flaws. New research may change how big the effect is."},
	{"low", "Low-quality evidence",
		"There are some studies, but they are small, short or flawed, or they disagree. New research could well change the answer."},
	{"very-low", "Very low-quality evidence",
		"There is very little research, and what there is has serious flaws. We cannot be sure of the answer."},
	{"expert-opinion", "Expert opinion",
		"No good studies have tested this. The advice comes from guideline panels or experienced clinicians agreeing on what is sensible and safe."},
}

// evidenceLevel finds a label by its ID.
func evidenceLevel(id string) (EvidenceLevel, bool) {
	for _, l := range EvidenceLevels {
		if l.ID == id {
			return l, true
		}
	}
	return EvidenceLevel{}, false
}

func evidenceIDs() []string {
	ids := make([]string, len(EvidenceLevels))
	for i, l := range EvidenceLevels {
		ids[i] = l.ID
	}
	return ids
}

type shortcodeParser struct{}

func (shortcodeParser) Trigger() []byte { return []byte{'{'} }

func (shortcodeParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("{{")) {
		return nil
	}
	end := bytes.Index(line, []byte("}}"))
	if end < 0 {
		return nil
	}
	inner := string(line[2:end])
	name, arg, ok := cut(inner, ':')
	if !ok && isRegionToken(name) {
		// {{gp}}: a region word, with no argument.
		ok = true
	}
	if !ok || name == "" {
		return nil
	}
	block.Advance(end + 2)
	return &Shortcode{Name: name, Arg: arg, Offset: seg.Start}
}

func cut(s string, sep byte) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == sep {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// KindFigure is the AST node kind of a block-level figure.
var KindFigure = ast.NewNodeKind("Figure")

// Figure is a paragraph that held only a {{figure:name}} shortcode.
type Figure struct {
	ast.BaseBlock
	Name   string
	Offset int
}

// Kind implements ast.Node.
func (n *Figure) Kind() ast.NodeKind { return KindFigure }

// Dump implements ast.Node.
func (n *Figure) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.Name}, nil)
}

// figureTransformer lifts a paragraph holding only a figure or warning-signs
// shortcode to a block, so it is not wrapped in a <p> (which may not hold
// <figure> or a list).
type figureTransformer struct{}

func (figureTransformer) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var paragraphs []*ast.Paragraph
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if p, ok := n.(*ast.Paragraph); ok && entering && p.ChildCount() == 1 {
			if sc, ok := p.FirstChild().(*Shortcode); ok && (sc.Name == "figure" || sc.Name == "warning-signs") {
				paragraphs = append(paragraphs, p)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, p := range paragraphs {
		sc := p.FirstChild().(*Shortcode)
		var block ast.Node = &Figure{Name: sc.Arg, Offset: sc.Offset}
		if sc.Name == "warning-signs" {
			block = &WarningSigns{ID: sc.Arg, Offset: sc.Offset}
		}
		p.Parent().ReplaceChild(p.Parent(), p, block)
	}
}

// shortcodeRenderer writes shortcodes, figures and callouts as HTML.
type shortcodeRenderer struct {
	figures  map[string]string      // name -> SVG markup, our own reviewed files
	warnings map[string]WarningList // id -> list, from the rule table
}

func (r *shortcodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindShortcode, r.renderShortcode)
	reg.Register(KindFigure, r.renderFigure)
	reg.Register(KindWarningSigns, r.renderWarningSigns)
	reg.Register(KindCallout, renderCallout)
}

func (r *shortcodeRenderer) renderShortcode(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*Shortcode)
	switch n.Name {
	case "ref":
		fmt.Fprintf(w, `<sup class="cite"><a href="#ref-%s" id="cite-%s-%d">[%s]<span class="visually-hidden"> reference %s</span></a></sup>`,
			html.EscapeString(n.Arg), html.EscapeString(n.Arg), n.Offset, html.EscapeString(n.Arg), html.EscapeString(n.Arg))
	case "duration":
		if d, ok := parseDuration(n.Arg); ok {
			fmt.Fprintf(w, `<span class="step-time" data-seconds="%d">%s</span> `, d, durationLabel(d))
		}
	case "emergency-number", "emergency-department", "urgent-service", "urgent-number", "urgent-url", "urgent-help",
		"gp", "gp-practice", "physio", "maternity":
		// Left as a token: each page is written out for the reader's region.
		fmt.Fprintf(w, "{{%s}}", n.Name)
	case "evidence":
		// A link to the key, so a reader can find out what the label means.
		l, _ := evidenceLevel(n.Arg)
		fmt.Fprintf(w, `<a class="evidence evidence--%s" href="%s"><span class="visually-hidden">Strength of evidence: </span>%s</a>`,
			html.EscapeString(l.ID), html.EscapeString(paths.EvidenceLevel(l.ID)), html.EscapeString(l.Label))
	}
	return ast.WalkSkipChildren, nil
}

func (r *shortcodeRenderer) renderFigure(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*Figure)
		fmt.Fprintf(w, "<figure class=\"figure figure--%s\">\n%s\n</figure>\n", html.EscapeString(n.Name), r.figures[n.Name])
	}
	return ast.WalkSkipChildren, nil
}

// parseDuration reads "30s" or "2m" as seconds (at most an hour).
func parseDuration(s string) (int, bool) {
	if len(s) < 2 {
		return 0, false
	}
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n <= 0 {
		return 0, false
	}
	switch s[len(s)-1] {
	case 's':
	case 'm':
		n *= 60
	default:
		return 0, false
	}
	return n, n <= 3600
}
