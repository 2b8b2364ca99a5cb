package web

import (
	"cmp"
	"context"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"sync/atomic"
	"time"

	"backwise/internal/config"
	"backwise/internal/paths"
	"backwise/templates"

	"github.com/a-h/templ"
)

// Server holds what handlers need. It is built once by New.
type Server struct {
	log     *slog.Logger
	sites   *SiteHolder
	db      Store
	baseURL string
	now     func() time.Time
	handler http.Handler

	static        bool // rendering the static export: dynamic features link to baseURL
	day           atomic.Pointer[day]
	writeLimit    *limiter  // saves, bookmarks, notes: per address and per visitor
	restoreLimit  *limiter  // restore-code attempts, per address
	feedbackLimit *limiter  // problem reports, per address
	feedbackTotal *limiter  // problem reports from everyone, so a crowd cannot fill the disk
	sessions      *sealer   // seals the questionnaire's answers in progress
	transport     transport // HTTPS or not, and which proxies to believe
	listenHost    string    // host:port for absolute URLs when there is no base URL
	health        healthCache
	retention     int    // days a visitor may be idle before their data is deleted
	staticRegion  string // the static export's region; "" when serving
	exportPrefix  string // the static export's path for a region's copy ("/us"); "" for the default region
}

// Deps are the server's collaborators, passed in by main.
type Deps struct {
	Logger  *slog.Logger
	Sites   *SiteHolder
	DB      Store
	BaseURL string           // public origin for canonical links; may be empty
	Now     func() time.Time // defaults to time.Now
	// Static renders pages for the static export: forms and links that
	// need the app point at BaseURL.
	Static bool
	// Region, in the static export, is the region the pages are written
	// for. The default region's copy sits at the site's root and every
	// other region's under /<id>/, so each page can link to the others.
	Region string
	// WriteLimit is how many saves a minute a client address, and
	// separately a visitor, may make (as a burst, refilled evenly);
	// 0 means no limit.
	WriteLimit int
	// RestoreLimit is how many restore-code attempts a client address may
	// make at once, then one a minute; 0 means the default of 5.
	RestoreLimit int
	// Secure says the public site is HTTPS, as it is behind a TLS proxy
	// where requests arrive as plain HTTP: cookies are then Secure and
	// prefixed, and every response carries HSTS.
	Secure bool
	// TrustedProxies are the addresses whose X-Forwarded-For and
	// X-Forwarded-Proto headers are believed; nobody else's are.
	TrustedProxies []netip.Prefix
	// ListenAddr is where serve listens (host:port). Without a BaseURL,
	// absolute URLs use it, never the request's Host header.
	ListenAddr string
	// RetentionDays is how long a visitor may be idle before their data is
	// deleted, for the pages that say so; 0 means the default.
	RetentionDays int
}

// New builds the server and its route table.
func New(d Deps) *Server {
	s := &Server{log: d.Logger, sites: d.Sites, db: d.DB, baseURL: d.BaseURL, now: d.Now, static: d.Static,
		staticRegion: d.Region,
		writeLimit:   newLimiter(d.WriteLimit),
		// Five tries, then one a minute: plenty for typing mistakes.
		restoreLimit: newLimiterEvery(time.Minute, cmp.Or(d.RestoreLimit, 5)),
		transport:    transport{secure: d.Secure, proxies: d.TrustedProxies},
		listenHost:   listenHost(d.ListenAddr),
		retention:    cmp.Or(d.RetentionDays, config.DefaultRetentionDays),
		// A reader with several things to report can send five at once,
		// then one every ten minutes; everyone together, a few a minute.
		feedbackLimit: newLimiterEvery(10*time.Minute, 5),
		feedbackTotal: newLimiterEvery(20*time.Second, 60),
	}
	if s.static && s.staticRegion != "" {
		if regions := d.Sites.Site().Library.Regions(); len(regions) > 0 && regions[0].ID != s.staticRegion {
			s.exportPrefix = "/" + s.staticRegion
		}
	}
	if s.now == nil {
		s.now = time.Now
	}
	s.sessions = s.sessionSealer()
	s.handler = s.routes()
	return s
}

