package triage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// The JSON API must reject duplicate keys, which encoding/json silently
// accepts (the last one wins). So requests are read token by token into this
// small tree, which records duplicates and caps nesting depth before any
// answer is looked at.

type jsonKind int

const (
	jsonNull jsonKind = iota
	jsonBool
	jsonNumber
	jsonString
	jsonArray
	jsonObject
)

type jsonNode struct {
	kind   jsonKind
	b      bool
	num    json.Number
	str    string
	items  []jsonNode
	fields map[string]jsonNode
	keys   []string // object keys in document order, first occurrence only
	dups   []string // keys seen more than once, in document order
}

// maxJSONDepth is well above what a valid request needs (object, answers
// object, location array: 3) and low enough that hostile nesting is cheap.
const maxJSONDepth = 8

var errTooDeep = errors.New("triage: JSON is nested too deeply")

// parseJSON reads exactly one JSON value from data and rejects anything after
// it.
func parseJSON(data []byte) (jsonNode, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	n, err := readNode(dec, 1)
	if err != nil {
		return jsonNode{}, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return jsonNode{}, errors.New("triage: unexpected data after the JSON value")
	}
	return n, nil
}

func readNode(dec *json.Decoder, depth int) (jsonNode, error) {
	tok, err := dec.Token()
	if err != nil {
		return jsonNode{}, malformed(err)
	}
	switch t := tok.(type) {
	case json.Delim:
		if depth > maxJSONDepth {
			return jsonNode{}, errTooDeep
		}
		if t == '[' {
			return readArray(dec, depth)
		}
		if t == '{' {
			return readObject(dec, depth)
		}
		return jsonNode{}, fmt.Errorf("triage: malformed JSON: unexpected %q", t)
	case bool:
		return jsonNode{kind: jsonBool, b: t}, nil
	case json.Number:
		return jsonNode{kind: jsonNumber, num: t}, nil
	case string:
		return jsonNode{kind: jsonString, str: t}, nil
	case nil:
		return jsonNode{kind: jsonNull}, nil
	}
	return jsonNode{}, fmt.Errorf("triage: malformed JSON: unexpected token %v", tok)
}

func readArray(dec *json.Decoder, depth int) (jsonNode, error) {
	n := jsonNode{kind: jsonArray}
	for dec.More() {
		item, err := readNode(dec, depth+1)
		if err != nil {
			return jsonNode{}, err
		}
		n.items = append(n.items, item)
	}
	if _, err := dec.Token(); err != nil { // the closing ']'
		return jsonNode{}, malformed(err)
	}
	return n, nil
}

func readObject(dec *json.Decoder, depth int) (jsonNode, error) {
	n := jsonNode{kind: jsonObject, fields: map[string]jsonNode{}}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return jsonNode{}, malformed(err)
		}
		key, ok := tok.(string)
		if !ok {
			return jsonNode{}, errors.New("triage: malformed JSON: object key is not a string")
		}
		val, err := readNode(dec, depth+1)
		if err != nil {
			return jsonNode{}, err
		}
		if _, seen := n.fields[key]; seen {
			n.dups = append(n.dups, key)
			continue
		}
		n.fields[key] = val
		n.keys = append(n.keys, key)
	}
	if _, err := dec.Token(); err != nil { // the closing '}'
		return jsonNode{}, malformed(err)
	}
	return n, nil
}

func malformed(err error) error {
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	return fmt.Errorf("triage: malformed JSON: %w", err)
}

func (n jsonNode) isDup(key string) bool {
	for _, d := range n.dups {
		if d == key {
			return true
		}
	}
	return false
}
