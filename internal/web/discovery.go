package web

import (
	"encoding/json"
	"encoding/xml"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"

	"backwise/internal/library"
	"backwise/internal/paths"
	"backwise/templates"
)

// origin is the site's public origin for absolute URLs: the configured
// base URL, or else the address the server listens on. Never the request's
// Host header: anyone can send any Host, and robots.txt, the sitemap and
// the feed would then point search engines and readers at their site.
func (s *Server) origin(r *http.Request) string {
	if s.baseURL != "" {
		return s.baseURL + s.exportPrefix
	}
	scheme := "http"
	if s.transport.isSecure(r) {
		scheme = "https"
	}
	return scheme + "://" + s.listenHost
}

func (s *Server) tagShow(w http.ResponseWriter, r *http.Request) error {
	site := s.sites.Site()
	tag := chi.URLParam(r, "tag")
	list := site.Library.Tagged(tag)
	if len(list) == 0 {
		return errNotFound
	}
	return s.cached(w, r, site, func() templ.Component {
		return templates.TagPage(templates.TagView{
			Page: s.page(r, site, "Articles tagged “"+tag+"”", "Backwise articles about "+strings.ReplaceAll(tag, "-", " ")+"."),
			Tag:  tag, Articles: list, Tags: site.Library.Tags(),
		})
	})
}

// publicPages lists every page a search engine (or the static export)
// should see, with the date it last changed where that is known.
func publicPages(lib *library.Library) []sitePage {
	pages := []sitePage{{Path: paths.Home}, {Path: paths.Articles}, {Path: paths.Routines}, {Path: paths.About}, {Path: paths.EvidenceKey}, {Path: paths.Check}, {Path: paths.CheckRules}}
	for _, c := range library.Categories() {
		if len(lib.InCategory(c.Slug)) > 0 {
			pages = append(pages, sitePage{Path: paths.Topic(c.Slug)})
		}
	}
	for _, a := range lib.Articles() {
		pages = append(pages, sitePage{Path: paths.Article(a.Slug), Modified: a.Reviewed})
	}
	for _, r := range lib.Routines() {
		pages = append(pages, sitePage{Path: paths.Routine(r.Slug), Modified: r.Reviewed})
	}
	for _, t := range lib.Tags() {
		pages = append(pages, sitePage{Path: paths.Tag(t.Name)})
	}
	return pages
}

type sitePage struct {
	Path     string
	Modified time.Time
}

type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

func (s *Server) sitemap(w http.ResponseWriter, r *http.Request) error {
	site := s.sites.Site()
	set := urlset{}
	for _, p := range publicPages(site.Library) {
		u := sitemapURL{Loc: s.origin(r) + p.Path}
		if !p.Modified.IsZero() {
			u.LastMod = p.Modified.Format(time.DateOnly)
		}
		set.URLs = append(set.URLs, u)
	}
	return s.sendXML(w, r, "application/xml; charset=utf-8", set)
}

// robotsDisallow keeps crawlers out of private and per-visitor pages and
// of search results (endless, and they would only repeat the articles).
var robotsDisallow = []string{paths.Me, paths.CheckResults, paths.CheckHistory, paths.Bookmarks, paths.API, paths.Search}

func (s *Server) robots(w http.ResponseWriter, r *http.Request) error {
	var b strings.Builder
	b.WriteString("User-agent: *\n")
	for _, p := range robotsDisallow {
		b.WriteString("Disallow: " + p + "\n")
	}
	b.WriteString("\nSitemap: " + s.origin(r) + paths.Sitemap + "\n")
	p := newPage([]byte(b.String()))
	w.Header().Set("Cache-Control", "public, max-age=3600")
	writeBytes(w, r, "text/plain; charset=utf-8", p.etag, p.body, p.gzipped)
	return nil
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
	Summary string   `xml:"summary"`
}

// feed lists articles by review date, newest first, so readers learn when
// advice has been checked again.
func (s *Server) feed(w http.ResponseWriter, r *http.Request) error {
	site := s.sites.Site()
	articles := append([]*library.Article(nil), site.Library.Articles()...)
	sort.SliceStable(articles, func(i, j int) bool {
		if !articles[i].Reviewed.Equal(articles[j].Reviewed) {
			return articles[i].Reviewed.After(articles[j].Reviewed)
		}
		return articles[i].Slug < articles[j].Slug
	})
	origin := s.origin(r)
	f := atomFeed{Title: "Backwise: articles on back pain", ID: origin + paths.Home, Author: atomAuthor{Name: "Backwise"},
		Links: []atomLink{{Href: origin + paths.Feed, Rel: "self"}, {Href: origin + paths.Home}}}
	for _, a := range articles {
		updated := a.Reviewed.Format(time.RFC3339)
		if f.Updated == "" || updated > f.Updated {
			f.Updated = updated
		}
		f.Entries = append(f.Entries, atomEntry{Title: a.Title, ID: origin + paths.Article(a.Slug), Updated: updated,
			Link: atomLink{Href: origin + paths.Article(a.Slug)}, Summary: a.Summary})
	}
	return s.sendXML(w, r, "application/atom+xml; charset=utf-8", f)
}

func (s *Server) sendXML(w http.ResponseWriter, r *http.Request, contentType string, v any) error {
	body, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	p := newPage(append([]byte(xml.Header), body...))
	w.Header().Set("Cache-Control", "no-cache")
	writeBytes(w, r, contentType, p.etag, p.body, p.gzipped)
	return nil
}

// articleJSONLD describes an article as a schema.org MedicalWebPage, with
// when it was last reviewed and what it cites.
func articleJSONLD(a *library.Article, url string) string {
	type citation struct {
		Type      string `json:"@type"`
		Name      string `json:"name"`
		URL       string `json:"url"`
		Publisher string `json:"publisher"`
		Date      string `json:"datePublished"`
	}
	doc := map[string]any{
		"@context":     "https://schema.org",
		"@type":        "MedicalWebPage",
		"name":         a.Title,
		"headline":     a.Title,
		"description":  a.Summary,
		"inLanguage":   "en-GB",
		"lastReviewed": a.Reviewed.Format(time.DateOnly),
		"keywords":     strings.Join(a.Tags, ", "),
		"audience":     map[string]string{"@type": "PeopleAudience", "audienceType": "Patient"},
		"publisher":    map[string]string{"@type": "Organization", "name": "Backwise"},
	}
	if url != "" { // only a configured base URL, never the request's Host
		doc["url"] = url
	}
	var cites []citation
	for _, ref := range a.References {
		cites = append(cites, citation{Type: "CreativeWork", Name: ref.Title, URL: ref.URL, Publisher: ref.Source, Date: itoa(ref.Year)})
	}
	doc["citation"] = cites
	b, _ := json.Marshal(doc) // escapes <, > and & so it is safe inside <script>
	return string(b)
}
