package library

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
)

// MaxSummary is the longest summary allowed: it doubles as the page's meta
// description, which search engines cut at about 160 characters.
const MaxSummary = 160

// Options are what the loader checks content against.
type Options struct {
	// AvoidIfKeys are the questionnaire's answer keys a routine's avoid_if
	// may name. Nil skips that check (the library knows nothing of the
	// questionnaire; callers pass its keys in).
	AvoidIfKeys []string
	// SitePages are the fixed pages of the site content may link to, such
	// as "/check"; articles, routines and topics are checked against the
	// content itself.
	SitePages []string
	// WarningLists are the lists {{warning-signs:ID}} renders, by ID.
	WarningLists map[string]WarningList
	// SignTerms and UrgencyTerms find a warning sign's urgency stated in
	// free text; either empty skips that check.
	SignTerms    []SignTerm
	UrgencyTerms []string
}

// Library is all loaded content. It is read-only after Load, so handlers may
// share one value across goroutines.
type Library struct {
	articles []*Article // sorted by category order, then title
	bySlug   map[string]*Article
	routines []*Routine // sorted by title
	routine  map[string]*Routine
	figures  map[string]string
	regions  []Region // the first is the default
}

var (
	slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	tagPattern  = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
)

var articleKeys = []string{"title", "summary", "category", "tags", "also_known_as", "reviewed", "next_review", "references", "related"}

// loader carries one Load's state.
type loader struct {
	opts    Options
	md      goldmark.Markdown
	urgency *urgencyChecker
	// numbers and serviceNames come from regions.yaml; hardCoded finds
	// them written into content instead of their tokens.
	numbers, serviceNames []string
	hardCoded             *hardCodedChecker
	lib                   *Library
	problems              Problems
	links                 map[string][]link // file -> internal links
}

// Load reads every article (articles/*.md), routine (routines/*.md) and
// figure (figures/*.svg) in fsys. It returns Problems listing every invalid
// file and field.
func Load(fsys fs.FS, opts Options) (*Library, error) {
	l := &loader{
		opts:  opts,
		lib:   &Library{bySlug: map[string]*Article{}, routine: map[string]*Routine{}, figures: map[string]string{}},
		links: map[string][]link{},
	}
	if err := l.loadFigures(fsys); err != nil {
		return nil, err
	}
	if err := l.loadRegions(fsys); err != nil {
		return nil, err
	}
	l.hardCoded = newHardCodedChecker(l.numbers, l.serviceNames)
	l.md = newMarkdown(l.lib.figures, opts.WarningLists)
	l.urgency = newUrgencyChecker(opts.SignTerms, opts.UrgencyTerms)
	if err := l.each(fsys, "articles/*.md", func(name string, src []byte) {
		if a, b := l.parseArticle(name, src); a != nil && l.unique(name, a.Slug, l.lib.bySlug[a.Slug] != nil) {
			l.lib.bySlug[a.Slug] = a
			l.lib.articles = append(l.lib.articles, a)
			l.links[name] = b.Links
		}
	}); err != nil {
		return nil, err
	}
	if err := l.each(fsys, "routines/*.md", func(name string, src []byte) {
		if r, b := l.parseRoutine(name, src); r != nil && l.unique(name, r.Slug, l.lib.routine[r.Slug] != nil) {
			l.lib.routine[r.Slug] = r
			l.lib.routines = append(l.lib.routines, r)
			l.links[name] = b.Links
		}
	}); err != nil {
		return nil, err
	}
	l.crossCheck()
	if len(l.problems) > 0 {
		return nil, l.problems.sorted()
	}
	lib := l.lib
	sort.SliceStable(lib.articles, func(i, j int) bool {
		a, b := lib.articles[i], lib.articles[j]
		if a.Category.Slug != b.Category.Slug {
			return categoryIndex(a.Category.Slug) < categoryIndex(b.Category.Slug)
		}
		return a.Title < b.Title
	})
	kindOrder := func(r *Routine) int { return slices.Index(optionValues(Kinds), r.Kind) }
	sort.SliceStable(lib.routines, func(i, j int) bool {
		a, b := lib.routines[i], lib.routines[j]
		if ka, kb := kindOrder(a), kindOrder(b); ka != kb {
			return ka < kb
		}
		return a.Title < b.Title
	})
	return lib, nil
}

func (l *loader) each(fsys fs.FS, pattern string, fn func(name string, src []byte)) error {
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		return fmt.Errorf("library: list %s: %w", pattern, err)
	}
	for _, name := range names {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("library: read %s: %w", name, err)
		}
		fn(name, src)
	}
	return nil
}

func (l *loader) unique(name, slug string, taken bool) bool {
	if taken {
		collector{file: name, problems: &l.problems}.add(0, "duplicate slug %q", slug)
	}
	return !taken
}

func (l *loader) loadFigures(fsys fs.FS) error {
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
			l.problems = append(l.problems, Problem{File: name, Reason: "figures may not contain scripts or inline styles (the Content-Security-Policy blocks them)"})
			continue
		}
		if i := strings.Index(svg, "<svg"); i > 0 {
			svg = svg[i:] // drop an XML declaration or comment before the root
		}
		l.lib.figures[strings.TrimSuffix(path.Base(name), ".svg")] = strings.TrimSpace(svg)
	}
	return nil
}

