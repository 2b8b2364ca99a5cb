package store

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/mattn/go-sqlite3"

	"backwise/migrations"
)

// BenchmarkReadersAtScale measures what /me asks of the store (the visitor
// by token, their bookmarks, the newest 10 of their results and how many)
// on a large database, for visitors taken in turn from a sample, with the
// readers' cache_size and mmap_size varied, with and without a save
// between reads (any commit makes every reader drop its page cache in WAL
// mode). It reports the read system calls and page faults per lookup:
// each read is a page SQLite's cache did not have.
//
// It needs a database made by make bench's seeding (BENCH_KEEP=1 keeps
// one) and the tokens of its sampled visitors; it works on the database in
// place, adding one result per save:
//
//	BACKWISE_SCALE_DB=/tmp/bench.X/1000000/bench.db BACKWISE_SCALE_TOKENS=/tmp/bench.X/1000000/cookies.txt \
//	  go test -run '^$' -bench ReadersAtScale -benchtime 20000x ./internal/store
func BenchmarkReadersAtScale(b *testing.B) {
	path, tokensPath := os.Getenv("BACKWISE_SCALE_DB"), os.Getenv("BACKWISE_SCALE_TOKENS")
	if path == "" || tokensPath == "" {
		b.Skip("BACKWISE_SCALE_DB and BACKWISE_SCALE_TOKENS are not set")
	}
	tokens := readTokens(b, tokensPath)
	variants := []struct{ name, pragmas string }{
		{"default", ""},
		{"cache8M", "PRAGMA cache_size = -8192"},
		{"cache64M", "PRAGMA cache_size = -65536"},
		{"mmap256M", "PRAGMA mmap_size = 268435456"},
		{"mmap1G", "PRAGMA mmap_size = 1073741824"},
	}
	for _, writes := range []int{0, 10} {
		for _, v := range variants {
			name := v.name + "/reads-only"
			if writes > 0 {
				name = fmt.Sprintf("%s/a-save-every-%d", v.name, writes)
			}
			b.Run(name, func(b *testing.B) { readersAtScale(b, path, tokens, v.pragmas, writes) })
		}
	}
}

var scaleDrivers atomic.Int64

func readersAtScale(b *testing.B, path string, tokens []string, pragmas string, writeEvery int) {
	ctx := context.Background()
	s, err := Open(ctx, path, migrations.FS)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	// The same readers as Open makes, with the variant's pragmas.
	driver := fmt.Sprintf("sqlite3_scale_%d", scaleDrivers.Add(1))
	sql.Register(driver, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		if pragmas == "" {
			return nil
		}
		_, err := c.Exec(pragmas, nil)
		return err
	}})
	read, err := sql.Open(driver, dsn(path, false, defaultBusyTimeout))
	if err != nil {
		b.Fatal(err)
	}
	read.SetMaxOpenConns(4)
	s.read.Close()
	s.read = read

	a := Assessment{Answers: []byte(`{"age":35}`), Outcome: "self_care", Intensity: 3, RulesVersion: "bench"}
	lookup := func(i int) {
		v, err := s.VisitorByToken(ctx, tokens[i%len(tokens)])
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Bookmarks(ctx, v); err != nil {
			b.Fatal(err)
		}
		if _, _, err := s.AssessmentSummaries(ctx, v, 10, 0); err != nil {
			b.Fatal(err)
		}
		if writeEvery > 0 && i%writeEvery == 0 {
			// Another visitor's save, as happens between two reads.
			w, err := s.VisitorByToken(ctx, tokens[(i*7919+1)%len(tokens)])
			if err != nil {
				b.Fatal(err)
			}
			if _, _, err := s.SaveAssessment(ctx, Who{Visitor: w}, a); err != nil && err != ErrTooManyResults {
				b.Fatal(err)
			}
		}
	}
	for i := range len(tokens) { // warm the OS's page cache and the readers
		lookup(i)
	}
	r0, f0 := selfReads(b), selfFaults()
	i := 0
	for b.Loop() {
		lookup(i)
		i++
	}
	b.ReportMetric(float64(selfReads(b)-r0)/float64(i), "reads/op")
	b.ReportMetric(float64(selfFaults()-f0)/float64(i), "faults/op")
}

func readTokens(b *testing.B, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if t := strings.TrimSpace(sc.Text()); t != "" {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		b.Fatalf("no tokens in %s", path)
	}
	return out
}

// selfReads is this process's read system calls so far.
func selfReads(b *testing.B) int64 {
	data, err := os.ReadFile("/proc/self/io")
	if err != nil {
		b.Skip("no /proc/self/io")
	}
	var n int64
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "syscr: "); ok {
			fmt.Sscan(v, &n)
		}
	}
	return n
}

// selfFaults is this process's page faults so far, minor and major.
func selfFaults() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Minflt + ru.Majflt
}
