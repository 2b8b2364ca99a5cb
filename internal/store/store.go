// Package store keeps Backwise's data in SQLite: it opens the database with
// the pragmas every connection needs, applies the embedded migrations, and
// (in later files) reads and writes visitors and what they keep.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/pressly/goose/v3"

	// The driver registers itself as "sqlite3"; its error codes tell a
	// locked or read-only database from a bug.
	"github.com/mattn/go-sqlite3"
)

// ErrNotFound is returned when a row does not exist (or belongs to another
// visitor: callers must not be able to tell the two apart).
var ErrNotFound = errors.New("store: not found")

// Store is the application's database. SQLite allows one writer at a time,
// so writes go through a single connection (no lock contention, good p99)
// while reads use a pool.
type Store struct {
	write *sql.DB
	read  *sql.DB
	// checkpoints moves the write-ahead log into the database file in the
	// background, on a connection of its own, so no save pays for it.
	checkpoints *sql.DB
	// restartFrames is the log's length in frames beyond which the
	// checkpointer makes the log start again (see checkpointLoop).
	restartFrames int
	// scrubPending is set when a scrub could not empty the log at once.
	scrubPending atomic.Bool
	stop         context.CancelFunc
	stopped      chan struct{}

	dir       string       // the database's folder, for its free space
	lastWrite atomic.Value // writeOutcome of the latest commit
}

// writeOutcome is the latest commit's error ("" when it succeeded).
type writeOutcome struct {
	err string
	at  time.Time
}

// Options tune how the database is opened.
type Options struct {
	// BusyTimeout is how long a statement waits for a lock before failing
	// (default 5 s).
	BusyTimeout time.Duration
	// ReadOnly opens the file read-only and skips migrations: reading works,
	// every write fails with ErrUnavailable. For maintenance windows and
	// read replicas.
	ReadOnly bool

	// restartFrames replaces the default of the same name, for tests.
	restartFrames int
}

// defaultBusyTimeout is Options.BusyTimeout when none is given.
const defaultBusyTimeout = 5 * time.Second

// Open opens (creating if needed) the database file at path and applies
// every pending migration from migrationsFS.
func Open(ctx context.Context, path string, migrationsFS fs.FS) (*Store, error) {
	return OpenWith(ctx, path, migrationsFS, Options{})
}

// OpenWith is Open with options.
func OpenWith(ctx context.Context, path string, migrationsFS fs.FS, opts Options) (*Store, error) {
	if opts.BusyTimeout <= 0 {
		opts.BusyTimeout = defaultBusyTimeout
	}
	if dir := filepath.Dir(path); dir != "" && !opts.ReadOnly {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("store: create folder for %s: %w", path, err)
		}
	}
	write, err := sql.Open(writerDriver, dsn(path, !opts.ReadOnly, opts.BusyTimeout))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	read, err := sql.Open("sqlite3", dsn(path, false, opts.BusyTimeout))
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	read.SetMaxOpenConns(4)
	s := &Store{write: write, read: read, dir: filepath.Dir(path), restartFrames: restartFrames}
	if opts.restartFrames > 0 {
		s.restartFrames = opts.restartFrames
	}
	if opts.ReadOnly {
		if err := s.Ping(ctx); err != nil {
			s.Close()
			return nil, err
		}
		return s, nil
	}
	if err := s.migrate(ctx, migrationsFS); err != nil {
		s.Close()
		return nil, err
	}
	if s.checkpoints, err = sql.Open("sqlite3", dsn(path, true, checkpointBusy)); err != nil {
		s.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	s.checkpoints.SetMaxOpenConns(1)
	bg, stop := context.WithCancel(context.Background())
	s.stop, s.stopped = stop, make(chan struct{})
	go s.checkpointLoop(bg)
	return s, nil
}

// writerDriver is SQLite with the write connection's own settings:
// automatic checkpoints off (they would run inside whichever save happened
// to fill the log, 20–30 ms at scale: that save was the p99), and a cap on
// the log file's size once checkpointed.
const writerDriver = "sqlite3_backwise_writer"

func init() {
	sql.Register(writerDriver, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		_, err := c.Exec(`PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = 67108864`, nil)
		return err
	}})
}

