package casework

import (
	"bytes"
	"context"
	"crypto/sha256"
	"os/exec"
	"strings"
	"testing"

	"prava/evidence/tsa"
	"prava/internal/mailtest"
	"prava/internal/testpki"
	"prava/record"
)

// TestTimestampsOnSentAndReceived: with timestamps on, the message sent
// and the reply matched each get an RFC 3161 token from the (local) TSA
// over their exact bytes, pinned to the TSA's root; the evidence PDF
// attaches the tokens and says what they prove. A TSA that cannot be
// reached leaves the sending done and says so on the timeline.
func TestTimestampsOnSentAndReceived(t *testing.T) {
	root := testpki.Root(t, "Test TSA Root")
	authority := testpki.ServeTSA(t, testpki.TSA(t, root, "Test TSA"))
	k, _, companyID := newDesk(t)
	k.SetTSARoots(root.Pool())
	if err := k.SaveSettings(record.Settings{Timestamps: true, TSA: authority.URL}); err != nil {
		t.Fatal(err)
	}
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
	sum := sha256.Sum256(r.Email.Sent.Data)
	if tok, err := tsa.Verify(r.Email.Token, sum[:], root.Pool()); err != nil || !tok.Trusted {
		t.Fatalf("the sent message's token: %v (%+v)", err, tok)
	}
	b.Deliver("INBOX", "From: privacy@costless.com.ua\nSubject: Re: [Ref "+r.Reference+"]\nMessage-ID: <a1@costless.example>\nDate: Mon, 23 Nov 2026 12:00:00 +0000\n\nHere is your data.\n")
	if _, err := k.CheckMail(context.Background()); err != nil {
		t.Fatal(err)
	}
	r, _ = k.View().Request(id)
	if len(r.Email.Replies) != 1 {
		t.Fatalf("%d replies kept", len(r.Email.Replies))
	}
	reply := r.Email.Replies[0]
	sum = sha256.Sum256(reply.Raw.Data)
	if _, err := tsa.Verify(reply.Token, sum[:], root.Pool()); err != nil {
		t.Fatalf("the reply's token: %v", err)
	}
	if n := authority.Requests.Load(); n != 2 {
		t.Errorf("the TSA was asked %d times, want 2", n)
	}
	pdf, err := k.Evidence(context.Background(), id, EvidenceOptions{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Count(pdf, []byte(".tst")) < 2 {
		t.Error("the evidence PDF does not attach both tokens")
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		cmd := exec.Command("pdftotext", "-", "-")
		cmd.Stdin = bytes.NewReader(pdf)
		out, err := cmd.Output()
		if text := strings.Join(strings.Fields(string(out)), " "); err != nil || strings.Count(text, "it matches the file") != 2 {
			t.Errorf("the evidence PDF does not say what both timestamps prove (%v):\n%s", err, text)
		}
	}

	// The TSA gone: the next request is still sent, without a token.
	authority.Close()
	ws, err = k.WriteRequests(companyID, []Draft{{Kind: record.Erasure, Contact: -1, Date: testDay}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := k.SendRequestByMail(context.Background(), ws[0].Request.ID); err != nil {
		t.Fatal(err)
	}
	r, _ = k.View().Request(ws[0].Request.ID)
	tl := k.Data().Timeline
	if r.Status != record.StatusSent || len(r.Email.Token) != 0 || tl[len(tl)-1].What != string(EntryStampFailed) {
		t.Fatalf("without a TSA: status %s, token %d bytes, last entry %q", r.Status, len(r.Email.Token), tl[len(tl)-1].What)
	}
}

// TestTimestampSettings: a TSA address that is not one is refused and
// nothing is saved; with timestamps off nobody is asked.
func TestTimestampSettings(t *testing.T) {
	k, _, _ := newDesk(t)
	for _, bad := range []string{"ftp://tsa.example", "freetsa.org/tsr", "https://", "::"} {
		if err := k.SaveSettings(record.Settings{Timestamps: true, TSA: bad}); !isProblem(err, "tsa", "invalid") {
			t.Errorf("%q: %v", bad, err)
		}
	}
	if k.Data().Settings.Timestamps {
		t.Error("a refused setting was saved")
	}
	if tok, err := k.stamp(context.Background(), []byte("x")); tok != nil || err != nil {
		t.Errorf("timestamps off made a token (%v)", err)
	}
}
