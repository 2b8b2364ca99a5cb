package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"backwise/migrations"
)

func TestOpenCreatesFolderAndMigrates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nested", "folder", "backwise.db")
	s, err := Open(context.Background(), path, migrations.FS)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database file not created: %v", err)
	}
	ctx := context.Background()
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("Ping: %v", err)
	}
	var n int
	if err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE name = 'visitors'").Scan(&n); err != nil || n != 1 {
		t.Errorf("visitors table: n=%d err=%v", n, err)
	}
	pragma := func(name string) string {
		var v string
		if err := s.write.QueryRowContext(ctx, "PRAGMA "+name).Scan(&v); err != nil {
			t.Fatalf("PRAGMA %s: %v", name, err)
		}
		return v
	}
	for name, want := range map[string]string{"journal_mode": "wal", "foreign_keys": "1", "synchronous": "1", "busy_timeout": "5000"} {
		if got := pragma(name); got != want {
			t.Errorf("PRAGMA %s = %q, want %q", name, got, want)
		}
	}
	var ro string
	if err := s.read.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&ro); err != nil || ro != "1" {
		t.Errorf("read pool foreign_keys = %q (%v)", ro, err)
	}
	if _, err := s.read.ExecContext(ctx, "INSERT INTO visitors(token_hash) VALUES (x'00')"); err == nil {
		t.Error("read pool accepted a write")
	}
}

func TestOpenTwiceIsIdempotent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.db")
	for i := 0; i < 2; i++ {
		s, err := Open(context.Background(), path, migrations.FS)
		if err != nil {
			t.Fatalf("Open #%d: %v", i+1, err)
		}
		s.Close()
	}
}

func TestInTxRollsBackOnError(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "c.db"), migrations.FS)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	wantErr := os.ErrInvalid
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "INSERT INTO visitors(token_hash) VALUES (x'01')"); err != nil {
			return err
		}
		return wantErr
	})
	if !errors.Is(err, wantErr) {
		t.Fatalf("inTx = %v", err)
	}
	var n int
	s.read.QueryRowContext(ctx, "SELECT count(*) FROM visitors").Scan(&n)
	if n != 0 {
		t.Errorf("rolled-back insert is visible: %d rows", n)
	}
}

func TestSecretSurvivesReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	ctx := context.Background()
	s1, err := Open(ctx, path, migrations.FS)
	if err != nil {
		t.Fatal(err)
	}
	k1, err := s1.Secret(ctx, "test-key", 32)
	if err != nil || len(k1) != 32 {
		t.Fatalf("%v %d", err, len(k1))
	}
	s1.Close()
	s2, err := Open(ctx, path, migrations.FS)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	k2, err := s2.Secret(ctx, "test-key", 32)
	if err != nil || !bytes.Equal(k1, k2) {
		t.Errorf("the secret changed across a restart: %v", err)
	}
	if other, _ := s2.Secret(ctx, "other", 32); bytes.Equal(other, k1) {
		t.Error("two secrets share a value")
	}
}

// Saves never pay for a checkpoint: the write connection has automatic
// checkpoints off and a cap on the log's size, and the background
// checkpointer moves the log into the file within about a second.
func TestBackgroundCheckpoints(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	var auto, limit int
	s.write.QueryRowContext(ctx, `PRAGMA wal_autocheckpoint`).Scan(&auto)
	s.write.QueryRowContext(ctx, `PRAGMA journal_size_limit`).Scan(&limit)
	if auto != 0 || limit != 64<<20 {
		t.Errorf("writer: wal_autocheckpoint = %d, journal_size_limit = %d; want 0 and 64 MiB", auto, limit)
	}
	for range 300 {
		if _, err := s.AddBookmark(ctx, Who{NewToken: NewToken()}, "article", "faq"); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(2 * checkpointEvery)
	// A PASSIVE checkpoint now finds nothing left to copy: log == checkpointed.
	var busy, logFrames, done int
	if err := s.checkpoints.QueryRowContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`).Scan(&busy, &logFrames, &done); err != nil {
		t.Fatal(err)
	}
	if logFrames != done {
		t.Errorf("after the checkpointer ran: %d frames in the log, %d checkpointed", logFrames, done)
	}
}

// Under saves that never pause, the log still starts again: PASSIVE
// checkpoints alone let it grow by 60 MB a second (make bench, one client),
// because some save always arrives while they copy. The log's header
// counts its restarts.
func TestLogRestartsUnderSteadySaves(t *testing.T) {
	path := filepath.Join(t.TempDir(), "steady.db")
	ctx := context.Background()
	s, err := OpenWith(ctx, path, migrations.FS, Options{restartFrames: 64})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	save := func() {
		if _, err := s.AddBookmark(ctx, Who{NewToken: NewToken()}, "article", "faq"); err != nil {
			t.Fatal(err)
		}
	}
	save()
	restarts := func() uint32 {
		f, err := os.Open(path + "-wal")
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		var hdr [16]byte
		if _, err := io.ReadFull(f, hdr[:]); err != nil {
			t.Fatal(err)
		}
		return binary.BigEndian.Uint32(hdr[12:16]) // the checkpoint sequence number
	}
	before := restarts()
	// Saves back to back, with the pause a request's round trip leaves
	// between them, until the log starts again or 15 s pass (a loaded
	// machine checkpoints slowly; without the RESTART it never does).
	for end := time.Now().Add(15 * time.Second); restarts() == before; {
		if time.Now().After(end) {
			t.Fatalf("the log never started again in 15 s of steady saves (sequence %d)", before)
		}
		for range 50 {
			save()
			time.Sleep(100 * time.Microsecond)
		}
	}
}

// A full database shows in Health at once, without a probe write: a save
// that fails for lack of space is the latest commit's outcome, and a later
// successful save clears it.
func TestHealthReportsAFullDatabase(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if h, err := s.Health(); err != nil || h.LastCommitError != "" || h.FreeBytes == 0 {
		t.Fatalf("fresh Health = %+v, %v", h, err)
	}
	var pages int
	s.write.QueryRowContext(ctx, `PRAGMA page_count`).Scan(&pages)
	s.write.ExecContext(ctx, `PRAGMA max_page_count = `+strconv.Itoa(pages)) // as good as a full disk
	var err error
	for i := 0; i < 200 && err == nil; i++ {
		_, err = s.AddBookmark(ctx, Who{NewToken: NewToken()}, "article", strings.Repeat("x", 90)+strconv.Itoa(i))
	}
	if err == nil || !IsUnavailable(err) {
		t.Fatalf("saves into a full database: err = %v", err)
	}
	if h, _ := s.Health(); !strings.Contains(h.LastCommitError, "full") {
		t.Errorf("Health after a failed save = %+v", h)
	}
	s.write.ExecContext(ctx, `PRAGMA max_page_count = 1073741823`)
	if _, err := s.AddBookmark(ctx, Who{NewToken: NewToken()}, "article", "faq"); err != nil {
		t.Fatal(err)
	}
	if h, _ := s.Health(); h.LastCommitError != "" {
		t.Errorf("Health after a good save = %+v", h)
	}
}
