package web

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"backwise/internal/paths"
	"backwise/internal/triage"
)

// The questionnaire keeps the answers between its pages in the visitor's
// own browser: an encrypted, HttpOnly, SameSite=Strict cookie that only
// this server can read. Nothing reaches the database unless the visitor
// keeps the result, and no answer ever appears in a URL or a log.

// checkCookie is the cookie that carries the answers in progress.
const checkCookie = "bw_check"

// maxCheckCookie keeps the cookie under the 4 KB browsers promise to store.
const maxCheckCookie = 3800

// checkSessionLife is how long answers in progress are kept: long enough to
// finish with a break, short enough that a shared computer forgets them.
const checkSessionLife = 12 * time.Hour

// sessionKeyName names the AES key in the database's secrets table.
const sessionKeyName = "check-session-aes-256"

// checkSession is what the cookie holds.
type checkSession struct {
	Answers json.RawMessage `json:"a,omitempty"` // triage.Answers as JSON
	Flash   *checkFlash     `json:"f,omitempty"` // one page's rejected input, shown once
	Expires int64           `json:"e"`           // Unix seconds
}

// checkFlash carries a page's rejected input and its errors through the
// redirect, so the page can show them after a 303 like any other GET.
type checkFlash struct {
	Page   string              `json:"p"`
	Values map[string][]string `json:"v,omitempty"`
	Errors []triage.FieldError `json:"x"`
}

// sealer encrypts and authenticates session cookies with AES-256-GCM.
type sealer struct{ aead cipher.AEAD }

func newSealer(key []byte) (*sealer, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &sealer{aead: aead}, nil
}

// ephemeralSealer is used when the database cannot give a lasting key (a
// read-only database without one): answers in progress are then lost on a
// restart, which is harmless.
func ephemeralSealer() *sealer {
	key := make([]byte, 32)
	rand.Read(key)
	s, _ := newSealer(key)
	return s
}

func (s *sealer) seal(plain []byte) string {
	nonce := make([]byte, s.aead.NonceSize())
	rand.Read(nonce)
	out := s.aead.Seal(nonce, nonce, plain, []byte(checkCookie))
	return base64.RawURLEncoding.EncodeToString(out)
}

func (s *sealer) open(value string) ([]byte, error) {
	raw, err := base64.RawURLEncoding.DecodeString(value)
	if err != nil || len(raw) < s.aead.NonceSize() {
		return nil, errors.New("web: malformed session")
	}
	nonce, box := raw[:s.aead.NonceSize()], raw[s.aead.NonceSize():]
	return s.aead.Open(nil, nonce, box, []byte(checkCookie))
}

// loadCheck reads the answers in progress. A missing, tampered, expired or
// outdated cookie gives an empty session: the visitor starts again, which
// is always safe. present says whether the browser sent the cookie at all.
func (s *Server) loadCheck(r *http.Request) (sess checkSession, answers triage.Answers, present bool) {
	c, err := s.transport.cookie(r, checkCookie, false)
	if err != nil {
		return checkSession{}, triage.Answers{}, false
	}
	plain, err := s.sessions.open(c.Value)
	if err != nil || json.Unmarshal(plain, &sess) != nil || time.Unix(sess.Expires, 0).Before(s.now()) {
		return checkSession{}, triage.Answers{}, true
	}
	if len(sess.Answers) > 0 {
		a, errs, err := triage.DecodeAnswers(sess.Answers)
		if err != nil || len(errs) > 0 {
			// Answers to questions that have since changed.
			return checkSession{}, triage.Answers{}, true
		}
		answers = a.Prune()
	}
	return sess, answers, true
}

// saveCheck writes the session back. A flash too big for a cookie loses
// the visitor's rejected input but keeps the error messages.
func (s *Server) saveCheck(w http.ResponseWriter, r *http.Request, answers triage.Answers, flash *checkFlash) error {
	raw, err := json.Marshal(answers)
	if err != nil {
		return err
	}
	sess := checkSession{Answers: raw, Flash: flash, Expires: s.now().Add(checkSessionLife).Unix()}
	value, err := s.encodeCheck(sess)
	if err != nil {
		return err
	}
	if len(value) > maxCheckCookie && flash != nil {
		flash.Values = nil
		if value, err = s.encodeCheck(sess); err != nil {
			return err
		}
	}
	if len(value) > maxCheckCookie {
		return errFormTooLarge
	}
	s.transport.setCookie(w, r, &http.Cookie{
		Name: checkCookie, Value: value, Path: paths.Check, HttpOnly: true,
		SameSite: http.SameSiteStrictMode,
	})
	return nil
}

func (s *Server) encodeCheck(sess checkSession) (string, error) {
	plain, err := json.Marshal(sess)
	if err != nil {
		return "", err
	}
	return s.sessions.seal(plain), nil
}
