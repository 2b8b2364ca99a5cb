package e2e

import (
	"fmt"
	"strings"
	"testing"
)

// axeTags are the rule sets that must pass: WCAG 2.0, 2.1 and 2.2, A and AA.
const axeTags = `['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']`

// axeViolation is one failed axe rule with the elements that fail it.
type axeViolation struct {
	ID      string    `json:"id"`
	Impact  string    `json:"impact"`
	Help    string    `json:"help"`
	HelpURL string    `json:"helpUrl"`
	Nodes   []axeNode `json:"nodes"`
}

type axeNode struct {
	Target  string `json:"target"`
	HTML    string `json:"html"`
	Summary string `json:"summary"`
}

// runAxe injects axe-core into the tab's page, once per document, and
// returns the violations of the WCAG A and AA rules. axe resolves a promise
// on timers, so it needs a tab with JavaScript.
func runAxe(tb *tab) []axeViolation {
	tb.t.Helper()
	if !tb.js {
		tb.t.Fatal("axe-core needs a tab with JavaScript enabled")
	}
	if !evalJS[bool](tb, `typeof window.axe === 'object'`) {
		evalJS[bool](tb, axeSource+"\n;true")
	}
	return evalJS[[]axeViolation](tb, `axe.run(document, {
  runOnly: {type: 'tag', values: `+axeTags+`},
  resultTypes: ['violations'],
}).then(r => r.violations.map(v => ({
  id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
  nodes: v.nodes.map(n => ({
    target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : String(t)).join(' | '),
    html: n.html, summary: n.failureSummary || '',
  })),
})))`)
}

// checkAxe fails t once per violated rule, naming every failing element.
func checkAxe(t *testing.T, tb *tab, scheme string) {
	t.Helper()
	tb = tb.For(t)
	tb.colorScheme(scheme)
	defer tb.colorScheme("light")
	if !evalJS[bool](tb, `matchMedia('(prefers-color-scheme: `+scheme+`)').matches`) {
		t.Fatalf("harness: the page does not see prefers-color-scheme: %s", scheme)
	}
	for _, v := range runAxe(tb) {
		t.Error(formatViolation(v, scheme, tb.url()))
	}
}

func formatViolation(v axeViolation, scheme, url string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "axe %s (%s) on %s in %s scheme: %s\n    %s", v.ID, v.Impact, url, scheme, v.Help, v.HelpURL)
	for i, n := range v.Nodes {
		if i == 8 {
			fmt.Fprintf(&b, "\n  … and %d more elements", len(v.Nodes)-i)
			break
		}
		fmt.Fprintf(&b, "\n  - target: %s\n    html:   %s", n.Target, abbreviate(n.HTML, 240))
		if s := strings.TrimSpace(n.Summary); s != "" {
			fmt.Fprintf(&b, "\n    why:    %s", strings.ReplaceAll(s, "\n", "\n            "))
		}
	}
	return b.String()
}
