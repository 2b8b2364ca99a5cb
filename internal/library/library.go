package library

import (
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/yuin/goldmark"
)

// MaxSummary is the longest summary allowed: it doubles as the page's meta
// description, which search engines cut at about 160 characters.
const MaxSummary = 160

// Library is all loaded content. It is read-only after Load, so handlers may
// share one value across goroutines.
type Library struct {
	articles []*Article // sorted by category order, then title
	bySlug   map[string]*Article
	figures  map[string]string
}

var (
	slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	tagPattern  = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
)

var articleKeys = []string{"title", "summary", "category", "tags", "reviewed", "next_review", "references", "related"}

// Load reads every article under articles/ and every figure under figures/
// in fsys. It returns Problems listing every invalid file and field.
func Load(fsys fs.FS) (*Library, error) {
	var problems Problems
	lib := &Library{bySlug: map[string]*Article{}, figures: map[string]string{}}
	if err := lib.loadFigures(fsys, &problems); err != nil {
		return nil, err
	}
	md := newMarkdown(lib.figures)
	names, err := fs.Glob(fsys, "articles/*.md")
	if err != nil {
		return nil, fmt.Errorf("library: list articles: %w", err)
	}
	links := map[*Article][]link{}
	for _, name := range names {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("library: read %s: %w", name, err)
		}
		c := collector{file: name, problems: &problems}
		a, body := parseArticle(md, c, name, src, lib.figures)
		if a == nil {
			continue
		}
		if prev, dup := lib.bySlug[a.Slug]; dup {
			c.add(0, "duplicate slug %q (also used by %s)", a.Slug, prev.File)
			continue
		}
		lib.bySlug[a.Slug] = a
		lib.articles = append(lib.articles, a)
		links[a] = body.Links
	}
	for _, a := range lib.articles {
		lib.checkLinks(a, links[a], &problems)
	}
	if len(problems) > 0 {
		return nil, problems.sorted()
	}
	sort.SliceStable(lib.articles, func(i, j int) bool {
		a, b := lib.articles[i], lib.articles[j]
		if a.Category.Slug != b.Category.Slug {
			return categoryIndex(a.Category.Slug) < categoryIndex(b.Category.Slug)
		}
		return a.Title < b.Title
	})
	return lib, nil
}

func (lib *Library) loadFigures(fsys fs.FS, problems *Problems) error {
	names, err := fs.Glob(fsys, "figures/*.svg")
	if err != nil {
		return fmt.Errorf("library: list figures: %w", err)
	}
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("library: read %s: %w", name, err)
		}
		svg := string(b)
		if strings.Contains(svg, "<script") || strings.Contains(svg, "style=") || strings.Contains(svg, "<style") {
			*problems = append(*problems, Problem{File: name, Reason: "figures may not contain scripts or inline styles (the Content-Security-Policy blocks them)"})
			continue
		}
		if i := strings.Index(svg, "<svg"); i > 0 {
			svg = svg[i:] // drop an XML declaration or comment before the root
		}
		lib.figures[strings.TrimSuffix(path.Base(name), ".svg")] = strings.TrimSpace(svg)
	}
	return nil
}

