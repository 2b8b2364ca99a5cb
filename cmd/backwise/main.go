// Command backwise runs the Backwise web app (serve), validates its content
// (check) and prints its version. main only wires the parts together.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"backwise/content"
	"backwise/internal/config"
	"backwise/internal/library"
	"backwise/internal/store"
	"backwise/internal/web"
	"backwise/migrations"
	"backwise/static"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		var exit exitCode
		if !errors.As(err, &exit) {
			fmt.Fprintln(os.Stderr, "backwise:", err)
		}
		os.Exit(1)
	}
}

// exitCode is an error whose message has already been printed.
type exitCode struct{}

func (exitCode) Error() string { return "failed" }

const usage = `Usage: backwise <command> [flags]

Commands:
  serve     run the web app (see: backwise serve -help)
  check     validate every article; prints file:line: reason and exits 1 on problems
  export    write the public pages as a static site (see: backwise export -help)
  backup    copy the database consistently while the server runs (see: backwise backup -help)
  feedback  list readers' reports of problems with pages, or delete them (see: backwise feedback -help)
  prune     delete visitors idle past the retention period, and expired restore codes (serve does this daily)
  version   print the version

`

func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errors.New("no command given")
	}
	switch args[0] {
	case "serve":
		cfg, err := config.ParseServe(args[1:], getenv, stderr)
		if err != nil {
			return err
		}
		return serve(ctx, cfg, stderr)
	case "check":
		return check(args[1:], stdout, stderr)
	case "export":
		return export(ctx, args[1:], getenv, stdout, stderr)
	case "backup":
		return backup(ctx, args[1:], getenv, stdout, stderr)
	case "feedback":
		return feedback(ctx, args[1:], getenv, stdout, stderr)
	case "prune":
		return prune(ctx, args[1:], getenv, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "backwise", version())
		return nil
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("unknown command %q", args[0])
	}
}

func serve(ctx context.Context, cfg config.Config, stderr io.Writer) error {
	// Straight to stderr, one write per line: the last lines before a
	// crash are the ones most needed, so none waits in a buffer.
	log := newLogger(cfg.LogFormat, stderr)
	contentFS, staticFS := fs.FS(content.FS), fs.FS(static.FS)
	if cfg.Dev {
		contentFS, staticFS = os.DirFS(cfg.ContentDir), os.DirFS(cfg.StaticDir)
	}
	site, err := web.LoadSite(contentFS, staticFS)
	if err != nil {
		return err
	}
	db, err := store.OpenWith(ctx, cfg.DBPath, migrations.FS, store.Options{ReadOnly: cfg.ReadOnly})
	if err != nil {
		return err
	}
	defer db.Close()
	sites := web.NewSiteHolder(site)
	if !cfg.ReadOnly {
		go pruneDaily(ctx, log, db, cfg.RetentionDays)
	}
	if cfg.Dev {
		go web.WatchForChanges(ctx, log, sites, cfg.ContentDir, cfg.StaticDir)
	}
	srv := web.NewHTTPServer(web.New(web.Deps{Logger: log, Sites: sites, DB: db, BaseURL: cfg.BaseURL, WriteLimit: cfg.WriteLimit,
		RestoreLimit: cfg.RestoreLimit, Secure: cfg.Secure, TrustedProxies: cfg.TrustedProxies, ListenAddr: cfg.Addr,
		RetentionDays: cfg.RetentionDays}))
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	log.Info("backwise is ready", "url", "http://"+ln.Addr().String(), "db", cfg.DBPath, "articles", len(site.Library.Articles()), "dev", cfg.Dev,
		"secure", cfg.Secure, "trusted_proxies", len(cfg.TrustedProxies))
	err = web.Serve(ctx, srv, ln, 10*time.Second)
	log.Info("backwise stopped")
	return err
}

func check(args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("check", flag.ContinueOnError)
	fset.SetOutput(stderr)
	dir := fset.String("content", "", "check this content folder on disk instead of the content built into the binary")
	fset.Usage = func() {
		fmt.Fprintf(stderr, "Usage: backwise check [-content DIR]\n\nValidate every article: front matter, references, links, figures and reading level.\nPrints file:line: reason for each problem and exits 1 if there is any.\n\nFlags:\n")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		return err
	}
	fsys := fs.FS(content.FS)
	if *dir != "" {
		fsys = os.DirFS(*dir)
	}
	lib, err := library.Load(fsys, web.ContentOptions())
	if err == nil {
		// Articles named in code (results, the home page, search) must exist.
		err = web.CheckSlugs(lib)
	}
	var problems library.Problems
	var slugs web.SlugProblems
	var lines []string
	switch {
	case errors.As(err, &problems):
		for _, p := range problems {
			lines = append(lines, p.String())
		}
	case errors.As(err, &slugs):
		for _, p := range slugs {
			lines = append(lines, p.String())
		}
	case err != nil:
		return err
	}
	if len(lines) > 0 {
		for _, l := range lines {
			fmt.Fprintln(stdout, l)
		}
		fmt.Fprintf(stdout, "%d problem(s) found\n", len(lines))
		return exitCode{}
	}
	for _, p := range lib.DueForReview(time.Now()) {
		fmt.Fprintln(stdout, p, "(warning)")
	}
	for _, a := range lib.Articles() {
		fmt.Fprintf(stdout, "%-52s grade %4.1f  %4d words\n", a.File, a.Readability, a.Words)
	}
	for _, r := range lib.Routines() {
		fmt.Fprintf(stdout, "%-52s grade %4.1f  %4d words  %d steps\n", r.File, r.Readability, r.Words, len(r.Steps))
	}
	fmt.Fprintf(stdout, "ok: %d articles, %d routines\n", len(lib.Articles()), len(lib.Routines()))
	return nil
}

func newLogger(format string, w io.Writer) *slog.Logger {
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}

// version reports the module version or VCS revision baked in by go build.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return info.Main.Version
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "-dirty"
	}
	return rev
}
