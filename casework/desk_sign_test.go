package casework

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"math/big"
	"mime/quotedprintable"
	"strings"
	"testing"
	"time"

	"github.com/digitorus/pkcs7"

	"prava/internal/mailtest"
	"prava/record"
)

// testSigner is a self-signed certificate standing in for a person's
// national e-signature.
func testSigner(cn string) (*x509.Certificate, *ecdsa.PrivateKey, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: cn},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, nil, err
	}
	cert, err := x509.ParseCertificate(der)
	return cert, key, err
}

// cmsSign signs content as CMS by cn: detached, as ca.diia.gov.ua gives a
// .p7s, or enveloping it.
func cmsSign(content []byte, cn string, detached bool) ([]byte, error) {
	cert, key, err := testSigner(cn)
	if err != nil {
		return nil, err
	}
	sd, err := pkcs7.NewSignedData(content)
	if err != nil {
		return nil, err
	}
	if err := sd.AddSigner(cert, key, pkcs7.SignerInfoConfig{}); err != nil {
		return nil, err
	}
	if detached {
		sd.Detach()
	}
	return sd.Finish()
}

// p7s is a detached signature of content, or the test fails.
func p7s(t *testing.T, content []byte, cn string) []byte {
	t.Helper()
	der, err := cmsSign(content, cn, true)
	if err != nil {
		t.Fatal(err)
	}
	return der
}

// signUseCases are the signing use cases for useCases.
func signUseCases(k *Desk, requestID string) map[string]func() error {
	return map[string]func() error{
		"SigningCopy": func() error {
			_, err := k.SigningCopy(requestID)
			return err
		},
		"AttachReceipt": func() error { return receiptUseCase(k, requestID) },
		"AttachSigned": func() error {
			c, err := k.SigningCopy(requestID)
			if err != nil {
				return err
			}
			sig, err := cmsSign(c.Data, "OLENA PETRENKO", true)
			if err == nil {
				_, err = k.AttachSigned(requestID, "letter.p7s", sig)
			}
			return err
		},
	}
}

