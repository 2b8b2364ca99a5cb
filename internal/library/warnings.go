package library

import (
	"bufio"
	"bytes"
	"fmt"
	"html"
	"html/template"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// Warning signs are health facts, and the questionnaire's rule table is
// their one source. An article shows a list with {{warning-signs:ID}} on a
// line of its own, and the list is rendered from that table, so an article
// can never disagree with the questionnaire about how urgent a sign is.
// The library knows nothing of the questionnaire: callers pass the lists
// and the words to look for in Options.

// WarningList is one list of warning signs, as {{warning-signs:ID}} renders
// it in a care card.
type WarningList struct {
	Card    string // the care card: "immediate", "urgent" or "non-urgent"
	Label   string // the care card's words, e.g. "Urgent advice"
	Heading string // action first: "Get help today if you have back pain and:"
	Signs   []string
	Action  string // one line after the list
}

// SignTerm is a word or phrase that names an emergency or same-day warning
// sign (Rule names where it comes from, for the error message).
type SignTerm struct {
	Term string
	Rule string
}

// KindWarningSigns is the AST node kind of a block-level warning-sign list.
var KindWarningSigns = ast.NewNodeKind("WarningSigns")

// WarningSigns is a paragraph that held only a {{warning-signs:ID}}.
type WarningSigns struct {
	ast.BaseBlock
	ID     string
	Offset int
}

// Kind implements ast.Node.
func (n *WarningSigns) Kind() ast.NodeKind { return KindWarningSigns }

// Dump implements ast.Node.
func (n *WarningSigns) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.ID}, nil)
}

// renderWarningList writes a list as an NHS-style care card whose kind is
// written out in words, so urgency never depends on colour alone.
func renderWarningList(w util.BufWriter, id string, l WarningList) {
	fmt.Fprintf(w, "<div class=\"care-card care-card--%s care-card--list\" data-testid=\"warning-signs\" data-list=\"%s\">\n",
		html.EscapeString(l.Card), html.EscapeString(id))
	fmt.Fprintf(w, "<p class=\"care-card__kind\"><span class=\"visually-hidden\">%s: </span><span aria-hidden=\"true\">%s</span></p>\n",
		html.EscapeString(l.Label), html.EscapeString(l.Label))
	fmt.Fprintf(w, "<div class=\"care-card__body\">\n<p class=\"care-card__heading\"><strong>%s</strong></p>\n<ul>\n", html.EscapeString(l.Heading))
	for _, s := range l.Signs {
		fmt.Fprintf(w, "<li>%s</li>\n", html.EscapeString(s))
	}
	fmt.Fprintf(w, "</ul>\n<p>%s</p>\n</div>\n</div>\n", html.EscapeString(l.Action))
}

// WarningListHTML renders a list as {{warning-signs:ID}} does, for pages
// that show one outside an article (the home page, results).
func WarningListHTML(id string, l WarningList) template.HTML {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	renderWarningList(w, id, l)
	w.Flush()
	return template.HTML(b.String())
}

func (r *shortcodeRenderer) renderWarningSigns(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*WarningSigns)
		if l, ok := r.warnings[n.ID]; ok {
			renderWarningList(w, n.ID, l)
		}
	}
	return ast.WalkSkipChildren, nil
}

// urgencyChecker finds sentences that state how urgent a warning sign is in
// free text: a sentence that names a sign and an urgency ("call 999 if you
// have chest pain"). Such a sentence is the one place an article could
// drift from the questionnaire, so `backwise check` rejects it.
type urgencyChecker struct {
	signs   []SignTerm
	signRe  []*regexp.Regexp
	urgency []*regexp.Regexp
	words   []string
}

func newUrgencyChecker(signs []SignTerm, urgency []string) *urgencyChecker {
	if len(signs) == 0 || len(urgency) == 0 {
		return nil
	}
	u := &urgencyChecker{signs: signs, words: urgency}
	for _, s := range signs {
		u.signRe = append(u.signRe, wholeWords(s.Term))
	}
	for _, t := range urgency {
		u.urgency = append(u.urgency, wholeWords(t))
	}
	return u
}

