package web

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// Tests look at elements, not substrings: a page is parsed once, and
// elements are found by a small subset of CSS selectors, mostly
// [data-testid=...] hooks.
//
// Supported: tag or *, #id, .class, [attr], [attr=value] and
// [attr^=prefix] (values may be quoted), compounds of these (a.tag[href]),
// and the descendant combinator (space). Anything else fails the test.

// htmlDoc is a parsed page and the test it reports to.
type htmlDoc struct {
	t    *testing.T
	root *html.Node
}

// parsePage parses a page's HTML; it fails the test if that is impossible.
func parsePage(t *testing.T, page string) *htmlDoc {
	t.Helper()
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("parse HTML: %v", err)
	}
	return &htmlDoc{t: t, root: root}
}

// all returns every element matching sel, in document order.
func (d *htmlDoc) all(sel string) []*html.Node {
	d.t.Helper()
	return selectAll(d.t, d.root, sel)
}

// has reports whether any element matches sel.
func (d *htmlDoc) has(sel string) bool {
	d.t.Helper()
	return len(d.all(sel)) > 0
}

// one returns the first element matching sel, failing the test if none does.
func (d *htmlDoc) one(sel string) *html.Node {
	d.t.Helper()
	found := d.all(sel)
	if len(found) == 0 {
		d.t.Fatalf("no element matches %s", sel)
	}
	return found[0]
}

// text is the text of the first element matching sel, whitespace
// collapsed; "" when none matches.
func (d *htmlDoc) text(sel string) string {
	d.t.Helper()
	found := d.all(sel)
	if len(found) == 0 {
		return ""
	}
	return textOf(found[0])
}

// attrs lists attribute key of every element matching sel.
func (d *htmlDoc) attrs(sel, key string) []string {
	d.t.Helper()
	var out []string
	for _, n := range d.all(sel) {
		out = append(out, attrOf(n, key))
	}
	return out
}

// textOf is an element's text content with whitespace collapsed.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// attrOf is the value of an element's attribute, "" when it has none.
func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func attrPresent(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// compound is one part of a selector between spaces.
type compound struct {
	tag     string
	id      string
	classes []string
	attrs   []attrTest
}

// attrTest is [key], [key=value] or [key^=value].
type attrTest struct {
	key, value string
	op         string // "", "=" or "^="
}

func (c compound) matches(n *html.Node) bool {
	if n.Type != html.ElementNode || (c.tag != "" && c.tag != "*" && n.Data != c.tag) {
		return false
	}
	if c.id != "" && attrOf(n, "id") != c.id {
		return false
	}
	classes := strings.Fields(attrOf(n, "class"))
	for _, want := range c.classes {
		found := false
		for _, have := range classes {
			found = found || have == want
		}
		if !found {
			return false
		}
	}
	for _, a := range c.attrs {
		v := attrOf(n, a.key)
		switch {
		case !attrPresent(n, a.key):
			return false
		case a.op == "=" && v != a.value, a.op == "^=" && !strings.HasPrefix(v, a.value):
			return false
		}
	}
	return true
}

// parseSelector splits sel into compounds; it fails the test on syntax it
// does not support, so a typo never silently matches nothing.
func parseSelector(t *testing.T, sel string) []compound {
	t.Helper()
	var out []compound
	for _, part := range splitOutsideBrackets(sel) {
		var c compound
		rest := part
		name := func() string {
			i := strings.IndexAny(rest, ".#[")
			if i < 0 {
				i = len(rest)
			}
			s := rest[:i]
			rest = rest[i:]
			return s
		}
		c.tag = name()
		if c.tag != "" && c.tag != "*" && strings.ContainsAny(c.tag, ">+~:,()") {
			t.Fatalf("selector %q: combinator or pseudo-class %q is not supported (use descendant selectors)", sel, c.tag)
		}
		for rest != "" {
			switch rest[0] {
			case '#':
				rest = rest[1:]
				c.id = name()
			case '.':
				rest = rest[1:]
				c.classes = append(c.classes, name())
			case '[':
				end := strings.IndexByte(rest, ']')
				if end < 0 {
					t.Fatalf("selector %q: unclosed [", sel)
				}
				inner := rest[1:end]
				rest = rest[end+1:]
				a := attrTest{key: inner}
				if k, v, ok := strings.Cut(inner, "="); ok {
					a = attrTest{key: k, value: strings.Trim(v, `"'`), op: "="}
					if strings.HasSuffix(k, "^") {
						a.key, a.op = strings.TrimSuffix(k, "^"), "^="
					}
				}
				if a.key == "" || strings.ContainsAny(a.key, "~|$*! ") {
					t.Fatalf("selector %q: unsupported attribute test [%s]", sel, inner)
				}
				c.attrs = append(c.attrs, a)
			default:
				t.Fatalf("selector %q: unsupported syntax at %q", sel, rest)
			}
		}
		if c.tag == "" && c.id == "" && len(c.classes) == 0 && len(c.attrs) == 0 {
			t.Fatalf("selector %q: empty part", sel)
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		t.Fatalf("empty selector")
	}
	return out
}

// splitOutsideBrackets splits on spaces that are not inside [...].
func splitOutsideBrackets(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i, r := range s {
		switch {
		case r == '[':
			depth++
		case r == ']':
			depth--
		case r == ' ' && depth == 0:
			if i > start {
				parts = append(parts, s[start:i])
			}
			start = i + 1
		}
	}
	if start < len(s) {
		parts = append(parts, s[start:])
	}
	return parts
}

// selectAll finds the elements under root matching sel: the last compound
// matches the element, and each earlier one some ancestor, in order.
func selectAll(t *testing.T, root *html.Node, sel string) []*html.Node {
	t.Helper()
	parts := parseSelector(t, sel)
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if parts[len(parts)-1].matches(n) && ancestorsMatch(n.Parent, parts[:len(parts)-1]) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return out
}

func ancestorsMatch(n *html.Node, parts []compound) bool {
	if len(parts) == 0 {
		return true
	}
	for ; n != nil; n = n.Parent {
		if parts[len(parts)-1].matches(n) {
			return ancestorsMatch(n.Parent, parts[:len(parts)-1])
		}
	}
	return false
}

// The helper's own checks, on a page small enough to read.
func TestHTMLHelper(t *testing.T) {
	d := parsePage(t, `<main id="main"><ol data-testid="list" class="a b"><li><a href="/x">One</a></li>
<li><a href="/y" rel="next">  Two
 words </a></li></ol><p data-testid="list">not a list</p></main>`)
	if got := d.attrs(`[data-testid=list] a`, "href"); strings.Join(got, " ") != "/x /y" {
		t.Errorf("descendant hrefs = %q", got)
	}
	if got := d.text(`ol.a.b a[rel=next]`); got != "Two words" {
		t.Errorf("text = %q", got)
	}
	if n := len(d.all(`[data-testid="list"]`)); n != 2 {
		t.Errorf("quoted attribute matched %d elements", n)
	}
	if d.has(`ol.c`) || d.has(`main#other a`) || !d.has(`#main li a[href]`) {
		t.Error("class, id or presence matching is wrong")
	}
	if got := d.attrs(`main * a[href^="/y"]`, "href"); len(got) != 1 {
		t.Errorf("prefix match under * = %q", got)
	}
}
