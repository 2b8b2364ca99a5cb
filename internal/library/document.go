package library

import (
	"bytes"
	"html"
	"html/template"
	"sort"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// body is a converted Markdown body with what the loader learned on the way.
type body struct {
	HTML        template.HTML
	TOC         []Heading
	Words       int
	Readability float64
	Links       []link // internal links, checked once every file is loaded
	Steps       []int  // with convertOptions.steps: each step's seconds
	Text        string // plain text of the body
}

// convertOptions says what a body is checked against.
type convertOptions struct {
	references int                    // how many references {{ref:N}} may cite
	figures    map[string]string      // known figures
	warnings   map[string]WarningList // known warning-sign lists
	urgency    *urgencyChecker        // nil: no free-text urgency check
	hardCoded  *hardCodedChecker      // nil: no check for numbers and service names
	steps      bool                   // a routine: find and mark its Steps list
	regions    []Region               // callout sentences are measured in each region's words
}

// link is an internal link found in a body, with its file line.
type link struct {
	Target string
	Line   int
}

// converter turns one file's Markdown body into HTML, reporting problems
// against the file's own line numbers.
type converter struct {
	md        goldmark.Markdown
	src       []byte
	firstLine int // file line of the body's first byte
	lineStart []int
	c         collector
}

func convert(md goldmark.Markdown, src []byte, firstLine int, c collector, opts convertOptions) body {
	references, figures := opts.references, opts.figures
	cv := &converter{md: md, src: src, firstLine: firstLine, c: c}
	cv.lineStart = []int{0}
	for i, b := range src {
		if b == '\n' {
			cv.lineStart = append(cv.lineStart, i+1)
		}
	}
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
	var out body
	cited := map[int]bool{}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			cv.heading(n, &out)
		case *ast.Link:
			dest := string(n.Destination)
			if strings.HasPrefix(dest, "/") {
				out.Links = append(out.Links, link{Target: dest, Line: cv.nodeLine(n)})
			}
		case *ast.RawHTML, *ast.HTMLBlock:
			c.add(cv.nodeLine(n), "raw HTML is not allowed in content (it would not be shown); use Markdown, a callout or a shortcode")
		case *Shortcode:
			cv.shortcode(n, references, figures, cited)
		case *Figure:
			if _, ok := figures[n.Name]; !ok {
				c.add(cv.line(n.Offset), "unknown figure %q (known: %s)", n.Name, strings.Join(sortedKeys(figures), ", "))
			}
		case *WarningSigns:
			if _, ok := opts.warnings[n.ID]; !ok {
				c.add(cv.line(n.Offset), "unknown warning-sign list %q (known: %s)", n.ID, warningIDs(opts.warnings))
			}
		}
		return ast.WalkContinue, nil
	})
	for i := 1; i <= references; i++ {
		if !cited[i] {
			c.add(0, "reference %d is listed but never cited with {{ref:%d}}", i, i)
		}
	}
	cv.checkText(doc, opts.urgency, opts.hardCoded)
	cv.checkCalloutSentences(doc, opts.regions)
	if opts.steps {
		out.Steps = cv.markSteps(doc)
	}
	out.Words, out.Readability = readability(doc, src)
	out.Text = documentText(doc, src)
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, src, doc); err != nil {
		c.add(0, "could not render Markdown: %v", err)
	}
	out.HTML = template.HTML(buf.String())
	return out
}

func (cv *converter) heading(n *ast.Heading, out *body) {
	line := cv.nodeLine(n)
	if n.Level == 1 {
		cv.c.add(line, "use ## and ### headings: the title is the page's only top-level heading")
		return
	}
	if n.Level > 3 {
		return
	}
	id, _ := n.AttributeString("id")
	idBytes, _ := id.([]byte)
	out.TOC = append(out.TOC, Heading{Level: n.Level, ID: string(idBytes), Text: plainText(n, cv.src)})
}

