package library

import (
	"strings"
	"testing"
	"testing/fstest"
)

// validArticle is a minimal article that passes every check; the table
// below breaks it one way at a time.
const validArticle = `---
title: Sample article
summary: A short summary of the sample article.
category: safety
tags: [safety, sample]
reviewed: 2026-11-22
next_review: 2027-11-22
references:
  - title: "First source"
    source: NHS
    year: 2026
    url: https://www.nhs.uk/conditions/back-pain/
  - title: "Second source"
    source: NICE
    year: 2016
    url: https://www.nice.org.uk/guidance/ng59
related: [other]
---

Most back pain gets better on its own. {{ref:1}}

## Keep moving

Walking helps. {{evidence:moderate}} {{ref:2}} See [the other page](/articles/other).
`

const otherArticle = `---
title: Other article
summary: Another page.
category: self-care
reviewed: 2026-11-22
next_review: 2027-11-22
references:
  - {title: "A", source: NHS, year: 2026, url: "https://www.nhs.uk/a"}
  - {title: "B", source: NHS, year: 2026, url: "https://www.nhs.uk/b"}
---

Short and plain. {{ref:1}} {{ref:2}}
`

func fixture(sample string) fstest.MapFS {
	return fstest.MapFS{
		"articles/sample.md":   {Data: []byte(sample)},
		"articles/other.md":    {Data: []byte(otherArticle)},
		"figures/back-map.svg": {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" role="img"><title>Back</title></svg>`)},
	}
}

func TestLoadValid(t *testing.T) {
	lib, err := Load(fixture(validArticle), Options{})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	a, ok := lib.Article("sample")
	if !ok {
		t.Fatal("sample article not found")
	}
	if a.Title != "Sample article" || a.Category.Slug != "safety" || len(a.References) != 2 {
		t.Errorf("parsed article = %+v", a)
	}
	if got := lib.RelatedTo(a); len(got) != 1 || got[0].Slug != "other" {
		t.Errorf("RelatedTo = %v", got)
	}
	if a.ReadingMinutes() != 1 {
		t.Errorf("ReadingMinutes = %d", a.ReadingMinutes())
	}
}

// Each case breaks the valid article in one way and expects one problem
// naming the file, the line (0 = whole file) and the reason.
func TestLoadRejects(t *testing.T) {
	cases := []struct {
		name   string
		edit   func(string) string
		line   int
		reason string
	}{
		{"unknown key", repl("tags:", "colour: blue\ntags:"), 5, `unknown front matter key "colour"`},
		{"unknown category", repl("category: safety", "category: gossip"), 4, `unknown category "gossip"`},
		{"alias in capitals", repl("tags:", "also_known_as: [Bad Back]\ntags:"), 5, `also_known_as "Bad Back" must be a short phrase in lower case`},
		{"alias too long", repl("tags:", "also_known_as: ["+strings.Repeat("back ", 9)+"]\ntags:"), 5, `must be a short phrase in lower case`},
		{"missing reviewed", repl("reviewed: 2026-11-22\n", ""), 1, `missing required front matter key "reviewed"`},
		{"bad date", repl("reviewed: 2026-11-22", "reviewed: 22/11/2026"), 6, `"reviewed" must be a date written YYYY-MM-DD`},
		{"missing references", cutRefs, 1, `missing required front matter key "references"`},
		{"one reference", oneRef, 8, "cite at least 2 sources"},
		{"reference without url", repl("url: https://www.nice.org.uk/guidance/ng59", "url: nice"), 13, "reference 2 needs a full https:// address"},
		{"summary too long", repl("A short summary of the sample article.", strings.Repeat("word ", 40)), 3, "summary is 199 characters; keep it to 160"},
		{"missing title", repl("title: Sample article\n", ""), 1, `missing required front matter key "title"`},
		{"unknown related", repl("related: [other]", "related: [nowhere]"), 0, `related article "nowhere" does not exist`},
		{"broken article link", repl("(/articles/other)", "(/articles/missing)"), 24, "link to /articles/missing: no such article"},
		{"link to unknown page", repl("(/articles/other)", "(/nowhere)"), 24, "link to /nowhere: not a page of this site"},
		{"citation out of range", repl("{{ref:2}}", "{{ref:2}} {{ref:7}}"), 24, "{{ref:7}} does not match a reference"},
		{"reference never cited", repl(" {{ref:2}}", ""), 0, "reference 2 is listed but never cited"},
		{"unknown evidence level", repl("{{evidence:moderate}}", "{{evidence:strong}}"), 24, `unknown evidence level "strong"`},
		{"unknown figure", func(s string) string { return s + "\n{{figure:spine}}\n" }, 26, `unknown figure "spine"`},
		{"inline figure", repl("Walking helps.", "Walking {{figure:back-map}} helps."), 24, "must stand on a line of its own"},
		{"raw html", func(s string) string { return s + "\n<script>alert(1)</script>\n" }, 26, "raw HTML is not allowed"},
		{"h1 in body", repl("## Keep moving", "# Keep moving"), 22, "use ## and ### headings"},
		{"no front matter", func(s string) string { return strings.TrimPrefix(s, "---\n") }, 1, `must start with a "---" line`},
		{"unclosed front matter", func(s string) string { return strings.Replace(s, "\n---\n\nMost", "\n\nMost", 1) }, 1, "not closed"},
		{"invalid yaml", repl("tags: [safety, sample]", "tags: [safety, sample"), 0, "not valid YAML"},
		{"hard to read", func(s string) string {
			return s + "\nNotwithstanding multitudinous considerations, physiotherapeutic interventions demonstrate considerable heterogeneity regarding musculoskeletal rehabilitation effectiveness internationally, particularly concerning comprehensive multidisciplinary programmes incorporating cognitive behavioural methodologies.\n"
		}, 0, "reading grade"},
		{"next review before reviewed", repl("next_review: 2027-11-22", "next_review: 2025-01-01"), 7, "next_review must come after reviewed"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(fixture(tc.edit(validArticle)), Options{})
			problems, ok := err.(Problems)
			if !ok {
				t.Fatalf("Load error = %v, want Problems", err)
			}
			for _, p := range problems {
				if strings.Contains(p.Reason, tc.reason) {
					if p.File != "articles/sample.md" {
						t.Errorf("file = %q", p.File)
					}
					if tc.line != 0 && p.Line != tc.line {
						t.Errorf("line = %d, want %d (%s)", p.Line, tc.line, p)
					}
					return
				}
			}
			t.Errorf("no problem containing %q; got:\n%v", tc.reason, problems)
		})
	}
}

