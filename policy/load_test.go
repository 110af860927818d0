package policy

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
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
	mux.HandleFunc("/to", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("u"), http.StatusFound)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
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
			// Only the slow page waits for the deadline; the others must
			// fail on their own, also under the race detector, which makes
			// reading the huge page take over a second.
			limit := 30 * time.Second
			if strings.HasSuffix(c.url, "/slow") {
				limit = 500 * time.Millisecond
			}
			ctx, cancel := context.WithTimeout(context.Background(), limit)
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

// TestRedirectsStayPublic: a page may not redirect Prava to a loopback,
// private or link-local address (the audit's /tolocal, /tolocal6, /tometa),
// nor to another scheme; a redirect within the address the person gave is
// followed. The internal server must never be asked.
func TestRedirectsStayPublic(t *testing.T) {
	var asked atomic.Int32
	internal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("Internal Corp privacy policy. Controller: Internal Corp."))
	}))
	defer internal.Close()
	_, port, _ := net.SplitHostPort(internal.Listener.Addr().String())
	srv := policyServer(t)
	redirect := func(to string) string {
		return srv.URL + "/to?u=" + url.QueryEscape(to)
	}
	for _, c := range []struct{ to, words string }{
		{internal.URL + "/secret", "local or private network address"},
		{"http://localhost:" + port + "/secret", "local or private network address"},
		{"http://[::1]:" + port + "/secret", "local or private network address"},
		{"http://169.254.169.254/latest/meta-data/", "local or private network address"},
		{"http://10.1.2.3/", "local or private network address"},
		{"http://[fe80::1]/", "local or private network address"},
		{"http://[::ffff:127.0.0.1]:" + port + "/", "local or private network address"},
		{"file:///etc/passwd", "does not follow"},
		{"ftp://example.org/policy", "does not follow"},
		{srv.URL + "/loop", "stopped after 10 redirects"},
	} {
		for name, client := range map[string]*http.Client{"Prava's client": nil, "a test client": srv.Client()} {
			_, err := Fetch(context.Background(), client, redirect(c.to))
			if err == nil || !strings.Contains(err.Error(), c.words) {
				t.Errorf("%s, redirect to %s: %v; want %q", name, c.to, err, c.words)
			}
		}
	}
	if n := asked.Load(); n != 0 {
		t.Errorf("the internal server was asked %d times", n)
	}
	// Within the address the person gave, redirects are followed, also on
	// a loopback address, which the person chose.
	if _, err := Fetch(context.Background(), nil, srv.URL+"/moved"); err != nil {
		t.Errorf("redirect within the same server: %v", err)
	}
	if _, err := Fetch(context.Background(), nil, internal.URL+"/direct"); err != nil || asked.Load() != 1 {
		t.Errorf("a local address given directly: %v", err)
	}
}

// TestFetchStopsEarly: a page that announces more than Prava reads is
// refused at once with its size; a cancelled download stops at once.
func TestFetchStopsEarly(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Content-Length", "1000000000000")
		w.WriteHeader(http.StatusOK)
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	}))
	defer srv.Close()
	start := time.Now()
	_, err := Fetch(context.Background(), nil, srv.URL)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "953674.3 MB") || time.Since(start) > 2*time.Second {
		t.Errorf("announced 1 TB: %v after %v", err, time.Since(start))
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start = time.Now()
	_, err = Fetch(ctx, nil, policyServer(t).URL+"/slow")
	if err == nil || !strings.Contains(err.Error(), "cancelled") || time.Since(start) > 2*time.Second {
		t.Errorf("cancelled download: %v after %v", err, time.Since(start))
	}
}

// TestReadOnlyRegularFiles: a device is refused at once, and so is a file
// larger than Prava reads, with its real size; a cancelled read stops.
func TestReadOnlyRegularFiles(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	f, _ := os.Create(big)
	f.Truncate(200 << 20)
	f.Close()
	if _, err := ReadFile(big); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "200.0 MB") {
		t.Errorf("200 MB file: %v", err)
	}
	if _, err := os.Stat(os.DevNull); err == nil {
		if _, err := ReadFile(os.DevNull); err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("%s: %v", os.DevNull, err)
		}
	}
	small := filepath.Join(dir, "p.txt")
	os.WriteFile(small, []byte("Privacy policy of Acme SIA."), 0o600)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ReadFileContext(ctx, small); err == nil || !strings.Contains(err.Error(), "cancelled") {
		t.Errorf("cancelled read: %v", err)
	}
	if _, err := Load(ctx, "-", strings.NewReader("Privacy policy of Acme SIA.")); err == nil {
		t.Error("cancelled read of standard input succeeded")
	}
}
