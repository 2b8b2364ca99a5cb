package web

import (
	"backwise/internal/store"
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// limiter is a set of token buckets keyed by client address or visitor,
// so one abusive client cannot exhaust another's allowance. Idle buckets
// are dropped so the map cannot grow without bound.
type limiter struct {
	mu      sync.Mutex
	every   rate.Limit
	burst   int
	buckets map[string]*bucket
	sweep   time.Time
}

type bucket struct {
	lim  *rate.Limiter
	seen time.Time
}

// newLimiter allows perMinute events at once, refilled evenly over a
// minute; 0 allows everything. A person saves a few things a minute, so
// the default of 30 never gets in their way but stops a flood.
func newLimiter(perMinute int) *limiter {
	if perMinute <= 0 {
		return nil
	}
	return newLimiterEvery(time.Minute/time.Duration(perMinute), perMinute)
}

// newLimiterEvery allows burst events at once, refilled one per interval.
func newLimiterEvery(interval time.Duration, burst int) *limiter {
	return &limiter{every: rate.Every(interval), burst: burst, buckets: map[string]*bucket{}}
}

// allow takes one token for key; when none is left it returns how long
// until the next one (for the Retry-After header).
func (l *limiter) allow(key string, now time.Time) (bool, time.Duration) {
	if l == nil {
		return true, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.sweep) > time.Minute {
		for k, b := range l.buckets {
			if now.Sub(b.seen) > 30*time.Minute {
				delete(l.buckets, k)
			}
		}
		l.sweep = now
	}
	b, ok := l.buckets[key]
	if !ok {
		if len(l.buckets) >= maxBuckets {
			// Full (a flood of new keys): drop one at random, which
			// Go's map order gives us, rather than grow without bound.
			for k := range l.buckets {
				delete(l.buckets, k)
				break
			}
		}
		b = &bucket{lim: rate.NewLimiter(l.every, l.burst)}
		l.buckets[key] = b
	}
	b.seen = now
	r := b.lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return false, d
	}
	return true, 0
}

// maxBuckets bounds a limiter's memory: about 200 bytes a bucket.
const maxBuckets = 50_000

// errTooMany is the 429 page; its Retry-After header is set by
// tooManyRequests.
var errTooMany = &httpError{
	Status:  http.StatusTooManyRequests,
	Heading: "Please wait a moment",
	Message: "You have tried this many times in a short time. Please wait a little and try again. Reading Backwise is never limited.",
}

func tooManyRequests(w http.ResponseWriter, wait time.Duration) error {
	secs := int(math.Ceil(wait.Seconds()))
	if secs < 1 {
		secs = 1
	}
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	return errTooMany
}

// writer limits writes per client address and, separately, per visitor,
// so neither a single address nor a single visitor can flood the
// database, and says whom the write is for. The visitor is looked up once
// for both, after the address's allowance, which costs no query.
func (s *Server) writer(w http.ResponseWriter, r *http.Request) (store.Who, error) {
	if err := s.limitAddress(w, r); err != nil {
		return store.Who{}, err
	}
	who, err := s.who(r)
	if err != nil {
		return store.Who{}, err
	}
	return who, s.limitVisitor(w, who)
}

// limitWrite limits a write for a visitor the handler has already looked up.
func (s *Server) limitWrite(w http.ResponseWriter, r *http.Request, v store.Visitor) error {
	if err := s.limitAddress(w, r); err != nil {
		return err
	}
	return s.limitVisitor(w, store.Who{Visitor: v})
}

// limitAddress keys on the client's address (behind a trusted proxy, the
// address it forwarded).
func (s *Server) limitAddress(w http.ResponseWriter, r *http.Request) error {
	if ok, wait := s.writeLimit.allow("addr:"+s.transport.clientAddr(r), s.now()); !ok {
		return tooManyRequests(w, wait)
	}
	return nil
}

// limitVisitor keys on the visitor's id, looked up from a well-formed
// cookie: a made-up cookie (any size) gets no bucket of its own, so it can
// neither grow memory nor buy a fresh allowance. A visitor about to be
// created has no bucket yet.
func (s *Server) limitVisitor(w http.ResponseWriter, who store.Who) error {
	if who.NewToken != "" {
		return nil
	}
	if ok, wait := s.writeLimit.allow("visitor:"+strconv.FormatInt(who.Visitor.ID, 10), s.now()); !ok {
		return tooManyRequests(w, wait)
	}
	return nil
}
