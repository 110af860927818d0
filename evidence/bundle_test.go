package evidence

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-msgauth/dkim"

	"prava/evidence/tsa"
	"prava/internal/testpki"
)

const sentMsg = "From: Anna Berzina <anna@mail.example>\r\nTo: privacy@shop.example.lv\r\n" +
	"Subject: Access request [Ref 2026-ABC1234]\r\nMessage-ID: <prava.abc1234.1@mail.example>\r\n" +
	"Date: Tue, 01 Dec 2026 09:00:00 +0200\r\n\r\nI ask for access to my personal data.\r\n"

const replyMsg = "From: Privacy <privacy@shop.example.lv>\r\nTo: anna@mail.example\r\n" +
	"Subject: Re: Access request [Ref 2026-ABC1234]\r\nMessage-ID: <r1@shop.example.lv>\r\n" +
	"In-Reply-To: <prava.abc1234.1@mail.example>\r\nDate: Thu, 03 Dec 2026 12:00:00 +0200\r\n\r\n" +
	"We hold your name and address.\r\n"

// world is a local TSA and DNS with a DKIM key for shop.example.lv.
type world struct {
	root  testpki.Cert
	tsa   *tsa.Client
	dns   *testpki.DNS
	reply []byte // the reply signed by the company's key
}

func newWorld(t testing.TB) *world {
	root := testpki.Root(t, "Test TSA Root")
	srv := testpki.ServeTSA(t, testpki.TSA(t, root, "Test TSA"))
	pub, key, _ := ed25519.GenerateKey(rand.Reader)
	var signed bytes.Buffer
	if err := dkim.Sign(&signed, strings.NewReader(replyMsg), &dkim.SignOptions{Domain: "shop.example.lv", Selector: "k1", Signer: key,
		HeaderKeys: []string{"From", "To", "Subject", "Message-ID", "Date"}}); err != nil {
		t.Fatal(err)
	}
	dns := testpki.ServeDNS(t, map[string]string{"k1._domainkey.shop.example.lv": "v=DKIM1; k=ed25519; p=" + base64.StdEncoding.EncodeToString(pub)})
	return &world{root: root, tsa: &tsa.Client{URL: srv.URL, Roots: root.Pool()}, dns: dns, reply: signed.Bytes()}
}

// bundle records a sent request, a reply (as given) and a post receipt
// the way the desk would, and writes them as a bundle.
func (w *world) bundle(t testing.TB, reply []byte) []byte {
	return w.bundleStamped(t, reply, w.tsa.Stamp)
}

func (w *world) bundleStamped(t testing.TB, reply []byte, stamp Stamper) []byte {
	ctx := context.Background()
	letter := Item{Name: "letter/request.pdf", Role: RoleLetter, Data: []byte("%PDF-1.4 the letter"), Time: time.Date(2026, 12, 1, 6, 55, 0, 0, time.UTC)}
	sent, err := Sent(ctx, "sent/2026-12-01-request.eml", []byte(sentMsg), time.Date(2026, 12, 1, 7, 0, 0, 0, time.UTC),
		"<prava.abc1234.1@mail.example>", "250 2.0.0 Ok: queued as 4F1B2", stamp)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Received(ctx, "replies/2026-12-03-reply.eml", reply, time.Date(2026, 12, 3, 10, 5, 0, 0, time.UTC),
		"<r1@shop.example.lv>", w.dns.Resolver().LookupTXT, stamp)
	if err != nil {
		t.Fatal(err)
	}
	post, err := Posted(ctx, "receipts/registered.jpg", []byte("\xff\xd8 a scan"), time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC), "RR123456789LV", nil)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	c := Case{Request: "2026-ABC1234", Company: "Shop SIA", Title: "Access request (GDPR Art. 15)",
		Made: time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC), Items: []Item{letter, sent, got, post}}
	if err := Write(ctx, &out, c, WriteOptions{Stamp: stamp}); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func unzip(t testing.TB, b []byte) (map[string][]byte, []*zip.File) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	return files, zr.File
}

