package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"backwise/internal/config"
	"backwise/internal/store"
	"backwise/migrations"
)

// retentionCutoff is the last-active time before which a visitor is idle.
func retentionCutoff(now time.Time, days int) time.Time { return now.AddDate(0, 0, -days) }

// pruneDaily deletes idle visitors and expired restore codes once at start
// and then every day, until ctx ends. Nothing it logs names a visitor.
func pruneDaily(ctx context.Context, log *slog.Logger, db *store.Store, days int) {
	tick := time.NewTicker(24 * time.Hour)
	defer tick.Stop()
	for {
		now := time.Now()
		p, err := db.PruneIdle(ctx, retentionCutoff(now, days), now)
		if err != nil && ctx.Err() == nil {
			log.Error("prune failed", "err", err)
		} else if p.Visitors+p.RestoreCodes > 0 {
			log.Info("pruned", "idle_visitors", p.Visitors, "expired_restore_codes", p.RestoreCodes)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// prune is `backwise prune`: the daily clean-up, on demand.
func prune(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("prune", flag.ContinueOnError)
	fset.SetOutput(stderr)
	dbPath := fset.String("db", getenv("BACKWISE_DB"), "the database (env BACKWISE_DB, default "+config.DefaultDB+")")
	days := fset.Int("retention-days", config.DefaultRetentionDays, "delete visitors with no save for this many days")
	fset.Usage = func() {
		fmt.Fprintf(stderr, "Usage: backwise prune [-db PATH] [-retention-days N]\n\nDelete every visitor idle for longer than the retention period, with everything they kept,\nand every expired restore code. serve does this once a day.\n\nFlags:\n")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		return err
	}
	if *days < 30 {
		return fmt.Errorf("-retention-days must be 30 or more")
	}
	if *dbPath == "" {
		*dbPath = config.DefaultDB
	}
	if _, err := os.Stat(*dbPath); err != nil {
		return fmt.Errorf("no database at %s: %w", *dbPath, err)
	}
	db, err := store.Open(ctx, *dbPath, migrations.FS)
	if err != nil {
		return err
	}
	defer db.Close()
	now := time.Now()
	p, err := db.PruneIdle(ctx, retentionCutoff(now, *days), now)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "deleted %d idle visitor(s) and %d expired restore code(s)\n", p.Visitors, p.RestoreCodes)
	return nil
}
