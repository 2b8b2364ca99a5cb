package store

import (
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"sync"
)

// Kept answers are JSON, the form the API takes, so a result can be
// re-evaluated under newer rules. Stored as is, the key names are most of
// the database. Deflate with a preset dictionary holding those names (and
// the usual values) shrinks a typical set from ~800 bytes to ~30, with
// the standard library alone, and the JSON comes back byte for byte.
//
// The first byte says which dictionary packed it. A dictionary never
// changes once rows use it: new questions get a new version.
const packV1 = 1

// answersDictV1 is the answers of the questionnaire's 2026-12-01 rules,
// every key with a typical value, then the follow-ups and other values.
// Frozen: rows packed with it must always unpack.
var answersDictV1 = []byte(`"neck_sudden_headache":false,"neck_nerve_signs":false,"neck_fever_stiff":false,"neck_clumsy_hands":false,` +
	`"cancer_status":"treated_over_5_years","cancer_status":"current_or_recent","cancer_status":"in_bones","spine_tenderness":false,` +
	`"pregnancy_heavy_bleeding":false,"pregnancy_bleeding":false,"pregnancy_contractions":false,"pregnancy_fluid":false,` +
	`"pregnancy_fever_or_peeing":false,"pregnancy_side_pain":false,"pregnancy_baby_moves_less":false,"pregnancy_headache_vision":false,` +
	`"minor_fall":false,"cough_or_lift":false,"obvious_strain":true,"obvious_strain":false,` +
	`"duration":"3_days_to_2_weeks","duration":"2_to_6_weeks","duration":"6_to_12_weeks","duration":"over_12_weeks",` +
	`"trend":"worse","trend":"same","location":["lower","middle","upper","neck_shoulder","buttock_leg"],":true,` +
	`{"bladder_bowel_change":false,"saddle_numbness":false,"both_legs":false,"walking_difficulty":false,"chest_pain":false,` +
	`"tearing_pain":false,"faint_or_clammy":false,"major_trauma":false,"age":35,"duration":"under_3_days","back_pain_before":true,` +
	`"location":["lower"],"trend":"improving","intensity":3,"cancer":false,"osteoporosis":false,"steroids":false,` +
	`"immunosuppressed":false,"injects_drugs":false,"pregnant":false,"recent_surgery":false,"bleeding_risk":false,` +
	`"skin_problem_at_site":false,"falls_risk":false,"leg_weakness_worsening":false,"numbness_tingling":false,` +
	`"leg_pain_below_knee":false,"arm_numbness_weakness":false,"band_pain":false,"fever":false,"weight_loss":false,` +
	`"night_pain":false,"pain_on_straining":false,"lump_or_shape_change":false,"severe_unrelieved":false,` +
	`"otc_not_helping":false,"affects_daily_life":false}`)

// A flate writer is about 600 KB to set up, far more than the few bytes it
// packs: a few are kept and Reset, which keeps the dictionary (measured: a
// save went from 64 to 171 µs without reuse). They are kept in a channel,
// not a sync.Pool: every garbage collection empties a pool, and making a
// new writer after each one was 8% of a save's allocated bytes, which
// brought the next collection closer.
const sparePackers = 8

var (
	packers   = make(chan *flate.Writer, sparePackers)
	unpackers = sync.Pool{New: func() any { return flate.NewReaderDict(bytes.NewReader(nil), answersDictV1) }}
)

func getPacker() *flate.Writer {
	select {
	case w := <-packers:
		return w
	default:
		w, err := flate.NewWriterDict(io.Discard, flate.DefaultCompression, answersDictV1)
		if err != nil {
			panic(err) // only for an invalid level, which this is not
		}
		return w
	}
}

func putPacker(w *flate.Writer) {
	select {
	case packers <- w:
	default: // enough spares already
	}
}

// packAnswers deflates JSON answers with the current dictionary.
func packAnswers(js []byte) ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte(packV1)
	w := getPacker()
	defer putPacker(w)
	w.Reset(&b)
	if _, err := w.Write(js); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// maxAnswersJSON bounds unpacking: no stored answers are near this.
const maxAnswersJSON = 64 << 10

var errUnknownPacking = errors.New("store: answers packed with an unknown dictionary")

// unpackAnswers restores the JSON packAnswers packed.
func unpackAnswers(packed []byte) ([]byte, error) {
	if len(packed) == 0 || packed[0] != packV1 {
		return nil, errUnknownPacking
	}
	r := unpackers.Get().(io.ReadCloser)
	defer unpackers.Put(r)
	if err := r.(flate.Resetter).Reset(bytes.NewReader(packed[1:]), answersDictV1); err != nil {
		return nil, fmt.Errorf("store: unpack answers: %w", err)
	}
	js, err := io.ReadAll(io.LimitReader(r, maxAnswersJSON+1))
	if err != nil {
		return nil, fmt.Errorf("store: unpack answers: %w", err)
	}
	if len(js) > maxAnswersJSON {
		return nil, errors.New("store: unpacked answers too large")
	}
	return js, nil
}
