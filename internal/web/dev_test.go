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
	w := newWatcher(slog.New(slog.NewTextHandler(io.Discard, nil)), holder, contentDir, staticDir)
	reloads := make(chan error)
	w.reloaded = func(err error) { reloads <- err }
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go w.run(ctx, 20*time.Millisecond)
	next := func() error {
		t.Helper()
		select {
		case err := <-reloads:
			return err
		case <-time.After(10 * time.Second):
			t.Fatal("the change was not picked up within 10 s")
			return nil
		}
	}

	faq := filepath.Join(contentDir, "articles", "faq.md")
	b, _ := os.ReadFile(faq)
	// Each edit is one rename, so the watcher never sees a half-written file.
	tmp := t.TempDir()
	save := func(text string) {
		t.Helper()
		p := filepath.Join(tmp, "faq.md")
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(p, faq); err != nil {
			t.Fatal(err)
		}
	}
	save(strings.Replace(string(b), "title:", "title: Edited", 1))
	if err := next(); err != nil {
		t.Fatalf("a good edit did not reload: %v", err)
	}
	if a, _ := holder.Site().Library.Article("faq"); !strings.HasPrefix(a.Title, "Edited") {
		t.Fatalf("after the reload the title is %q", a.Title)
	}
	edited := holder.Site()
	save("no front matter")
	if err := next(); err == nil {
		t.Fatal("a broken edit loaded without error")
	}
	if holder.Site() != edited {
		t.Error("a broken edit replaced the last good version")
	}
}
