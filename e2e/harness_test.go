package e2e

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// tabTimeout bounds everything one tab does; the browser itself has none.
const tabTimeout = 60 * time.Second

// waitTimeout bounds one wait for an element, so that a missing element
// fails with its selector long before the tab's own timeout.
const waitTimeout = 10 * time.Second

// tab is one browser tab used by one test. Its methods fail the test they
// were given on error, so flows read as a list of steps.
type tab struct {
	t     *testing.T
	ctx   context.Context // the tab, with tabTimeout
	base  context.Context // the tab without a timeout, for clean-up work
	js    bool
	label string // names the tab's failure screenshots
}

// tabsPerTest numbers the tabs of each test, so that two tabs of one test
// do not overwrite each other's failure screenshots.
var tabsPerTest sync.Map // test name -> *atomic.Int32

type tabConfig struct {
	noJS           bool
	browserContext cdp.BrowserContextID
}

// tabOption changes how newTab opens a tab.
type tabOption func(*tabConfig)

// withoutJS opens the tab with script execution disabled before any page
// loads, as for a visitor whose browser runs no JavaScript.
func withoutJS() tabOption { return func(c *tabConfig) { c.noJS = true } }

// inContext opens the tab in an existing browser context, to share its
// cookies with another tab.
func inContext(id cdp.BrowserContextID) tabOption {
	return func(c *tabConfig) { c.browserContext = id }
}

// newBrowserContext makes a browser context of its own (like a separate
// browser profile: no cookies shared with any other), disposed at the end.
func newBrowserContext(t *testing.T) cdp.BrowserContextID {
	t.Helper()
	res, err := chromedp.CallBrowser(browser, target.CreateBrowserContext, target.CreateBrowserContextParams{})
	if err != nil {
		t.Fatalf("create browser context: %v", err)
	}
	t.Cleanup(func() {
		chromedp.CallBrowser(browser, target.DisposeBrowserContext,
			target.DisposeBrowserContextParams{BrowserContextID: res.BrowserContextID})
	})
	return res.BrowserContextID
}

// newTab opens a tab at 1280×800 in a fresh browser context unless told
// otherwise. When the test fails, it saves screenshots of the tab's page.
func newTab(t *testing.T, opts ...tabOption) *tab {
	t.Helper()
	var cfg tabConfig
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.browserContext == "" {
		cfg.browserContext = newBrowserContext(t)
	}
	tabCtx, cancel := chromedp.NewContext(browser, chromedp.WithExistingBrowserContext(cfg.browserContext))
	t.Cleanup(cancel)
	// The first run opens the tab; like the browser's, it must have no
	// timeout, or the tab would close when the timeout ends.
	if err := chromedp.Do(tabCtx); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	ctx, cancelTimeout := context.WithTimeout(tabCtx, tabTimeout)
	t.Cleanup(cancelTimeout)
	n, _ := tabsPerTest.LoadOrStore(t.Name(), new(atomic.Int32))
	label := safeName(t.Name())
	if i := n.(*atomic.Int32).Add(1); i > 1 {
		label += fmt.Sprintf("-tab%d", i)
	}
	tb := &tab{t: t, ctx: ctx, base: tabCtx, js: !cfg.noJS, label: label}
	// Focus emulation keeps document.hasFocus() true, so that focus and
	// :focus-visible behave as in a window that has the keyboard.
	send(tb, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
	if cfg.noJS {
		send(tb, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
	}
	tb.viewport(1280, 800, 1)
	tb.colorScheme("light")
	t.Cleanup(func() {
		if t.Failed() {
			tb.saveFailureScreenshots(t)
		}
	})
	return tb
}

// For returns the same tab reporting to another test, e.g. a subtest, with
// a time budget of its own.
func (tb *tab) For(t *testing.T) *tab {
	c := *tb
	c.t = t
	ctx, cancel := context.WithTimeout(tb.base, tabTimeout)
	t.Cleanup(cancel)
	c.ctx = ctx
	return &c
}

func (tb *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, actions...); err != nil {
		tb.t.Fatalf("on %s: %v", tb.url(), err)
	}
}

// send sends one protocol command that has no result to the tab.
func send[P any](tb *tab, cmd cdp.Command[P, cdp.Empty], params P) {
	tb.t.Helper()
	if _, err := chromedp.Call(tb.ctx, cmd, params); err != nil {
		tb.t.Fatalf("%s: %v", cmd.Method, err)
	}
}

// goTo loads path and returns the HTTP status of the document.
func (tb *tab) goTo(path string) int64 {
	tb.t.Helper()
	resp, err := chromedp.Run(tb.ctx, chromedp.NavigateResponse(baseURL+path))
	if err != nil {
		tb.t.Fatalf("load %s: %v", path, err)
	}
	return resp.Status
}

// evalJS evaluates expr in the page, awaiting a promise, and decodes the
// result into T.
func evalJS[T any](tb *tab, expr string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluate on %s: %v\n%s", tb.url(), err, abbreviate(expr, 200))
	}
	return v
}

