package web

import (
	"net/http"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"

	"backwise/internal/library"
	"backwise/internal/paths"
	"backwise/templates"
)

// featuredSlugs are the articles the home page offers first: the ones a
// newcomer most needs. Each must exist: LoadSite checks (slugs.go).
var featuredSlugs = []string{
	"staying-active", "exercise-and-walking", "flare-up-plan",
	"acute-and-chronic-back-pain", "when-to-see-someone", "self-massage-at-home",
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	site := s.sites.Site()
	return s.cached(w, r, site, func() templ.Component {
		v := templates.HomeView{Page: s.page(r, site, "", "Plain, evidence-based help for back pain: what helps, what massage can and cannot do, and when to get checked.")}
		for _, slug := range featuredSlugs {
			if a, ok := site.Library.Article(slug); ok {
				v.Featured = append(v.Featured, a)
			}
		}
		for _, c := range library.Categories() {
			if n := len(site.Library.InCategory(c.Slug)); n > 0 {
				v.Topics = append(v.Topics, templates.TopicSummary{Category: c, Count: n})
			}
		}
		return templates.Home(v)
	})
}

func (s *Server) articleList(w http.ResponseWriter, r *http.Request) error {
	site := s.sites.Site()
	return s.cached(w, r, site, func() templ.Component {
		v := templates.ArticleListView{Page: s.page(r, site, "All articles", "Every Backwise article on back pain, massage, safety and self-care, grouped by topic.")}
		for _, c := range library.Categories() {
			if list := site.Library.InCategory(c.Slug); len(list) > 0 {
				v.Groups = append(v.Groups, templates.ArticleGroup{Category: c, Articles: list})
			}
		}
		return templates.ArticleList(v)
	})
}

func (s *Server) topicShow(w http.ResponseWriter, r *http.Request) error {
	site := s.sites.Site()
	c, ok := library.CategoryBySlug(chi.URLParam(r, "category"))
	if !ok {
		return errNotFound
	}
	return s.cached(w, r, site, func() templ.Component {
		v := templates.TopicView{Page: s.page(r, site, c.Title, c.Description), Category: c, Articles: site.Library.InCategory(c.Slug)}
		for _, o := range library.Categories() {
			if o.Slug != c.Slug && len(site.Library.InCategory(o.Slug)) > 0 {
				v.Others = append(v.Others, o)
			}
		}
		return templates.Topic(v)
	})
}

func (s *Server) articleShow(w http.ResponseWriter, r *http.Request) error {
	site := s.sites.Site()
	a, ok := site.Library.Article(chi.URLParam(r, "slug"))
	if !ok {
		return errNotFound
	}
	build := func(b templates.BookmarkState) templ.Component {
		page := s.page(r, site, a.Title, a.Summary)
		page.OGType = "article"
		page.JSONLD = articleJSONLD(a, page.Canonical)
		prev, next := site.Library.Neighbours(a)
		return templates.Article(templates.ArticleView{
			Page:     page,
			Prev:     prev,
			Next:     next,
			Article:  a,
			Related:  site.Library.RelatedTo(a),
			Routines: site.Library.RoutinesOfArticle(a.Slug),
			Bookmark: b,
			Due:      a.DueForReview(s.now()),
			// Get help now is for acting: lists and call buttons first.
			ActionFirst: paths.Article(a.Slug) == paths.GetHelpNow,
			Calls:       helpCalls(s.regionFor(r, site)),
		})
	}
	visitor, known, err := s.currentVisitor(r)
	if err != nil {
		return err
	}
	b := s.blankBookmark("article", a.Slug)
	if known {
		if b, err = s.bookmarkState(r, visitor, "article", a.Slug); err != nil {
			return err
		}
	}
	if !b.Saved {
		// Everyone who has not saved this article sees the same bytes:
		// render once, keep.
		return s.cached(w, r, site, func() templ.Component { return build(s.blankBookmark("article", a.Slug)) })
	}
	return s.render(w, r, http.StatusOK, build(b))
}

func (s *Server) about(w http.ResponseWriter, r *http.Request) error {
	site := s.sites.Site()
	return s.cached(w, r, site, func() templ.Component {
		return templates.About(templates.AboutView{Page: s.page(r, site, "About Backwise", "Who Backwise is for, how its content is written and reviewed, why it gives information and not a diagnosis, and what we store about you."),
			RetentionMonths: s.retention / 30})
	})
}

func (s *Server) evidenceKey(w http.ResponseWriter, r *http.Request) error {
	site := s.sites.Site()
	return s.cached(w, r, site, func() templ.Component {
		return templates.EvidenceKey(templates.AboutView{Page: s.page(r, site, "What our evidence labels mean", "What each strength-of-evidence label on Backwise means, from high-quality evidence to expert opinion.")})
	})
}
