package plan

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
	"time"
)

// node is any XML element, kept whole so tests can walk the SVG.
type node struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Children []node     `xml:",any"`
	Text     string     `xml:",chardata"`
}

func (n node) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (n node) hasClass(c string) bool { return strings.Contains(" "+n.attr("class")+" ", " "+c+" ") }

// all returns n and every element below it, depth first.
func (n node) all() []node {
	out := []node{n}
	for _, c := range n.Children {
		out = append(out, c.all()...)
	}
	return out
}

func (n node) find(match func(node) bool) []node {
	var out []node
	for _, d := range n.all() {
		if match(d) {
			out = append(out, d)
		}
	}
	return out
}

func named(name string) func(node) bool { return func(n node) bool { return n.XMLName.Local == name } }

// parseSVG fails the test unless svg is well-formed XML.
func parseSVG(t *testing.T, svg string) node {
	t.Helper()
	var root node
	if err := xml.Unmarshal([]byte(svg), &root); err != nil {
		t.Fatalf("chart is not well-formed XML: %v\n%s", err, svg)
	}
	return root
}

func TestChart(t *testing.T) {
	const hostile = `<script>&"`
	many := make([]CheckIn, 52)
	for i := range many {
		many[i] = CheckIn{On: day(2025, time.January, 6).AddDate(0, 0, 7*i), Pain: 8 - i%5, Interference: i % 11, Ease: 10 - i%11}
	}
	// Eight check-ins in one week, then one a year later: points crowd at the left.
	clustered := make([]CheckIn, 9)
	for i := range 8 {
		clustered[i] = CheckIn{On: day(2025, time.January, 1).AddDate(0, 0, i), Pain: 5}
	}
	clustered[8] = CheckIn{On: day(2026, time.January, 1), Pain: 3}
	sameDay := []CheckIn{{On: day(2025, time.December, 1), Pain: 5}, {On: day(2025, time.December, 1), Pain: 6}}

	tests := []struct {
		name     string
		cs       []CheckIn
		activity string
		series   []string
		desc     []string // phrases the description must hold
	}{
		{"one check-in", weekly([3]int{7, 6, 3}), "gardening", []string{"chart__pain", "chart__interference", "chart__ease"},
			[]string{"One check-in, on 1 Dec 2025: pain 7, gets in the way 6, ease of gardening 3"}},
		{"five weeks", weekly([3]int{7, 6, 3}, [3]int{6, 6, 3}, [3]int{6, 5, 4}, [3]int{5, 4, 5}, [3]int{4, 3, 6}), "gardening",
			[]string{"chart__pain", "chart__interference", "chart__ease"},
			[]string{"between 1 Dec and 29 Dec 2025", "Pain went from 7 to 4", "gets in the way went from 6 to 3", "Ease of gardening went from 3 to 6"}},
		{"52 weeks", many, "walking the dog", []string{"chart__pain", "chart__interference", "chart__ease"},
			[]string{"52 check-ins between 6 Jan and 29 Dec 2025"}},
		{"no activity: two lines", weekly([3]int{7, 6, 3}, [3]int{4, 3, 6}), "  ", []string{"chart__pain", "chart__interference"},
			[]string{"Pain went from 7 to 4"}},
		{"hostile activity", weekly([3]int{7, 6, 3}, [3]int{7, 3, 6}), hostile, []string{"chart__pain", "chart__interference", "chart__ease"},
			[]string{"Pain stayed at 7", "Ease of " + hostile + " went from 3 to 6"}},
		{"characters XML forbids", weekly([3]int{7, 6, 3}), "bad\x00\x1b byte", []string{"chart__pain", "chart__interference", "chart__ease"}, nil},
		{"crowded at one end, across a year", clustered, "", []string{"chart__pain", "chart__interference"},
			[]string{"between 1 Jan 2025 and 1 Jan 2026"}},
		{"two on one day", sameDay, "", []string{"chart__pain", "chart__interference"}, []string{"Pain went from 5 to 6"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := string(Chart(tt.cs, tt.activity))
			svg := parseSVG(t, out)

			if svg.XMLName.Local != "svg" || svg.attr("role") != "img" || svg.attr("viewBox") == "" {
				t.Errorf("root <%s role=%q viewBox=%q>, want <svg role=img> with a viewBox", svg.XMLName.Local, svg.attr("role"), svg.attr("viewBox"))
			}
			checkLabelled(t, svg)
			desc := svg.find(named("desc"))[0].Text
			for _, want := range tt.desc {
				if !strings.Contains(desc, want) {
					t.Errorf("desc %q lacks %q", desc, want)
				}
			}
			checkNoStyleOrColour(t, svg)
			if strings.Contains(out, "<script") {
				t.Error("the activity label reached the output unescaped")
			}

			groups := svg.find(func(n node) bool { return n.hasClass("chart__series") })
			if len(groups) != len(tt.series) {
				t.Fatalf("%d series, want %d", len(groups), len(tt.series))
			}
			dashes := map[string]bool{}
			markers := map[string]bool{}
			for i, g := range groups {
				if !g.hasClass(tt.series[i]) {
					t.Errorf("series %d has class %q, want %s", i, g.attr("class"), tt.series[i])
				}
				lines := g.find(named("polyline"))
				if len(lines) != 1 {
					t.Fatalf("series %s has %d polylines, want 1", tt.series[i], len(lines))
				}
				if n := len(strings.Fields(lines[0].attr("points"))); n != len(tt.cs) {
					t.Errorf("series %s has %d points, want %d", tt.series[i], n, len(tt.cs))
				}
				marks := g.Children[1:]
				if len(marks) != len(tt.cs) {
					t.Errorf("series %s has %d markers, want one per check-in (%d)", tt.series[i], len(marks), len(tt.cs))
				}
				dashes[lines[0].attr("stroke-dasharray")] = true
				markers[marks[0].XMLName.Local] = true
			}
			if len(dashes) != len(groups) || len(markers) != len(groups) {
				t.Errorf("dash patterns %v and marker shapes %v: each series needs its own of both", dashes, markers)
			}

			legend := svg.find(func(n node) bool { return n.hasClass("chart__legend") })
			if len(legend) != 1 || len(legend[0].find(named("text"))) != len(tt.series) {
				t.Errorf("want one legend with a text per series")
			}

			checkDateLabels(t, svg, tt.cs)
		})
	}
}

