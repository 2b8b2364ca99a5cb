package store

import (
	"bytes"
	"context"
	"testing"
)

const typicalAnswers = `{"bladder_bowel_change":false,"saddle_numbness":false,"both_legs":false,"walking_difficulty":false,"chest_pain":false,"tearing_pain":false,"faint_or_clammy":false,"major_trauma":false,"age":52,"duration":"2_to_6_weeks","back_pain_before":false,"location":["lower","buttock_leg"],"trend":"same","intensity":6,"cancer":false,"osteoporosis":false,"steroids":false,"immunosuppressed":false,"injects_drugs":false,"pregnant":false,"recent_surgery":false,"bleeding_risk":false,"skin_problem_at_site":false,"falls_risk":false,"leg_weakness_worsening":false,"numbness_tingling":true,"leg_pain_below_knee":true,"arm_numbness_weakness":false,"band_pain":false,"fever":false,"weight_loss":false,"night_pain":false,"pain_on_straining":false,"lump_or_shape_change":false,"severe_unrelieved":false,"otc_not_helping":false,"affects_daily_life":true,"obvious_strain":false}`

// Kept answers come back byte for byte, packed to a small fraction of
// their JSON; rows kept before packing still read.
func TestPackedAnswers(t *testing.T) {
	packed, err := packAnswers([]byte(typicalAnswers))
	if err != nil {
		t.Fatal(err)
	}
	if len(packed) > len(typicalAnswers)/8 {
		t.Errorf("packed %d bytes into %d, want under an eighth", len(typicalAnswers), len(packed))
	}
	t.Logf("%d bytes of JSON packed into %d", len(typicalAnswers), len(packed))
	if js, err := unpackAnswers(packed); err != nil || !bytes.Equal(js, []byte(typicalAnswers)) {
		t.Fatalf("unpack = %q, %v", js, err)
	}
	if _, err := unpackAnswers([]byte{9, 1, 2}); err == nil {
		t.Error("an unknown dictionary version unpacked")
	}

	s := openTest(t)
	ctx := context.Background()
	v, id, err := s.SaveAssessment(ctx, Who{NewToken: NewToken()}, Assessment{Answers: []byte(typicalAnswers), Outcome: "therapist", Intensity: 6, RulesVersion: "r"})
	if err != nil {
		t.Fatal(err)
	}
	if a, err := s.Assessment(ctx, v, id); err != nil || string(a.Answers) != typicalAnswers {
		t.Fatalf("read back %q, %v", a.Answers, err)
	}
	if n := count(t, s, `SELECT length(answers) + length(answers_packed) FROM assessments WHERE public_id = ?`, id); n > 120 {
		t.Errorf("a kept result takes %d bytes of answers", n)
	}
	// A row from before packing: JSON in answers, nothing packed.
	if _, err := s.write.ExecContext(ctx, `INSERT INTO assessments (public_id, visitor_id, answers, outcome, intensity, rules_version) VALUES ('old1', ?, ?, 'self_care', 2, 'r')`, v.ID, typicalAnswers); err != nil {
		t.Fatal(err)
	}
	if a, err := s.Assessment(ctx, v, "old1"); err != nil || string(a.Answers) != typicalAnswers {
		t.Errorf("an old row reads %q, %v", a.Answers, err)
	}
	if _, _, err := s.SaveAssessment(ctx, Who{Visitor: v}, Assessment{Answers: []byte("not json"), Outcome: "x", RulesVersion: "r"}); err == nil {
		t.Error("answers that are not JSON were kept")
	}
}
