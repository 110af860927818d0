package signed

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/digitorus/pkcs7"

	"prava/internal/testpki"
)

const letterPDF = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" +
	"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\nxref\n0 3\n0000000000 65535 f \n" +
	"0000000015 00000 n \n0000000064 00000 n \ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n113\n%%EOF\n"

func letter(n int) []byte {
	return []byte(strings.Replace(letterPDF, "/Count 0", fmt.Sprintf("/Count %d", n), 1))
}

// asice builds a container as eParaksts or Dokobit would lay it out, with
// a XAdES file whose reference digests digested.
func asice(t testing.TB, docs map[string][]byte, digested []byte, signer testpki.Cert, withSig bool) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	put := func(name string, data []byte, m uint16) {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: m})
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write(data)
	}
	put("mimetype", []byte("application/vnd.etsi.asic-e+zip"), zip.Store)
	for name, d := range docs {
		put(name, d, zip.Deflate)
	}
	put("META-INF/manifest.xml", []byte(`<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>`), zip.Deflate)
	if withSig {
		sum := sha256.Sum256(digested)
		sig := `<?xml version="1.0" encoding="UTF-8"?><asic:XAdESSignatures xmlns:asic="http://uri.etsi.org/02918/v1.2.1#" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">` +
			`<ds:Signature Id="S0"><ds:SignedInfo><ds:Reference Id="r1" URI="letter%20LV.pdf"><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>` +
			`<ds:DigestValue>` + base64.StdEncoding.EncodeToString(sum[:]) + `</ds:DigestValue></ds:Reference></ds:SignedInfo>` +
			`<ds:SignatureValue>AAAA</ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate>` +
			base64.StdEncoding.EncodeToString(signer.Cert.Raw) + `</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature></asic:XAdESSignatures>`
		put("META-INF/signatures0.xml", []byte(sig), zip.Deflate)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestASiCE(t *testing.T) {
	root := testpki.Root(t, "Test eID CA")
	person := testpki.Signer(t, root, "ANNA BERZINA")
	ours := letter(1)
	m, err := Check("letter.edoc", asice(t, map[string][]byte{"letter LV.pdf": ours}, ours, person, true), ours)
	if err != nil {
		t.Fatal(err)
	}
	want := sha256.Sum256(ours)
	if m.Format != ASiCE || m.Document != "letter LV.pdf" || m.SHA256 != hex.EncodeToString(want[:]) ||
		len(m.Signers) != 1 || !strings.Contains(m.Signers[0], "ANNA BERZINA") || m.SignatureChecked {
		t.Fatalf("match %+v", m)
	}
	if !strings.Contains(m.Unchecked, "not") {
		t.Fatalf("the match does not say what was not checked: %q", m.Unchecked)
	}
	for name, c := range map[string]struct {
		file  []byte
		want  string
		other bool
	}{
		"another letter":  {asice(t, map[string][]byte{"letter LV.pdf": letter(2)}, letter(2), person, true), "another document", true},
		"two documents":   {asice(t, map[string][]byte{"letter LV.pdf": ours, "extra.pdf": letter(3)}, ours, person, true), "holds 2 documents", false},
		"digest of other": {asice(t, map[string][]byte{"letter LV.pdf": ours}, letter(2), person, true), "made over a different", true},
		"unsigned":        {asice(t, map[string][]byte{"letter LV.pdf": ours}, ours, person, false), "no signature", false},
	} {
		_, err := Check(name+".asice", c.file, ours)
		if err == nil || !strings.Contains(err.Error(), c.want) || errors.Is(err, ErrOtherDocument) != c.other {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// signPDF appends a PAdES-style incremental update with a detached CMS
// signature over the byte range, as a signing service does.
func signPDF(t testing.TB, pdf []byte, signer testpki.Cert) []byte {
	t.Helper()
	const holder = 8192
	head := fmt.Sprintf("\n3 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 %010d %010d %010d] /Contents <", 0, 0, 0)
	tail := ">\n>>\nendobj\n%%EOF\n"
	out := append(append([]byte{}, pdf...), head...)
	b := len(out) - 1 // the '<' is outside the first range
	out = append(out, bytes.Repeat([]byte("0"), holder)...)
	c := len(out) + 1
	out = append(out, tail...)
	d := len(out) - c
	br := fmt.Sprintf("/ByteRange [0 %010d %010d %010d]", b, c, d)
	copy(out[bytes.Index(out, []byte("/ByteRange")):], br)
	signedBytes := append(append([]byte{}, out[:b]...), out[c:]...)
	sd, err := pkcs7.NewSignedData(signedBytes)
	if err != nil {
		t.Fatal(err)
	}
	if err := sd.AddSigner(signer.Cert, signer.Key, pkcs7.SignerInfoConfig{}); err != nil {
		t.Fatal(err)
	}
	sd.Detach()
	der, err := sd.Finish()
	if err != nil {
		t.Fatal(err)
	}
	hx := hex.EncodeToString(der)
	copy(out[b+1:], hx)
	return out
}

func TestSignedPDF(t *testing.T) {
	root := testpki.Root(t, "Test eID CA")
	person := testpki.Signer(t, root, "JONAS JONAITIS")
	ours := letter(1)
	signedPDF := signPDF(t, ours, person)
	m, err := Check("letter-signed.pdf", signedPDF, ours)
	if err != nil {
		t.Fatal(err)
	}
	if m.Format != PDF || !m.SignatureChecked || !strings.Contains(m.Signers[0], "JONAS") {
		t.Fatalf("match %+v", m)
	}
	if _, err := Check("x.pdf", signPDF(t, letter(2), person), ours); !errors.Is(err, ErrOtherDocument) {
		t.Errorf("another letter signed: %v", err)
	}
	// A byte of the signed update changed after signing.
	bad := bytes.Replace(signedPDF, []byte("/Adobe.PPKLite"), []byte("/Adobe.PPKLitE"), 1)
	if _, err := Check("x.pdf", bad, ours); err == nil || !strings.Contains(err.Error(), "other bytes") {
		t.Errorf("changed after signing: %v", err)
	}
	if _, err := Check("x.pdf", ours, ours); err == nil || !strings.Contains(err.Error(), "no signature was added") {
		t.Errorf("unsigned letter: %v", err)
	}
}

func TestP7S(t *testing.T) {
	root := testpki.Root(t, "Test КЕП CA")
	person := testpki.Signer(t, root, "ОЛЕНА ШЕВЧЕНКО")
	ours := letter(1)
	sign := func(data []byte, detach bool) []byte {
		sd, err := pkcs7.NewSignedData(data)
		if err != nil {
			t.Fatal(err)
		}
		if err := sd.AddSigner(person.Cert, person.Key, pkcs7.SignerInfoConfig{}); err != nil {
			t.Fatal(err)
		}
		if detach {
			sd.Detach()
		}
		der, err := sd.Finish()
		if err != nil {
			t.Fatal(err)
		}
		return der
	}
	for _, detach := range []bool{false, true} {
		m, err := Check("letter.pdf.p7s", sign(ours, detach), ours)
		if err != nil || m.Format != CMS || !m.SignatureChecked {
			t.Fatalf("detached=%v: %+v %v", detach, m, err)
		}
		if _, err := Check("letter.pdf.p7s", sign(letter(2), detach), ours); !errors.Is(err, ErrOtherDocument) {
			t.Errorf("detached=%v, another letter: %v", detach, err)
		}
	}
	if _, err := Check("notes.txt", []byte("hello"), ours); err == nil || !strings.Contains(err.Error(), "not a signed file") {
		t.Errorf("text file: %v", err)
	}
	if _, err := Check("x.p7s", sign(ours, true), nil); err == nil || !strings.Contains(err.Error(), "make its PDF") {
		t.Errorf("no letter: %v", err)
	}
}

func FuzzCheck(f *testing.F) {
	root := testpki.Root(f, "CA")
	person := testpki.Signer(f, root, "P")
	ours := letter(1)
	f.Add(signPDF(f, ours, person))
	f.Add(asice(f, map[string][]byte{"letter LV.pdf": ours}, ours, person, true))
	f.Add([]byte("0\x80"))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, file []byte) {
		m, err := Check("f", file, ours)
		if err == nil && m.Format == "" {
			t.Fatal("a match without a format")
		}
	})
}
