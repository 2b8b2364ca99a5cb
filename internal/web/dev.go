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
	last := fingerprint(contentDir, staticDir)
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		now := fingerprint(contentDir, staticDir)
		if now == last {
			continue
		}
		last = now
		site, err := LoadSite(os.DirFS(contentDir), os.DirFS(staticDir))
		if err != nil {
			log.Error("reload failed; still serving the previous version", "err", err)
			continue
		}
		holder.Replace(site)
		log.Info("reloaded content and static files")
	}
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
