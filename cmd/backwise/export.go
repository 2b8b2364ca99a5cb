package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"backwise/content"
	"backwise/internal/config"
	"backwise/internal/store"
	"backwise/internal/web"
	"backwise/migrations"
	"backwise/static"
)

func export(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("export", flag.ContinueOnError)
	fset.SetOutput(stderr)
	baseURL := fset.String("base-url", getenv("BACKWISE_BASE_URL"), "public URL of the live app, e.g. https://backwise.example: canonical links, and where forms that need the app point (env BACKWISE_BASE_URL)")
	region := fset.String("region", "", "the region whose numbers and services the pages give (default: the first in regions.yaml, England); other regions' copies go in <site>/<region>, served at /<region>/")
	fset.Usage = func() {
		fmt.Fprintf(stderr, "Usage: backwise export [-base-url URL] [-region ID] DIR\n\nWrite every public page (articles, topics, tags, routines, about, rules, sitemap, feed, 404)\nand the static files into DIR as a static site, with a .gz beside each text file.\nThe questionnaire, bookmarks and search stay on the app at -base-url.\n\nFlags:\n")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		return err
	}
	if fset.NArg() != 1 {
		fset.Usage()
		return errors.New("export needs exactly one folder to write to")
	}
	base, err := config.ParseBaseURL(*baseURL)
	if err != nil {
		return err
	}
	if base == "" {
		fmt.Fprintln(stderr, "warning: no -base-url: the export's search, questionnaire and bookmark links will point at this host")
	}
	site, err := web.LoadSite(content.FS, static.FS)
	if err != nil {
		return err
	}
	// Pages for first-time readers never touch the database, but the server
	// wants one: a throwaway file keeps the export from needing any set-up.
	tmp, err := os.MkdirTemp("", "backwise-export-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	db, err := store.Open(ctx, filepath.Join(tmp, "export.db"), migrations.FS)
	if err != nil {
		return err
	}
	defer db.Close()
	if *region == "" {
		*region = site.Library.Regions()[0].ID
	}
	if _, ok := site.Library.Region(*region); !ok {
		return fmt.Errorf("export: unknown region %q (see content/regions.yaml)", *region)
	}
	srv := web.New(web.Deps{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Sites: web.NewSiteHolder(site), DB: db, BaseURL: base, Static: true, Region: *region})
	st, err := srv.ExportSite(ctx, fset.Arg(0))
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "exported %d files (%d KB) to %s\n", st.Files, st.Bytes/1024, fset.Arg(0))
	return nil
}