// TestSignAndSendTheSignedLetter: the copy for signing is PDF/A and the
// same when asked again; a signature over it is attached with its signer;
// the e-mail then carries the copy and the signature, not the unsigned
// PDF; the evidence PDF lists the signed letter.
func TestSignAndSendTheSignedLetter(t *testing.T) {
	k, _, companyID := newDesk(t)
	ws, err := k.WriteRequests(companyID, []Draft{{Kind: record.Access, Contact: -1, Date: testDay}})
	if err != nil {
		t.Fatal(err)
	}
	id := ws[0].Request.ID
	c, err := k.SigningCopy(id)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(c.Data, []byte("pdfaid:part")) || !strings.HasSuffix(c.Name, "-to-sign.pdf") {
		t.Fatalf("the copy is not a named PDF/A: %q, %d bytes", c.Name, len(c.Data))
	}
	again, err := k.SigningCopy(id)
	if err != nil || !bytes.Equal(again.Data, c.Data) {
		t.Fatalf("asked again, the copy changed (%v)", err)
	}
	entries := len(k.Data().Timeline)
	s, err := k.AttachSigned(id, "../Downloads/\x1bletter\".p7s", p7s(t, c.Data, "OLENA PETRENKO"))
	if err != nil {
		t.Fatal(err)
	}
	if !s.Checked || s.Format != "cms" || len(s.Signers) != 1 || !strings.Contains(s.Signers[0], "OLENA PETRENKO") ||
		s.Signed.Name != "letter.p7s" || len(k.Data().Timeline) != entries+1 {
		t.Fatalf("signature kept as %+v", s)
	}
	r, _ := k.View().Request(id)
	if !r.Signature.IsSigned() {
		t.Fatal("the request does not hold the signed file")
	}
	names := []string{}
	for _, a := range attachments(&r) {
		names = append(names, a.Filename)
	}
	if strings.Join(names, ",") != c.Name+",letter.p7s" {
		t.Fatalf("the e-mail would carry %v, not the copy and its signature", names)
	}

	b, err := mailtest.Start()
	if err != nil {
		t.Fatal(err)
	}
	if err := k.SetMailAccount(b.Account); err != nil {
		t.Fatal(err)
	}
	if _, err := k.SendRequestByMail(context.Background(), id); err != nil {
		t.Fatal(err)
	}
	got := b.Messages()
	if len(got) != 1 || !bytes.Contains(got[0], []byte("letter.p7s")) || !bytes.Contains(got[0], []byte("application/pkcs7-signature")) {
		t.Fatal("the message sent does not carry the signature")
	}
	if !bytes.Contains(qpDecoded(got[0]), []byte(signedNotes["lt"])) {
		t.Error("the message sent does not say the request is signed (review 2, B2)")
	}
	pdf, err := k.Evidence(context.Background(), id, EvidenceOptions{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(pdf, []byte("signed-letter.p7s")) {
		t.Fatal("the evidence PDF does not attach the signed letter")
	}
}

// qpDecoded is a message with its quoted-printable soft breaks and
// escapes undone, enough to find a text part's sentence in it.
func qpDecoded(msg []byte) []byte {
	out, _ := io.ReadAll(quotedprintable.NewReader(bytes.NewReader(msg)))
	return out
}

// TestSignedNoteOnlyWhenSigned: the note that a request goes signed ends
// only a signed request's body, in the letter's language.
func TestSignedNoteOnlyWhenSigned(t *testing.T) {
	r := record.Request{Language: "ru"}
	if got := withSignedNote(&r, "Текст\n"); got != "Текст\n" {
		t.Errorf("an unsigned request's body became %q", got)
	}
	r.Signature = &record.Signature{Signed: record.Document{Name: "l.p7s", Data: []byte{1}}}
	if got := withSignedNote(&r, "Текст\n"); got != "Текст\n\nЗапрос подписан моей электронной подписью; подписанный файл прилагается.\n" {
		t.Errorf("a signed request's body became %q", got)
	}
}

// TestAttachSignedRefuses: a signature over another document, a file that
// is no signature, an empty file and a request with no copy are refused
// with the field "signed", and nothing is stored.
func TestAttachSignedRefuses(t *testing.T) {
	k, _, companyID := newDesk(t)
	ws, err := k.WriteRequests(companyID, []Draft{{Kind: record.Erasure, Contact: -1, Date: testDay}})
	if err != nil {
		t.Fatal(err)
	}
	id := ws[0].Request.ID
	if _, err := k.AttachSigned(id, "x.p7s", p7s(t, []byte("%PDF-1.7 other"), "X")); !isProblem(err, "signed", "no_copy") {
		t.Fatalf("no copy yet: %v", err)
	}
	c, err := k.SigningCopy(id)
	if err != nil {
		t.Fatal(err)
	}
	before := k.Data().Clone()
	other := p7s(t, append(bytes.Clone(c.Data), ' '), "SOMEONE")
	enveloped, err := cmsSign([]byte("%PDF-1.7 another letter"), "SOMEONE", false)
	if err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		file []byte
		code string
	}{
		"detached over other bytes": {other, "other_document"},
		"enveloping another letter": {enveloped, "other_document"},
		"a photo":                   {[]byte("\xFF\xD8\xFF\xE0 jpeg"), "unreadable"},
		"empty":                     {nil, "empty"},
		"the copy itself, unsigned": {c.Data, "unreadable"},
	} {
		if _, err := k.AttachSigned(id, "file", tc.file); !isProblem(err, "signed", tc.code) {
			t.Errorf("%s: %v, want the problem signed.%s", name, err, tc.code)
		}
	}
	if after := k.Data(); after.Requests[0].Signature.IsSigned() || len(after.Timeline) != len(before.Timeline) {
		t.Fatal("a refused file changed the vault")
	}
	if _, err := k.SigningCopy("no-such"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown request: %v", err)
	}
}

// isProblem tells whether err is the desk's Problem with field and code.
func isProblem(err error, field, code string) bool {
	var p *Problem
	return errors.As(err, &p) && p.Field == field && p.Code == code
}
