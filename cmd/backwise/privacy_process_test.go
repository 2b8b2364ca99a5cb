package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Deleting all my data leaves none of it readable in the database file or
// its write-ahead log, through the real serve path and a clean shutdown.
func TestDeleteAllLeavesNoBytesOnDisk(t *testing.T) {
	if testing.Short() {
		t.Skip("process test")
	}
	db := filepath.Join(t.TempDir(), "privacy.db")
	p := startServer(t, db)
	c := newJar()
	post := func(path string, form url.Values) {
		t.Helper()
		res, err := c.PostForm(p.url(path), form)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("POST %s = %d", path, res.StatusCode)
		}
	}
	post("/bookmarks", url.Values{"kind": {"routine"}, "slug": {"tennis-ball-lower-back"}, "action": {"add"}})
	post("/bookmarks/note", url.Values{"kind": {"routine"}, "slug": {"tennis-ball-lower-back"}, "note": {"qzxmarkernote after work"}})
	post("/me/plan", url.Values{"slug": {"walking-plan"}, "days": {"3"}, "walk": {"0"}, "activity": {"qzxmarkeractivity"}})
	post("/me/plan/flare-up", url.Values{"helps": {"qzxmarkercard heat"}, "pause": {""}, "contacts": {""}, "seek_help": {""}})
	req, _ := http.NewRequest("POST", p.url("/api/v1/assessments"), strings.NewReader(answersJSON()))
	req.Header.Set("Content-Type", "application/json")
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var kept struct{ ID string }
	json.NewDecoder(res.Body).Decode(&kept)
	res.Body.Close()
	if kept.ID == "" {
		t.Fatal("the result was not kept")
	}
	// The kept result's row (its answers are packed, so its id stands for it).
	markers := []string{"qzxmarkernote", "qzxmarkeractivity", "qzxmarkercard", kept.ID}
	onDisk := func() string {
		var all []byte
		for _, f := range []string{db, db + "-wal"} {
			b, _ := os.ReadFile(f)
			all = append(all, b...)
		}
		return string(all)
	}
	// The test can fail: before the delete, every marker is on disk.
	for _, m := range markers {
		if !strings.Contains(onDisk(), m) {
			t.Fatalf("%q is not on disk before the delete; the test would prove nothing", m)
		}
	}
	// Changing a note scrubs the old words at once, while the server runs.
	post("/bookmarks/note", url.Values{"kind": {"routine"}, "slug": {"tennis-ball-lower-back"}, "note": {"qzxmarkernewnote"}})
	if strings.Contains(onDisk(), "qzxmarkernote ") {
		t.Error("the old note is still on disk after changing it")
	}
	markers = append(markers, "qzxmarkernewnote")
	post("/me/delete", nil)
	p.cmd.Process.Signal(syscall.SIGTERM)
	<-p.done
	disk := []byte(onDisk())
	for _, m := range markers {
		if bytes.Contains(disk, []byte(m)) {
			t.Errorf("%q is still in the database files after deleting all my data", m)
		}
	}
}