func TestWriteReadBack(t *testing.T) {
	w := newWorld(t)
	b := w.bundle(t, w.reply)
	files, entries := unzip(t, b)
	if entries[0].Name != "mimetype" || entries[0].Method != zip.Store || string(files["mimetype"]) != MimeType {
		t.Fatalf("first entry %q method %d", entries[0].Name, entries[0].Method)
	}
	// ASiC readers sniff the type at byte 38.
	if string(b[30:38]) != "mimetype" || string(b[38:38+len(MimeType)]) != MimeType {
		t.Fatalf("mimetype not at offset 38: %q", b[30:38+len(MimeType)])
	}
	if !bytes.Equal(files["sent/2026-12-01-request.eml"], []byte(sentMsg)) || !bytes.Equal(files["replies/2026-12-03-reply.eml"], w.reply) {
		t.Fatal("the messages are not kept byte for byte")
	}
	// Every file outside META-INF is in the manifest with its real hash,
	// read with a regular expression rather than the package's own parser.
	manifest := string(files[manifestName])
	re := regexp.MustCompile(`URI="([^"]+)" MimeType="[^"]*">\s*<ds:DigestMethod[^>]*/>\s*<ds:DigestValue>([^<]+)<`)
	listed := map[string]bool{}
	for _, m := range re.FindAllStringSubmatch(manifest, -1) {
		sum := sha256.Sum256(files[m[1]])
		if base64.StdEncoding.EncodeToString(sum[:]) != m[2] {
			t.Errorf("%s: manifest digest %s is not its SHA-256", m[1], m[2])
		}
		listed[m[1]] = true
	}
	for name := range files {
		if name != "mimetype" && !strings.HasPrefix(name, "META-INF/") && !listed[name] {
			t.Errorf("%s is not in the manifest", name)
		}
	}
	for _, want := range []string{"letter/request.pdf", "timestamps/sent/2026-12-01-request.eml.tst", "replies/2026-12-03-reply.eml.dkim.json",
		"timestamps/replies/2026-12-03-reply.eml.dkim.json.tst", "receipts/registered.jpg", "timeline.txt", "README.txt", "evidence.json"} {
		if !listed[want] {
			t.Errorf("%s missing from the manifest", want)
		}
	}
	// The stored tokens stamp the files they sit beside.
	sum := sha256.Sum256(files["sent/2026-12-01-request.eml"])
	if _, err := tsa.Verify(files["timestamps/sent/2026-12-01-request.eml.tst"], sum[:], w.root.Pool()); err != nil {
		t.Fatal(err)
	}
	msum := sha256.Sum256(files[manifestName])
	if _, err := tsa.Verify(files[timestampName], msum[:], w.root.Pool()); err != nil {
		t.Fatalf("bundle timestamp: %v", err)
	}
	var d DKIMRecord
	if err := json.Unmarshal(files["replies/2026-12-03-reply.eml.dkim.json"], &d); err != nil {
		t.Fatal(err)
	}
	rsum := sha256.Sum256(w.reply)
	if d.Verdict != "verified" || d.Message != hex.EncodeToString(rsum[:]) || d.Result.Signatures[0].Selector != "k1" {
		t.Fatalf("kept DKIM %+v", d)
	}
	tl := string(files["timeline.txt"])
	for _, want := range []string{"2026-12-01 07:00  sent by e-mail, Message-ID <prava.abc1234.1@mail.example>", "250 2.0.0 Ok: queued as 4F1B2",
		"2026-12-03 10:05  reply received", "shop.example.lv (selector k1) verified", "number RR123456789LV"} {
		if !strings.Contains(tl, want) {
			t.Errorf("timeline lacks %q:\n%s", want, tl)
		}
	}
	if !strings.Contains(string(files["README.txt"]), "openssl ts -verify -token_in -in META-INF/timestamp.tst -data META-INF/ASiCManifest.xml") {
		t.Error("README does not say how to check the bundle timestamp")
	}

	rep, err := VerifyBytes(b, VerifyOptions{Roots: w.root.Pool()})
	if err != nil || !rep.OK() || rep.BundleStamp == nil || !rep.BundleStamp.Trusted {
		t.Fatalf("fresh bundle: %v\n%s", err, rep)
	}
	if len(rep.Notes) != 0 {
		t.Errorf("notes with pinned roots: %v", rep.Notes)
	}
	// Without pinned roots it still verifies, but says what it did not check.
	rep, _ = VerifyBytes(b, VerifyOptions{})
	if !rep.OK() || len(rep.Notes) == 0 {
		t.Fatalf("unpinned: %s", rep)
	}
}