func TestLoadRejectsDuplicateSlug(t *testing.T) {
	fsys := fixture(validArticle)
	fsys["articles/Sample.md"] = &fstest.MapFile{Data: []byte(validArticle)}
	_, err := Load(fsys, Options{})
	if err == nil || !strings.Contains(err.Error(), `duplicate slug "sample"`) {
		t.Fatalf("err = %v, want duplicate slug", err)
	}
}

func TestProblemString(t *testing.T) {
	p := Problem{File: "articles/a.md", Line: 3, Reason: "bad"}
	if p.String() != "articles/a.md:3: bad" {
		t.Errorf("String() = %q", p.String())
	}
	if s := (Problem{File: "articles/a.md", Reason: "whole file"}).String(); s != "articles/a.md:1: whole file" {
		t.Errorf("a whole-file problem = %q, want file:1: reason", s)
	}
}

func repl(old, new string) func(string) string {
	return func(s string) string {
		if !strings.Contains(s, old) {
			panic("fixture does not contain " + old)
		}
		return strings.Replace(s, old, new, 1)
	}
}

func cutRefs(s string) string {
	start := strings.Index(s, "references:")
	end := strings.Index(s, "related:")
	return s[:start] + s[end:]
}

func oneRef(s string) string {
	start := strings.Index(s, "  - title: \"Second source\"")
	end := strings.Index(s, "related:")
	return strings.ReplaceAll(s[:start]+s[end:], " {{ref:2}}", "")
}

