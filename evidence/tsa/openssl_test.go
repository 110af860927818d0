package tsa

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"prava/internal/testpki"
)

// openssl returns the openssl binary, or skips: it is the independent
// implementation the tokens are checked against.
func openssl(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("openssl")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("openssl is not installed; scripts/setup.sh should install it")
		}
		t.Skip("openssl is not installed")
	}
	return p
}

const tsaConf = `[ tsa ]
default_tsa = tsa1
[ tsa1 ]
serial = ./serial
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`

// TestStampFromOpenSSLTSA runs the check: a TSA made with
// "openssl ts -reply" behind local HTTP, asked by Client.
func TestStampFromOpenSSLTSA(t *testing.T) {
	bin := openssl(t)
	dir := t.TempDir()
	root := testpki.Root(t, "OpenSSL TSA Root")
	tsaCert := testpki.TSA(t, root, "OpenSSL TSA")
	for name, data := range map[string][]byte{"tsa.cnf": []byte(tsaConf), "serial": []byte("01\n"),
		"tsa.pem": tsaCert.PEM(), "tsa.key": tsaCert.KeyPEM(), "root.pem": root.PEM()} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q, _ := io.ReadAll(r.Body)
		if err := os.WriteFile(filepath.Join(dir, "req.tsq"), q, 0o600); err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		cmd := exec.Command(bin, "ts", "-reply", "-config", "tsa.cnf", "-queryfile", "req.tsq",
			"-signer", "tsa.pem", "-inkey", "tsa.key", "-out", "resp.tsr")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("openssl ts -reply: %v\n%s", err, out)
			http.Error(w, "openssl failed", 500)
			return
		}
		resp, _ := os.ReadFile(filepath.Join(dir, "resp.tsr"))
		_, _ = w.Write(resp)
	}))
	defer srv.Close()

	sum := sha256.Sum256([]byte("a reply from the company"))
	tok, err := (&Client{URL: srv.URL, Roots: root.Pool()}).Stamp(context.Background(), sum[:])
	if err != nil {
		t.Fatal(err)
	}
	if !tok.Trusted || tok.Policy != "1.2.3.4.1" || tok.Serial == "" {
		t.Fatalf("openssl token: trusted %v policy %s serial %q", tok.Trusted, tok.Policy, tok.Serial)
	}
	verifyWithOpenSSL(t, bin, dir, tok.DER, sum[:], true)
}

// TestOpenSSLVerifiesOurToken reads a token from Prava's TSA path back
// with openssl, as the authority would, and sees openssl refuse it for
// another hash.
func TestOpenSSLVerifiesOurToken(t *testing.T) {
	bin := openssl(t)
	dir := t.TempDir()
	root := testpki.Root(t, "Root")
	srv := testpki.ServeTSA(t, testpki.TSA(t, root, "TSA"))
	if err := os.WriteFile(filepath.Join(dir, "root.pem"), root.PEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte("the letter"))
	tok, err := (&Client{URL: srv.URL, Roots: root.Pool()}).Stamp(context.Background(), sum[:])
	if err != nil {
		t.Fatal(err)
	}
	verifyWithOpenSSL(t, bin, dir, tok.DER, sum[:], true)
	other := sha256.Sum256([]byte("not the letter"))
	verifyWithOpenSSL(t, bin, dir, tok.DER, other[:], false)
}

func verifyWithOpenSSL(t *testing.T, bin, dir string, token, sum []byte, want bool) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "token.tst"), token, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "ts", "-verify", "-token_in", "-in", "token.tst", "-digest", hex.EncodeToString(sum), "-CAfile", "root.pem")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	ok := err == nil && bytes.Contains(out, []byte("Verification: OK"))
	if ok != want {
		t.Fatalf("openssl ts -verify = %v, want %v:\n%s", ok, want, strings.TrimSpace(string(out)))
	}
}
