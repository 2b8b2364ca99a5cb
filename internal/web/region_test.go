package web

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"backwise/content"
	"backwise/internal/library"
	"backwise/internal/paths"
	"backwise/internal/triage"
	"backwise/static"
)

// inRegion is a browser whose reader chose region id with the chooser.
func (e *checkEnv) inRegion(id string) *http.Client {
	e.t.Helper()
	c := newClient()
	code, _, h := e.post(c, paths.Region, url.Values{"region": {id}, "back": {"/about"}})
	if code != http.StatusSeeOther || h.Get("Location") != "/about" {
		e.t.Fatalf("choosing %s = %d %q", id, code, h.Get("Location"))
	}
	return c
}

// foreignWords are other regions' numbers and service names that region
// rg does not use itself: none may appear on its pages.
func foreignWords(rg library.Region, all []library.Region) []*regexp.Regexp {
	own := map[string]bool{}
	for _, t := range library.RegionTokens {
		for _, w := range strings.Fields(rg.Word(t)) {
			own[w] = true
		}
	}
	var out []*regexp.Regexp
	seen := map[string]bool{}
	add := func(w string, number bool) {
		if w == "" || own[w] || seen[w] || strings.Contains(rg.Word("urgent-help"), w) {
			return
		}
		seen[w] = true
		if number {
			out = append(out, regexp.MustCompile(`(^|[^\d,.\-/])`+regexp.QuoteMeta(w)+`($|[^\d,\-/])`))
		} else {
			out = append(out, regexp.MustCompile(`\b`+regexp.QuoteMeta(w)+`\b`))
		}
	}
	for _, o := range all {
		if o.ID == rg.ID {
			continue
		}
		add(o.Word("emergency-number"), true)
		add(o.Word("urgent-number"), true)
	}
	if rg.Word("emergency-department") != "A&E" {
		add("A&E", false)
	}
	if !strings.Contains(rg.Word("urgent-service"), "NHS 111") {
		add("NHS 111", false)
	}
	return out
}

// visibleText is the page's text and its tel: links, without the
// references (sources keep their own titles and addresses).
func visibleText(doc *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if attr(n, "data-testid") == "references" || n.Data == "script" || n.Data == "head" {
				return
			}
			if href := attr(n, "href"); strings.HasPrefix(href, "tel:") {
				b.WriteString(" " + href + " ")
			}
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data + " ")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return b.String()
}

func telLinks(doc *html.Node) []string {
	var out []string
	for _, n := range all(doc, func(n *html.Node) bool { return strings.HasPrefix(attr(n, "href"), "tel:") }) {
		out = append(out, strings.TrimPrefix(attr(n, "href"), "tel:"))
	}
	return out
}

// TestEveryRegionGetsItsOwnNumbers: the home page, Get help now, an
// emergency and an urgent result give each region's numbers as tel:
// links, and none of another region's.
func TestEveryRegionGetsItsOwnNumbers(t *testing.T) {
	e := newCheckEnv(t)
	regions := e.srvLibrary().Regions()
	if len(regions) != 10 {
		t.Fatalf("%d regions, want 10", len(regions))
	}
	fever := benignAnswers()
	fever.SetYesNo(triage.KeyFever, true)
	for _, rg := range regions {
		t.Run(rg.ID, func(t *testing.T) {
			e.t = t
			c := e.inRegion(rg.ID)
			pages := map[string]*html.Node{}
			for _, p := range []string{paths.Home, paths.GetHelpNow, paths.CheckRules} {
				_, body := e.get(c, p)
				pages[p] = parseHTML(t, body)
			}
			e.post(c, paths.CheckStart, nil)
			e.post(c, "/check/q/emergency", url.Values{"emergency_signs": {"both_legs"}})
			_, body := e.get(c, paths.CheckNow)
			pages["emergency result"] = parseHTML(t, body)
			pages["urgent result"] = e.resultOf(c, fever)
			for name, doc := range pages {
				tel := telLinks(doc)
				if !slices.Contains(tel, rg.Word("emergency-number")) {
					t.Errorf("%s: no tel: link for %s (links: %v)", name, rg.Word("emergency-number"), tel)
				}
				text := visibleText(doc)
				for _, bad := range foreignWords(rg, regions) {
					if i := bad.FindStringIndex(text); i != nil {
						t.Errorf("%s shows another region's %q: …%s…", name, strings.TrimSpace(text[i[0]:i[1]]),
							text[max(0, i[0]-60):min(len(text), i[1]+40)])
					}
				}
				if strings.Contains(text, "{{") {
					t.Errorf("%s shows an unfilled {{token}}", name)
				}
			}
			urgent := telLinks(pages["urgent result"])
			if n := rg.Word("urgent-number"); n != "" && !slices.Contains(urgent, n) {
				t.Errorf("the urgent result has no tel: link for %s: %v", n, urgent)
			}
			if n := rg.Word("urgent-number"); n == "" && len(urgent) > 1 {
				t.Errorf("a region without a same-day number shows calls %v", urgent)
			}
			if !strings.Contains(texts(pages[paths.Home], "region-chooser-footer"), "Showing help for") {
				t.Error("no region chooser in the footer")
			}
		})
	}
}

