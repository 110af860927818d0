package tsa

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/digitorus/timestamp"

	"prava/internal/testpki"
)

func TestStampAndVerifyAgainstLocalTSA(t *testing.T) {
	root := testpki.Root(t, "Test TSA Root")
	srv := testpki.ServeTSA(t, testpki.TSA(t, root, "Test TSA"))
	sum := sha256.Sum256([]byte("the request as sent"))
	c := &Client{URL: srv.URL, Roots: root.Pool()}
	before := time.Now().Add(-2 * time.Second)
	tok, err := c.Stamp(context.Background(), sum[:])
	if err != nil {
		t.Fatal(err)
	}
	if !tok.Trusted || tok.Hash != hex.EncodeToString(sum[:]) || !strings.Contains(tok.Authority, "Test TSA") {
		t.Fatalf("token %+v", tok)
	}
	if tok.Time.Before(before) || tok.Time.After(time.Now().Add(2*time.Second)) {
		t.Fatalf("token time %v is not now", tok.Time)
	}
	// The stored bytes verify again on import, and only for this hash.
	again, err := Verify(tok.DER, sum[:], root.Pool())
	if err != nil || !again.Time.Equal(tok.Time) || again.Serial != tok.Serial {
		t.Fatalf("re-verify: %+v %v", again, err)
	}
	other := sha256.Sum256([]byte("another letter"))
	if _, err := Verify(tok.DER, other[:], root.Pool()); err == nil || !strings.Contains(err.Error(), "another document") {
		t.Fatalf("other hash: %v", err)
	}
	stranger := testpki.Root(t, "Someone else")
	if _, err := Verify(tok.DER, sum[:], stranger.Pool()); err == nil || !strings.Contains(err.Error(), "not one of the trusted") {
		t.Fatalf("unpinned TSA: %v", err)
	}
	untrusted, err := Verify(tok.DER, sum[:], nil)
	if err != nil || untrusted.Trusted {
		t.Fatalf("without roots: %+v %v", untrusted, err)
	}
}

func TestVerifyRefusesChangedToken(t *testing.T) {
	root := testpki.Root(t, "Root")
	srv := testpki.ServeTSA(t, testpki.TSA(t, root, "TSA"))
	sum := sha256.Sum256([]byte("x"))
	tok, err := (&Client{URL: srv.URL, Roots: root.Pool()}).Stamp(context.Background(), sum[:])
	if err != nil {
		t.Fatal(err)
	}
	// Flip each byte of the signed TSTInfo's time in turn: the time is
	// what a forger would change, and every change must be caught.
	when := []byte(tok.Time.Format("20060102150405"))
	i := strings.Index(string(tok.DER), string(when))
	if i < 0 {
		t.Fatal("the token's time is not where a GeneralizedTime would be")
	}
	for j := range when {
		bad := append([]byte{}, tok.DER...)
		bad[i+j] ^= 1
		if _, err := Verify(bad, sum[:], root.Pool()); err == nil {
			t.Fatalf("a token with byte %d of its time changed verified", j)
		}
	}
}

func TestStampRefusesWrongAnswers(t *testing.T) {
	root := testpki.Root(t, "Root")
	tsaCert := testpki.TSA(t, root, "TSA")
	sum := sha256.Sum256([]byte("y"))
	for name, mangle := range map[string]func(*timestamp.Timestamp){
		"hash":  func(ts *timestamp.Timestamp) { ts.HashedMessage = make([]byte, 32) },
		"nonce": func(ts *timestamp.Timestamp) { ts.Nonce = new(big.Int).Add(ts.Nonce, big.NewInt(1)) },
	} {
		srv := testpki.ServeTSA(t, tsaCert)
		srv.Mangle = mangle
		if _, err := (&Client{URL: srv.URL, Roots: root.Pool()}).Stamp(context.Background(), sum[:]); err == nil {
			t.Errorf("a TSA changing the %s was believed", name)
		}
		if srv.Requests.Load() != 1 {
			t.Errorf("%s: %d requests", name, srv.Requests.Load())
		}
	}
	// A certificate without the timeStamping usage is not a TSA.
	srv := testpki.ServeTSA(t, testpki.Signer(t, root, "Not a TSA"))
	if _, err := (&Client{URL: srv.URL}).Stamp(context.Background(), sum[:]); err == nil || !strings.Contains(err.Error(), "timeStamping") {
		t.Errorf("non-TSA certificate: %v", err)
	}
	if _, err := (&Client{URL: "http://127.0.0.1:1"}).Stamp(context.Background(), sum[:]); err == nil || !strings.Contains(err.Error(), "could not be reached") {
		t.Errorf("dead TSA: %v", err)
	}
	if _, err := (&Client{URL: srv.URL}).Stamp(context.Background(), sum[:5]); err == nil {
		t.Error("a short hash was sent")
	}
}

func FuzzVerify(f *testing.F) {
	root := testpki.Root(f, "Root")
	srv := testpki.ServeTSA(f, testpki.TSA(f, root, "TSA"))
	sum := sha256.Sum256([]byte("z"))
	tok, err := (&Client{URL: srv.URL, Roots: root.Pool()}).Stamp(context.Background(), sum[:])
	if err != nil {
		f.Fatal(err)
	}
	f.Add(tok.DER)
	f.Add([]byte{0x30, 0x80})
	pool := root.Pool()
	f.Fuzz(func(t *testing.T, der []byte) {
		got, err := Verify(der, sum[:], pool)
		if err == nil && (!got.Trusted || got.Hash != hex.EncodeToString(sum[:])) {
			t.Fatalf("accepted %+v", got)
		}
		_, _ = Certificates(der)
	})
}