// url is the tab's current address, for messages; "" when unknown.
func (tb *tab) url() string {
	ctx, cancel := context.WithTimeout(tb.base, 2*time.Second)
	defer cancel()
	u, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		return "(unknown page)"
	}
	u, _, _ = strings.Cut(u, "#") // the skip link adds #main
	return strings.TrimPrefix(u, baseURL)
}

// waitFor waits until an element matching the CSS selector is in the page;
// it is how a test knows that a submitted form's answer has loaded.
func (tb *tab) waitFor(sel string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, waitTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.WaitReady(chromedp.CSS(sel))); err != nil {
		tb.t.Fatalf("waiting for %s on %s: %v", sel, tb.url(), err)
	}
}

// exists reports whether the page has an element matching sel now.
func (tb *tab) exists(sel string) bool {
	tb.t.Helper()
	return evalJS[bool](tb, fmt.Sprintf(`document.querySelector(%s) !== null`, jsString(sel)))
}

// text is the trimmed text of the first element matching sel.
func (tb *tab) text(sel string) string {
	tb.t.Helper()
	tb.waitFor(sel)
	return evalJS[string](tb, fmt.Sprintf(`document.querySelector(%s).textContent.trim().replace(/\s+/g, ' ')`, jsString(sel)))
}

// click clicks the first element matching sel with the mouse.
func (tb *tab) click(sel string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, waitTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible)); err != nil {
		tb.t.Fatalf("click %s on %s: %v", sel, tb.url(), err)
	}
}

// press sends real key events (keyDown, char, keyUp) for each key.
func (tb *tab) press(keys ...string) {
	tb.t.Helper()
	for _, k := range keys {
		tb.do(chromedp.KeyEvent(k))
	}
}

// activeElement describes the focused element, for assertions and messages.
func (tb *tab) activeElement() string {
	tb.t.Helper()
	return evalJS[string](tb, `(() => {`+jsDescribe+` return describe(document.activeElement); })()`)
}

// focusMatches reports whether the focused element matches sel.
func (tb *tab) focusMatches(sel string) bool {
	tb.t.Helper()
	return evalJS[bool](tb, fmt.Sprintf(`!!document.activeElement && document.activeElement.matches(%s)`, jsString(sel)))
}

// maxTabs bounds tabUntil: no page of the site needs more presses to reach
// anything a test looks for.
const maxTabs = 60

// tabUntil presses Tab until the element matching sel has focus, as a
// keyboard user would, and fails if it never does.
func (tb *tab) tabUntil(sel string) {
	tb.t.Helper()
	var seen []string
	for range maxTabs {
		tb.press(kb.Tab)
		if tb.focusMatches(sel) {
			return
		}
		seen = append(seen, tb.activeElement())
	}
	tb.t.Fatalf("on %s, %d presses of Tab never focused %s; focus went to:\n  %s",
		tb.url(), maxTabs, sel, strings.Join(seen, "\n  "))
}

// viewport sets the layout viewport in CSS pixels and the device scale.
func (tb *tab) viewport(width, height int64, scale float64) {
	tb.t.Helper()
	send(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: width, Height: height, DeviceScaleFactor: scale,
	})
}

// colorScheme emulates prefers-color-scheme: "light" or "dark". Every tab
// also prefers reduced motion, which the site's CSS honours by turning off
// smooth scrolling and transitions: a mouse click aimed while the page
// still scrolls smoothly presses on one spot and releases on another, so
// that now and then a click submitted nothing (the no-JavaScript note form
// failed about one run in three on a busy machine).
func (tb *tab) colorScheme(scheme string) {
	tb.t.Helper()
	send(tb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{
			{Name: "prefers-color-scheme", Value: scheme},
			{Name: "prefers-reduced-motion", Value: "reduce"},
		},
	})
}

// title is the document's title.
func (tb *tab) title() string {
	tb.t.Helper()
	s, err := chromedp.Run(tb.ctx, chromedp.Title())
	if err != nil {
		tb.t.Fatalf("title: %v", err)
	}
	return s
}