// rezip copies a bundle, letting edit change, drop (nil) or keep entries,
// then appends extra ones.
func rezip(t testing.TB, b []byte, edit func(name string, data []byte) []byte, extra map[string][]byte) []byte {
	t.Helper()
	files, entries := unzip(t, b)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	write := func(name string, data []byte, method uint16) {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		_, _ = fw.Write(data)
	}
	for _, f := range entries {
		data := files[f.Name]
		if edit != nil {
			data = edit(f.Name, data)
		}
		if data != nil {
			write(f.Name, data, f.Method)
		}
	}
	for name, data := range extra {
		write(name, data, zip.Deflate)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestVerifyFindsEachChange(t *testing.T) {
	w := newWorld(t)
	b := w.bundle(t, w.reply)
	opts := VerifyOptions{Roots: w.root.Pool()}
	cases := []struct {
		name   string
		bundle []byte
		want   string
	}{
		{"reply changed", rezip(t, b, func(n string, d []byte) []byte {
			if n == "replies/2026-12-03-reply.eml" {
				return bytes.Replace(d, []byte("name and address"), []byte("nothing about you"), 1)
			}
			return d
		}, nil), "replies/2026-12-03-reply.eml was changed after the bundle was written"},
		{"file removed", rezip(t, b, func(n string, d []byte) []byte {
			if n == "receipts/registered.jpg" {
				return nil
			}
			return d
		}, nil), "receipts/registered.jpg is listed in the manifest but missing"},
		{"file added", rezip(t, b, nil, map[string][]byte{"replies/forged.eml": []byte("From: x\r\n\r\nyes")}), "replies/forged.eml is in the bundle but not in its manifest"},
		{"manifest rewritten", rezip(t, b, func(n string, d []byte) []byte {
			if n == manifestName {
				return bytes.Replace(d, []byte("letter/request.pdf"), []byte("letter/request.pdf "), 1)
			}
			return d
		}, nil), "the bundle's timestamp does not verify"},
		{"token removed", rezip(t, b, func(n string, d []byte) []byte {
			if n == timestampName {
				return nil
			}
			return d
		}, nil), "META-INF/timestamp.tst is missing"},
		{"item token swapped", rezip(t, b, func(n string, d []byte) []byte {
			if n == "timestamps/sent/2026-12-01-request.eml.tst" {
				files, _ := unzip(t, b)
				return files["timestamps/replies/2026-12-03-reply.eml.tst"]
			}
			return d
		}, nil), "sent/2026-12-01-request.eml does not verify"},
		{"mimetype compressed", rezip(t, b, func(n string, d []byte) []byte {
			if n == "mimetype" {
				return []byte("application/zip")
			}
			return d
		}, nil), `"mimetype" must be stored uncompressed`},
		{"escaping name", rezip(t, b, nil, map[string][]byte{"../../.bashrc": []byte("x")}), "could write outside a folder"},
	}
	for _, c := range cases {
		rep, err := VerifyBytes(c.bundle, opts)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if rep.OK() || !strings.Contains(rep.String(), c.want) {
			t.Errorf("%s: want %q in\n%s", c.name, c.want, rep)
		}
	}
	if _, err := VerifyBytes([]byte("not a zip at all"), opts); err == nil || !strings.Contains(err.Error(), "not a ZIP") {
		t.Errorf("not a zip: %v", err)
	}
}

func TestTamperedReplyKeepsBrokenVerdict(t *testing.T) {
	w := newWorld(t)
	tampered := bytes.Replace(w.reply, []byte("name and address"), []byte("name and passport"), 1)
	b := w.bundle(t, tampered)
	rep, err := VerifyBytes(b, VerifyOptions{Roots: w.root.Pool()})
	if err != nil || !rep.OK() {
		t.Fatalf("the bundle itself is intact: %v\n%s", err, rep)
	}
	if !strings.Contains(rep.String(), "does not verify") {
		t.Fatalf("the tampered reply's verdict is not shown:\n%s", rep)
	}
	files, _ := unzip(t, b)
	if !strings.Contains(string(files["README.txt"]), "does not verify") || !strings.Contains(string(files["timeline.txt"]), "does not verify") {
		t.Error("README or timeline hides that the reply's signature does not verify")
	}
}

func TestWriteRefusesBadInput(t *testing.T) {
	ctx := context.Background()
	ok := Item{Name: "a.pdf", Role: RoleLetter, Data: []byte("x")}
	for name, c := range map[string]struct {
		items []Item
		want  string
	}{
		"empty":        {nil, "nothing to export"},
		"escape":       {[]Item{{Name: "../a.pdf", Data: []byte("x")}}, "not a usable file name"},
		"reserved":     {[]Item{{Name: "META-INF/manifest.xml", Data: []byte("x")}}, "uses itself"},
		"readme":       {[]Item{{Name: "README.txt", Data: []byte("x")}}, "uses itself"},
		"twice":        {[]Item{ok, ok}, "two items"},
		"bad token":    {[]Item{{Name: "b.pdf", Data: []byte("x"), Token: []byte{0x30, 0x00}}}, "kept timestamp of b.pdf"},
		"foreign dkim": {[]Item{{Name: "r.eml", Data: []byte("x"), DKIM: []byte(`{"message_sha256":"00"}`)}}, "not about this message"},
	} {
		var out bytes.Buffer
		err := Write(ctx, &out, Case{Items: c.items}, WriteOptions{})
		if err == nil || !strings.Contains(err.Error(), c.want) || out.Len() != 0 {
			t.Errorf("%s: %v (wrote %d bytes)", name, err, out.Len())
		}
	}
}

// FuzzVerify starts from a bundle without timestamps: under the fuzzer's
// coverage instrumentation one ECDSA check takes about a second, so
// stamped seeds run a handful of inputs in 30 s. The token parser is
// fuzzed on its own in tsa.
func FuzzVerify(f *testing.F) {
	w := newWorld(f)
	b := w.bundleStamped(f, w.reply, nil)
	f.Add(b)
	f.Add(rezip(f, b, func(n string, d []byte) []byte {
		if n == "evidence.json" {
			return []byte(`{"format":"prava-evidence/1","items":[{"name":"x","dkim":"y"}]}`)
		}
		return d
	}, nil))
	opts := VerifyOptions{Roots: w.root.Pool()}
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := VerifyBytes(data, opts)
		if err != nil {
			return
		}
		if rep.OK() {
			for _, fc := range rep.Files {
				if !fc.OK {
					t.Fatalf("report OK with a bad file %s", fc.Name)
				}
			}
		}
		_ = rep.String()
	})
}

func BenchmarkVerify(b *testing.B) {
	w := newWorld(b)
	data := w.bundle(b, w.reply)
	opts := VerifyOptions{Roots: w.root.Pool()}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if rep, err := VerifyBytes(data, opts); err != nil || !rep.OK() {
			b.Fatal(err, rep)
		}
	}
}
