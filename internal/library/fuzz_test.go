package library

import (
	"errors"
	"testing"
	"testing/fstest"
)

// FuzzLoadArticle feeds arbitrary bytes to the loader as an article: it
// must never panic, and a failure must be a list of problems naming the
// file, never a bare error.
func FuzzLoadArticle(f *testing.F) {
	f.Add([]byte(validArticle))
	f.Add([]byte(validRoutine))
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\ntitle: [unclosed\n---\nbody"))
	f.Add([]byte("---\nreferences:\n  - 1\n  - {title: 2}\n---\n{{ref:0}} {{ref:99999999999999999999}} {{figure:}} {{"))
	f.Add([]byte("\ufeff---\r\ntitle: x\r\n---\r\n> [!URGENT]\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{"articles/fuzz.md": {Data: data}, "routines/fuzz-routine.md": {Data: data}}
		lib, err := Load(fsys, Options{AvoidIfKeys: []string{"osteoporosis"}})
		if err == nil {
			if lib == nil {
				t.Fatal("nil library without an error")
			}
			return
		}
		var problems Problems
		if !errors.As(err, &problems) || len(problems) == 0 {
			t.Fatalf("error is not a list of problems: %v", err)
		}
		for _, p := range problems {
			if p.File == "" || p.Reason == "" || p.Line < 0 {
				t.Fatalf("problem without file or reason: %+v", p)
			}
		}
	})
}