func parseArticle(md goldmark.Markdown, c collector, name string, src []byte, figures map[string]string) (*Article, body) {
	slug := strings.ToLower(strings.TrimSuffix(path.Base(name), ".md"))
	if !slugPattern.MatchString(slug) {
		c.add(0, "file name %q must be lowercase words joined by hyphens (it becomes the URL)", path.Base(name))
		return nil, body{}
	}
	if !utf8.Valid(src) {
		c.add(0, "file is not valid UTF-8")
		return nil, body{}
	}
	front, text, bodyLine, err := splitFrontMatter(src)
	if err != nil {
		c.add(1, "%s", err)
		return nil, body{}
	}
	f, ok := parseFields(c, front, articleKeys)
	if !ok {
		return nil, body{}
	}
	a := &Article{Slug: slug, File: name}
	a.Title = f.str("title", true)
	a.Summary = f.str("summary", true)
	if n := utf8.RuneCountInString(a.Summary); n > MaxSummary {
		c.add(f.line("summary"), "summary is %d characters; keep it to %d (it is the meta description)", n, MaxSummary)
	}
	if cat := f.str("category", true); cat != "" {
		var ok bool
		if a.Category, ok = CategoryBySlug(cat); !ok {
			c.add(f.line("category"), "unknown category %q (use one of: %s)", cat, strings.Join(categorySlugs(), ", "))
		}
	}
	a.Tags = f.strings("tags")
	for _, t := range a.Tags {
		if !tagPattern.MatchString(t) {
			c.add(f.line("tags"), "tag %q must be lowercase words joined by hyphens", t)
		}
	}
	a.Reviewed = f.date("reviewed", true)
	a.NextReview = f.date("next_review", true)
	if !a.Reviewed.IsZero() && !a.NextReview.IsZero() && !a.NextReview.After(a.Reviewed) {
		c.add(f.line("next_review"), "next_review must come after reviewed")
	}
	a.References = f.references("references")
	if n := len(a.References); n > 0 && n < 2 {
		c.add(f.line("references"), "cite at least 2 sources (found %d)", n)
	}
	a.Related = f.strings("related")
	b := convert(md, text, bodyLine, c, len(a.References), figures)
	a.Body, a.TOC, a.Words, a.Readability = b.HTML, b.TOC, b.Words, b.Readability
	if a.Readability > MaxGrade {
		c.add(0, "reading grade %.1f is above %.0f: use shorter sentences and plainer words", a.Readability, MaxGrade)
	}
	return a, b
}

// checkLinks verifies related slugs and internal links once every article
// is known, so articles may link to each other in any order.
func (lib *Library) checkLinks(a *Article, links []link, problems *Problems) {
	c := collector{file: a.File, problems: problems}
	for _, slug := range a.Related {
		if slug == a.Slug {
			c.add(0, "related lists the article itself")
		} else if _, ok := lib.bySlug[slug]; !ok {
			c.add(0, "related article %q does not exist", slug)
		}
	}
	for _, l := range links {
		target := strings.SplitN(strings.SplitN(l.Target, "#", 2)[0], "?", 2)[0]
		switch {
		case strings.HasPrefix(target, "/articles/"):
			if _, ok := lib.bySlug[strings.TrimPrefix(target, "/articles/")]; !ok {
				c.add(l.Line, "link to %s: no such article", l.Target)
			}
		case strings.HasPrefix(target, "/topics/"):
			if _, ok := CategoryBySlug(strings.TrimPrefix(target, "/topics/")); !ok {
				c.add(l.Line, "link to %s: no such topic", l.Target)
			}
		case !contains(sitePages, target):
			c.add(l.Line, "link to %s: not a page of this site", l.Target)
		}
	}
}

// sitePages are the fixed internal pages content may link to.
var sitePages = []string{"/", "/articles", "/about", "/check", "/routines", "/me", "/search"}

// Articles returns every article, grouped by category, then by title.
func (lib *Library) Articles() []*Article { return lib.articles }

// Article finds an article by slug.
func (lib *Library) Article(slug string) (*Article, bool) {
	a, ok := lib.bySlug[slug]
	return a, ok
}

// InCategory returns the articles of one category, by title.
func (lib *Library) InCategory(slug string) []*Article {
	var out []*Article
	for _, a := range lib.articles {
		if a.Category.Slug == slug {
			out = append(out, a)
		}
	}
	return out
}

// RelatedTo resolves an article's related slugs.
func (lib *Library) RelatedTo(a *Article) []*Article {
	var out []*Article
	for _, s := range a.Related {
		if r, ok := lib.bySlug[s]; ok {
			out = append(out, r)
		}
	}
	return out
}

// Figure returns a figure's SVG markup, for pages outside articles (the
// questionnaire reuses the back map).
func (lib *Library) Figure(name string) (template.HTML, bool) {
	svg, ok := lib.figures[name]
	return template.HTML(svg), ok
}

// DueForReview lists the articles whose next_review date has passed, as
// problems for `backwise check` to print without failing.
func (lib *Library) DueForReview(now time.Time) Problems {
	var out Problems
	for _, a := range lib.articles {
		if a.DueForReview(now) {
			out = append(out, Problem{File: a.File, Reason: "due for review since " + a.NextReview.Format(time.DateOnly)})
		}
	}
	return out
}

func categorySlugs() []string {
	out := make([]string, len(categories))
	for i, c := range categories {
		out[i] = c.Slug
	}
	return out
}

func categoryIndex(slug string) int {
	for i, c := range categories {
		if c.Slug == slug {
			return i
		}
	}
	return len(categories)
}
