package dkimcheck

import (
	"bytes"
	"context"
	"crypto"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-msgauth/dkim"

	"prava/internal/testpki"
)

const reply = "From: Privacy Team <privacy@shop.example.lv>\r\n" +
	"To: anna@mail.example\r\n" +
	"Subject: Re: Access request [Ref 2026-ABC1234]\r\n" +
	"Date: Fri, 04 Dec 2026 10:00:00 +0200\r\n" +
	"Message-ID: <r1@shop.example.lv>\r\n" +
	"\r\n" +
	"Dear Anna,\r\nwe hold the following data about you.\r\n"

// sign signs msg with key under domain and selector with go-msgauth's real
// signer and returns the signed bytes and the key's TXT record.
func sign(t testing.TB, msg, domain, selector string, key crypto.Signer, expires time.Time) ([]byte, string) {
	t.Helper()
	var out bytes.Buffer
	opts := &dkim.SignOptions{Domain: domain, Selector: selector, Signer: key,
		HeaderCanonicalization: dkim.CanonicalizationRelaxed, BodyCanonicalization: dkim.CanonicalizationRelaxed,
		HeaderKeys: []string{"From", "To", "Subject", "Date", "Message-ID"}, Expiration: expires}
	if err := dkim.Sign(&out, strings.NewReader(msg), opts); err != nil {
		t.Fatal(err)
	}
	var txt string
	switch pub := key.Public().(type) {
	case *rsa.PublicKey:
		der, err := x509.MarshalPKIXPublicKey(pub)
		if err != nil {
			t.Fatal(err)
		}
		txt = "v=DKIM1; k=rsa; p=" + base64.StdEncoding.EncodeToString(der)
	case ed25519.PublicKey:
		txt = "v=DKIM1; k=ed25519; p=" + base64.StdEncoding.EncodeToString(pub)
	}
	return out.Bytes(), txt
}

func TestCheckPassRecordsKeyAndTime(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	signed, txt := sign(t, reply, "example.lv", "s2026", key, time.Time{})
	dns := testpki.ServeDNS(t, map[string]string{"s2026._domainkey.example.lv": txt})
	now := time.Date(2026, 12, 4, 8, 1, 0, 0, time.FixedZone("EET", 7200))
	res, err := Check(context.Background(), signed, now, dns.Resolver().LookupTXT)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Signatures) != 1 {
		t.Fatalf("want 1 signature, got %+v", res)
	}
	s := res.Signatures[0]
	if s.Status != Pass || !s.Aligned || s.Domain != "example.lv" || s.Selector != "s2026" {
		t.Fatalf("signature %+v", s)
	}
	if got := strings.Join(s.KeyRecords, ""); got != txt {
		t.Fatalf("kept key record %q, want the served %q", got, txt)
	}
	if !res.Checked.Equal(now) || res.Checked.Location() != time.UTC {
		t.Fatalf("checked %v, want %v in UTC", res.Checked, now)
	}
	if res.Verdict() != Verified || !strings.Contains(res.Words(), "example.lv (selector s2026) verified") {
		t.Fatalf("verdict %s, words %q", res.Verdict(), res.Words())
	}
	if res.FromDomain != "shop.example.lv" {
		t.Fatalf("from domain %q", res.FromDomain)
	}
}

