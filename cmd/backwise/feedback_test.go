package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"backwise/internal/store"
	"backwise/migrations"
)

func TestFeedbackListsAndDeletesReports(t *testing.T) {
	ctx := context.Background()
	dbPath := filepath.Join(t.TempDir(), "backwise.db")
	db, err := store.Open(ctx, dbPath, migrations.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []store.Feedback{
		{Kind: "article", Slug: "sciatica", Problem: "wrong", Message: "Line one\nLine two", Contact: "ed@example.org", Region: "england"},
		// A reader's text must not be able to drive the editor's terminal.
		{Kind: "routine", Slug: "tennis-ball-lower-back", Problem: "broken", Message: "\x1b[2J\x1b]0;owned\x07cleared?\u202e"},
		{Kind: "article", Slug: "faq", Problem: "unclear", Message: "Heat or ice?"},
	} {
		if _, err := db.AddFeedback(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	feedback := func(args ...string) (string, error) {
		var out bytes.Buffer
		err := run(ctx, append([]string{"feedback", "-db", dbPath}, args...), noEnv, &out, io.Discard)
		return out.String(), err
	}
	out, err := feedback()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"#1  ", "article sciatica  Something is wrong or out of date  (region england)", "reply to: ed@example.org", "    | Line one\n    | Line two",
		"#2  ", "routine tennis-ball-lower-back  A link, number or picture does not work",
		"#3  ", "3 report(s)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("listing lacks %q:\n%s", want, out)
		}
	}
	if strings.ContainsAny(out, "\x1b\x07\u202e") {
		t.Errorf("listing passes control characters through to the terminal: %q", out)
	}
	if strings.Index(out, "#1") > strings.Index(out, "#3") {
		t.Error("reports are not oldest first")
	}

	out, _ = feedback("-page", "faq")
	if !strings.Contains(out, "Heat or ice?") || strings.Contains(out, "sciatica") {
		t.Errorf("-page faq:\n%s", out)
	}
	out, _ = feedback("-json")
	var reports []store.Feedback
	if err := json.Unmarshal([]byte(out), &reports); err != nil || len(reports) != 3 || reports[0].Message != "Line one\nLine two" {
		t.Errorf("-json = %v %s", err, out)
	}

	if out, err = feedback("-delete", "1, #3, 99"); err != nil || !strings.Contains(out, "deleted 2 of 3") {
		t.Errorf("-delete = %v %q", err, out)
	}
	if out, _ = feedback(); !strings.Contains(out, "#2") || strings.Contains(out, "#1 ") || !strings.Contains(out, "1 report(s)") {
		t.Errorf("after deleting:\n%s", out)
	}
	if _, err := feedback("-delete", "two"); err == nil || !strings.Contains(err.Error(), `"two" is not a report number`) {
		t.Errorf("-delete two = %v", err)
	}
	if _, err := feedback("-delete", "2"); err != nil {
		t.Fatal(err)
	}
	if out, _ = feedback(); strings.TrimSpace(out) != "no reports" {
		t.Errorf("empty listing = %q", out)
	}
	var errOut bytes.Buffer
	if err := run(ctx, []string{"feedback", "-db", filepath.Join(t.TempDir(), "missing.db")}, noEnv, io.Discard, &errOut); err == nil || !strings.Contains(err.Error(), "no database") {
		t.Errorf("missing database = %v", err)
	}
}

func TestPruneCommand(t *testing.T) {
	ctx := context.Background()
	dbPath := filepath.Join(t.TempDir(), "prune.db")
	db, err := store.Open(ctx, dbPath, migrations.FS)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddBookmark(ctx, store.Who{NewToken: store.NewToken()}, "routine", "bridges"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	var out bytes.Buffer
	if err := run(ctx, []string{"prune", "-db", dbPath}, noEnv, &out, io.Discard); err != nil || !strings.Contains(out.String(), "deleted 0 idle visitor(s)") {
		t.Errorf("prune of a fresh visitor: %v %q", err, out.String())
	}
	// Age the visitor past 18 months, as time would.
	raw, err := sql.Open("sqlite3", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE visitors SET last_active_at = '2020-01-01T00:00:00.000Z'`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	out.Reset()
	if err := run(ctx, []string{"prune", "-db", dbPath}, noEnv, &out, io.Discard); err != nil || !strings.Contains(out.String(), "deleted 1 idle visitor(s)") {
		t.Errorf("prune of an idle visitor: %v %q", err, out.String())
	}
	if err := run(ctx, []string{"prune", "-db", dbPath, "-retention-days", "10"}, noEnv, io.Discard, io.Discard); err == nil {
		t.Error("a retention under 30 days was accepted")
	}
}