func (cv *converter) shortcode(n *Shortcode, references int, figures map[string]string, cited map[int]bool) {
	line := cv.line(n.Offset)
	switch n.Name {
	case "ref":
		i, err := strconv.Atoi(n.Arg)
		if err != nil || i < 1 || i > references {
			cv.c.add(line, "{{ref:%s}} does not match a reference (this file lists %d)", n.Arg, references)
			return
		}
		cited[i] = true
	case "evidence":
		if _, ok := evidenceLevel(n.Arg); !ok {
			cv.c.add(line, "unknown evidence level %q (use one of: %s)", n.Arg, strings.Join(evidenceIDs(), ", "))
		}
	case "emergency-number", "emergency-department", "urgent-service", "urgent-number", "urgent-url", "urgent-help",
		"gp", "gp-practice", "physio", "maternity":
		// A region word, written out for each reader's region.
	case "figure", "warning-signs":
		cv.c.add(line, "{{%s:%s}} must stand on a line of its own", n.Name, n.Arg)
	case "duration":
		if _, ok := parseDuration(n.Arg); !ok {
			cv.c.add(line, "{{duration:%s}} must be a number of seconds or minutes, like 30s or 2m", n.Arg)
		}
	default:
		cv.c.add(line, "unknown shortcode {{%s}} (use ref, evidence, figure, warning-signs, duration or a region word: %s)", n.Name, strings.Join(RegionTokens, ", "))
	}
}

// line converts a byte offset in the body to a file line.
func (cv *converter) line(offset int) int {
	i := sort.Search(len(cv.lineStart), func(i int) bool { return cv.lineStart[i] > offset }) - 1
	return cv.firstLine + i
}

// nodeLine finds the first source position under a node: block nodes carry
// their lines, inline nodes are found through their first text segment.
func (cv *converter) nodeLine(n ast.Node) int {
	for x := n; x != nil; x = x.Parent() {
		if x.Type() == ast.TypeBlock && x.Lines().Len() > 0 {
			if x == n {
				return cv.line(x.Lines().At(0).Start)
			}
			break
		}
	}
	found := -1
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			found = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if found >= 0 {
		return cv.line(found)
	}
	for x := n.Parent(); x != nil; x = x.Parent() {
		if x.Type() == ast.TypeBlock && x.Lines().Len() > 0 {
			return cv.line(x.Lines().At(0).Start)
		}
	}
	return cv.firstLine
}

// plainText returns the readable text under a node, with typographer
// entities turned back into characters.
func plainText(n ast.Node, src []byte) string { return textOf(n, src, false) }

// textWithTokens is plainText with region words kept as {{token}}, so
// "call {{emergency-number}} if you have chest pain" still reads as an
// urgency to the checks.
func textWithTokens(n ast.Node, src []byte) string { return textOf(n, src, true) }

func textOf(n ast.Node, src []byte, tokens bool) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.WriteString(html.UnescapeString(string(t.Value)))
		case *Shortcode:
			if tokens && isRegionToken(t.Name) {
				b.WriteString("{{" + t.Name + "}}")
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// markSteps finds the numbered list under the "Steps" heading, gives it the
// class the step timer looks for, and checks every item starts with its
// duration. It returns each step's seconds.
func (cv *converter) markSteps(doc ast.Node) []int {
	var list *ast.List
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level == 2 && plainText(h, cv.src) == "Steps" {
			if l, ok := h.NextSibling().(*ast.List); ok && l.IsOrdered() {
				list = l
			}
			break
		}
	}
	if list == nil {
		return nil
	}
	list.SetAttributeString("class", []byte("routine-steps"))
	var seconds []int
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		var first ast.Node
		if block := item.FirstChild(); block != nil {
			first = block.FirstChild()
		}
		sc, ok := first.(*Shortcode)
		d, valid := 0, false
		if ok && sc.Name == "duration" {
			d, valid = parseDuration(sc.Arg)
		}
		if !valid {
			cv.c.add(cv.nodeLine(item), "each step must start with its duration, like {{duration:30s}}")
			continue
		}
		seconds = append(seconds, d)
	}
	return seconds
}
