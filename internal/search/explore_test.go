package search

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

type expect struct {
	q     string
	first []string
	top3  []string
}

var grid = []expect{
	{"sciatica", []string{"sciatica"}, nil},
	{"tennis ball", []string{"tennis-ball-lower-back", "tennis-ball-upper-back"}, []string{"self-massage-at-home"}},
	{"pregnant", []string{"back-pain-in-pregnancy", "prenatal-massage"}, nil},
	{"deep tissue", []string{"massage-techniques"}, nil},
	{"when to avoid", []string{"when-to-avoid-massage"}, nil},
	{"massages", nil, nil},
	{"foam rol", []string{"foam-roller-upper-back"}, nil},
	{"get help", []string{"get-help-now"}, nil},
	{"heat", []string{"heat-and-gentle-movement"}, nil},
	{"neck", []string{"neck-and-shoulders"}, nil},
	{"side effects", []string{"massage-side-effects"}, nil},
	{"therapist", []string{"finding-a-massage-therapist"}, nil},
	{"evidence", []string{"massage-evidence"}, nil},
	{"golf ball", []string{"tennis-ball-upper-back"}, nil},
	{"reflexology", []string{"foot-massage-and-reflexology"}, nil},
	{"massage gun", []string{"handheld-massager"}, nil},
	{"how many sessions", []string{"how-many-massage-sessions"}, nil},
	{"fibromyalgia", []string{"back-pain-with-fibromyalgia-or-cancer"}, nil},
}

func TestExplore(t *testing.T) {
	ix := contentIx(t)
	best := 0
	for _, t0 := range []float64{4, 6, 10} {
		for _, s0 := range []float64{2, 3, 5} {
			for _, g0 := range []float64{1, 2, 4} {
				for _, b0 := range []float64{1, 2} {
					for _, tb := range []float64{1, 2, 3} {
						for _, sb := range []float64{0.5, 1, 1.5} {
							for _, gb := range []float64{0, 0.5} {
								for _, ab := range []float64{0, 0.3, 0.6} {
									w := weights{[4]float64{t0, s0, g0, b0}, tb, sb, gb, ab}
									ix.setWeights(w)
									pass := 0
									var fails []string
									for _, e := range grid {
										r, _ := ix.Search(context.Background(), e.q, 3)
										var slugs []string
										for _, h := range r.Hits {
											slugs = append(slugs, h.Slug)
										}
										ok := len(slugs) > 0 && (e.first == nil || slices.Contains(e.first, slugs[0]))
										for _, x := range e.top3 {
											ok = ok && slices.Contains(slugs, x)
										}
										if ok {
											pass++
										} else {
											fails = append(fails, e.q+":"+strings.Join(slugs, ","))
										}
									}
									_ = best
									fmt.Println("R", pass, w, fails)
								}
							}
						}
					}
				}
			}
		}
	}
	ix.setWeights(defaultWeights)
}