func TestChartEscapesTheActivity(t *testing.T) {
	out := string(Chart(weekly([3]int{7, 6, 3}, [3]int{4, 3, 6}), `<script>&"`))
	if !strings.Contains(out, "Ease of &lt;script&gt;&amp;&#34; (10 = easy)") {
		t.Errorf("legend not escaped as expected:\n%s", out)
	}
}

func TestChartOfNothingIsEmpty(t *testing.T) {
	if got := Chart(nil, "gardening"); got != "" {
		t.Errorf("Chart(nil) = %q, want \"\"", got)
	}
}

// checkLabelled wants a title and a description, named by aria-labelledby.
func checkLabelled(t *testing.T, svg node) {
	t.Helper()
	titles, descs := svg.find(named("title")), svg.find(named("desc"))
	if len(titles) != 1 || len(descs) != 1 || strings.TrimSpace(titles[0].Text) == "" || strings.TrimSpace(descs[0].Text) == "" {
		t.Fatalf("want one non-empty <title> and one <desc>, got %d and %d", len(titles), len(descs))
	}
	want := titles[0].attr("id") + " " + descs[0].attr("id")
	if got := svg.attr("aria-labelledby"); got != want || titles[0].attr("id") == "" {
		t.Errorf("aria-labelledby = %q, want %q", got, want)
	}
}

// checkNoStyleOrColour enforces the CSP and the theme: no style attribute or
// element, no script, and colours only through currentColor.
func checkNoStyleOrColour(t *testing.T, svg node) {
	t.Helper()
	for _, n := range svg.all() {
		switch n.XMLName.Local {
		case "style", "script", "foreignObject":
			t.Errorf("unexpected <%s> element", n.XMLName.Local)
		}
		for _, a := range n.Attrs {
			switch a.Name.Local {
			case "style":
				t.Errorf("<%s> has a style attribute", n.XMLName.Local)
			case "fill", "stroke", "color":
				if a.Value != "currentColor" && a.Value != "none" {
					t.Errorf("<%s %s=%q>: colours must come from currentColor", n.XMLName.Local, a.Name.Local, a.Value)
				}
			}
		}
	}
}

// checkDateLabels wants between 1 and 6 date labels that do not touch, the
// first check-in's among them, and the last one's when the dates differ.
func checkDateLabels(t *testing.T, svg node, cs []CheckIn) {
	t.Helper()
	groups := svg.find(func(n node) bool { return n.hasClass("chart__dates") })
	if len(groups) != 1 {
		t.Fatalf("want one group of date labels, got %d", len(groups))
	}
	labels := groups[0].find(named("text"))
	if len(labels) < 1 || len(labels) > 6 {
		t.Fatalf("%d date labels, want 1 to 6", len(labels))
	}
	if got, want := labels[0].Text, cs[0].On.Format("2 Jan"); got != want {
		t.Errorf("first date label %q, want %q", got, want)
	}
	if last := cs[len(cs)-1].On; !last.Equal(cs[0].On) {
		if got, want := labels[len(labels)-1].Text, last.Format("2 Jan"); got != want {
			t.Errorf("last date label %q, want %q", got, want)
		}
	}
	var prev float64
	for i, l := range labels {
		var x float64
		if _, err := fmt.Sscan(l.attr("x"), &x); err != nil {
			t.Fatalf("label x %q: %v", l.attr("x"), err)
		}
		if i > 0 && x-prev < 50 {
			t.Errorf("labels %q and %q are %.1f units apart: they would touch", labels[i-1].Text, l.Text, x-prev)
		}
		prev = x
	}
}
