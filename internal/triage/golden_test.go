package triage

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

// rulesFingerprint hashes everything a kept result depends on: the questions,
// the rule table's words, the warning-sign lists, the outcomes' words, and
// the outcome and reasons of 3000 fixed random answer sets (so a change to
// a rule's logic, which is code and not text, changes it too).
func rulesFingerprint(t *testing.T) string {
	h := sha256.New()
	enc := json.NewEncoder(h)
	for _, v := range []any{Pages(), Rules(), SignLists(), Sources()} {
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
	}
	for _, o := range Outcomes() {
		enc.Encode([]string{o.Title(), o.Action(), o.CareCardLabel()})
	}
	rng := rand.New(rand.NewPCG(7, 11))
	for range 3000 {
		r := Evaluate(randomAnswers(rng), nil)
		enc.Encode([]any{r.Outcome, ruleIDs(r), len(r.Notes), len(r.Cautions)})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestRulesVersionGolden fails when the rules or questions change without a
// new RulesVersion: kept results and the "older rules" notice rely on it.
// After changing the rules, bump RulesVersion and run
// go test ./internal/triage -run RulesVersionGolden -update.
func TestRulesVersionGolden(t *testing.T) {
	const path = "testdata/rules.golden"
	got := RulesVersion + " " + rulesFingerprint(t) + "\n"
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	wantVersion, wantHash, _ := strings.Cut(strings.TrimSpace(string(raw)), " ")
	gotVersion, gotHash, _ := strings.Cut(strings.TrimSpace(got), " ")
	switch {
	case gotHash != wantHash && gotVersion == wantVersion:
		t.Errorf("the rules or questions changed but RulesVersion is still %s: bump it, then run with -update", gotVersion)
	case gotHash != wantHash || gotVersion != wantVersion:
		t.Errorf("%s is stale: run go test ./internal/triage -run RulesVersionGolden -update", path)
	}
}
