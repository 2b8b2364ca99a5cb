package paths

import "testing"

func TestURLsEscapeTheirParts(t *testing.T) {
	cases := map[string]string{
		Article("sciatica"):                                  "/articles/sciatica",
		Article("a b/c"):                                     "/articles/a%20b%2Fc",
		Routine("foot-arch-roll"):                            "/routines/foot-arch-roll",
		Topic("safety"):                                      "/topics/safety",
		Tag("lower-back"):                                    "/tags/lower-back",
		CheckResult("abc"):                                   "/check/results/abc",
		CheckResultDelete("abc"):                             "/check/results/abc/delete",
		APIAssessment("abc"):                                 "/api/v1/assessments/abc",
		RoutinesFiltered("", "", ""):                         "/routines",
		RoutinesFiltered("", "upper", ""):                    "/routines?area=upper",
		RoutinesFiltered("", "upper", "foam_roller"):         "/routines?area=upper&equipment=foam_roller",
		RoutinesFiltered("exercise", "upper", "foam_roller"): "/routines?area=upper&equipment=foam_roller&kind=exercise",
		Item("routine", "x"):                                 "/routines/x",
		Item("article", "x"):                                 "/articles/x",
	}
	for got, want := range cases {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}
