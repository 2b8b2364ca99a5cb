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

// String is "file:line: reason", the form editors and CI annotate; a
// problem with the whole file points at its first line.
func (p Problem) String() string {
	return fmt.Sprintf("%s:%d: %s", p.File, max(p.Line, 1), p.Reason)
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
