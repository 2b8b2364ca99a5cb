package web

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// transport is what the server knows about how requests reach it. Behind
// a TLS proxy r.TLS is always nil, so whether the public site is HTTPS
// comes from configuration, and forwarding headers are believed only from
// the proxies named in it; anyone else could forge them.
type transport struct {
	secure  bool           // the public site is HTTPS: Secure, prefixed cookies and HSTS
	proxies []netip.Prefix // peers whose X-Forwarded-For and X-Forwarded-Proto are trusted
}

// isSecure reports whether the visitor reached us over HTTPS.
func (t transport) isSecure(r *http.Request) bool {
	if t.secure || r.TLS != nil {
		return true
	}
	return t.fromProxy(r) && strings.EqualFold(strings.TrimSpace(r.Header.Get("X-Forwarded-Proto")), "https")
}

// cookieName adds the browser-enforced prefix on an HTTPS site: __Host-
// (Secure, path /, no Domain: no other host or path can set it) for
// site-wide cookies, __Secure- for one with a narrower path.
func (t transport) cookieName(base string, siteWide bool) string {
	switch {
	case !t.secure:
		return base
	case siteWide:
		return "__Host-" + base
	default:
		return "__Secure-" + base
	}
}

// setCookie names c and marks it Secure as the site requires.
func (t transport) setCookie(w http.ResponseWriter, r *http.Request, c *http.Cookie) {
	siteWide := c.Path == "/"
	c.Name = t.cookieName(c.Name, siteWide)
	c.Secure = t.isSecure(r)
	http.SetCookie(w, c)
}

// cookie reads a cookie set with setCookie.
func (t transport) cookie(r *http.Request, base string, siteWide bool) (*http.Cookie, error) {
	return r.Cookie(t.cookieName(base, siteWide))
}

// clientAddr is the visitor's address for rate limits: the peer, or,
// when the peer is a trusted proxy, the right-most address in
// X-Forwarded-For that is not one of ours (the left of the list is
// whatever the client chose to send).
func (t transport) clientAddr(r *http.Request) string {
	peer := peerAddr(r)
	if !t.trusted(peer) {
		return peer
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		hop := strings.TrimSpace(hops[i])
		if hop == "" {
			continue
		}
		if !t.trusted(hop) {
			if a, err := netip.ParseAddr(hop); err == nil {
				return a.String()
			}
			return peer // garbage in the header: limit the proxy's address
		}
	}
	return peer
}

func (t transport) fromProxy(r *http.Request) bool { return t.trusted(peerAddr(r)) }

func (t transport) trusted(addr string) bool {
	a, err := netip.ParseAddr(addr)
	if err != nil {
		return false
	}
	a = a.Unmap()
	for _, p := range t.proxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// peerAddr is the connection's address without its port.
func peerAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
