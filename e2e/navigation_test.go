package e2e

import (
	"context"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// Waiting for what a click or a key press causes: a new page, a change
// saved in the background, or a condition in the page.

// waitPath waits until the tab's address has the path prefix, after a click
// that navigates.
func (tb *tab) waitPath(prefix string) {
	tb.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		u, err := chromedp.Run(tb.ctx, chromedp.Location())
		if err == nil && strings.HasPrefix(strings.TrimPrefix(u, baseURL), prefix) {
			return
		}
		if time.Now().After(deadline) {
			tb.t.Fatalf("waiting for a page under %s: still on %s", prefix, tb.url())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// clickAndLoad clicks sel and waits for the page load it causes; it fails
// when no page loads.
func (tb *tab) clickAndLoad(sel string) int64 {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, waitTimeout)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
	if err != nil {
		tb.t.Fatalf("click %s on %s and wait for a page: %v", sel, tb.url(), err)
	}
	return resp.Status
}

// clickMaybeLoad clicks sel and waits for the page load it causes, if any:
// a form that JavaScript may send in the background. Leaving before the
// load would abort the post.
func (tb *tab) clickMaybeLoad(sel string) {
	tb.t.Helper()
	if !tb.js {
		tb.clickAndLoad(sel)
		return
	}
	ctx, cancel := context.WithTimeout(tb.ctx, 3*time.Second)
	defer cancel()
	_, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
	if err != nil && ctx.Err() == nil {
		tb.t.Fatalf("click %s on %s: %v", sel, tb.url(), err)
	}
}

// eventually retries check, reloading path between tries, for changes that
// JavaScript saves in the background.
func (tb *tab) eventually(path string, check func() bool) bool {
	tb.t.Helper()
	for deadline := time.Now().Add(5 * time.Second); ; {
		tb.goTo(path)
		if check() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// advanceClock runs the page's clock ms milliseconds on at once (virtual
// time), firing every timer due in that time, and returns when it has. A
// test can then check what did or did not happen in that time without
// sleeping. The page's clock stays stopped afterwards.
func (tb *tab) advanceClock(ms float64) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, waitTimeout)
	defer cancel()
	start := chromedp.Action[emulation.SetVirtualTimePolicyResult](func(ctx context.Context, t *chromedp.Target) (emulation.SetVirtualTimePolicyResult, error) {
		return cdp.Call(ctx, t, emulation.SetVirtualTimePolicy, emulation.SetVirtualTimePolicyParams{Policy: emulation.VirtualTimePolicyAdvance, Budget: &ms})
	})
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(emulation.VirtualTimeBudgetExpired, nil, start)); err != nil {
		tb.t.Fatalf("run the clock of %s %g ms on: %v", tb.url(), ms, err)
	}
}

// poll evaluates a JavaScript condition until it is true, for up to
// waitTimeout. It needs scripts only for what expr itself does.
func (tb *tab) poll(expr string) bool {
	tb.t.Helper()
	for deadline := time.Now().Add(waitTimeout); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if evalJS[bool](tb, "!!("+expr+")") {
			return true
		}
	}
	return false
}