// sessionSealer uses the key kept in the database, so answers in progress
// survive a restart and every process reads them; without one (a read-only
// database that has none yet) a key for this process only.
func (s *Server) sessionSealer() *sealer {
	if s.db != nil {
		key, err := s.db.Secret(context.Background(), sessionKeyName, 32)
		if err == nil {
			if sl, err := newSealer(key); err == nil {
				return sl
			}
		}
		if s.log != nil {
			s.log.Warn("questionnaire key not stored; answers in progress will not survive a restart", "error", err)
		}
	}
	return ephemeralSealer()
}

// ServeHTTP implements http.Handler. Every request takes the one route
// table and its middleware (request id, access log, panic recovery,
// security headers, timeout); cached pages are answered from memory by
// their handlers, not by a shortcut around the router.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// page fills the shared part of every view.
func (s *Server) page(r *http.Request, site *Site, title, description string) templates.Page {
	p := templates.Page{
		Title:       title,
		Description: description,
		Path:        r.URL.Path,
		Assets:      site.templateAssets(),
	}
	// A canonical URL must be absolute, and the request's Host header is
	// not to be trusted in cached pages: without a base URL, leave it out.
	if s.baseURL != "" {
		p.Canonical = s.baseURL + s.exportPrefix + r.URL.Path
	}
	if s.static {
		p.Static, p.LiveBase = true, s.baseURL
	}
	p.Region = s.regionChoice(r, site)
	if s.static {
		p.Region.Links = regionCopies(site, r.URL.Path)
	}
	p.PrintURL, p.Printed = s.origin(r)+r.URL.Path, s.now()
	return p
}

// blankBookmark is the bookmark button of a first-time reader (or, in the
// static export, a link to the item on the live site).
func (s *Server) blankBookmark(kind, slug string) templates.BookmarkState {
	b := templates.BookmarkState{Kind: kind, Slug: slug}
	if s.static {
		b.Live = s.baseURL + paths.Item(kind, slug)
	}
	return b
}

// cached serves a page whose bytes depend only on the site version and the
// date (articles say when they fall due for review), rendering and
// compressing it on first use.
func (s *Server) cached(w http.ResponseWriter, r *http.Request, site *Site, build func() templ.Component) error {
	return s.cachedAs(w, r, site, r.URL.Path, build)
}

// cachedAs is cached with an explicit key, for pages whose bytes depend on
// validated query parameters. Never key on the raw query string: anyone
// could fill the cache with junk variants.
func (s *Server) cachedAs(w http.ResponseWriter, r *http.Request, site *Site, key string, build func() templ.Component) error {
	day := s.today()
	rg := s.regionFor(r, site)
	key += "\x00" + rg.ID // one copy per region: at most as many as regions.yaml has
	p, ok := site.pages.get(day, key)
	if !ok {
		body, err := renderComponent(r.Context(), build())
		if err != nil {
			return err
		}
		body = site.expand(rg, body)
		p = newPage(body)
		site.pages.put(day, key, p)
	}
	sendPage(w, r, p)
	return nil
}

// day caches today's date as text, so the cache key costs no formatting.
type day struct {
	unix int64
	text string
}

// today is the page cache's day: pages say when they fall due for review.
func (s *Server) today() string {
	now := s.now()
	d := now.Unix() / 86400
	if c := s.day.Load(); c != nil && c.unix == d {
		return c.text
	}
	c := &day{unix: d, text: now.UTC().Format(time.DateOnly)}
	s.day.Store(c)
	return c.text
}

// listenHost turns a listen address into the host of absolute URLs: ":8080"
// and "0.0.0.0:8080" become "localhost:8080"; no address, "localhost".
func listenHost(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil || port == "" {
		return "localhost"
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}
