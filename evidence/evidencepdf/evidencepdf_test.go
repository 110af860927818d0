package evidencepdf

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-msgauth/dkim"

	"prava/evidence"
	"prava/internal/testpki"
)

const sentMsg = "From: Anna Bērziņa <anna@example.org>\r\n" +
	"To: privacy@shop.example.lv\r\n" +
	"Subject: =?utf-8?q?Piepras=C4=ABjums_piek=C4=BC=C5=ABt_datiem?=\r\n" +
	"Date: Sat, 05 Dec 2026 10:30:00 +0200\r\n" +
	"Message-ID: <pr-1@example.org>\r\n" +
	"Content-Type: text/plain; charset=utf-8\r\n" +
	"\r\n" +
	"Labdien,\r\nlūdzu sniegt piekļuvi maniem personas datiem.\r\n"

const replyMsg = "From: Shop Privacy <privacy@shop.example.lv>\r\n" +
	"To: anna@example.org\r\n" +
	"Subject: Re: request\r\n" +
	"Date: Mon, 07 Dec 2026 09:00:00 +0200\r\n" +
	"Message-ID: <r1@shop.example.lv>\r\n" +
	"In-Reply-To: <pr-1@example.org>\r\n" +
	"\r\n" +
	"Dear Anna,\r\nwe hold the following data about you.\r\n"

// signedReply signs replyMsg for shop.example.lv with a new key and
// serves that key's record over a local DNS server.
func signedReply(t *testing.T) ([]byte, *testpki.DNS) {
	t.Helper()
	pub, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := dkim.Sign(&out, strings.NewReader(replyMsg), &dkim.SignOptions{Domain: "shop.example.lv", Selector: "k1", Signer: key,
		HeaderKeys: []string{"From", "To", "Subject", "Date", "Message-ID"}}); err != nil {
		t.Fatal(err)
	}
	dns := testpki.ServeDNS(t, map[string]string{"k1._domainkey.shop.example.lv": "v=DKIM1; k=ed25519; p=" + base64.StdEncoding.EncodeToString(pub)})
	return out.Bytes(), dns
}

func sampleCase(t *testing.T, lang string, reply []byte, dns *testpki.DNS) Case {
	t.Helper()
	ctx := context.Background()
	at := time.Date(2026, 12, 5, 8, 30, 0, 0, time.UTC)
	sent, _ := evidence.Sent(ctx, "sent/request.eml", []byte(sentMsg), at, "pr-1@example.org", "250 2.0.0 Ok: queued as 4F2A", nil)
	got, err := evidence.Kept(ctx, "replies/reply.eml", reply, at.Add(48*time.Hour), at.Add(72*time.Hour), "r1@shop.example.lv", dns.Resolver().LookupTXT)
	if err != nil {
		t.Fatal(err)
	}
	posted, _ := evidence.Posted(ctx, "", nil, at.Add(24*time.Hour), "RR123456789LV", nil)
	return Case{
		Reference: "PR-20261205-0001", Company: "Šiaurės Žąsų Ķēķis SIA", Subject: "Pieprasījums piekļūt datiem",
		Person: "Anna Bērziņa", Lang: lang, Made: at.Add(96 * time.Hour),
		Docs: []Doc{
			{Item: got, Title: "Re: request"},
			{Item: sent, Title: "Pieprasījums piekļūt datiem"},
			{Item: evidence.Item{Name: "letter.pdf", Role: evidence.RoleLetter, Data: []byte("%PDF-1.4 not really"), Time: at}},
			{Item: posted, Title: "Atgādinājums"},
		},
	}
}

func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s is not installed (scripts/setup.sh installs it)", name)
	}
	return p
}