// checkpointEvery and truncateEvery pace the background checkpoints: a
// PASSIVE one every second copies the log into the database (it never
// waits for, or blocks, readers and writers), and a TRUNCATE one each
// minute gives the log's space back.
//
// PASSIVE checkpoints alone do not bound the log under steady writes.
// SQLite starts the log again from its beginning only when a write finds
// every frame already copied, and when saves never stop, some always
// arrive during the copy. make bench measured the log growing by 60 MB a
// second, to 2 GB within one 10 s run, at one client saving flat out. So
// when a PASSIVE checkpoint leaves the log longer than restartFrames, a
// RESTART checkpoint follows at once. It copies the few frames written
// since, waits for the writer, and makes the next save start the log again;
// journal_size_limit then trims the file. It holds saves up while it runs
// (measured: 16–20 ms once a second at 2,000 saves a second), so it runs
// only under that kind of load. Its connection waits at most
// checkpointBusy, so a busy moment skips a turn rather than stalling saves.
const (
	checkpointEvery = time.Second
	truncateEvery   = time.Minute
	restartFrames   = 16384 // 64 MB of 4 KB pages, as journal_size_limit
	checkpointBusy  = 100 * time.Millisecond
)

func (s *Store) checkpointLoop(ctx context.Context) {
	defer close(s.stopped)
	tick := time.NewTicker(checkpointEvery)
	defer tick.Stop()
	lastTruncate := time.Now()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-tick.C:
			if s.scrubPending.Load() || now.Sub(lastTruncate) >= truncateEvery {
				if s.truncateLog(ctx) {
					s.scrubPending.Store(false)
				}
				lastTruncate = now
				continue
			}
			var busy, frames, copied int
			err := s.checkpoints.QueryRowContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`).Scan(&busy, &frames, &copied)
			if err == nil && frames > s.restartFrames {
				s.checkpoints.ExecContext(ctx, `PRAGMA wal_checkpoint(RESTART)`)
			}
		}
	}
}

// dsn sets the pragmas in the connection string so they apply to every
// pooled connection, not just the one a PRAGMA statement happens to run on.
// busy_timeout comes first so that even setting WAL waits for a lock.
func dsn(path string, writer bool, busy time.Duration) string {
	q := url.Values{}
	q.Set("_busy_timeout", strconv.FormatInt(busy.Milliseconds(), 10))
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	q.Set("_foreign_keys", "on")
	// Deleted rows are overwritten with zeros, not just unlinked, so
	// "delete all my data" leaves no readable bytes in the file.
	q.Set("_secure_delete", "on")
	// Each connection keeps its prepared statements (the store has a few dozen
	// distinct ones): preparing was a fifth of a kept result's time, and
	// BenchmarkKeptResult went from 355 to 275 µs. A statement that is reset
	// holds no lock, and a schema change re-prepares it.
	q.Set("_stmt_cache_size", "64")
	if writer {
		// Take the write lock at BEGIN, so a transaction waits for the lock
		// up front instead of failing half-way with SQLITE_BUSY.
		q.Set("_txlock", "immediate")
	} else {
		q.Set("mode", "ro")
	}
	return "file:" + path + "?" + q.Encode()
}

func (s *Store) migrate(ctx context.Context, migrationsFS fs.FS) error {
	p, err := goose.NewProvider(goose.DialectSQLite3, s.write, migrationsFS)
	if err != nil {
		return fmt.Errorf("store: prepare migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	return nil
}

// Ping checks that the database answers reads, for start-up.
func (s *Store) Ping(ctx context.Context) error {
	var n int
	if err := s.read.QueryRowContext(ctx, "SELECT 1").Scan(&n); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	return nil
}

// CheckWritable proves the database can take a write right now, without
// keeping one: a read-only file, a full disk or a lock held too long all
// show here, so the health check can report them.
func (s *Store) CheckWritable(ctx context.Context) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO visitors (token_hash) VALUES (zeroblob(1))`); err != nil {
			return fmt.Errorf("store: write check: %w", err)
		}
		return errRollback
	})
	if errors.Is(err, errRollback) {
		return nil
	}
	return err
}

// errRollback makes inTx roll back a transaction that only probed.
var errRollback = errors.New("store: rolled back on purpose")

// ErrUnavailable marks errors where the database itself cannot serve the
// request right now (locked, read-only, full, I/O error): the visitor did
// nothing wrong and may try again later.
var ErrUnavailable = errors.New("store: database unavailable")

// IsUnavailable reports whether err comes from the database being
// unavailable rather than from a bug or bad input.
func IsUnavailable(err error) bool {
	if errors.Is(err, ErrUnavailable) {
		return true
	}
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return false
	}
	switch se.Code {
	case sqlite3.ErrBusy, sqlite3.ErrLocked, sqlite3.ErrReadonly, sqlite3.ErrIoErr, sqlite3.ErrFull, sqlite3.ErrCantOpen, sqlite3.ErrProtocol, sqlite3.ErrInterrupt:
		return true
	}
	return false
}

