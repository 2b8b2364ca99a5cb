// Command seed fills a running Backwise server with visitors for the load
// benchmark (.ci/bench.sh), through the server's own HTTP API: each visitor
// keeps 1–3 questionnaire results (POST /api/v1/assessments, save:true) and
// 2–5 bookmarks (POST /bookmarks) of articles and routines listed in
// /sitemap.xml. It writes one bw_visitor cookie token per line to -out, and
// optionally the items ("article slug" / "routine slug") to -items.
//
// The answers are built from GET /api/v1/questions (answers.go), so they
// follow the questionnaire. Before seeding, the seeder checks them with an
// unsaved POST /api/v1/assessments and answers the HTML questionnaire once
// with a cookie jar (POST /check/start, then GET and POST /check/q/{page}
// up to /check/answers and /check/result). For the wrk scripts it can write
// the API body (save:false) to -api-body and the resulting bw_check cookie
// value, complete answers in progress, to -check-cookie.
//
// Standard library only. Bounded: -concurrency requests at once, every
// request with a timeout, and the first unexpected status stops the run
// with a non-zero exit.
//
//	go run ./.ci/bench/seed -url http://127.0.0.1:PORT -visitors 3000 -out cookies.txt
package main

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

type item struct{ kind, slug string }

type seeder struct {
	base     string
	client   *http.Client
	items    []item
	answers  questionnaire
	saveBody string // POST /api/v1/assessments with save:true
	reqs     atomic.Int64
}

func main() {
	base := flag.String("url", "", "base URL of the running server, e.g. http://127.0.0.1:8080 (required)")
	visitors := flag.Int("visitors", 3000, "number of visitors to create")
	concurrency := flag.Int("concurrency", 16, "requests in flight at once")
	out := flag.String("out", "cookies.txt", "file to write the visitors' cookie tokens to, one per line")
	itemsOut := flag.String("items", "", "if set, file to write the site's items to, one \"kind slug\" per line")
	apiOut := flag.String("api-body", "", "if set, file to write the body of an unsaved POST /api/v1/assessments to")
	checkOut := flag.String("check-cookie", "", "if set, file to write a bw_check cookie value (complete answers in progress) to")
	seed := flag.Uint64("seed", 1, "random seed (the same seed makes the same data)")
	timeout := flag.Duration("timeout", 3*time.Minute, "give up after this long")
	flag.Parse()
	if *base == "" || *visitors < 1 || *concurrency < 1 {
		flag.Usage()
		os.Exit(2)
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	files := outputs{cookies: *out, items: *itemsOut, apiBody: *apiOut, checkCookie: *checkOut}
	if err := run(ctx, strings.TrimSuffix(*base, "/"), *visitors, *concurrency, *seed, files); err != nil {
		fmt.Fprintln(os.Stderr, "seed:", err)
		os.Exit(1)
	}
}

// outputs names the files the seeder writes; empty ones are not written.
type outputs struct{ cookies, items, apiBody, checkCookie string }

func run(ctx context.Context, base string, visitors, concurrency int, seed uint64, out outputs) error {
	s := &seeder{
		base: base,
		client: &http.Client{
			Timeout:       10 * time.Second,
			Transport:     &http.Transport{MaxIdleConns: concurrency, MaxIdleConnsPerHost: concurrency, MaxConnsPerHost: concurrency},
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
	}
	items, err := s.siteItems(ctx)
	if err != nil {
		return err
	}
	s.items = items
	if out.items != "" {
		var b strings.Builder
		for _, it := range items {
			fmt.Fprintf(&b, "%s %s\n", it.kind, it.slug)
		}
		if err := os.WriteFile(out.items, []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	pages, err := s.questionnaire(ctx, out)
	if err != nil {
		return err
	}

	start := time.Now()
	tokens := make([]string, visitors)
	var results, bookmarks atomic.Int64
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				token, nr, nb, err := s.visitor(ctx, rand.New(rand.NewPCG(seed, uint64(i))))
				if err != nil {
					cancel(fmt.Errorf("visitor %d: %w", i, err))
					return
				}
				tokens[i] = token
				results.Add(int64(nr))
				bookmarks.Add(int64(nb))
			}
		}()
	}
feed:
	for i := range visitors {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return err
	}
	elapsed := time.Since(start)

	if err := os.WriteFile(out.cookies, []byte(strings.Join(tokens, "\n")+"\n"), 0o644); err != nil {
		return err
	}
	n := s.reqs.Load()
	fmt.Printf("seeded %d visitors (%d results, %d bookmarks) with %d requests in %.2f s: %.0f req/s, %.0f visitors/s (concurrency %d, %d items); "+
		"%d answers from GET /api/v1/questions (rules %s), HTML questionnaire walked over %d pages\n",
		visitors, results.Load(), bookmarks.Load(), n, elapsed.Seconds(), float64(n)/elapsed.Seconds(), float64(visitors)/elapsed.Seconds(), concurrency, len(items),
		len(s.answers.answers), s.answers.rules, pages)
	fmt.Printf("SEED visitors=%d results=%d bookmarks=%d requests=%d seconds=%.3f rps=%.1f\n",
		visitors, results.Load(), bookmarks.Load(), n, elapsed.Seconds(), float64(n)/elapsed.Seconds())
	return nil
}

// questionnaire builds the answers from the server's schema, checks them
// with an unsaved API call and the HTML flow, and writes the API body and
// the bw_check cookie for the wrk scripts. It returns the HTML pages walked.
func (s *seeder) questionnaire(ctx context.Context, out outputs) (int, error) {
	q, err := s.fetchQuestionnaire(ctx)
	if err != nil {
		return 0, err
	}
	s.answers = q
	save, err := q.apiBody(true)
	if err != nil {
		return 0, err
	}
	s.saveBody = string(save)
	unsaved, err := q.apiBody(false)
	if err != nil {
		return 0, err
	}
	if _, err := s.post(ctx, "/api/v1/assessments", "", "application/json", string(unsaved), http.StatusOK); err != nil {
		return 0, err
	}
	cookie, pages, err := s.checkFlow(ctx, q)
	if err != nil {
		return 0, fmt.Errorf("HTML questionnaire: %w", err)
	}
	if out.apiBody != "" {
		if err := os.WriteFile(out.apiBody, unsaved, 0o644); err != nil {
			return 0, err
		}
	}
	if out.checkCookie != "" {
		if err := os.WriteFile(out.checkCookie, []byte(cookie+"\n"), 0o644); err != nil {
			return 0, err
		}
	}
	// The seeding requests are counted from here on.
	s.reqs.Store(0)
	return pages, nil
}

// siteItems lists the articles and routines from /sitemap.xml.
func (s *seeder) siteItems(ctx context.Context) ([]item, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.base+"/sitemap.xml", nil)
	if err != nil {
		return nil, err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET /sitemap.xml: status %d", resp.StatusCode)
	}
	var set struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(body, &set); err != nil {
		return nil, fmt.Errorf("GET /sitemap.xml: %w", err)
	}
	var items []item
	for _, u := range set.URLs {
		p, err := url.Parse(u.Loc)
		if err != nil {
			continue
		}
		for _, kind := range []string{"article", "routine"} {
			if slug, ok := strings.CutPrefix(p.Path, "/"+kind+"s/"); ok && slug != "" && !strings.Contains(slug, "/") {
				items = append(items, item{kind, slug})
			}
		}
	}
	if len(items) < 5 {
		return nil, fmt.Errorf("GET /sitemap.xml: only %d articles and routines listed, need at least 5", len(items))
	}
	return items, nil
}

