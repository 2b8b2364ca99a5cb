package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode"

	"backwise/internal/config"
	"backwise/internal/store"
	"backwise/migrations"
)

// feedback lists readers' reports of problems with pages, for the editors,
// and deletes the ones that have been dealt with.
func feedback(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("feedback", flag.ContinueOnError)
	fset.SetOutput(stderr)
	dbPath := fset.String("db", getenv("BACKWISE_DB"), "the database to read (env BACKWISE_DB, default "+config.DefaultDB+")")
	slug := fset.String("page", "", "only reports about the article or routine with this slug")
	asJSON := fset.Bool("json", false, "print the reports as JSON")
	remove := fset.String("delete", "", "delete these reports once dealt with: numbers separated by commas, like 3,4,7")
	fset.Usage = func() {
		fmt.Fprintf(stderr, "Usage: backwise feedback [-db PATH] [-page SLUG] [-json] [-delete N,N]\n\nList readers' reports of problems with pages, oldest first, or delete the ones dealt with.\nReports are not linked to any visitor.\n\nFlags:\n")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		return err
	}
	if fset.NArg() > 0 {
		fset.Usage()
		return fmt.Errorf("feedback takes no arguments, only flags (got %q)", fset.Arg(0))
	}
	if *dbPath == "" {
		*dbPath = config.DefaultDB
	}
	if _, err := os.Stat(*dbPath); err != nil {
		return fmt.Errorf("no database at %s: %w", *dbPath, err)
	}
	var ids []int64
	if *remove != "" {
		for _, part := range strings.Split(*remove, ",") {
			id, err := strconv.ParseInt(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(part), "#")), 10, 64)
			if err != nil || id <= 0 {
				return fmt.Errorf("-delete: %q is not a report number", part)
			}
			ids = append(ids, id)
		}
	}
	// Opened for writing (which also applies any pending migration, so a
	// database from before reports existed simply has none).
	db, err := store.Open(ctx, *dbPath, migrations.FS)
	if err != nil {
		return err
	}
	defer db.Close()
	if len(ids) > 0 {
		n, err := db.DeleteFeedback(ctx, ids)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "deleted %d of %d report(s)\n", n, len(ids))
		return nil
	}
	reports, err := db.ListFeedback(ctx, store.FeedbackFilter{Slug: *slug})
	if err != nil {
		return err
	}
	if *asJSON {
		if reports == nil {
			reports = []store.Feedback{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(reports)
	}
	printReports(stdout, reports)
	return nil
}

func printReports(w io.Writer, reports []store.Feedback) {
	if len(reports) == 0 {
		fmt.Fprintln(w, "no reports")
		return
	}
	for _, f := range reports {
		fmt.Fprintf(w, "#%d  %s  %s %s  %s", f.ID, f.ReceivedOn, f.Kind, f.Slug, store.FeedbackProblemLabel(f.Problem))
		if f.Region != "" {
			fmt.Fprintf(w, "  (region %s)", f.Region)
		}
		fmt.Fprintln(w)
		if f.Contact != "" {
			fmt.Fprintf(w, "    reply to: %s\n", terminalSafe(f.Contact))
		}
		for _, line := range strings.Split(terminalSafe(f.Message), "\n") {
			fmt.Fprintf(w, "    | %s\n", line)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%d report(s). Delete the ones dealt with: backwise feedback -delete N,N\n", len(reports))
}

// terminalSafe replaces control characters (other than line breaks and
// tabs) in a reader's text, so a report cannot move the cursor, recolour or
// retitle the editor's terminal with escape sequences.
func terminalSafe(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			return '�'
		}
		return r
	}, s)
}
