// Command bulk grows a benchmark database to a given number of visitors
// without going through HTTP, for the size dimension of the load benchmark
// (.ci/bench.sh): a million visitors through the API would take an hour.
//
// It runs after .ci/bench/seed has created a few visitors through the
// server's own API and the server has stopped. Those rows are the
// templates: every new result copies a template's packed answers, outcome,
// intensity and rules version byte for byte, so each format is the store's
// own. The schema is the store's own too: the database is opened with
// store.Open first, which applies any pending migration.
//
// New visitors get random tokens (stored as their SHA-256, as the store
// does) and arrive at an even pace over the last -days days; each keeps
// 1–3 results (the first when it arrives, the others at random times since)
// and 2–5 bookmarks of the site's items (-items), at random times since.
// Rows are inserted in time order, so a visitor's rows are spread through
// their tables as a live database's are, not packed together. Two visitors
// are special: one keeps 200 results (the store's cap) and one 20 (a full
// page of history), spread over their time, for the runs that check that
// /me and /check/history do not grow with what a visitor kept.
//
// It writes the cookie tokens of -sample visitors spread evenly over the
// whole id range (the seeder's visitors included, the two special ones
// not) to -out, and the special ones' tokens to -heavy and -full. Then it
// reads a few sampled visitors back through the store (by token, their
// results unpacked and compared with the template, their bookmarks) and
// fails if anything differs.
//
// Only this program writes with synchronous=OFF and an in-memory rollback
// journal, for speed; the file is back in WAL mode when it exits.
//
//	go run ./.ci/bench/bulk -db bench.db -visitors 1000000 -http-cookies cookies.txt -items items.txt -out sample.txt
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/base32"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"time"

	"backwise/internal/store"
	"backwise/migrations"
)

const (
	heavyResults = 200 // store.MaxAssessments
	fullResults  = 20  // a full page of /check/history
	timeLayout   = "2006-01-02T15:04:05.000Z"
)

type options struct {
	db, httpCookies, items, out, heavy, full string
	visitors, sample, days                   int
	seed                                     uint64
}

func main() {
	var o options
	flag.StringVar(&o.db, "db", "", "the database, made by the server and .ci/bench/seed (required; the server must be stopped)")
	flag.IntVar(&o.visitors, "visitors", 1000, "visitors in all, the seeder's included")
	flag.StringVar(&o.httpCookies, "http-cookies", "", "the seeder's cookie tokens, one per line (required)")
	flag.StringVar(&o.items, "items", "", "the site's items, \"kind slug\" per line, as the seeder wrote them (required)")
	flag.StringVar(&o.out, "out", "sample.txt", "file for the sampled visitors' cookie tokens")
	flag.StringVar(&o.heavy, "heavy", "heavy.txt", "file for the token of the visitor with 200 results")
	flag.StringVar(&o.full, "full", "full.txt", "file for the token of the visitor with 20 results")
	flag.IntVar(&o.sample, "sample", 1000, "how many visitors' tokens to write to -out")
	flag.IntVar(&o.days, "days", 330, "new visitors arrive over this many days up to now (keep it under the 18-month retention)")
	flag.Uint64Var(&o.seed, "seed", 1, "random seed (the same seed makes the same data)")
	flag.Parse()
	if o.db == "" || o.httpCookies == "" || o.items == "" || o.sample < 1 || o.days < 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(context.Background(), o); err != nil {
		fmt.Fprintln(os.Stderr, "bulk:", err)
		os.Exit(1)
	}
}

// template is a kept result made by the seeder through the API.
type template struct {
	packed         []byte
	outcome, rules string
	intensity      int64
}

type item struct{ kind, slug string }

// visitor is one new visitor, in id order.
type visitor struct {
	token            string
	created, active  int64 // unix milliseconds
	results, booking int
}

// event is one row to insert: a result or a bookmark of visitor v at t.
type event struct {
	t    int64 // unix milliseconds
	v    int32 // index into the new visitors
	item int16 // bookmarks: index into items
}

