package policy

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// policyServer serves pages for the URL tests on a local port.
func policyServer(t *testing.T) *httptest.Server {
	t.Helper()
	seed, err := os.ReadFile(filepath.Join("testdata", "policies", "en_shop.html"))
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/privacy", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(seed)
	})
	mux.HandleFunc("/cp1251", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=windows-1251")
		w.Write([]byte("\xcf\xee\xeb\xb3\xf2\xe8\xea\xe0 \xea\xee\xed\xf4\xb3\xe4\xe5\xed\xf6\xb3\xe9\xed\xee\xf1\xf2\xb3")) // Політика конфіденційності
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/privacy", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/logo.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		chunk := []byte(strings.Repeat("policy text ", 1000))
		for written := 0; written <= MaxInputBytes; written += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(func() { close(release); srv.Close() })
	return srv
}

func TestFetch(t *testing.T) {
	srv := policyServer(t)
	for _, path := range []string{"/privacy", "/moved"} {
		src, err := Fetch(context.Background(), srv.Client(), srv.URL+path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		f := Analyze(src.Text)
		if f.Controller == nil || *f.Controller != "Northwind Books Ltd" || src.Format != FormatHTML {
			t.Errorf("%s: controller %v, format %s", path, show(f.Controller), src.Format)
		}
	}
	src, err := Fetch(context.Background(), srv.Client(), srv.URL+"/cp1251")
	if err != nil || src.Text != "Політика конфіденційності" {
		t.Errorf("cp1251 page: %q, %v", src.Text, err)
	}
}

func TestFetchErrors(t *testing.T) {
	srv := policyServer(t)
	cases := []struct {
		url   string
		words string
	}{
		{srv.URL + "/missing", "404"},
		{srv.URL + "/logo.png", "image/png"},
		{srv.URL + "/slow", "did not answer in time"},
		{srv.URL + "/huge", "too large"},
		{"ftp://example.org/policy", "not an http(s) address"},
		{"http://", "not an http(s) address"},
		{"http://127.0.0.1:1/policy", "check the address"},
	}
	for _, c := range cases {
		t.Run(c.url, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
			defer cancel()
			_, err := Fetch(ctx, srv.Client(), c.url)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), c.words) {
				t.Errorf("error %q does not say %q", err, c.words)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	html := filepath.Join(dir, "policy.htm")
	os.WriteFile(html, []byte("<p>Controller: <b>Acme SIA</b></p><p>E-mail: info@acme.lv</p>"), 0o600)
	src, err := Load(context.Background(), html, nil)
	if err != nil || src.Format != FormatHTML || !strings.Contains(src.Text, "info@acme.lv") {
		t.Errorf("html file: %+v, %v", src, err)
	}
	src, err = Load(context.Background(), "-", strings.NewReader("Privacy policy. Write to privacy@acme.lv."))
	if err != nil || src.Location != "-" || Analyze(src.Text).Emails[0] != "privacy@acme.lv" {
		t.Errorf("stdin: %+v, %v", src, err)
	}
	for path, words := range map[string]string{
		filepath.Join(dir, "nope.txt"): "no file",
		dir:                            "is a folder",
	} {
		_, err := Load(context.Background(), path, nil)
		if err == nil || !strings.Contains(err.Error(), words) {
			t.Errorf("%s: error %v, want %q", path, err, words)
		}
	}
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o600)
	if _, err := Load(context.Background(), empty, nil); !errors.Is(err, ErrEmpty) || !strings.Contains(err.Error(), empty) {
		t.Errorf("empty file: %v", err)
	}
}
