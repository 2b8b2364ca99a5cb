package e2e

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

var pdfPageCount = regexp.MustCompile(`/Count (\d+)`)

// Every routine prints on a single A4 and a single Letter page, so it can
// go on the fridge or the floor beside the mat.
func TestRoutinesPrintOnOnePage(t *testing.T) {
	tb := newTab(t)
	tb.goTo("/routines")
	paths := evalJS[[]string](tb, `[...document.querySelectorAll('[data-testid=routine-list] a')].map(a => new URL(a.href).pathname)`)
	if len(paths) < 8 {
		t.Fatalf("only %d routines listed", len(paths))
	}
	papers := map[string][2]float64{"A4": {8.27, 11.69}, "Letter": {8.5, 11}}
	preferCSS := false
	for _, path := range paths {
		tb.goTo(path)
		for name, size := range papers {
			res, err := chromedp.Call(tb.ctx, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: size[0], PaperHeight: size[1], PreferCSSPageSize: &preferCSS})
			if err != nil {
				t.Fatalf("print %s: %v", path, err)
			}
			m := pdfPageCount.FindSubmatch(res.Data)
			if m == nil {
				t.Fatalf("print %s on %s: no page count in the PDF", path, name)
			}
			if n, _ := strconv.Atoi(string(m[1])); n != 1 {
				t.Errorf("%s prints on %d %s pages, want 1", path, n, name)
			}
		}
	}
}

// The "Your answers" summary of a result prints on a page of its own, to
// take to a clinician: the printout ends with it, whole.
func TestResultAnswersPrintOnOnePage(t *testing.T) {
	tb := newTab(t)
	toResult(tb, "doctor", false)
	preferCSS := false
	full, err := chromedp.Call(tb.ctx, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69, PreferCSSPageSize: &preferCSS})
	if err != nil {
		t.Fatal(err)
	}
	total, _ := strconv.Atoi(string(pdfPageCount.FindSubmatch(full.Data)[1]))
	// Hide everything but the answers: they alone must fit one page.
	evalJS[bool](tb, `(() => { document.querySelectorAll('main > *, .result > *').forEach(e => { if (!e.classList.contains('result') && !e.classList.contains('your-answers')) e.style.display = 'none'; }); document.querySelector('.your-answers').style.breakBefore = 'auto'; return true; })()`)
	only, err := chromedp.Call(tb.ctx, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69, PreferCSSPageSize: &preferCSS})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := strconv.Atoi(string(pdfPageCount.FindSubmatch(only.Data)[1])); n != 1 {
		t.Errorf("'Your answers' prints on %d pages, want 1 (whole result: %d pages)", n, total)
	}
}

// printPages prints the current page on A4 and returns the page count.
func printPages(t *testing.T, tb *tab) int {
	t.Helper()
	preferCSS := false
	res, err := chromedp.Call(tb.ctx, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69, PreferCSSPageSize: &preferCSS})
	if err != nil {
		t.Fatal(err)
	}
	m := pdfPageCount.FindSubmatch(res.Data)
	if m == nil {
		t.Fatal("no page count in the PDF")
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// The flare-up card and the summary for a clinician each print on one A4
// page: a kept result, a plan, a check-in and a card, all on it.
func TestPlanPagesPrintOnOnePage(t *testing.T) {
	tb := newTab(t)
	toResult(tb, "self_care", true)
	startPlan(t, tb)
	checkInOnce(t, tb)
	tb.goTo("/me/plan/flare-up")
	tb.clickAndLoad(`form[data-testid=flare-form] button[type=submit]`)
	tb.waitFor(`[data-testid=flare-card]`)
	if n := printPages(t, tb); n != 1 {
		t.Errorf("the flare-up card prints on %d pages, want 1", n)
	}
	tb.goTo("/me/plan/summary")
	tb.waitFor(`[data-testid=clinician-summary]`)
	if !tb.exists(`[data-testid=clinician-summary] .summary-list`) && !tb.exists(`[data-testid=clinician-summary] dl`) {
		t.Error("the summary has no kept answers")
	}
	if n := printPages(t, tb); n != 1 {
		t.Errorf("the summary for a clinician prints on %d A4 pages, want 1", n)
	}
}

// printMedia shows the page as it prints (true) or as on screen (false).
func printMedia(tb *tab, on bool) {
	media := ""
	if on {
		media = "print"
	}
	send(tb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media, Features: []*emulation.MediaFeature{
		{Name: "prefers-color-scheme", Value: "light"}, {Name: "prefers-reduced-motion", Value: "reduce"},
	}})
}

// What a printout keeps: a routine keeps getting into position (down to
// the floor and back up), the steps and when to stop; every printout names
// the site, the page's address and the date; an article leaves out its
// tags and previous/next cards and prints its links' whole addresses.
func TestPrintKeepsWhatMatters(t *testing.T) {
	tb := newTab(t)
	tb.goTo("/routines/bridges")
	printMedia(tb, true)
	defer printMedia(tb, false)
	shown := func(sel string) bool {
		return evalJS[bool](tb, `(() => { const e = document.querySelector(`+jsString(sel)+`); return !!e && e.getClientRects().length > 0; })()`)
	}
	for _, sel := range []string{`[data-section="getting-into-position"]`, `[data-section="steps"]`, `[data-section="stop-and-get-advice-if"]`, `[data-testid=print-meta]`} {
		if !shown(sel) {
			t.Errorf("a printed routine leaves out %s", sel)
		}
	}
	if meta := tb.text("[data-testid=print-meta]"); !strings.Contains(meta, "Backwise") || !strings.Contains(meta, "/routines/bridges") {
		t.Errorf("print heading = %q", meta)
	}
	printMedia(tb, false)
	tb.goTo("/articles/sciatica")
	evalJS[bool](tb, `(window.dispatchEvent(new Event('beforeprint')), true)`)
	printMedia(tb, true)
	for _, sel := range []string{`.tags`, `.pager`} {
		if shown(sel) {
			t.Errorf("a printed article shows %s", sel)
		}
	}
	after := evalJS[string](tb, `(() => { const a = document.querySelector('.prose a[href^="/"]'); return a ? getComputedStyle(a, '::after').content : ''; })()`)
	if !strings.Contains(after, "http://") && !strings.Contains(after, "https://") {
		t.Errorf("a printed site link shows %s, want its whole address", after)
	}

	// A kept result prints when it was kept above the advice.
	printMedia(tb, false)
	keepResults(t, tb, 1)
	tb.goTo("/check/history")
	tb.clickAndLoad(`[data-testid=history] tbody a`)
	tb.waitFor(resultMarker)
	if shown(`[data-testid=print-kept]`) {
		t.Error("the kept date for print shows on screen too")
	}
	printMedia(tb, true)
	if !shown(`[data-testid=print-kept]`) || !strings.HasPrefix(tb.text(`[data-testid=print-kept]`), "Result kept on ") {
		t.Error("a printed kept result does not say when it was kept")
	}
	if !evalJS[bool](tb, `document.querySelector('[data-testid=print-kept]').getBoundingClientRect().bottom <= document.querySelector('[data-testid=care-card]').getBoundingClientRect().top`) {
		t.Error("a printed kept result's date is not above the advice")
	}
}