// wholeWords matches term as whole words, ignoring case, so "pee" does not
// match "speed".
func wholeWords(term string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)(^|[^\pL\pN])` + regexp.QuoteMeta(term) + `($|[^\pL\pN])`)
}

// sentenceSplit splits text into sentences well enough for this check.
var sentenceSplit = regexp.MustCompile(`[.!?]\s+|\n`)

// urgent reports the first urgency word in text.
func (u *urgencyChecker) urgent(text string) (string, bool) {
	for i, re := range u.urgency {
		if re.MatchString(text) {
			return u.words[i], true
		}
	}
	return "", false
}

// check reports the first sign and urgency found together in one sentence,
// or anywhere in text when whole is set: a list item is read as one
// statement ("chest pain. Call 999").
func (u *urgencyChecker) check(text string, whole bool) (sign SignTerm, urgency string, found bool) {
	parts := []string{text}
	if !whole {
		parts = sentenceSplit.Split(text, -1)
	}
	for _, sentence := range parts {
		ui := -1
		for i, re := range u.urgency {
			if re.MatchString(sentence) {
				ui = i
				break
			}
		}
		if ui < 0 {
			continue
		}
		for i, re := range u.signRe {
			if re.MatchString(sentence) {
				return u.signs[i], u.words[ui], true
			}
		}
	}
	return SignTerm{}, "", false
}

// checkText walks the text blocks of a body (paragraphs, headings, list
// items, table cells) and reports each sentence that states an urgency for
// a warning sign in free text, and each number or service name written
// instead of its region word.
func (cv *converter) checkText(doc ast.Node, u *urgencyChecker, h *hardCodedChecker) {
	if u == nil && h == nil {
		return
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if box, ok := n.(*Callout); ok && box.Variant != "urgent" && u != nil {
			if word, found := u.urgent(textWithTokens(box, cv.src)); found {
				cv.c.add(cv.nodeLine(box), "a %q box says %q: same-day or emergency advice goes in an urgent card ({{warning-signs:ID}} or > [!URGENT]), never a non-urgent one",
					box.Variant, word)
			}
		}
		switch n.Kind() {
		case ast.KindParagraph, ast.KindHeading, ast.KindTextBlock, east.KindTableCell:
			text := textWithTokens(n, cv.src)
			_, inList := n.Parent().(*ast.ListItem)
			whole := inList || n.Kind() == east.KindTableCell
			if u != nil {
				if sign, urgency, ok := u.check(text, whole); ok {
					cv.c.add(cv.nodeLine(n), "states how urgent a warning sign is in free text (%q with %q): use {{warning-signs:ID}} so articles and the questionnaire say the same (the sign comes from rule %s)",
						sign.Term, urgency, sign.Rule)
				}
			}
			if h != nil {
				if word, ok := h.find(text); ok {
					cv.c.add(cv.nodeLine(n), "writes %q: numbers and service names come from regions.yaml, so each reader sees their own; write a region word such as {{emergency-number}}, {{urgent-service}} or {{emergency-department}}", word)
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// MaxCardWords is the longest sentence a callout box may have, in words,
// once a region's words are filled in: a card is read by someone in pain,
// often on a phone, who must take in what to do at a glance.
const MaxCardWords = 25

// checkCalloutSentences reports each sentence in a callout box that is
// longer than MaxCardWords in any region ("{{gp}}" is two words in one
// region and four in another).
func (cv *converter) checkCalloutSentences(doc ast.Node, regions []Region) {
	if len(regions) == 0 {
		return
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		box, ok := n.(*Callout)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		for c := box.FirstChild(); c != nil; c = c.NextSibling() {
			// One block at a time, so a list item is never joined to the next.
			ast.Walk(c, func(b ast.Node, entering bool) (ast.WalkStatus, error) {
				if !entering || (b.Kind() != ast.KindParagraph && b.Kind() != ast.KindTextBlock) {
					return ast.WalkContinue, nil
				}
				for _, s := range sentenceEnd.Split(textWithTokens(b, cv.src), -1) {
					for _, rg := range regions {
						if words := len(strings.Fields(rg.Expand(s, false))); words > MaxCardWords {
							cv.c.add(cv.nodeLine(b), "a sentence in a %q box has %d words in %s (%q): keep card sentences to %d words",
								box.Variant, words, rg.Name, s, MaxCardWords)
							break
						}
					}
				}
				return ast.WalkSkipChildren, nil
			})
		}
		return ast.WalkSkipChildren, nil
	})
}

// warningIDs lists the known list ids for error messages.
func warningIDs(m map[string]WarningList) string { return strings.Join(sortedKeys(m), ", ") }