func run(ctx context.Context, o options) error {
	start := time.Now()
	// The store's own schema, every migration applied.
	s, err := store.Open(ctx, o.db, migrations.FS)
	if err != nil {
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}

	httpTokens, err := readLines(o.httpCookies)
	if err != nil {
		return err
	}
	items, err := readItems(o.items)
	if err != nil {
		return err
	}

	db, err := sql.Open("sqlite3", "file:"+o.db+"?_busy_timeout=5000&_foreign_keys=on")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, p := range []string{
		`PRAGMA journal_mode = MEMORY`, // leaves WAL: the server is stopped, nothing else has the file open
		`PRAGMA synchronous = OFF`,
		`PRAGMA cache_size = -2000000`, // 2 GB: every index stays in memory while it grows
		`PRAGMA temp_store = MEMORY`,
	} {
		if _, err := db.ExecContext(ctx, p); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
	}

	tpls, err := templates(ctx, db)
	if err != nil {
		return err
	}
	var have, maxID int64
	if err := db.QueryRowContext(ctx, `SELECT count(*), coalesce(max(id), 0) FROM visitors`).Scan(&have, &maxID); err != nil {
		return err
	}
	if int(have) != len(httpTokens) {
		return fmt.Errorf("%d visitors in the database but %d tokens in %s", have, len(httpTokens), o.httpCookies)
	}
	n := o.visitors - int(have)
	if n < 2 {
		return fmt.Errorf("-visitors %d leaves no room for the two special visitors next to the seeder's %d", o.visitors, have)
	}

	// Plan the new visitors and their rows.
	rng := rand.New(rand.NewPCG(o.seed, 0x6275_6c6b))
	now := time.Now().UTC().Add(-time.Minute).UnixMilli()
	from := now - int64(o.days)*24*3600*1000
	heavy, full := n/3, 2*n/3
	vs := make([]visitor, n)
	var results, marks []event
	for i := range vs {
		v := &vs[i]
		v.token = token(rng)
		v.created = from + int64(i)*(now-from)/int64(n)
		v.active = v.created
		v.results = 1 + rng.IntN(3)
		switch i {
		case heavy:
			v.results = heavyResults
		case full:
			v.results = fullResults
		}
		at := func(k int) int64 { // the first row comes with the visitor
			if k == 0 {
				return v.created
			}
			t := v.created + rng.Int64N(now-v.created+1)
			v.active = max(v.active, t)
			return t
		}
		for k := range v.results {
			results = append(results, event{t: at(k), v: int32(i)})
		}
		v.booking = 2 + rng.IntN(4)
		for _, it := range rng.Perm(len(items))[:min(v.booking, len(items))] {
			marks = append(marks, event{t: at(1), v: int32(i), item: int16(it)})
		}
	}
	// Time order is insertion order: rowids follow time, as in a live database.
	byTime := func(a, b event) int { return cmp.Compare(a.t, b.t) }
	slices.SortStableFunc(results, byTime)
	slices.SortStableFunc(marks, byTime)
	planned := time.Since(start)

	idOf := func(i int32) int64 { return maxID + 1 + int64(i) }
	err = inBatches(ctx, db, len(vs), `INSERT INTO visitors (id, token_hash, created_at, last_active_at) VALUES (?, ?, ?, ?)`,
		func(st *sql.Stmt, i int) error {
			v := &vs[i]
			sum := sha256.Sum256([]byte(v.token))
			_, err := st.ExecContext(ctx, idOf(int32(i)), sum[:], stamp(v.created), stamp(v.active))
			return err
		})
	if err != nil {
		return fmt.Errorf("visitors: %w", err)
	}
	err = inBatches(ctx, db, len(results), `INSERT INTO assessments (public_id, visitor_id, answers, answers_packed, outcome, intensity, rules_version, created_at)
		VALUES (?, ?, '{}', ?, ?, ?, ?, ?)`,
		func(st *sql.Stmt, i int) error {
			e := results[i]
			t := tpls[i%len(tpls)]
			_, err := st.ExecContext(ctx, publicID(rng), idOf(e.v), t.packed, t.outcome, t.intensity, t.rules, stamp(e.t))
			return err
		})
	if err != nil {
		return fmt.Errorf("results: %w", err)
	}
	err = inBatches(ctx, db, len(marks), `INSERT INTO bookmarks (visitor_id, kind, slug, created_at) VALUES (?, ?, ?, ?)`,
		func(st *sql.Stmt, i int) error {
			e := marks[i]
			it := items[e.item]
			_, err := st.ExecContext(ctx, idOf(e.v), it.kind, it.slug, stamp(e.t))
			return err
		})
	if err != nil {
		return fmt.Errorf("bookmarks: %w", err)
	}
	if _, err := db.ExecContext(ctx, `PRAGMA journal_mode = WAL`); err != nil {
		return err
	}
	if err := db.Close(); err != nil {
		return err
	}
	inserted := time.Since(start)

	// The tokens for the wrk scripts: all visitors in id order are the
	// seeder's then the new ones; take -sample of them evenly spaced.
	total := len(httpTokens) + n
	tokenAt := func(k int) string {
		if k < len(httpTokens) {
			return httpTokens[k]
		}
		return vs[k-len(httpTokens)].token
	}
	var sample []string
	step := float64(total) / float64(min(o.sample, total))
	for x := 0.0; int(x) < total && len(sample) < o.sample; x += step {
		k := int(x)
		if k-len(httpTokens) == heavy || k-len(httpTokens) == full {
			continue
		}
		sample = append(sample, tokenAt(k))
	}
	if err := writeLines(o.out, sample); err != nil {
		return err
	}
	if err := writeLines(o.heavy, []string{vs[heavy].token}); err != nil {
		return err
	}
	if err := writeLines(o.full, []string{vs[full].token}); err != nil {
		return err
	}

	// Read some of them back through the store, as the server will.
	checked, err := check(ctx, o.db, vs, sample, tpls, heavy, full)
	if err != nil {
		return err
	}
	fi, err := os.Stat(o.db)
	if err != nil {
		return err
	}
	fmt.Printf("bulk: %d visitors in all (%d by the seeder, %d added: %d results, %d bookmarks, one visitor with %d results and one with %d) "+
		"in %.1f s (%.1f s planning, %.1f s inserting, %.1f s checking %d visitors through the store); %d templates; database %.1f MB\n",
		total, have, n, len(results), len(marks), heavyResults, fullResults,
		time.Since(start).Seconds(), planned.Seconds(), (inserted - planned).Seconds(), (time.Since(start) - inserted).Seconds(), checked,
		len(tpls), float64(fi.Size())/1e6)
	fmt.Printf("BULK visitors=%d added=%d results=%d bookmarks=%d seconds=%.1f bytes=%d\n",
		total, n, len(results), len(marks), time.Since(start).Seconds(), fi.Size())
	return nil
}

