package casework

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/emersion/go-msgauth/dkim"

	"prava/internal/mailtest"
	"prava/record"
)

// TestEvidenceOfAMailedRequest sends a request through the test mail
// servers, receives two answers signed by the company's domain (one
// changed after signing), and reads the evidence PDF back: the annexes
// and their DKIM verdicts with pdftotext, the attached messages with
// pdfdetach, byte for byte.
func TestEvidenceOfAMailedRequest(t *testing.T) {
	for _, bin := range []string{"pdftotext", "pdfdetach"} {
		if _, err := exec.LookPath(bin); err != nil {
			t.Skip(bin + " is not installed (poppler-utils)")
		}
	}
	k, _, companyID := newDesk(t)
	ws, err := k.WriteRequests(companyID, []Draft{{Kind: record.Access, Contact: -1, Date: testDay}})
	if err != nil {
		t.Fatal(err)
	}
	id := ws[0].Request.ID
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
	r, _ := k.View().Request(id)

	pub, key, _ := ed25519.GenerateKey(rand.Reader)
	sign := func(msg string) []byte {
		var out bytes.Buffer
		msg = strings.ReplaceAll(msg, "\n", "\r\n")
		if err := dkim.Sign(&out, strings.NewReader(msg), &dkim.SignOptions{Domain: "costless.com.ua", Selector: "k1", Signer: key,
			HeaderKeys: []string{"From", "Subject", "Date", "Message-ID"}}); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	good := sign("From: privacy@costless.com.ua\nSubject: Re: [Ref " + r.Reference + "]\nMessage-ID: <a1@costless.example>\nDate: Mon, 23 Nov 2026 12:00:00 +0000\n\nHere is your data.\n")
	bad := sign("From: privacy@costless.com.ua\nSubject: Re: [Ref " + r.Reference + "] again\nMessage-ID: <a2@costless.example>\nDate: Mon, 23 Nov 2026 13:00:00 +0000\n\nWe hold nothing.\n")
	bad = bytes.Replace(bad, []byte("hold nothing"), []byte("hold it all"), 1)
	for _, m := range [][]byte{good, bad} {
		if err := b.Deliver("INBOX", string(m)); err != nil {
			t.Fatal(err)
		}
	}
	// The signatures are checked as the mail arrives, against the key
	// the company publishes that day ...
	k.SetDKIMLookup(func(_ context.Context, name string) ([]string, error) {
		if name == "k1._domainkey.costless.com.ua" {
			return []string{"v=DKIM1; k=ed25519; p=" + base64.StdEncoding.EncodeToString(pub)}, nil
		}
		return nil, errors.New("no such record")
	})
	if _, err := k.CheckMail(context.Background()); err != nil {
		t.Fatal(err)
	}
	before := k.Data().Clone()
	for i, m := range before.Request(id).Email.Replies {
		if !bytes.Contains(m.DKIM, []byte("v=DKIM1; k=ed25519")) {
			t.Errorf("reply %d was kept without its DKIM check and key record: %s", i+1, m.DKIM)
		}
	}
	// ... and still show it at the complaint, when the key is long gone.
	rotated := func(_ context.Context, name string) ([]string, error) { return nil, errors.New("no such record") }
	pdf, err := k.Evidence(context.Background(), id, EvidenceOptions{Lang: "en", Lookup: rotated})
	if err != nil {
		t.Fatal(err)
	}
	if after := k.Data().Clone(); !reflect.DeepEqual(before, after) {
		t.Error("writing the evidence changed the stored data")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "evidence.pdf")
	os.WriteFile(path, pdf, 0o600)
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	r, _ = k.View().Request(id)
	for _, want := range []string{
		"Evidence for request " + r.Reference, "Annex 1. The letter (PDF)", "Annex 2. Sent by e-mail", "<" + r.Email.MessageID + ">", r.Email.SHA256,
		"Annex 3. Reply received", "Verified: signed by costless.com.ua (selector k1), the sender's own domain.",
		"Annex 4. Reply received", "The signature of costless.com.ua (selector k1) does not verify", "Here is your data.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the evidence PDF does not read %q back:\n%s", want, text)
		}
	}
	if strings.Count(text, "Reply received:") != 2 {
		t.Errorf("the timeline lists %d replies, want the 2 messages once each", strings.Count(text, "Reply received:"))
	}
	if out, err := exec.Command("pdfdetach", "-saveall", "-o", dir, path).CombinedOutput(); err != nil {
		t.Fatalf("pdfdetach: %v\n%s", err, out)
	}
	for name, want := range map[string][]byte{"annex1-letter.pdf": r.PDF, "annex2-request.eml": r.Email.Sent.Data,
		"annex3-reply-1.eml": r.Email.Replies[0].Raw.Data, "annex4-reply-2.eml": r.Email.Replies[1].Raw.Data} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || len(want) == 0 || !bytes.Equal(got, want) {
			t.Errorf("%s extracted from the PDF differs from the kept bytes (%v)", name, err)
		}
	}
}

// TestEvidenceRefused: an unknown request, one never sent and a language
// without words are refused with what to do, and nothing changes.
func TestEvidenceRefused(t *testing.T) {
	k, _, companyID := newDesk(t)
	ws, err := k.WriteRequests(companyID, []Draft{{Kind: record.Access, Contact: -1, Date: testDay}})
	if err != nil {
		t.Fatal(err)
	}
	draft := ws[0].Request.ID
	sent := sentRequest(t, k, companyID)
	before := k.Data().Clone()
	var p *Problem
	if _, err := k.Evidence(context.Background(), "nope", EvidenceOptions{}); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "prava request list") {
		t.Errorf("an unknown request: %v", err)
	}
	if _, err := k.Evidence(context.Background(), draft, EvidenceOptions{}); !errors.As(err, &p) || p.Code != "not_sent" || !strings.Contains(err.Error(), "prava mail send "+draft) {
		t.Errorf("a draft: %v", err)
	}
	if _, err := k.Evidence(context.Background(), sent, EvidenceOptions{Lang: "de"}); !errors.As(err, &p) || p.Field != "language" {
		t.Errorf("language de: %v", err)
	}
	if !reflect.DeepEqual(before, k.Data().Clone()) {
		t.Error("a refused export changed the stored data")
	}
	// A request recorded as sent by hand, without a message: the PDF
	// still says when and how.
	if _, err := k.Evidence(context.Background(), sent, EvidenceOptions{}); err != nil {
		t.Errorf("a request sent by hand: %v", err)
	}
}
