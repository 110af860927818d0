package app

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"image/png"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/digitorus/pkcs7"

	"prava/record"
)

// signature is a detached CMS signature of content by a self-signed
// certificate named cn, standing in for a national e-signature.
func signature(t *testing.T, content []byte, cn string) []byte {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(3), Subject: pkix.Name{CommonName: cn},
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

// links are the hyperlinks the window shows, dialogs included.
func links(u *UI) []string {
	var out []string
	walk(u, func(o fyne.CanvasObject) {
		if h, ok := o.(*widget.Hyperlink); ok {
			out = append(out, h.URL.String())
		}
	})
	return out
}

// TestSignALetter follows a Lithuanian person signing a letter: the copy
// to sign is saved as PDF/A with Lithuania's signing services offered, a
// signature of another file is refused in their words and changes
// nothing, the right one is attached and shown with what was not
// checked; once sent, the evidence PDF is exported with the signed
// letter inside. The page is also looked at in Ukrainian.
func TestSignALetter(t *testing.T) {
	u := homeUI(t, func(d *record.Data) { d.Profile.Country = "LT" })
	addPasted(t, u, seed(t, "003_667823663de3ed12.txt"))
	tap(t, u, "Save company")
	tap(t, u, "Write a request…")
	tap(t, u, "Write the letter")
	r := u.data().Requests[0]
	mustShow(t, u, "E-signature and evidence")
	button(t, u, "Attach the signed file…")
	if shows(u, "Export evidence…") {
		t.Error("evidence is offered for a request not sent")
	}

	dir := t.TempDir()
	copyPath := filepath.Join(dir, signingFileName(&r, "Costless"))
	button(t, u, "Sign with e-signature…")
	u.saveSigningCopy(r.ID, copyPath)
	u.Settle()
	copyPDF, err := os.ReadFile(copyPath)
	if err != nil || !bytes.Contains(copyPDF, []byte("pdfaid:part")) || !strings.HasSuffix(copyPath, "access to sign.pdf") {
		t.Fatalf("the copy to sign at %s: %v", copyPath, err)
	}
	if got := strings.Join(links(u), " "); !strings.Contains(got, "gosign.lt") || strings.Contains(got, "diia") {
		t.Errorf("a person in Lithuania is offered %s", got)
	}
	u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())

	other := filepath.Join(dir, "other.p7s")
	os.WriteFile(other, signature(t, []byte("%PDF-1.7 another letter"), "SOMEONE"), 0o600)
	before := u.data()
	u.attachSigned(r.ID, other)
	u.Settle()
	mustShow(t, u, "This file signs another document, not this letter")
	if u.data() != before {
		t.Error("a refused signed file changed the data")
	}
	u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())

	good := filepath.Join(dir, "letter.p7s")
	os.WriteFile(good, signature(t, copyPDF, "OLENA PETRENKO"), 0o600)
	u.attachSigned(r.ID, good)
	u.Settle()
	mustShow(t, u, "Signed by OLENA PETRENKO;")
	mustShow(t, u, "It did not check the certificate chain")
	if s := u.data().Requests[0].Signature; !s.IsSigned() || s.Signed.Name != "letter.p7s" {
		t.Fatalf("signature kept as %+v", s)
	}

	entryAfter(t, u, "On").SetText("2026-11-23")
	tap(t, u, "Mark sent")
	evidencePath := filepath.Join(dir, "evidence.pdf")
	button(t, u, "Export evidence…")
	u.exportEvidence(r.ID, evidencePath)
	u.Settle()
	if dir := os.Getenv("PRAVA_SCREENS"); dir != "" {
		if b, err := os.ReadFile(evidencePath); err == nil {
			os.WriteFile(filepath.Join(dir, "evidence.pdf"), b, 0o600)
		}
	}
	text := strings.Join(strings.Fields(pdfText(t, evidencePath)), " ")
	for _, want := range []string{r.Reference, "letter.p7s"} {
		if !strings.Contains(text, want) {
			t.Errorf("the evidence PDF lacks %q:\n%s", want, text)
		}
	}

	UseLanguage("uk")
	defer UseLanguage("en")
	u.showRequest(r.ID)
	mustShow(t, u, "Підписати електронним підписом…")
	mustShow(t, u, "Зберегти докази…")

	// With PRAVA_SCREENS=DIR, pictures of the section to look at.
	if dir := os.Getenv("PRAVA_SCREENS"); dir != "" {
		for _, code := range []string{"en", "uk", "lt", "lv"} {
			UseLanguage(code)
			for _, size := range []fyne.Size{{Width: 800, Height: 600}, {Width: 1280, Height: 800}} {
				u.win.Resize(size)
				u.showRequest(r.ID)
				u.Settle()
				var page *container.Scroll
				walk(u, func(o fyne.CanvasObject) {
					if sc, ok := o.(*container.Scroll); ok && page == nil {
						page = sc
					}
					if b, ok := o.(*widget.Button); ok && b.Text == T("sign.attach") && page != nil {
						scrollTo(page, b)
					}
				})
				f, err := os.Create(filepath.Join(dir, fmt.Sprintf("sign-%s-%.0f.png", code, size.Width)))
				if err != nil {
					t.Fatal(err)
				}
				png.Encode(f, u.win.Canvas().Capture())
				f.Close()
			}
		}
	}
}
