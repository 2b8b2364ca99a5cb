package web

import (
	"context"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"backwise/content"
	"backwise/static"
)

// copyFS writes an embedded tree to a folder, as an author's checkout.
func copyFS(t *testing.T, src fs.FS, dir string) {
	t.Helper()
	err := fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".go") {
			return err
		}
		b, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		full := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		return os.WriteFile(full, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// In -dev mode an edit shows up without a restart, and a broken edit keeps
// the last good version.
func TestDevModeReloadsContent(t *testing.T) {
	contentDir, staticDir := t.TempDir(), t.TempDir()
	copyFS(t, content.FS, contentDir)
	copyFS(t, static.FS, staticDir)
	site, err := LoadSite(os.DirFS(contentDir), os.DirFS(staticDir))
	if err != nil {
		t.Fatal(err)
	}
	holder := NewSiteHolder(site)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go WatchForChanges(ctx, slog.New(slog.NewTextHandler(io.Discard, nil)), holder, contentDir, staticDir)
	time.Sleep(100 * time.Millisecond)

	faq := filepath.Join(contentDir, "articles", "faq.md")
	b, _ := os.ReadFile(faq)
	os.WriteFile(faq, []byte(strings.Replace(string(b), "title:", "title: Edited", 1)), 0o644)
	waitFor(t, func() bool {
		a, _ := holder.Site().Library.Article("faq")
		return strings.HasPrefix(a.Title, "Edited")
	})
	edited := holder.Site()
	os.WriteFile(faq, []byte("no front matter"), 0o644)
	time.Sleep(1500 * time.Millisecond)
	if holder.Site() != edited {
		t.Error("a broken edit replaced the last good version")
	}
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatal("the change was not picked up within 10 s")
}
