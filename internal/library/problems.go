package library

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one thing wrong with a content file, located for the author.
type Problem struct {
	File   string // path relative to the content root, e.g. "articles/sciatica.md"
	Line   int    // 1-based; 0 when the problem concerns the whole file
	Reason string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Reason)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Reason)
}

// Problems is the error Load returns when any file is invalid. It lists every
// problem found, not just the first, so an author can fix them in one pass.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return "content has problems:\n" + strings.Join(lines, "\n")
}

func (ps Problems) sorted() Problems {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].File != ps[j].File {
			return ps[i].File < ps[j].File
		}
		return ps[i].Line < ps[j].Line
	})
	return ps
}

// collector gathers problems for one file.
type collector struct {
	file     string
	problems *Problems
}

func (c collector) add(line int, format string, args ...any) {
	*c.problems = append(*c.problems, Problem{File: c.file, Line: line, Reason: fmt.Sprintf(format, args...)})
}
