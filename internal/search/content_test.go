package search

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"
)

// frontMatter is the part of an article's or routine's front matter the
// search index uses. Routines have no tags.
type frontMatter struct {
	Title    string   `yaml:"title"`
	Summary  string   `yaml:"summary"`
	Tags     []string `yaml:"tags"`
	Category string   `yaml:"category"`
	Aliases  []string `yaml:"also_known_as"`
}

var (
	shortcodeRE = regexp.MustCompile(`\{\{[^}]*\}\}`)
	linkRE      = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	markdownRE  = regexp.MustCompile("(?m)^\\s*(#+|[-*+>]|\\d+\\.)\\s+|[*_`|#>]")
)

// parseContent splits one Markdown file into a Doc. It is crude on
// purpose: the body is only test input, not what visitors see.
func parseContent(kind, slug string, src []byte) (Doc, error) {
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	rest, ok := bytes.CutPrefix(src, []byte("---\n"))
	if !ok {
		return Doc{}, errString("no front matter")
	}
	fm, body, ok := bytes.Cut(rest, []byte("\n---\n"))
	if !ok {
		return Doc{}, errString("unterminated front matter")
	}
	var m frontMatter
	if err := yaml.Unmarshal(fm, &m); err != nil {
		return Doc{}, err
	}
	d := Doc{Kind: kind, Slug: slug, Title: m.Title, Summary: m.Summary, Tags: m.Tags, Category: m.Category, AlsoKnownAs: m.Aliases}
	if kind == "routine" {
		d.Category = "Self-care routine"
	}
	text := shortcodeRE.ReplaceAllString(string(body), " ")
	text = linkRE.ReplaceAllString(text, "$1")
	d.Body = markdownRE.ReplaceAllString(text, " ")
	return d, nil
}

type errString string

func (e errString) Error() string { return string(e) }

// loadContent reads the real articles and routines.
func loadContent(t testing.TB) []Doc {
	t.Helper()
	var docs []Doc
	for _, dir := range []struct{ kind, glob string }{
		{"article", "../../content/articles/*.md"},
		{"routine", "../../content/routines/*.md"},
	} {
		files, err := filepath.Glob(dir.glob)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d, err := parseContent(dir.kind, strings.TrimSuffix(filepath.Base(f), ".md"), src)
			if err != nil {
				t.Logf("skipping %s: %v", f, err)
				continue
			}
			docs = append(docs, d)
		}
	}
	if len(docs) < 20 {
		t.Fatalf("loaded only %d documents from content/", len(docs))
	}
	return docs
}

var (
	contentOnce  sync.Once
	contentIndex *Index
	contentErr   error
)

// contentIx is one index of the real content shared by the tests: it is
// read-only, and sharing it also exercises concurrent use.
func contentIx(t testing.TB) *Index {
	t.Helper()
	contentOnce.Do(func() {
		contentIndex, contentErr = New(loadContent(t))
	})
	if contentErr != nil {
		t.Fatal(contentErr)
	}
	return contentIndex
}
