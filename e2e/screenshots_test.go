package e2e

import (
	"os"
	"path/filepath"
	"testing"
)

// TestREADMEScreenshots writes the screenshots the README shows, at a phone
// size (NAME-mobile.png, 360×740) and a desktop size (NAME-desktop.png,
// 1280×800), of the top of each page. It runs only with E2E_SCREENSHOTS=1,
// because the images change whenever the design does.
func TestREADMEScreenshots(t *testing.T) {
	if os.Getenv("E2E_SCREENSHOTS") != "1" {
		t.Skip("set E2E_SCREENSHOTS=1 to write docs/screenshots/")
	}
	dir := filepath.Join(repoRoot, "docs", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	shots := []struct {
		name  string
		reach func(tb *tab)
	}{
		{"home", func(tb *tab) { tb.goTo("/") }},
		{"article", func(tb *tab) { tb.goTo("/articles/when-to-avoid-massage") }},
		{"check-step-1", func(tb *tab) { startCheck(tb) }},
		{"result-self-care", func(tb *tab) { toResult(tb, "self_care", false) }},
	}
	for _, s := range shots {
		t.Run(s.name, func(t *testing.T) {
			tb := newTab(t)
			tb.colorScheme("light")
			s.reach(tb)
			for _, size := range []struct {
				suffix        string
				width, height int64
			}{{"mobile", 360, 740}, {"desktop", 1280, 800}} {
				// Back to the top, with nothing focused, as a visitor arrives.
				evalJS[bool](tb, `document.activeElement && document.activeElement.blur(), scrollTo(0, 0), true`)
				if !tb.poll(`scrollY === 0 && !document.querySelector(':focus')`) {
					t.Fatal("the page did not scroll to the top")
				}
				png, err := screenshot(tb.ctx, size.width, size.height, false)
				if err != nil {
					t.Fatal(err)
				}
				file := filepath.Join(dir, s.name+"-"+size.suffix+".png")
				if err := os.WriteFile(file, png, 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("wrote docs/screenshots/%s", filepath.Base(file))
			}
		})
	}
}
