package library

import (
	"regexp"
	"strings"
	"testing"
)

const renderSample = `---
title: Render sample
summary: Checks the HTML.
category: safety
reviewed: 2026-11-22
next_review: 2027-11-22
references:
  - {title: "A", source: NHS, year: 2026, url: "https://www.nhs.uk/a"}
  - {title: "B", source: NICE, year: 2016, url: "https://www.nice.org.uk/b"}
---

Intro with a claim. {{ref:1}}

## When to get help

> [!URGENT]
> Call 999 if you have back pain and numbness around your bottom.

### What "urgent" means

> [!DOCTOR]
> See a GP if it is not better after a few weeks. {{ref:2}}

> [!NOTE]
> Most back pain gets better.

> An ordinary quote stays a quote.

## Staying active

Keep moving. {{evidence:moderate}}

{{figure:back-map}}
`

func renderFixture(t *testing.T, body string) *Article {
	t.Helper()
	fsys := fixture(validArticle)
	delete(fsys, "articles/sample.md")
	fsys["articles/render.md"] = fixture(body)["articles/sample.md"]
	lib, err := Load(fsys, Options{})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	a, _ := lib.Article("render")
	return a
}

func TestRenderHeadingsMatchTOC(t *testing.T) {
	a := renderFixture(t, renderSample)
	if len(a.TOC) != 3 {
		t.Fatalf("TOC = %+v, want 3 entries", a.TOC)
	}
	want := []Heading{{2, "when-to-get-help", "When to get help"}, {3, "what-urgent-means", `What “urgent” means`}, {2, "staying-active", "Staying active"}}
	for i, h := range a.TOC {
		if h != want[i] {
			t.Errorf("TOC[%d] = %+v, want %+v", i, h, want[i])
		}
		if !strings.Contains(string(a.Body), `id="`+h.ID+`"`) {
			t.Errorf("body has no heading with id %q for TOC link", h.ID)
		}
	}
}

func TestRenderCallouts(t *testing.T) {
	body := string(renderFixture(t, renderSample).Body)
	for _, want := range []string{
		`<div class="callout callout--urgent" role="note">`, `<strong>Get help now</strong>`,
		`<div class="callout callout--doctor" role="note">`, `<strong>See a doctor</strong>`,
		`<div class="callout callout--note" role="note">`, `<strong>Good to know</strong>`,
		"<blockquote>\n<p>An ordinary quote stays a quote.</p>",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "[!URGENT]") || strings.Contains(body, "!DOCTOR") {
		t.Errorf("callout marker leaked into the HTML:\n%s", body)
	}
}

func TestRenderCitationsBadgesFigures(t *testing.T) {
	body := string(renderFixture(t, renderSample).Body)
	if ok, _ := regexp.MatchString(`<sup class="cite"><a href="#ref-1" [^>]*>\[1\]`, body); !ok {
		t.Errorf("citation 1 not linked to #ref-1:\n%s", body)
	}
	if !strings.Contains(body, `<a class="evidence evidence--moderate" href="/about/evidence#moderate"><span class="visually-hidden">Strength of evidence: </span>Moderate evidence</a>`) {
		t.Errorf("evidence badge missing:\n%s", body)
	}
	if !strings.Contains(body, "<figure class=\"figure figure--back-map\">\n<svg") || strings.Contains(body, "<p><figure") {
		t.Errorf("figure not rendered as a block:\n%s", body)
	}
}

func TestRenderDropsRawHTML(t *testing.T) {
	src := "Hello <b onclick=\"x()\">bold</b>\n\n<script>alert(1)</script>\n\n<iframe src=\"https://evil.example\"></iframe>\n"
	var problems Problems
	b := convert(newMarkdown(nil, nil), []byte(src), 1, collector{file: "x.md", problems: &problems}, convertOptions{})
	for _, bad := range []string{"<b", "<script", "<iframe", "onclick"} {
		if strings.Contains(string(b.HTML), bad) {
			t.Errorf("raw HTML %q passed through:\n%s", bad, b.HTML)
		}
	}
	if len(problems) == 0 {
		t.Error("raw HTML was not reported as a problem")
	}
}

func TestReadabilityGrades(t *testing.T) {
	plain := renderFixture(t, renderSample)
	if plain.Readability > 8 {
		t.Errorf("plain sample grade = %.1f, want ≤ 8", plain.Readability)
	}
	if countSyllables("massage") != 2 || countSyllables("the") != 1 || countSyllables("physiotherapy") < 5 {
		t.Errorf("syllables: massage=%d the=%d physiotherapy=%d", countSyllables("massage"), countSyllables("the"), countSyllables("physiotherapy"))
	}
}