// templates reads the seeder's kept results: what every copy is made of.
func templates(ctx context.Context, db *sql.DB) ([]template, error) {
	rows, err := db.QueryContext(ctx, `SELECT DISTINCT answers_packed, outcome, COALESCE(intensity, 0), rules_version FROM assessments
		WHERE answers_packed IS NOT NULL AND answers = '{}' ORDER BY 1, 2, 3, 4`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []template
	for rows.Next() {
		var t template
		if err := rows.Scan(&t.packed, &t.outcome, &t.intensity, &t.rules); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, errors.New("no kept result with packed answers to copy: run .ci/bench/seed first")
	}
	return out, nil
}

// inBatches runs one prepared statement n times, 50,000 rows a transaction.
func inBatches(ctx context.Context, db *sql.DB, n int, query string, row func(*sql.Stmt, int) error) error {
	const batch = 50_000
	for lo := 0; lo < n; lo += batch {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		st, err := tx.PrepareContext(ctx, query)
		if err != nil {
			tx.Rollback()
			return err
		}
		for i := lo; i < min(lo+batch, n); i++ {
			if err := row(st, i); err != nil {
				tx.Rollback()
				return fmt.Errorf("row %d: %w", i, err)
			}
		}
		st.Close()
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// check reads sampled visitors (and the two special ones) back through the
// store and compares them with what was inserted.
func check(ctx context.Context, path string, vs []visitor, sample []string, tpls []template, heavy, full int) (int, error) {
	s, err := store.Open(ctx, path, migrations.FS)
	if err != nil {
		return 0, err
	}
	defer s.Close()
	want := map[string]visitor{}
	for _, v := range vs {
		want[v.token] = v
	}
	// Every template unpacks to the same JSON the store gives back for a copy.
	tokens := []string{vs[heavy].token, vs[full].token}
	for i := 0; i < len(sample); i += max(1, len(sample)/20) {
		tokens = append(tokens, sample[i])
	}
	var answers [][]byte
	checked := 0
	for _, tok := range tokens {
		v, err := s.VisitorByToken(ctx, tok)
		if err != nil {
			return 0, fmt.Errorf("check: visitor by token: %w", err)
		}
		list, total, err := s.AssessmentSummaries(ctx, v, 20, 0)
		if err != nil {
			return 0, fmt.Errorf("check: %w", err)
		}
		a, ok, err := s.LatestAssessment(ctx, v)
		if err != nil || !ok {
			return 0, fmt.Errorf("check: latest result: ok=%v, %v", ok, err)
		}
		if len(list) == 0 || list[0].PublicID != a.PublicID {
			return 0, errors.New("check: the newest result differs between the list and LatestAssessment")
		}
		answers = append(answers, a.Answers)
		marks, err := s.Bookmarks(ctx, v)
		if err != nil {
			return 0, fmt.Errorf("check: %w", err)
		}
		if w, ok := want[tok]; ok { // one of ours, not the seeder's
			if total != w.results || len(marks) != w.booking {
				return 0, fmt.Errorf("check: visitor %d has %d results and %d bookmarks, want %d and %d", v.ID, total, len(marks), w.results, w.booking)
			}
		}
		checked++
	}
	for _, a := range answers[1:] {
		if len(tpls) == 1 && !bytes.Equal(a, answers[0]) {
			return 0, fmt.Errorf("check: answers differ between visitors: %s / %s", a, answers[0])
		}
	}
	if !bytes.HasPrefix(answers[0], []byte("{")) {
		return 0, fmt.Errorf("check: answers are not a JSON object: %.60s", answers[0])
	}
	return checked, nil
}

// token is a visitor token in the store's shape (store.NewToken), from rng
// so the same seed makes the same visitors.
func token(rng *rand.Rand) string {
	var b [16]byte
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// publicID is a result id in the store's shape (80 bits, lower-case base32).
func publicID(rng *rand.Rand) string {
	var b [10]byte
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	return strings.ToLower(base32.StdEncoding.EncodeToString(b[:]))
}

func stamp(ms int64) string { return time.UnixMilli(ms).UTC().Format(timeLayout) }

func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			out = append(out, l)
		}
	}
	return out, sc.Err()
}

func readItems(path string) ([]item, error) {
	lines, err := readLines(path)
	if err != nil {
		return nil, err
	}
	var out []item
	for _, l := range lines {
		kind, slug, ok := strings.Cut(l, " ")
		if ok && (kind == "article" || kind == "routine") {
			out = append(out, item{kind, slug})
		}
	}
	if len(out) < 5 {
		return nil, fmt.Errorf("%s: only %d items", path, len(out))
	}
	return out, nil
}

func writeLines(path string, lines []string) error {
	return os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
}
