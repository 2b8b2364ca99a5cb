package triage

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/vignettes.json and testdata/rules.golden")

// vignetteFile is one vignette as other packages' tests read it.
type vignetteFile struct {
	Name    string          `json:"name"`
	Answers json.RawMessage `json:"answers"`
	Outcome Outcome         `json:"outcome"`
}

// TestVignettesFile keeps testdata/vignettes.json in step with the
// vignettes: the web tests post each one through the form and the API.
// Run `go test ./internal/triage -run VignettesFile -update` after changing
// a vignette.
func TestVignettesFile(t *testing.T) {
	var out []vignetteFile
	for _, v := range vignettes {
		raw, err := json.Marshal(answers(v.set...))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, vignetteFile{Name: v.name, Answers: raw, Outcome: v.want})
	}
	got, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	const path = "testdata/vignettes.json"
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale: run go test ./internal/triage -run VignettesFile -update", path)
	}
}
