package templates

import (
	"fmt"
	"net/url"
	"time"

	"backwise/internal/library"
	"backwise/internal/triage"
)

// Page is what every page shares: the layout reads it for the <head>, the
// navigation and the footer.
type Page struct {
	Title       string // without the site name; empty on the home page
	Description string // meta description
	Canonical   string // absolute URL when the base URL is known, else empty (no canonical link or og:url)
	Path        string // the request path, to mark the current navigation item
	Assets      Assets
	NoIndex     bool   // error pages and private pages stay out of search engines
	OGType      string // OpenGraph type: "article" on articles and routines, else "website"
	JSONLD      string // schema.org JSON-LD, already JSON-encoded (HTML-safe)
	Query       string // the search box's value
	// LiveBase is set in the static export: the origin of the live app,
	// which forms that need the server point at (empty when serving).
	LiveBase string
	Static   bool
	// Region is the reader's region and the chooser's choices.
	Region RegionChoice
	// PrintURL and Printed head every printout: where the page came from
	// and the day it was made (pages are rendered afresh each day).
	PrintURL string
	Printed  time.Time
}

// RegionChoice is what the region chooser shows.
type RegionChoice struct {
	Current string // region id
	Name    string // "England"
	Back    string // where the chooser returns to
	Regions []RegionOption
	// Links, in the static export, point to each region's copy of the
	// site instead of a form that needs the server.
	Links map[string]string
}

// RegionOption is one region in the chooser.
type RegionOption struct {
	ID, Name string
}

// Live is a URL on the live app: absolute in the static export, so forms
// that need the server still work from a copy on a CDN.
func (p Page) Live(path string) string { return p.LiveBase + path }

// OGTypeOr returns the page's OpenGraph type.
func (p Page) OGTypeOr() string {
	if p.OGType == "" {
		return "website"
	}
	return p.OGType
}

// Assets are the fingerprinted URLs of the static files.
type Assets struct {
	CSS     string
	JS      string
	Favicon string
}

// FullTitle is the <title>: the page first, so tabs stay distinguishable.
func (p Page) FullTitle() string {
	if p.Title == "" {
		return "Backwise — trustworthy help for back pain"
	}
	return p.Title + " — Backwise"
}

// HomeView is the home page.
type HomeView struct {
	Page
	Featured []*library.Article
	Topics   []TopicSummary
}

// TopicSummary is a category with how many articles it holds.
type TopicSummary struct {
	Category library.Category
	Count    int
}

// ArticleListView is the list of all articles, grouped by category.
type ArticleListView struct {
	Page
	Groups []ArticleGroup
}

// ArticleGroup is one category's articles.
type ArticleGroup struct {
	Category library.Category
	Articles []*library.Article
}

// TopicView is one category's page.
type TopicView struct {
	Page
	Category library.Category
	Articles []*library.Article
	Others   []library.Category
}

// ArticleView is one article.
type ArticleView struct {
	Page
	Prev     *library.Article // in the same topic, for "next in this topic"
	Next     *library.Article
	Article  *library.Article
	Related  []*library.Article
	Routines []*library.Routine // routines that belong to this article
	Bookmark BookmarkState
	Due      bool // next_review has passed
	// ActionFirst puts the warning signs and call buttons before the
	// contents list and the save button: on "Get help now" a person
	// needs to act, not to navigate.
	ActionFirst bool
	Calls       []triage.Call // with ActionFirst: the region's numbers to call
}

// AboutView is the about page.
type AboutView struct {
	Page
	RetentionMonths int // a visitor idle this long is deleted
}

// ErrorView is a 4xx or 5xx page in the site layout.
type ErrorView struct {
	Page
	Status  int
	Heading string
	Message string
}

// longDate formats a date the way people say it: 22 November 2026.
func longDate(t time.Time) string { return t.Format("2 January 2006") }

func isoDate(t time.Time) string { return t.Format(time.DateOnly) }

func itoa(n int) string { return fmt.Sprint(n) }

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// tocEntry is a level-2 heading with the level-3 headings under it, so the
// table of contents nests instead of numbering subsections as sections.
type tocEntry struct {
	library.Heading
	Children []library.Heading
}

func tocTree(headings []library.Heading) []tocEntry {
	var out []tocEntry
	for _, h := range headings {
		if h.Level == 3 && len(out) > 0 {
			out[len(out)-1].Children = append(out[len(out)-1].Children, h)
			continue
		}
		out = append(out, tocEntry{Heading: h})
	}
	return out
}

// TagView lists the articles with one tag.
type TagView struct {
	Page
	Tag      string
	Articles []*library.Article
	Tags     []library.Tag
}

func urlQuery(s string) string { return url.QueryEscape(s) }
