package cli

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/digitorus/pkcs7"
)

// TestRequestSign writes a letter, makes its copy for signing, signs it
// as a detached .p7s (a self-signed certificate standing in for Diia's),
// and attaches it; a signature of another file, a folder and a missing
// --file are refused with what to do and change nothing.
func TestRequestSign(t *testing.T) {
	const pass = "correct horse battery staple"
	vault, _ := passphraseVault(t, pass)
	cmd := func(want int, args ...string) string {
		t.Helper()
		code, out, errOut := run(t, pass+"\n", append([]string{"--vault", vault}, append(args, "--passphrase")...)...)
		if code != want {
			t.Fatalf("prava %s: exit %d, want %d\n%s%s", strings.Join(args, " "), code, want, out, errOut)
		}
		return out + errOut
	}
	cmd(exitOK, "company", "add", caseSeed)
	dir := t.TempDir()
	profileFile := filepath.Join(dir, "me.json")
	os.WriteFile(profileFile, []byte(`{"name":"Olena Petrenko","address":"вул. Хрещатик, 1\nм. Київ, 01001","email":"olena@example.org","country":"UA"}`), 0o600)
	requestID := strings.SplitN(cmd(exitOK, "request", "write", lastCompany(t, cmd), "--kind", "access", "--from", profileFile), "\n", 2)[0]

	copyFile := filepath.Join(dir, "to-sign.pdf")
	if out := cmd(exitOK, "request", "sign", requestID, "--out", copyFile); !strings.Contains(out, "ca.diia.gov.ua") ||
		!strings.Contains(out, "prava request signed "+requestID) {
		t.Fatalf("sign does not say where to sign and how to come back:\n%s", out)
	}
	copyPDF, err := os.ReadFile(copyFile)
	if err != nil || !bytes.Contains(copyPDF, []byte("pdfaid:part")) {
		t.Fatalf("the copy is not PDF/A (%v)", err)
	}
	good := filepath.Join(dir, "letter.p7s")
	os.WriteFile(good, detachedSignature(t, copyPDF), 0o600)
	other := filepath.Join(dir, "other.p7s")
	os.WriteFile(other, detachedSignature(t, []byte("%PDF-1.7 another letter")), 0o600)

	before, _ := os.ReadFile(vault)
	for _, bad := range []struct {
		args []string
		want string
	}{
		{[]string{"request", "signed", requestID}, "--file FILE"},
		{[]string{"request", "signed", requestID, "--file", other}, "another document"},
		{[]string{"request", "signed", requestID, "--file", dir}, "is a folder"},
		{[]string{"request", "signed", requestID, "--file", filepath.Join(dir, "none.p7s")}, "cannot read"},
		{[]string{"request", "sign", requestID}, "--out FILE.pdf"},
	} {
		if out := cmd(exitError, bad.args...); !strings.Contains(out, bad.want) {
			t.Errorf("%v: %s", bad.args, out)
		}
	}
	if after, _ := os.ReadFile(vault); !bytes.Equal(before, after) {
		t.Error("a refused command changed the vault")
	}
	if out := cmd(exitOK, "request", "signed", requestID, "--file", good); !strings.Contains(out, "OLENA PETRENKO") ||
		!strings.Contains(out, "not checked") {
		t.Fatalf("signed:\n%s", out)
	}
}

// detachedSignature signs content as a detached CMS by a self-signed
// certificate.
func detachedSignature(t *testing.T, content []byte) []byte {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "OLENA PETRENKO"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	sd, err := pkcs7.NewSignedData(content)
	if err != nil {
		t.Fatal(err)
	}
	if err := sd.AddSigner(cert, key, pkcs7.SignerInfoConfig{}); err != nil {
		t.Fatal(err)
	}
	sd.Detach()
	sig, err := sd.Finish()
	if err != nil {
		t.Fatal(err)
	}
	return sig
}