// TestRegionGuessAndCacheKeepRegionsApart: a first visit is guessed from
// the browser's language, and a cached page never shows one region's
// numbers to another.
func TestRegionGuessAndCacheKeepRegionsApart(t *testing.T) {
	e := newCheckEnv(t)
	get := func(c *http.Client, lang string) (string, http.Header) {
		req, _ := http.NewRequest("GET", e.srv.URL+paths.GetHelpNow, nil)
		if lang != "" {
			req.Header.Set("Accept-Language", lang)
		}
		res, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		doc, _ := html.Parse(res.Body)
		return strings.Join(telLinks(doc), " ") + " | " + texts(doc, "region-name") + texts(doc, "region-chooser-help"), res.Header
	}
	for lang, want := range map[string]string{
		"": "999", "en-GB,en;q=0.9": "999", "en-US,en;q=0.9": "911", "en-AU": "000", "en-IE": "112",
		"fr-FR, en-NZ;q=0.8": "111", "en": "999", "de-DE": "999",
	} {
		got, h := get(newClient(), lang)
		if !strings.HasPrefix(got, want+" ") {
			t.Errorf("Accept-Language %q: calls %q, want %s first", lang, got, want)
		}
		if v := h.Get("Vary"); !strings.Contains(v, "Cookie") || !strings.Contains(v, "Accept-Language") {
			t.Errorf("Vary = %q: shared caches would mix regions", v)
		}
	}
	// Two readers, one cached page, interleaved: each keeps their own.
	us, england := e.inRegion("us"), e.inRegion("england")
	for range 3 {
		if got, _ := get(us, ""); !strings.HasPrefix(got, "911 ") {
			t.Fatalf("the US reader got %q", got)
		}
		if got, _ := get(england, ""); !strings.HasPrefix(got, "999 ") {
			t.Fatalf("the England reader got %q", got)
		}
	}
	// The cookie wins over the language.
	if got, _ := get(england, "en-US"); !strings.HasPrefix(got, "999 ") {
		t.Errorf("a chosen region lost to the browser's language: %q", got)
	}
}

func TestRegionChooser(t *testing.T) {
	e := newCheckEnv(t)
	c := newClient()
	code, _, h := e.post(c, paths.Region, url.Values{"region": {"australia"}, "back": {"/articles/sciatica"}})
	if code != http.StatusSeeOther || h.Get("Location") != "/articles/sciatica" {
		t.Fatalf("choose = %d %q", code, h.Get("Location"))
	}
	cookie := h.Get("Set-Cookie")
	for _, want := range []string{"region=australia", "Max-Age=", "HttpOnly", "SameSite=Lax"} {
		if !strings.Contains(cookie, want) {
			t.Errorf("region cookie %q lacks %s", cookie, want)
		}
	}
	_, body := e.get(c, paths.Home)
	doc := parseHTML(t, body)
	sel := all(doc, func(n *html.Node) bool { return n.Data == "option" && hasAttr(n, "selected") })
	if len(sel) == 0 || attr(sel[0], "value") != "australia" {
		t.Error("the chooser does not show the chosen region")
	}
	if e.rows("visitors") != 0 {
		t.Error("choosing a region made a visitor")
	}
	for _, back := range []string{"//evil.example/x", "https://evil.example", "", "\\\\evil"} {
		if _, _, h := e.post(c, paths.Region, url.Values{"region": {"us"}, "back": {back}}); h.Get("Location") != "/" {
			t.Errorf("back %q redirected to %q", back, h.Get("Location"))
		}
	}
	if code, body, _ := e.post(c, paths.Region, url.Values{"region": {"atlantis"}}); code != 400 || !strings.Contains(body, "Choose where you live") {
		t.Errorf("unknown region = %d", code)
	}
}

func TestAPIRegion(t *testing.T) {
	e := newCheckEnv(t)
	answers := benignJSON(map[string]any{"chest_pain": true})
	_, out, _ := e.api(e.client, "POST", paths.APIAssessments, map[string]any{"answers": answers, "region": "us"}, "application/json")
	calls, _ := out["calls"].([]any)
	region, _ := out["region"].(map[string]any)
	if len(calls) != 1 || calls[0].(map[string]any)["number"] != "911" || region["id"] != "us" {
		t.Fatalf("US emergency = %v %v", out["calls"], out["region"])
	}
	if title, _ := out["title"].(string); !strings.Contains(title, "911") || strings.Contains(title, "{{") {
		t.Errorf("title = %q", title)
	}
	_, out, _ = e.api(e.client, "POST", paths.APIAssessments, map[string]any{"answers": benignJSON(map[string]any{"fever": true}), "region": "ireland"}, "application/json")
	if calls, _ := out["calls"].([]any); len(calls) != 0 {
		t.Errorf("Ireland has no single same-day number, but the result offers %v", calls)
	}
	code, out, _ := e.api(e.client, "POST", paths.APIAssessments, map[string]any{"answers": answers, "region": "atlantis"}, "application/json")
	if code != 422 {
		t.Errorf("unknown region = %d %v", code, out)
	}
}

// TestCareCardSentencesAreShort: no sentence in a care card is over 25
// words, in any region's words (people read these in pain, on a phone).
func TestCareCardSentencesAreShort(t *testing.T) {
	site, err := LoadSite(content.FS, static.FS)
	if err != nil {
		t.Fatal(err)
	}
	sentence := regexp.MustCompile(`[.!?:]\s+`)
	for _, rg := range site.Library.Regions() {
		var texts []string
		for _, l := range triage.SignLists() {
			texts = append(texts, l.Heading, l.Action)
			texts = append(texts, l.Signs...)
		}
		for _, o := range triage.Outcomes() {
			texts = append(texts, o.Title(), o.Action())
		}
		for _, r := range triage.Rules() {
			if r.Directive != nil {
				texts = append(texts, r.Directive.Title, r.Directive.Action)
			}
		}
		for _, text := range texts {
			for _, s := range sentence.Split(rg.Expand(text, false), -1) {
				if n := len(strings.Fields(s)); n > 25 {
					t.Errorf("%s: a care card sentence has %d words: %q", rg.ID, n, s)
				}
			}
		}
	}
}
