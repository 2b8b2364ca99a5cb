package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"backwise/internal/config"
	"backwise/internal/store"
	"backwise/migrations"
)

func backup(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("backup", flag.ContinueOnError)
	fset.SetOutput(stderr)
	dbPath := fset.String("db", getenv("BACKWISE_DB"), "the database to copy (env BACKWISE_DB, default "+config.DefaultDB+")")
	fset.Usage = func() {
		fmt.Fprintf(stderr, "Usage: backwise backup [-db PATH] FILE\n\nWrite a consistent copy of the database to FILE (which must not exist) with VACUUM INTO.\nSafe while the server runs. To restore, stop the server and put FILE in place of the database.\n\nFlags:\n")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		return err
	}
	if fset.NArg() != 1 {
		fset.Usage()
		return errors.New("backup needs exactly one file to write")
	}
	if *dbPath == "" {
		*dbPath = config.DefaultDB
	}
	if _, err := os.Stat(*dbPath); err != nil {
		return fmt.Errorf("no database at %s: %w", *dbPath, err)
	}
	db, err := store.OpenWith(ctx, *dbPath, migrations.FS, store.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Backup(ctx, fset.Arg(0)); err != nil {
		return err
	}
	info, err := os.Stat(fset.Arg(0))
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backed up %s to %s (%d KB)\n", *dbPath, fset.Arg(0), info.Size()/1024)
	return nil
}
