package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// artifactsDir holds the failure screenshots of the last run.
func artifactsDir() string { return filepath.Join(repoRoot, "e2e", ".artifacts") }

// makeArtifactsDir creates artifactsDir with a .gitignore of its own, so
// that screenshots are never committed by accident.
func makeArtifactsDir() error {
	if err := os.MkdirAll(artifactsDir(), 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(artifactsDir(), ".gitignore"), []byte("*\n"), 0o644)
}

// saveFailureScreenshots writes full-page PNGs of the tab's page at a phone
// and a desktop size. It uses a context of its own, because the failure may
// have been the tab's timeout.
func (tb *tab) saveFailureScreenshots(t *testing.T) {
	ctx, cancel := context.WithTimeout(tb.base, 20*time.Second)
	defer cancel()
	if err := makeArtifactsDir(); err != nil {
		t.Logf("screenshots: %v", err)
		return
	}
	for _, size := range [][2]int64{{360, 740}, {1280, 800}} {
		file := filepath.Join(artifactsDir(), fmt.Sprintf("%s-%dx%d.png", tb.label, size[0], size[1]))
		png, err := screenshot(ctx, size[0], size[1], true)
		if err == nil {
			err = os.WriteFile(file, png, 0o644)
		}
		if err != nil {
			t.Logf("screenshot %s: %v", file, err)
			continue
		}
		t.Logf("screenshot: %s", strings.TrimPrefix(file, repoRoot+"/"))
	}
}

// screenshot captures a PNG at width×height CSS pixels, of the whole page
// when full is set and of the viewport otherwise.
func screenshot(ctx context.Context, width, height int64, full bool) ([]byte, error) {
	if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: width, Height: height, DeviceScaleFactor: 1,
	}); err != nil {
		return nil, err
	}
	// Capture only once the page has laid out at the new size. Evaluating
	// from the debugger works in a tab with scripts disabled too.
	sized := fmt.Sprintf(`innerWidth === %d && innerHeight === %d`, width, height)
	for deadline := time.Now().Add(waitTimeout); ; time.Sleep(20 * time.Millisecond) {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](sized))
		if err != nil {
			return nil, err
		}
		if ok {
			break
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("the page did not lay out at %d×%d within %s", width, height, waitTimeout)
		}
	}
	if full {
		return chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100 means PNG
	}
	return chromedp.Run(ctx, chromedp.CaptureScreenshot())
}
