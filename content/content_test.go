package content

import (
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"backwise/internal/library"
	"backwise/internal/web"
)

// Every file in content/ goes through the real loader: front matter, links,
// related slugs, references, summary length and reading grade.
func TestRealContentLoads(t *testing.T) {
	lib, err := library.Load(FS, web.ContentOptions())
	if err != nil {
		t.Fatalf("content does not load:\n%v", err)
	}
	for _, a := range lib.Articles() {
		if len(a.References) < 2 {
			t.Errorf("%s cites %d sources, want at least 2", a.File, len(a.References))
		}
		if a.Readability > library.MaxGrade {
			t.Errorf("%s reading grade %.1f", a.File, a.Readability)
		}
		if a.Reviewed.IsZero() || a.NextReview.IsZero() {
			t.Errorf("%s lacks review dates", a.File)
		}
		for _, r := range a.References {
			if host := hostOf(r.URL); copySite(host) {
				t.Errorf("%s cites a copy site (%s): cite the primary source", a.File, host)
			}
		}
	}
}

// The topics the site promises, and every article named in code, exist:
// the same check that stops start-up.
func TestCoverage(t *testing.T) {
	lib, err := library.Load(FS, web.ContentOptions())
	if err != nil {
		t.Fatal(err)
	}
	if err := web.CheckSlugs(lib); err != nil {
		t.Error(err)
	}
}

// Claims the evidence does not support may be named only to be corrected:
// a sentence stating one as fact fails.
func TestNoUnsupportedClaimsAsFact(t *testing.T) {
	entries, err := FS.ReadDir("articles")
	if err != nil {
		t.Fatal(err)
	}
	assertions := []string{
		"massage flushes out toxins", "massage removes toxins", "flushes toxins from",
		"increases blood flow by 30", "boosts blood flow by 30", "massage lowers cortisol",
		"massage slashes cortisol", "cures back pain", "fixes back pain for good",
	}
	for _, e := range entries {
		b, err := FS.ReadFile("articles/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		text := strings.ToLower(string(b))
		for _, claim := range assertions {
			for i := strings.Index(text, claim); i >= 0; {
				start := max(0, i-120)
				window := text[start:i]
				if !strings.ContainsAny(window, "\"“") && !strings.Contains(window, "claim") && !strings.Contains(window, "heard") && !strings.Contains(window, "you may have") && !strings.Contains(window, "no ") && !strings.Contains(window, "not ") {
					t.Errorf("%s states %q without correcting it", e.Name(), claim)
				}
				next := strings.Index(text[i+1:], claim)
				if next < 0 {
					break
				}
				i += 1 + next
			}
		}
	}
}

// No sentence may be copied from the seed articles. CI always has ../shared
// beside the clone; a developer without it sees the test skipped.
func TestNoSeedOverlap(t *testing.T) {
	tool, err := filepath.Abs("../../shared/tools/seed-overlap")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(tool); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("seed-overlap tool not found at %s", tool)
		}
		t.Skipf("seed-overlap tool not found at %s (it lives in ../shared)", tool)
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Fatalf("python3 is needed to run %s", tool)
	}
	out, err := exec.Command("python3", tool, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("content shares word runs with the seed articles:\n%s", out)
	}
	if !strings.Contains(string(out), " 0 shared runs") {
		t.Errorf("unexpected seed-overlap output:\n%s", out)
	}
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Host, "www.")
}

// copySite lists hosts the clinical facts were seen through but which must
// never be cited: syndicated copies, mirrors and blogs.
func copySite(host string) bool {
	for _, bad := range []string{
		"redflagsymptoms.co.uk", "3slastxawesome.info", "preflight.site", "health-shared.com", "livingcare.co.uk",
		"walsallccg.nhs.uk", "pain-topics.org", "megatopx.com", "blogspot.com", "ascensionselfcare.com",
		"ambersherbet.com", "chiro.org", "lyndhurstchiro.co.uk", "nursing-notebook.com", "ebcn.online",
		"hedgegrailpharmacy.co.uk", "eguideline.guidelinecentral.com", "medscape.com", "independentpharmacist.co.uk",
		"devonformularyguidance.nhs.uk", "windsorhousegrouppractice.co.uk", "belmonthillsurgery.co.uk",
	} {
		if host == bad || strings.HasSuffix(host, "."+bad) {
			return true
		}
	}
	return false
}

// Exercise comes first, as NICE and the WHO put it: the exercises the site
// promises exist, each loaded through the real loader (which requires a
// start-and-end figure, an easier and a harder version and the floor
// flag), and they come first in the routine list.
func TestExerciseRoutines(t *testing.T) {
	lib, err := library.Load(FS, web.ContentOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, slug := range []string{"knee-rolls", "pelvic-tilts", "bridges", "cat-cow", "knee-to-chest", "bird-dog",
		"chair-exercises", "sit-to-stand", "pregnancy-back-care", "walking-plan"} {
		r, ok := lib.Routine(slug)
		switch {
		case !ok:
			t.Errorf("no routine %s", slug)
		case r.Kind != "exercise":
			t.Errorf("%s is %q, want an exercise", slug, r.Kind)
		case !strings.Contains(string(r.Body), "<figure") || !strings.Contains(r.Text, "Easier:") || !strings.Contains(r.Text, "Harder:"):
			t.Errorf("%s lacks its figure or its easier and harder versions", slug)
		}
	}
	if r, _ := lib.Routine("pregnancy-back-care"); r != nil && slices.Contains(r.AvoidIf, "pregnant") {
		t.Error("the pregnancy set is ruled out for pregnant readers")
	}
	if r, _ := lib.Routine("chair-exercises"); r != nil && r.Floor {
		t.Error("the chair set is marked as a floor routine")
	}
	all := lib.Routines()
	for i := 1; i < len(all); i++ {
		if all[i-1].Kind != "exercise" && all[i].Kind == "exercise" {
			t.Errorf("%s (exercise) is listed after %s (%s)", all[i].Slug, all[i-1].Slug, all[i-1].Kind)
		}
	}
}
