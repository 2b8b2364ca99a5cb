package config

import (
	"errors"
	"flag"
	"io"
	"strings"
	"testing"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestDefaults(t *testing.T) {
	c, err := ParseServe(nil, env(nil), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "localhost:8080" || c.DBPath != "data/backwise.db" || c.LogFormat != "text" || c.Dev || c.BaseURL != "" {
		t.Errorf("defaults = %+v", c)
	}
}

func TestEnvThenFlags(t *testing.T) {
	e := env(map[string]string{"BACKWISE_ADDR": "127.0.0.1:9000", "BACKWISE_DB": "/tmp/x.db", "BACKWISE_BASE_URL": "https://backwise.example/"})
	c, err := ParseServe(nil, e, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "127.0.0.1:9000" || c.DBPath != "/tmp/x.db" || c.BaseURL != "https://backwise.example" {
		t.Errorf("from env = %+v", c)
	}
	c, err = ParseServe([]string{"-addr", ":7000", "-log-format", "json", "-dev"}, e, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != ":7000" || c.LogFormat != "json" || !c.Dev {
		t.Errorf("flags over env = %+v", c)
	}
}

func TestRejects(t *testing.T) {
	for _, args := range [][]string{
		{"-log-format", "xml"},
		{"-base-url", "backwise.example"},
		{"-base-url", "https://backwise.example/path"},
		{"-addr", ""},
		{"extra"},
		{"-nope"},
		{"-secure", "maybe"},
		{"-trusted-proxy", "proxy.example"},
		{"-restore-limit", "0"},
	} {
		if _, err := ParseServe(args, env(nil), io.Discard); err == nil {
			t.Errorf("ParseServe(%q) accepted", args)
		}
	}
}

func TestHelpDescribesFlags(t *testing.T) {
	var out strings.Builder
	_, err := ParseServe([]string{"-help"}, env(nil), &out)
	if !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("err = %v", err)
	}
	for _, want := range []string{"-addr", "BACKWISE_ADDR", "-db", "-base-url", "-log-format", "-dev"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("help lacks %q", want)
		}
	}
}

func TestParseBaseURL(t *testing.T) {
	for in, want := range map[string]string{
		"":                          "",
		"https://backwise.example":  "https://backwise.example",
		"https://backwise.example/": "https://backwise.example",
		"http://127.0.0.1:8080":     "http://127.0.0.1:8080",
	} {
		if got, err := ParseBaseURL(in); err != nil || got != want {
			t.Errorf("ParseBaseURL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"backwise.example", "https://backwise.example/path", "ftp://backwise.example", "https://"} {
		if got, err := ParseBaseURL(in); err == nil {
			t.Errorf("ParseBaseURL(%q) = %q, want an error", in, got)
		}
	}
}

func TestSecureAndProxies(t *testing.T) {
	c, err := ParseServe([]string{"-base-url", "https://backwise.example"}, env(nil), io.Discard)
	if err != nil || !c.Secure {
		t.Errorf("an https base URL: Secure = %v, %v", c.Secure, err)
	}
	c, err = ParseServe([]string{"-base-url", "https://backwise.example", "-secure", "false"}, env(nil), io.Discard)
	if err != nil || c.Secure {
		t.Errorf("-secure false: Secure = %v, %v", c.Secure, err)
	}
	c, err = ParseServe(nil, env(map[string]string{"BACKWISE_SECURE": "true", "BACKWISE_TRUSTED_PROXY": "127.0.0.1, 10.0.0.0/8,::1"}), io.Discard)
	if err != nil || !c.Secure || len(c.TrustedProxies) != 3 || c.TrustedProxies[0].String() != "127.0.0.1/32" || c.TrustedProxies[1].String() != "10.0.0.0/8" {
		t.Errorf("from env: %+v, %v", c, err)
	}
	if c, _ := ParseServe(nil, env(nil), io.Discard); c.Secure || len(c.TrustedProxies) != 0 || c.RestoreLimit != 5 {
		t.Errorf("defaults: %+v", c)
	}
}