func TestCheckTamperedDoesNotVerify(t *testing.T) {
	_, key, _ := ed25519.GenerateKey(rand.Reader)
	signed, txt := sign(t, reply, "shop.example.lv", "sel", key, time.Time{})
	dns := testpki.ServeDNS(t, map[string]string{"sel._domainkey.shop.example.lv": txt})
	tampered := bytes.Replace(signed, []byte("the following data"), []byte("no data at all here"), 1)
	if bytes.Equal(tampered, signed) {
		t.Fatal("the tamper did not change the message")
	}
	res, err := Check(context.Background(), tampered, time.Now(), dns.Resolver().LookupTXT)
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict() != Broken || res.Signatures[0].Status != Fail {
		t.Fatalf("tampered reply: verdict %s, %+v", res.Verdict(), res.Signatures)
	}
	if !strings.Contains(res.Words(), "does not verify") {
		t.Fatalf("words %q", res.Words())
	}
	// A changed header must fail too, not only a changed body.
	hdr := bytes.Replace(signed, []byte("Subject: Re:"), []byte("Subject: RE:"), 1)
	res, _ = Check(context.Background(), hdr, time.Now(), dns.Resolver().LookupTXT)
	if res.Verdict() != Broken {
		t.Fatalf("changed subject: verdict %s", res.Verdict())
	}
}

func TestCheckOtherDomainAndMissingKey(t *testing.T) {
	_, key, _ := ed25519.GenerateKey(rand.Reader)
	signed, txt := sign(t, reply, "ticketdesk.example", "tk", key, time.Time{})
	dns := testpki.ServeDNS(t, map[string]string{"tk._domainkey.ticketdesk.example": txt})
	res, err := Check(context.Background(), signed, time.Now(), dns.Resolver().LookupTXT)
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict() != VerifiedOther || res.Signatures[0].Aligned {
		t.Fatalf("verdict %s %+v", res.Verdict(), res.Signatures)
	}
	// The key removed from DNS: nothing can be said, and it is not a "fail".
	dns.Set("tk._domainkey.ticketdesk.example", "v=DKIM1; k=ed25519; p=")
	res, _ = Check(context.Background(), signed, time.Now(), dns.Resolver().LookupTXT)
	if v := res.Verdict(); v == Verified || v == VerifiedOther {
		t.Fatalf("revoked key still verifies: %s", v)
	}
	if dns.Queries() < 2 {
		t.Fatalf("the stub saw %d queries; the check did not use DNS", dns.Queries())
	}
}

func TestCheckUnsignedAndNotAMessage(t *testing.T) {
	res, err := Check(context.Background(), []byte(reply), time.Now(), func(context.Context, string) ([]string, error) {
		t.Fatal("an unsigned message needs no lookup")
		return nil, nil
	})
	if err != nil || res.Verdict() != Unsigned {
		t.Fatalf("unsigned: %v %v", res.Verdict(), err)
	}
	if _, err := Check(context.Background(), []byte("\x00\x01 not mail"), time.Now(), nil); err == nil || !strings.Contains(err.Error(), "not an e-mail") {
		t.Fatalf("binary input: %v", err)
	}
}

func TestAligned(t *testing.T) {
	for _, c := range []struct {
		d, from string
		want    bool
	}{
		{"shop.lv", "shop.lv", true},
		{"shop.lv", "mail.shop.lv", true},
		{"lv", "shop.lv", false},
		{"hop.lv", "shop.lv", false},
		{"mail.shop.lv", "shop.lv", false},
		{"", "shop.lv", false},
	} {
		if got := aligned(c.d, c.from); got != c.want {
			t.Errorf("aligned(%q, %q) = %v", c.d, c.from, got)
		}
	}
}

func FuzzCheck(f *testing.F) {
	_, key, _ := ed25519.GenerateKey(rand.Reader)
	signed, txt := sign(f, reply, "shop.example.lv", "sel", key, time.Time{})
	f.Add(signed)
	f.Add([]byte(reply))
	f.Add([]byte("DKIM-Signature: v=1; d=;s=\r\nFrom: <@>\r\n\r\n"))
	lookup := func(_ context.Context, name string) ([]string, error) { return []string{txt}, nil }
	f.Fuzz(func(t *testing.T, raw []byte) {
		res, err := Check(context.Background(), raw, time.Unix(0, 0), lookup)
		if err != nil {
			return
		}
		if len(res.Signatures) > MaxSignatures {
			t.Fatalf("%d signatures checked", len(res.Signatures))
		}
		_ = res.Words()
	})
}
