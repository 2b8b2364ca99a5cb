package web

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"backwise/content"
	"backwise/internal/library"
	"backwise/internal/triage"
	"backwise/static"
)

// contentWithout is the real content less some files, as an fs.FS.
func contentWithout(t *testing.T, drop ...string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(content.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(content.FS, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range drop {
		if _, ok := m[p]; !ok {
			t.Fatalf("no %s in content", p)
		}
		delete(m, p)
	}
	return m
}

// An article that a result may suggest but the content lacks stops the
// load, naming the slug and the list in code that names it.
func TestLoadSiteRefusesUnknownSlugInCode(t *testing.T) {
	// Nothing in the content links to the FAQ, so the library itself still
	// loads without it; only the list in code knows it is needed.
	_, err := LoadSite(contentWithout(t, "articles/faq.md"), static.FS)
	var problems SlugProblems
	if !errors.As(err, &problems) {
		t.Fatalf("LoadSite without faq.md = %v, want SlugProblems", err)
	}
	want := []string{`internal/web/slugs.go promisedSlugs: unknown article "faq"`, `internal/triage/advice.go ArticleSlugs: unknown article "faq"`}
	if len(problems) != 2 || problems[0].String() != want[0] || problems[1].String() != want[1] {
		t.Errorf("problems = %q, want %q", problems.Error(), want)
	}
}

// Every list of slugs in code is checked, and each problem says where the
// slug came from (a map's key included).
func TestCheckSlugsNamesEverySource(t *testing.T) {
	empty, err := library.Load(fstest.MapFS{}, library.Options{AvoidIfKeys: triage.Keys()})
	if err != nil {
		t.Fatalf("empty library: %v", err)
	}
	// Against an empty library every slug named in code is unknown, and
	// each one is reported once, under the list that names it.
	err = CheckSlugs(empty)
	var problems SlugProblems
	if !errors.As(err, &problems) {
		t.Fatalf("CheckSlugs(empty) = %v", err)
	}
	lists, total := codeSlugLists(), 0
	for _, l := range lists {
		total += len(l.slugs)
		if len(l.slugs) == 0 {
			t.Errorf("%s names no slug", l.source)
		}
	}
	if len(problems) != total {
		t.Errorf("%d problems for %d slugs named in code", len(problems), total)
	}
	for _, want := range []string{"internal/triage/advice.go ArticleSlugs", "internal/web/reading.go featuredSlugs",
		"internal/web/search.go popularSlugs", "internal/web/check_result.go reasonArticles"} {
		found := false
		for _, p := range problems {
			found = found || p.Source == want
		}
		if !found {
			t.Errorf("no problem reported from %s", want)
		}
	}
	err = checkSlugs(empty, []slugList{{source: "internal/web/x.go m", slugs: []namedSlug{{key: "k", slug: "gone"}}}})
	if want := `internal/web/x.go m["k"]: unknown article "gone"`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("checkSlugs = %v, want %s", err, want)
	}
	site, err := LoadSite(content.FS, static.FS)
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckSlugs(site.Library); err != nil {
		t.Errorf("the real content: %v", err)
	}
}
