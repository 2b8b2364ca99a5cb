package content

import (
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"backwise/internal/library"
)

// Every file in content/ goes through the real loader: front matter, links,
// related slugs, references, summary length and reading grade.
func TestRealContentLoads(t *testing.T) {
	lib, err := library.Load(FS)
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

// The topics the site promises: each needs its article.
func TestCoverage(t *testing.T) {
	lib, err := library.Load(FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, slug := range []string{
		"acute-and-chronic-back-pain", "massage-evidence", "when-to-avoid-massage", "get-help-now",
	} {
		if _, ok := lib.Article(slug); !ok {
			t.Errorf("article %q is missing", slug)
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
