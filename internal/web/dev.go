package web

import (
	"context"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"time"
)

// WatchForChanges is -dev mode: it polls the content and static folders and
// reloads the site when a file changes. Polling needs no extra dependency
// and a twice-a-second scan of a few hundred files costs nothing. A broken
// edit keeps the previous version and logs each problem.
func WatchForChanges(ctx context.Context, log *slog.Logger, holder *SiteHolder, contentDir, staticDir string) {
	newWatcher(log, holder, contentDir, staticDir).run(ctx, 500*time.Millisecond)
}

// watcher remembers what the folders looked like at the last scan.
type watcher struct {
	log                   *slog.Logger
	holder                *SiteHolder
	contentDir, staticDir string
	last                  int64
	// reloaded, when set, hears the outcome of each reload attempt (nil
	// when the new version was installed), so tests wait on it instead of
	// sleeping.
	reloaded func(error)
}

// newWatcher takes the first fingerprint at once, so that any change made
// after it returns is seen.
func newWatcher(log *slog.Logger, holder *SiteHolder, contentDir, staticDir string) *watcher {
	return &watcher{log: log, holder: holder, contentDir: contentDir, staticDir: staticDir, last: fingerprint(contentDir, staticDir)}
}

func (w *watcher) run(ctx context.Context, every time.Duration) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		now := fingerprint(w.contentDir, w.staticDir)
		if now == w.last {
			continue
		}
		w.last = now
		err := w.reload()
		if w.reloaded != nil {
			w.reloaded(err)
		}
	}
}

func (w *watcher) reload() error {
	site, err := LoadSite(os.DirFS(w.contentDir), os.DirFS(w.staticDir))
	if err != nil {
		w.log.Error("reload failed; still serving the previous version", "err", err)
		return err
	}
	if err := w.holder.Replace(site); err != nil {
		return err
	}
	w.log.Info("reloaded content and static files")
	return nil
}

// fingerprint sums file sizes and modification times: cheap, and changes
// whenever an editor saves.
func fingerprint(dirs ...string) int64 {
	var sum int64
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err == nil {
				sum += info.ModTime().UnixNano() + info.Size()*7919
			}
			return nil
		})
	}
	return sum
}