// TestEvidencePDF writes a case and reads it back with poppler and qpdf:
// the annexes' text, the DKIM verdict in words, and each attached file
// byte for byte.
func TestEvidencePDF(t *testing.T) {
	reply, dns := signedReply(t)
	c := sampleCase(t, "en", reply, dns)
	b, err := Make(c)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "evidence.pdf")
	os.WriteFile(path, b, 0o600)
	if keep := os.Getenv("PRAVA_KEEP_PDF"); keep != "" {
		os.WriteFile(keep, b, 0o600) // to look at it: PRAVA_KEEP_PDF=/tmp/x.pdf go test -run TestEvidencePDF
	}

	if out, err := exec.Command(tool(t, "qpdf"), "--check", path).CombinedOutput(); err != nil || bytes.Contains(out, []byte("WARNING")) {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	out, err := exec.Command(tool(t, "pdftotext"), "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{
		"Evidence for request PR-20261205-0001", "Timeline", "Šiaurės Žąsų Ķēķis SIA",
		"Annex 1. The letter (PDF)", "Annex 2. Sent by e-mail", "Annex 3. Sent by registered post", "Annex 4. Reply received",
		"<pr-1@example.org>", "250 2.0.0 Ok: queued as 4F2A", "RR123456789LV",
		"Verified: signed by shop.example.lv (selector k1), the sender's own domain. Checked 2026-12-08 08:30 UTC.",
		"lūdzu sniegt piekļuvi maniem personas datiem", "we hold the following data about you",
		c.Docs[1].SHA256(),
	} {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
			t.Errorf("pdftotext does not read %q back", want)
		}
	}
	if !regexp.MustCompile(`<pdfaid:part>3</pdfaid:part>`).Match(b) {
		t.Error("the file does not say it is PDF/A-3")
	}

	list, err := exec.Command(tool(t, "pdfdetach"), "-list", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"annex1-letter.pdf", "annex2-request.eml", "annex4-reply.eml", "annex4-dkim.json"} {
		if !bytes.Contains(list, []byte(name)) {
			t.Errorf("pdfdetach -list does not list %s:\n%s", name, list)
		}
	}
	if out, err := exec.Command("pdfdetach", "-saveall", "-o", dir, path).CombinedOutput(); err != nil {
		t.Fatalf("pdfdetach -saveall: %v\n%s", err, out)
	}
	for name, want := range map[string][]byte{"annex2-request.eml": []byte(sentMsg), "annex4-reply.eml": reply, "annex1-letter.pdf": []byte("%PDF-1.4 not really")} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s as extracted differs from the original (%v)", name, err)
		}
	}
	if !bytes.Contains(b, []byte("/Subtype /message#2Frfc822")) || !bytes.Contains(b, []byte("/AFRelationship /Source")) {
		t.Error("the .eml files are not declared message/rfc822 with /AFRelationship /Source")
	}
}

// TestTamperedReply: a reply changed after it was signed is said not to
// verify, in the person's language.
func TestTamperedReply(t *testing.T) {
	reply, dns := signedReply(t)
	tampered := bytes.Replace(reply, []byte("following data"), []byte("no data"), 1)
	for lang, want := range map[string]string{
		"en": "The signature of shop.example.lv (selector k1) does not verify",
		"lv": "Domēna shop.example.lv paraksts (selektors k1) neiztur pārbaudi",
	} {
		b, err := Make(sampleCase(t, lang, tampered, dns))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "e.pdf")
		os.WriteFile(path, b, 0o600)
		out, err := exec.Command(tool(t, "pdftotext"), "-enc", "UTF-8", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if text := strings.Join(strings.Fields(string(out)), " "); !strings.Contains(text, want) {
			t.Errorf("%s: the tampered reply is not said to fail: %s", lang, text)
		}
	}
}

// TestEveryLanguageHasEveryWord: no label is missing or left in English.
func TestEveryLanguageHasEveryWord(t *testing.T) {
	same := map[string]bool{"messageid": true}
	for key, row := range words {
		for i, w := range row {
			if w == "" {
				t.Errorf("%s has no %s", key, Langs[i])
			}
			if i > 0 && w == row[0] && !same[key] {
				t.Errorf("%s in %s is the English", key, Langs[i])
			}
		}
	}
}

func TestRefused(t *testing.T) {
	if _, err := Make(Case{Lang: "de", Docs: []Doc{{}}}); err == nil || !strings.Contains(err.Error(), `"de"`) {
		t.Errorf("an unknown language: %v", err)
	}
	if _, err := Make(Case{Lang: "en"}); err == nil || !strings.Contains(err.Error(), "no documents") {
		t.Errorf("an empty case: %v", err)
	}
}

// BenchmarkMake measures writing the evidence PDF of a four-document case.
func BenchmarkMake(b *testing.B) {
	at := time.Date(2026, 12, 5, 8, 30, 0, 0, time.UTC)
	sent, _ := evidence.Sent(context.Background(), "sent/request.eml", []byte(sentMsg), at, "pr-1@example.org", "250 Ok", nil)
	reply, _ := evidence.Kept(context.Background(), "replies/reply.eml", []byte(replyMsg), at.Add(time.Hour), at.Add(time.Hour), "r1", nil)
	c := Case{Reference: "PR-1", Company: "Shop", Subject: "Access", Lang: "lv", Made: at,
		Docs: []Doc{{Item: sent}, {Item: reply}}}
	var size int
	for b.Loop() {
		out, err := Make(c)
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	b.ReportMetric(float64(size), "bytes")
}