const validRoutine = `---
title: Sample routine
summary: A short routine.
kind: massage
area: [lower]
equipment: [tennis_ball]
minutes: 2
how_often: Once a day
level: gentle
avoid_if: [osteoporosis]
floor: false
firm: false
article: other
reviewed: 2026-11-22
next_review: 2027-11-22
references:
  - {title: "A", source: NHS, year: 2026, url: "https://www.nhs.uk/a"}
  - {title: "B", source: NHS, year: 2026, url: "https://www.nhs.uk/b"}
---

Gentle and short. {{ref:1}} {{ref:2}}

## What you need

A ball.

## Getting into position

Stand by a wall.

{{figure:back-map}}

## Steps

1. {{duration:30s}} Lean on the ball.
2. {{duration:90s}} Roll slowly.

## Stop and get advice if

- it hurts.

## Read more

[Other](/articles/other)
`

func routineFixture(routine string) fstest.MapFS {
	fsys := fixture(validArticle)
	fsys["routines/sample-routine.md"] = &fstest.MapFile{Data: []byte(routine)}
	return fsys
}

func TestLoadRoutine(t *testing.T) {
	lib, err := Load(routineFixture(validRoutine), Options{AvoidIfKeys: []string{"osteoporosis", "pregnant"}})
	if err != nil {
		t.Fatal(err)
	}
	r, ok := lib.Routine("sample-routine")
	if !ok {
		t.Fatal("routine not loaded")
	}
	if len(r.Steps) != 2 || r.Steps[0] != 30 || r.Steps[1] != 90 || r.Minutes != 2 || r.Article != "other" {
		t.Errorf("routine = %+v", r)
	}
	body := string(r.Body)
	for _, want := range []string{`<ol class="routine-steps">`, `<span class="step-time" data-seconds="90">1 minute 30 seconds</span>`, `<section class="routine-section" data-section="steps">`, `<div class="routine-intro">`} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q:\n%s", want, body)
		}
	}
	if got := lib.RoutinesFor(RoutineFilter{Area: "lower", Equipment: "tennis_ball"}); len(got) != 1 {
		t.Errorf("RoutinesFor = %d", len(got))
	}
	if got := lib.RoutinesFor(RoutineFilter{Kind: "exercise"}); len(got) != 0 {
		t.Errorf("RoutinesFor(exercise) = %d", len(got))
	}
	if got := lib.RoutinesFor(RoutineFilter{Area: "neck_shoulder"}); len(got) != 0 {
		t.Errorf("RoutinesFor(neck) = %d", len(got))
	}
}

// validExercise is validRoutine as an exercise, with an easier
// and a harder version.
var validExercise = strings.NewReplacer(
	"kind: massage", "kind: exercise",
	"## Stop and get advice if", "## Easier and harder\n\nEasier: lean less.\n\nHarder: lean for longer.\n\n## Stop and get advice if",
).Replace(validRoutine)