// visitor creates one visitor: a first saved result (which sets the
// cookie), 0–2 more, then 2–5 distinct bookmarks.
func (s *seeder) visitor(ctx context.Context, rng *rand.Rand) (token string, results, bookmarks int, err error) {
	resp, err := s.post(ctx, "/api/v1/assessments", "", "application/json", s.saveBody, http.StatusCreated)
	if err != nil {
		return "", 0, 0, err
	}
	for _, c := range resp.Cookies() {
		if c.Name == "bw_visitor" {
			token = c.Value
		}
	}
	if token == "" {
		return "", 0, 0, errors.New("POST /api/v1/assessments: no bw_visitor cookie in the response")
	}
	results = 1
	for range rng.IntN(3) {
		if _, err := s.post(ctx, "/api/v1/assessments", token, "application/json", s.saveBody, http.StatusCreated); err != nil {
			return "", 0, 0, err
		}
		results++
	}
	n := 2 + rng.IntN(4)
	for _, i := range rng.Perm(len(s.items))[:n] {
		it := s.items[i]
		form := url.Values{"kind": {it.kind}, "slug": {it.slug}, "action": {"add"}}.Encode()
		if _, err := s.post(ctx, "/bookmarks", token, "application/x-www-form-urlencoded", form, http.StatusSeeOther); err != nil {
			return "", 0, 0, err
		}
		bookmarks++
	}
	return token, results, bookmarks, nil
}

// post sends one request and fails unless the status is want.
func (s *seeder) post(ctx context.Context, path, token, contentType, body string, want int) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.base+path, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", contentType)
	if token != "" {
		req.AddCookie(&http.Cookie{Name: "bw_visitor", Value: token})
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("POST %s: %w", path, err)
	}
	defer resp.Body.Close()
	s.reqs.Add(1)
	got, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode != want {
		return nil, fmt.Errorf("POST %s: status %d, want %d: %s", path, resp.StatusCode, want, bytes.TrimSpace(got[:min(len(got), 300)]))
	}
	return resp, nil
}
