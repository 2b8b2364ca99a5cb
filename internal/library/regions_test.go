package library

import (
	"strings"
	"testing"
	"testing/fstest"
)

const twoRegions = `regions:
  - id: england
    name: England
    languages: [en-GB]
    emergency-number: "999"
    emergency-department: "A&E"
    urgent-service: "NHS 111"
    urgent-number: "111"
    urgent-url: "https://111.nhs.uk/"
    urgent-help: "call NHS 111"
    gp: "GP"
    gp-practice: "GP surgery"
    physio: "Refer yourself."
    maternity: "maternity unit"
    service-names: ["NHS 111", "A&E"]
  - id: us
    name: United States
    languages: [en-US]
    emergency-number: "911"
    emergency-department: "the ER"
    urgent-service: "an urgent care center"
    urgent-number: ""
    urgent-url: "https://example.org/"
    urgent-help: "call your doctor"
    gp: "primary care doctor"
    gp-practice: "doctor's office"
    physio: "Direct access varies."
    maternity: "labor and delivery unit"
    service-names: []
`

func regionFixture(article, regions string) fstest.MapFS {
	fsys := fixture(article)
	fsys["regions.yaml"] = &fstest.MapFile{Data: []byte(regions)}
	return fsys
}

func TestRegionsLoadAndExpand(t *testing.T) {
	src := repl("Walking helps.", "If you are worried, see your {{gp}} or call {{urgent-service}}.")(validArticle)
	lib, err := Load(regionFixture(src, twoRegions), Options{})
	if err != nil {
		t.Fatal(err)
	}
	regions := lib.Regions()
	if len(regions) != 2 || regions[0].ID != "england" || regions[1].Languages[0] != "en-US" {
		t.Fatalf("regions = %+v", regions)
	}
	a, _ := lib.Article("sample")
	body := string(a.Body)
	if !strings.Contains(body, "see your {{gp}} or call {{urgent-service}}") {
		t.Fatalf("the tokens are not kept for each region to fill in: %s", body)
	}
	us, _ := lib.Region("us")
	if got := us.Expand(body, true); !strings.Contains(got, "see your primary care doctor or call an urgent care center") {
		t.Errorf("US expansion: %s", got)
	}
	en, _ := lib.Region("england")
	if got := en.Expand("{{emergency-department}}", true); got != "A&amp;E" {
		t.Errorf("HTML expansion = %q", got)
	}
	if got := en.Expand("{{emergency-department}}", false); got != "A&E" {
		t.Errorf("text expansion = %q", got)
	}
}

func TestRegionsRejects(t *testing.T) {
	cases := []struct{ name, old, new, reason string }{
		{"a missing word", `    gp: "primary care doctor"` + "\n", "", `region "us" lacks "gp"`},
		{"a number with letters", `emergency-number: "911"`, `emergency-number: "9-1-1"`, "emergency-number must be digits only"},
		{"a plain http address", `urgent-url: "https://example.org/"`, `urgent-url: "http://example.org/"`, "must be an https address"},
		{"an empty word", `gp: "primary care doctor"`, `gp: ""`, `"gp" must not be empty`},
		{"a repeated region", "  - id: us", "  - id: england", `region "england" appears twice`},
		{"no service-names", `    service-names: []` + "\n", "", `lacks "service-names"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(twoRegions, tc.old) {
				t.Fatalf("fixture lacks %q", tc.old)
			}
			_, err := Load(regionFixture(validArticle, strings.Replace(twoRegions, tc.old, tc.new, 1)), Options{})
			if err == nil || !strings.Contains(err.Error(), tc.reason) || !strings.Contains(err.Error(), "regions.yaml:") {
				t.Errorf("err = %v, want %q", err, tc.reason)
			}
		})
	}
}

// The fixture the issue asks for: a number or service name written into
// content instead of its region word fails the check.
func TestHardCodedNumbersAndServices(t *testing.T) {
	for _, bad := range []string{"If it is bad, call 999.", "Phone NHS 111 for advice.", "Go to A&E.", "In the US, dial 911."} {
		_, err := Load(regionFixture(repl("Walking helps.", bad)(validArticle), twoRegions), Options{})
		if err == nil || !strings.Contains(err.Error(), "numbers and service names come from regions.yaml") {
			t.Errorf("%q: err = %v", bad, err)
		}
	}
	for _, ok := range []string{"About 1,999 people took part.", "In 2111 we will see.", "Call {{emergency-number}} if worried.", "The 9990 trial."} {
		if _, err := Load(regionFixture(repl("Walking helps.", ok)(validArticle), twoRegions), Options{}); err != nil {
			t.Errorf("%q rejected: %v", ok, err)
		}
	}
}

// TestCalloutSentencesShortInEveryRegion: a box sentence of 25 words in
// England ("GP") is 27 in the United States ("primary care doctor").
func TestCalloutSentencesShortInEveryRegion(t *testing.T) {
	long := "If the pain is no better after two weeks of gentle walking and simple care at home, please book a visit with your {{gp}} soon."
	box := func(s string) string { return "> [!DOCTOR]\n> " + s + "\n\n## Keep moving" }
	_, err := Load(regionFixture(repl("## Keep moving", box(long))(validArticle), twoRegions), Options{})
	if err == nil || !strings.Contains(err.Error(), "has 27 words in United States") {
		t.Errorf("err = %v, want the 27-word US sentence reported", err)
	}
	short := "If the pain is no better after two weeks, see your {{gp}}. Keep walking meanwhile."
	if _, err := Load(regionFixture(repl("## Keep moving", box(short))(validArticle), twoRegions), Options{}); err != nil {
		t.Errorf("short sentences rejected: %v", err)
	}
}