// parseDocument reads what every content file has; the caller reads its
// own keys from the returned fields.
func (l *loader) parseDocument(c collector, name string, src []byte, known []string, steps bool) (*Document, *fields, body, bool) {
	slug := strings.ToLower(strings.TrimSuffix(path.Base(name), ".md"))
	if !slugPattern.MatchString(slug) {
		c.add(0, "file name %q must be lowercase words joined by hyphens (it becomes the URL)", path.Base(name))
		return nil, nil, body{}, false
	}
	if !utf8.Valid(src) {
		c.add(0, "file is not valid UTF-8")
		return nil, nil, body{}, false
	}
	front, text, bodyLine, err := splitFrontMatter(src)
	if err != nil {
		c.add(1, "%s", err)
		return nil, nil, body{}, false
	}
	f, ok := parseFields(c, front, known)
	if !ok {
		return nil, nil, body{}, false
	}
	d := &Document{Slug: slug, File: name}
	d.Title = f.str("title", true)
	d.Summary = f.str("summary", true)
	if n := utf8.RuneCountInString(d.Summary); n > MaxSummary {
		c.add(f.line("summary"), "summary is %d characters; keep it to %d (it is the meta description)", n, MaxSummary)
	}
	d.Reviewed = f.date("reviewed", true)
	d.NextReview = f.date("next_review", true)
	if !d.Reviewed.IsZero() && !d.NextReview.IsZero() && !d.NextReview.After(d.Reviewed) {
		c.add(f.line("next_review"), "next_review must come after reviewed")
	}
	d.References = f.references("references")
	if n := len(d.References); n > 0 && n < 2 {
		c.add(f.line("references"), "cite at least 2 sources (found %d)", n)
	}
	b := convert(l.md, text, bodyLine, c, convertOptions{references: len(d.References), figures: l.lib.figures,
		warnings: l.opts.WarningLists, urgency: l.urgency, hardCoded: l.hardCoded, steps: steps, regions: l.lib.regions})
	d.Body, d.TOC, d.Words, d.Readability, d.Text = b.HTML, b.TOC, b.Words, b.Readability, b.Text
	if d.Readability > MaxGrade {
		c.add(0, "reading grade %.1f is above %.0f: use shorter sentences and plainer words", d.Readability, MaxGrade)
	}
	return d, f, b, true
}

func (l *loader) parseArticle(name string, src []byte) (*Article, body) {
	c := collector{file: name, problems: &l.problems}
	doc, f, b, ok := l.parseDocument(c, name, src, articleKeys, false)
	if !ok {
		return nil, b
	}
	a := &Article{Document: *doc}
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
	a.Related = f.strings("related")
	a.AlsoKnownAs = f.strings("also_known_as")
	for _, w := range a.AlsoKnownAs {
		if w == "" || w != strings.ToLower(strings.TrimSpace(w)) || len(w) > 40 {
			c.add(f.line("also_known_as"), "also_known_as %q must be a short phrase in lower case, as people type it", w)
		}
	}
	return a, b
}

// crossCheck verifies what refers to other files once every file is known,
// so pages may link to each other in any order.
func (l *loader) crossCheck() {
	for _, a := range l.lib.articles {
		c := collector{file: a.File, problems: &l.problems}
		for _, slug := range a.Related {
			if slug == a.Slug {
				c.add(0, "related lists the article itself")
			} else if _, ok := l.lib.bySlug[slug]; !ok {
				c.add(0, "related article %q does not exist", slug)
			}
		}
	}
	for _, r := range l.lib.routines {
		if _, ok := l.lib.bySlug[r.Article]; r.Article != "" && !ok {
			collector{file: r.File, problems: &l.problems}.add(0, "article %q does not exist", r.Article)
		}
	}
	l.checkReferenceYears()
	for file, links := range l.links {
		c := collector{file: file, problems: &l.problems}
		for _, k := range links {
			if reason := l.checkLink(k.Target); reason != "" {
				c.add(k.Line, "link to %s: %s", k.Target, reason)
			}
		}
	}
}

// checkReferenceYears keeps one source to one year everywhere: the same
// address cited with two years means one of the two is wrong.
func (l *loader) checkReferenceYears() {
	type cite struct {
		file string
		ref  Reference
	}
	first := map[string]cite{}
	docs := []*Document{}
	for _, a := range l.lib.articles {
		docs = append(docs, &a.Document)
	}
	for _, r := range l.lib.routines {
		docs = append(docs, &r.Document)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].File < docs[j].File })
	for _, d := range docs {
		for _, ref := range d.References {
			c, seen := first[ref.URL]
			if !seen {
				first[ref.URL] = cite{d.File, ref}
				continue
			}
			if c.ref.Year != ref.Year {
				collector{file: d.File, problems: &l.problems}.add(ref.line, "%s is cited as %d here and %d in %s: one source, one year",
					ref.URL, ref.Year, c.ref.Year, c.file)
			}
		}
	}
}

func (l *loader) checkLink(target string) string {
	target = strings.SplitN(strings.SplitN(target, "#", 2)[0], "?", 2)[0]
	switch {
	case strings.HasPrefix(target, "/articles/"):
		if _, ok := l.lib.bySlug[strings.TrimPrefix(target, "/articles/")]; !ok {
			return "no such article"
		}
	case strings.HasPrefix(target, "/routines/"):
		if _, ok := l.lib.routine[strings.TrimPrefix(target, "/routines/")]; !ok {
			return "no such routine"
		}
	case strings.HasPrefix(target, "/topics/"):
		if _, ok := CategoryBySlug(strings.TrimPrefix(target, "/topics/")); !ok {
			return "no such topic"
		}
	case !contains(l.opts.SitePages, target):
		return "not a page of this site"
	}
	return ""
}
