package web

import (
	"fmt"
	"slices"
	"strings"

	"backwise/internal/library"
	"backwise/internal/triage"
)

// Article slugs named in code must exist in the content: a result must not
// suggest, and a page must not feature, an article that is not there. They
// are checked when the site loads, so `serve` refuses to start and
// `backwise check` fails, naming the slug and the list it came from.

// slugList is one list of article slugs named in code, and where it lives.
type slugList struct {
	source string // file and variable, e.g. "internal/web/search.go popularSlugs"
	slugs  []namedSlug
}

// namedSlug is a slug and, for a map, the key it is filed under.
type namedSlug struct {
	key, slug string
}

// promisedSlugs are the topics the site promises to cover: each needs its
// article.
var promisedSlugs = []string{
	"acute-and-chronic-back-pain", "back-pain-by-area", "where-back-pain-comes-from", "sciatica",
	"back-pain-in-pregnancy", "back-pain-with-fibromyalgia-or-cancer",
	"how-massage-helps", "massage-evidence", "massage-claims-checked",
	"massage-techniques", "prenatal-massage",
	"get-help-now", "when-to-avoid-massage", "massage-side-effects",
	"when-to-see-someone", "finding-a-massage-therapist", "how-many-massage-sessions", "other-therapies", "faq",
	"self-massage-at-home", "foot-massage-and-reflexology", "staying-active", "after-a-massage",
	// Round two: the self-care and conditions people ask about most.
	"exercise-and-walking", "back-pain-and-work", "lifting-and-preventing-back-pain", "flare-up-plan",
	"sleep-and-back-pain", "how-pain-works", "medicines-for-back-pain", "injections-and-surgery-for-sciatica",
	"scans-for-back-pain", "back-pain-in-older-adults", "back-pain-in-teenagers", "inflammatory-back-pain",
	"pain-that-is-not-from-the-spine", "pelvic-girdle-pain-and-after-birth", "neck-pain",
}

// codeSlugLists are every list of article slugs named in Go code.
func codeSlugLists() []slugList {
	plain := func(source string, slugs []string) slugList {
		l := slugList{source: source}
		for _, s := range slugs {
			l.slugs = append(l.slugs, namedSlug{slug: s})
		}
		return l
	}
	reasons := slugList{source: "internal/web/check_result.go reasonArticles"}
	keys := make([]string, 0, len(reasonArticles))
	for k := range reasonArticles {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		reasons.slugs = append(reasons.slugs, namedSlug{key: k, slug: reasonArticles[k]})
	}
	return []slugList{
		plain("internal/web/slugs.go promisedSlugs", promisedSlugs),
		plain("internal/triage/advice.go ArticleSlugs", triage.ArticleSlugs()),
		plain("internal/web/reading.go featuredSlugs", featuredSlugs),
		plain("internal/web/search.go popularSlugs", popularSlugs),
		reasons,
	}
}

// SlugProblem is an article slug named in code that the content lacks.
type SlugProblem struct {
	Source string // file and variable, e.g. "internal/web/search.go popularSlugs"
	Key    string // the map key the slug is filed under, if any
	Slug   string
}

// String is "file variable[key]: unknown article "slug"".
func (p SlugProblem) String() string {
	where := p.Source
	if p.Key != "" {
		where += fmt.Sprintf("[%q]", p.Key)
	}
	return fmt.Sprintf("%s: unknown article %q", where, p.Slug)
}

// SlugProblems is the error CheckSlugs returns: every unknown slug, not
// just the first.
type SlugProblems []SlugProblem

func (ps SlugProblems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return "code names articles the content lacks:\n" + strings.Join(lines, "\n")
}

// CheckSlugs reports, as SlugProblems, every article slug named in code
// that lib does not have.
func CheckSlugs(lib *library.Library) error {
	return checkSlugs(lib, codeSlugLists())
}

func checkSlugs(lib *library.Library, lists []slugList) error {
	var problems SlugProblems
	for _, l := range lists {
		for _, s := range l.slugs {
			if _, ok := lib.Article(s.slug); !ok {
				problems = append(problems, SlugProblem{Source: l.source, Key: s.key, Slug: s.slug})
			}
		}
	}
	if len(problems) > 0 {
		return problems
	}
	return nil
}
