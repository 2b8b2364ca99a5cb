// Package config turns command-line flags and BACKWISE_* environment
// variables into a Config. Flags win over the environment, which wins over
// the defaults; nothing here is global.
package config

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/netip"
	"net/url"
	"strings"
)

// Config is what `backwise serve` needs to run.
type Config struct {
	Addr       string // host:port to listen on
	DBPath     string // SQLite file, created with its folder if missing
	BaseURL    string // public origin for canonical links, e.g. https://backwise.example; may be empty
	LogFormat  string // text or json
	Dev        bool   // re-read content and static files from disk when they change
	ContentDir string // with Dev: where content/ lives on disk
	StaticDir  string // with Dev: where static/ lives on disk
	ReadOnly   bool   // open the database read-only: reading works, saving answers 503
	WriteLimit int    // writes a minute per client address and per visitor; 0 turns limits off
	// RestoreLimit is restore-code attempts per client address at once, then one a minute.
	RestoreLimit int
	// RetentionDays: a visitor idle this long is deleted with all they kept.
	RetentionDays int
	// Secure: the public site is HTTPS (behind a TLS proxy requests arrive
	// as plain HTTP, so only configuration can say). On by default when
	// BaseURL is https://.
	Secure bool
	// TrustedProxies are the proxy addresses whose X-Forwarded-For and
	// X-Forwarded-Proto are believed.
	TrustedProxies []netip.Prefix
}

// Defaults used when neither a flag nor the environment says otherwise.
const (
	DefaultAddr = "localhost:8080"
	DefaultDB   = "data/backwise.db"
	// DefaultRetentionDays is 18 months, as the About page says.
	DefaultRetentionDays = 548
)

// ParseServe reads serve's flags. getenv supplies the environment so tests
// need not touch the process's own. A -help request returns flag.ErrHelp
// after printing the usage to out.
func ParseServe(args []string, getenv func(string) string, out io.Writer) (Config, error) {
	env := func(key, fallback string) string {
		if v := getenv(key); v != "" {
			return v
		}
		return fallback
	}
	var c Config
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.StringVar(&c.Addr, "addr", env("BACKWISE_ADDR", DefaultAddr), "address to listen on, host:port (env BACKWISE_ADDR)")
	fs.StringVar(&c.DBPath, "db", env("BACKWISE_DB", DefaultDB), "SQLite database file; created with its folder if missing (env BACKWISE_DB)")
	fs.StringVar(&c.BaseURL, "base-url", env("BACKWISE_BASE_URL", ""), "public URL of the site for canonical links, e.g. https://backwise.example (env BACKWISE_BASE_URL)")
	fs.StringVar(&c.LogFormat, "log-format", env("BACKWISE_LOG_FORMAT", "text"), "log format: text or json (env BACKWISE_LOG_FORMAT)")
	fs.BoolVar(&c.Dev, "dev", false, "author mode: re-read content/ and static/ from disk when files change")
	fs.StringVar(&c.ContentDir, "content-dir", "content", "with -dev: the content folder on disk")
	fs.StringVar(&c.StaticDir, "static-dir", "static", "with -dev: the static folder on disk")
	fs.BoolVar(&c.ReadOnly, "read-only", false, "open the database read-only (maintenance, replicas): reading works, saving answers 503")
	fs.IntVar(&c.WriteLimit, "write-limit", 30, "saves a minute allowed per client address and per visitor (burst of the same size); 0 turns the limit off, e.g. for load tests")
	fs.IntVar(&c.RestoreLimit, "restore-limit", 5, "restore-code attempts per client address at once, then one a minute")
	fs.IntVar(&c.RetentionDays, "retention-days", DefaultRetentionDays, "delete a visitor, with everything they kept, after this many days without a save (checked daily)")
	secure := fs.String("secure", env("BACKWISE_SECURE", "auto"), "the public site is HTTPS: Secure __Host- cookies and HSTS; auto = when -base-url is https:// (env BACKWISE_SECURE: true, false or auto)")
	proxies := fs.String("trusted-proxy", env("BACKWISE_TRUSTED_PROXY", ""), "comma-separated addresses or CIDRs of the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed, e.g. 127.0.0.1,10.0.0.0/8 (env BACKWISE_TRUSTED_PROXY)")
	fs.Usage = func() {
		fmt.Fprintf(out, "Usage: backwise serve [flags]\n\nServe the Backwise web app.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return Config{}, err
	}
	if fs.NArg() > 0 {
		return Config{}, fmt.Errorf("serve takes no arguments, got %q", fs.Args())
	}
	if err := c.validate(); err != nil {
		return Config{}, err
	}
	switch strings.ToLower(*secure) {
	case "auto", "":
		c.Secure = strings.HasPrefix(c.BaseURL, "https://")
	case "true", "1", "yes":
		c.Secure = true
	case "false", "0", "no":
		c.Secure = false
	default:
		return Config{}, fmt.Errorf("-secure must be true, false or auto, not %q", *secure)
	}
	for _, part := range strings.Split(*proxies, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		p, err := netip.ParsePrefix(part)
		if err != nil {
			a, aerr := netip.ParseAddr(part)
			if aerr != nil {
				return Config{}, fmt.Errorf("-trusted-proxy: %q is not an address or CIDR like 10.0.0.0/8", part)
			}
			p = netip.PrefixFrom(a, a.BitLen())
		}
		c.TrustedProxies = append(c.TrustedProxies, p.Masked())
	}
	return c, nil
}

func (c *Config) validate() error {
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return fmt.Errorf("-log-format must be text or json, not %q", c.LogFormat)
	}
	if c.Addr == "" {
		return errors.New("-addr must not be empty")
	}
	if c.WriteLimit < 0 {
		return errors.New("-write-limit must be 0 (off) or more")
	}
	if c.RestoreLimit < 1 {
		return errors.New("-restore-limit must be 1 or more")
	}
	if c.RetentionDays < 30 {
		return errors.New("-retention-days must be 30 or more")
	}
	if c.DBPath == "" {
		return errors.New("-db must not be empty")
	}
	base, err := ParseBaseURL(c.BaseURL)
	if err != nil {
		return err
	}
	c.BaseURL = base
	return nil
}

// ParseBaseURL checks a -base-url value, which serve and export both take:
// an origin like https://backwise.example, returned without a trailing
// slash. An empty value is allowed and stays empty.
func ParseBaseURL(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") {
		return "", fmt.Errorf("-base-url must be an origin like https://backwise.example, not %q", s)
	}
	return strings.TrimSuffix(s, "/"), nil
}
