package library

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// MaxGrade is the highest Flesch–Kincaid grade an article may have. We aim
// for about 8: readers may be in pain, tired or reading in a second language.
const MaxGrade = 10.0

var (
	sentenceEnd = regexp.MustCompile(`[.!?:;]+(?:\s+|$)`)
	wordPattern = regexp.MustCompile(`[A-Za-z][A-Za-z'’-]*`)
	vowelGroups = regexp.MustCompile(`[aeiouy]+`)
	silentEnd   = regexp.MustCompile(`(?:[^laeiouy]es|ed|[^laeiouy]e)$`)
	nonLetters  = regexp.MustCompile(`[^a-z]`)
)

// readability counts the words of a body and its Flesch–Kincaid grade. Each
// paragraph, heading, list item and table cell ends a sentence, since lists
// and headings rarely end with a full stop.
func readability(doc ast.Node, src []byte) (words int, grade float64) {
	var sentences, syllables int
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.Paragraph, *ast.TextBlock, *ast.Heading, *extast.TableCell:
			for _, s := range sentenceEnd.Split(plainText(n, src), -1) {
				ws := wordPattern.FindAllString(s, -1)
				if len(ws) == 0 {
					continue
				}
				sentences++
				words += len(ws)
				for _, w := range ws {
					syllables += countSyllables(w)
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if words == 0 {
		return 0, 0
	}
	grade = 0.39*float64(words)/float64(sentences) + 11.8*float64(syllables)/float64(words) - 15.59
	return words, grade
}

// countSyllables estimates syllables by counting vowel groups after dropping
// a silent final "e", "es" or "ed": good enough for a grade level.
func countSyllables(word string) int {
	w := nonLetters.ReplaceAllString(strings.ToLower(word), "")
	if w == "" {
		return 0
	}
	if len(w) <= 3 {
		return 1
	}
	w = silentEnd.ReplaceAllString(w, "")
	w = strings.TrimPrefix(w, "y")
	if n := len(vowelGroups.FindAllString(w, -1)); n > 0 {
		return n
	}
	return 1
}

// documentText is the body's readable text, one block per line, so words
// of neighbouring blocks never run together in the search index.
func documentText(doc ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.Paragraph, *ast.TextBlock, *ast.Heading, *extast.TableCell:
			b.WriteString(plainText(n, src))
			b.WriteByte('\n')
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
