package store

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"backwise/migrations"
)

// BenchmarkSaveLatency saves results one after another, as one client
// would, and reports the median and the 99th percentile: the log's
// checkpoints used to land inside a save every few hundred, making the
// p99 many times the median (make bench; docs/performance.md).
func BenchmarkSaveLatency(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"), migrations.FS)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	a := Assessment{Answers: []byte(`{"age":40,"duration":"2_to_6_weeks","back_pain_before":true,"intensity":5,"location":["lower"],"trend":"same","bladder_bowel_change":false,"saddle_numbness":false,"both_legs":false,"walking_difficulty":false,"chest_pain":false,"tearing_pain":false,"faint_or_clammy":false,"major_trauma":false,"cancer":false,"osteoporosis":false,"steroids":false,"immunosuppressed":false,"injects_drugs":false,"pregnant":false,"recent_surgery":false,"bleeding_risk":false,"skin_problem_at_site":false,"falls_risk":false,"leg_weakness_worsening":false,"numbness_tingling":false,"leg_pain_below_knee":false,"fever":false,"weight_loss":false,"night_pain":false,"severe_unrelieved":false,"otc_not_helping":false,"affects_daily_life":false}`),
		Outcome: "self_care", Intensity: 5, RulesVersion: "bench"}
	var ds []time.Duration
	for b.Loop() {
		t0 := time.Now()
		if _, _, err := s.SaveAssessment(ctx, Who{NewToken: NewToken()}, a); err != nil {
			b.Fatal(err)
		}
		ds = append(ds, time.Since(t0))
	}
	slices.Sort(ds)
	p50, p99 := ds[len(ds)/2], ds[len(ds)*99/100]
	b.ReportMetric(float64(p50.Microseconds()), "p50-µs")
	b.ReportMetric(float64(p99.Microseconds()), "p99-µs")
	b.ReportMetric(float64(p99)/float64(p50), "p99/p50")
}