func TestLoadExercise(t *testing.T) {
	lib, err := Load(routineFixture(validExercise), Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, _ := lib.Routine("sample-routine")
	if r.Kind != "exercise" || !strings.Contains(string(r.Body), `data-section="easier-and-harder"`) {
		t.Errorf("exercise = %q, body %s", r.Kind, r.Body)
	}
	for name, broken := range map[string]string{
		"no figure":          strings.Replace(validExercise, "{{figure:back-map}}", "", 1),
		"massage, no figure": strings.Replace(validRoutine, "{{figure:back-map}}", "", 1),
		"no harder":          strings.Replace(validExercise, "Harder: lean for longer.", "Lean for longer.", 1),
		"no easier":          strings.Replace(validExercise, "Easier: lean less.", "Lean less.", 1),
	} {
		_, err := Load(routineFixture(broken), Options{})
		if err == nil || !strings.Contains(err.Error(), "routines/sample-routine.md") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

func TestLoadRoutineRejects(t *testing.T) {
	cases := []struct{ name, old, new, reason string }{
		{"unknown area", "area: [lower]", "area: [knee]", `unknown area "knee"`},
		{"unknown equipment", "equipment: [tennis_ball]", "equipment: [kettlebell]", `unknown equipment "kettlebell"`},
		{"avoid_if not a question", "avoid_if: [osteoporosis]", "avoid_if: [vertigo]", `avoid_if key "vertigo" is not a question`},
		{"missing article", "article: other", "article: nowhere", `article "nowhere" does not exist`},
		{"step without duration", "2. {{duration:90s}} Roll slowly.", "2. Roll slowly.", "each step must start with its duration"},
		{"bad duration", "{{duration:30s}}", "{{duration:soon}}", "must be a number of seconds or minutes"},
		{"missing section", "## Read more", "## More", "a routine's ## sections must be"},
		{"bad level", "level: gentle", "level: extreme", `unknown level "extreme"`},
		{"minutes out of range", "minutes: 2", "minutes: 500", "minutes must be between 1 and 120"},
		{"floor flag missing", "floor: false\n", "", `missing required front matter key "floor"`},
		{"firm flag not a boolean", "firm: false", "firm: maybe", `"firm" must be true or false`},
		{"floor routine without the falls line", "floor: false", "floor: true", "fallen in the last year"},
		{"a curl-up", "Roll slowly.", "Do 10 curl-ups.", "loaded forward bending"},
		{"a sit-up", "Roll slowly.", "Then do sit-ups.", "loaded forward bending"},
		{"unknown kind", "kind: massage", "kind: dance", `unknown kind "dance"`},
		{"kind missing", "kind: massage\n", "", `missing required front matter key "kind"`},
		{"an exercise without easier and harder", "kind: massage", "kind: exercise", "sections must be, in order: What you need, Getting into position, Steps, Easier and harder"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(routineFixture(strings.Replace(validRoutine, tc.old, tc.new, 1)), Options{AvoidIfKeys: []string{"osteoporosis"}})
			if err == nil || !strings.Contains(err.Error(), tc.reason) || !strings.Contains(err.Error(), "routines/sample-routine.md") {
				t.Errorf("err = %v, want %q", err, tc.reason)
			}
		})
	}
}

func TestArticleLinkToRoutine(t *testing.T) {
	fsys := routineFixture(validRoutine)
	fsys["articles/sample.md"] = &fstest.MapFile{Data: []byte(strings.Replace(validArticle, "(/articles/other)", "(/routines/sample-routine)", 1))}
	if _, err := Load(fsys, Options{}); err != nil {
		t.Errorf("link to an existing routine rejected: %v", err)
	}
	fsys["articles/sample.md"] = &fstest.MapFile{Data: []byte(strings.Replace(validArticle, "(/articles/other)", "(/routines/missing)", 1))}
	if _, err := Load(fsys, Options{}); err == nil || !strings.Contains(err.Error(), "no such routine") {
		t.Errorf("link to a missing routine: %v", err)
	}
}

func TestTagsAndNeighbours(t *testing.T) {
	lib, err := Load(fixture(validArticle), Options{})
	if err != nil {
		t.Fatal(err)
	}
	tags := lib.Tags()
	if len(tags) != 2 || tags[0].Name != "safety" || tags[0].Count != 1 {
		t.Errorf("Tags = %+v", tags)
	}
	if got := lib.Tagged("sample"); len(got) != 1 || got[0].Slug != "sample" {
		t.Errorf("Tagged = %v", got)
	}
	a, _ := lib.Article("sample")
	if prev, next := lib.Neighbours(a); prev != nil || next != nil {
		t.Errorf("a lone article in its category has neighbours: %v %v", prev, next)
	}
}