// Close closes both pools.
func (s *Store) Close() error {
	var errCheckpoints error
	if s.stop != nil {
		s.stop()
		<-s.stopped
		errCheckpoints = s.checkpoints.Close()
	}
	return errors.Join(s.read.Close(), s.write.Close(), errCheckpoints)
}

// inTx runs fn in a write transaction, rolling back on any error or panic
// and reporting a failed commit. It is the only way store code writes more
// than one statement.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) (err error) {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			tx.Rollback()
			panic(p)
		}
		if err != nil {
			tx.Rollback()
		}
	}()
	if err = fn(tx); err != nil {
		if IsUnavailable(err) {
			s.lastWrite.Store(writeOutcome{err: err.Error(), at: time.Now()})
		}
		return err
	}
	if err = tx.Commit(); err != nil {
		s.lastWrite.Store(writeOutcome{err: err.Error(), at: time.Now()}) // a full disk shows here
		return fmt.Errorf("store: commit: %w", err)
	}
	s.lastWrite.Store(writeOutcome{})
	return nil
}

// Backup writes a consistent copy of the database to dest with VACUUM
// INTO, while the server keeps running: it reads one snapshot, so writes
// made meanwhile are either wholly in the copy or wholly not.
func (s *Store) Backup(ctx context.Context, dest string) error {
	if _, err := os.Stat(dest); err == nil {
		return fmt.Errorf("store: backup: %s already exists", dest)
	}
	if _, err := s.read.ExecContext(ctx, `VACUUM INTO ?`, dest); err != nil {
		return fmt.Errorf("store: backup to %s: %w", dest, err)
	}
	return nil
}

// IntegrityCheck runs SQLite's integrity check and returns its verdict
// ("ok" when the file is sound).
func (s *Store) IntegrityCheck(ctx context.Context) (string, error) {
	var verdict string
	if err := s.read.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&verdict); err != nil {
		return "", fmt.Errorf("store: integrity check: %w", err)
	}
	return verdict, nil
}

// scrub moves every change from the write-ahead log into the database file
// and empties the log. With secure_delete the file then holds zeros where
// deleted data was, and the log no longer holds the old pages. It runs
// after a visitor deletes or changes something, on the checkpointer's own
// connection: a TRUNCATE holds up saves while it waits for readers, so it
// waits at most checkpointBusy (the writer's wait is 5 s). If readers keep
// the log busy that long, the checkpoint loop tries again each second
// until a TRUNCATE completes.
func (s *Store) scrub(ctx context.Context) {
	if !s.truncateLog(ctx) {
		s.scrubPending.Store(true)
	}
}

// truncateLog runs a TRUNCATE checkpoint and reports whether it emptied
// the log.
func (s *Store) truncateLog(ctx context.Context) bool {
	if s.checkpoints == nil { // read-only: nothing was written
		return true
	}
	var busy, frames, copied int
	err := s.checkpoints.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &frames, &copied)
	return err == nil && busy == 0
}

// MinFreeBytes is the free space below which the health check reports a
// problem: saves start failing well before the disk is completely full.
const MinFreeBytes = 32 << 20

// Health is what /healthz reports about the store, cheaply: no lock taken.
type Health struct {
	LastCommitError string // "" when the latest commit succeeded (or none yet)
	FreeBytes       uint64 // free space for the database's file system
}

// commitErrorFor is how long a failed save counts against health when no
// save has succeeded since: long enough for a monitor to see it, short
// enough that a server nobody writes to is not reported sick forever.
const commitErrorFor = time.Minute

// Health reads the latest commit's outcome and the free disk space.
func (s *Store) Health() (Health, error) {
	var h Health
	if o, ok := s.lastWrite.Load().(writeOutcome); ok && o.err != "" && time.Since(o.at) < commitErrorFor {
		h.LastCommitError = o.err
	}
	free, err := freeBytes(s.dir)
	if err != nil {
		return h, fmt.Errorf("store: free space: %w", err)
	}
	h.FreeBytes = free
	return h, nil
}

// exec runs one write statement outside a transaction and records its
// outcome for Health, as inTx does for transactions.
func (s *Store) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	res, err := s.write.ExecContext(ctx, query, args...)
	switch {
	case err == nil:
		s.lastWrite.Store(writeOutcome{})
	case IsUnavailable(err): // not a visitor's bad input
		s.lastWrite.Store(writeOutcome{err: err.Error(), at: time.Now()})
	}
	return res, err
}
