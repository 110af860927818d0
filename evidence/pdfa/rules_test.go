package pdfa

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// This file checks the PDF/A rules Prava can check without veraPDF, by
// reading a written file back with its own regular expressions and the
// package's small lexer, and with qpdf and poppler where they are
// installed.

// readBack is a written PDF/A file taken apart again.
type readBack struct {
	p       *parsed
	catalog []entry
	info    []entry
	xmp     string
}

func read(t *testing.T, b []byte) readBack {
	t.Helper()
	p, err := parse(b)
	if err != nil {
		t.Fatalf("reading the file back: %v", err)
	}
	rb := readBack{p: p}
	if rb.catalog, err = p.dict(p.root); err != nil {
		t.Fatal(err)
	}
	if rb.info, err = p.dict(p.info); err != nil {
		t.Fatal(err)
	}
	mn, ok := refNumber(lookup(rb.catalog, "Metadata"))
	if !ok {
		t.Fatal("the catalog has no /Metadata")
	}
	rb.xmp = string(streamOf(t, p, mn))
	return rb
}

// streamOf returns object n's stream, inflated when it is compressed.
func streamOf(t *testing.T, p *parsed, n int) []byte {
	t.Helper()
	es, err := p.dict(n)
	if err != nil {
		t.Fatal(err)
	}
	body := p.span(n, p.numbers())
	i := bytes.Index(body, []byte("stream\n"))
	if i < 0 {
		t.Fatalf("object %d has no stream", n)
	}
	var length int
	fmt.Sscanf(string(lookup(es, "Length")), "%d", &length)
	s := body[i+len("stream\n") : i+len("stream\n")+length]
	if !bytes.HasPrefix(body[i+len("stream\n")+length:], []byte("\nendstream")) {
		t.Errorf("object %d: /Length %d does not end at endstream", n, length)
	}
	if string(lookup(es, "Filter")) == "/FlateDecode" {
		zr, err := zlib.NewReader(bytes.NewReader(s))
		if err != nil {
			t.Fatal(err)
		}
		out, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	return s
}

func xmpValue(t *testing.T, xmp, tag string) string {
	t.Helper()
	m := regexp.MustCompile(`<` + tag + `>(?:<rdf:(?:Alt|Seq)><rdf:li[^>]*>)?([^<]*)<`).FindStringSubmatch(xmp)
	if m == nil {
		return ""
	}
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'").Replace(m[1])
}

// checkRules checks the PDF/A-2b/3b rules this package is answerable for.
func checkRules(t *testing.T, b []byte, part int) readBack {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("%PDF-1.7\n%")) || len(b) < 14 || b[10] < 128 || b[11] < 128 || b[12] < 128 || b[13] < 128 {
		t.Errorf("6.1.2: the header is not followed by a binary comment: %q", b[:16])
	}
	if !bytes.HasSuffix(b, []byte("%%EOF\n")) {
		t.Error("6.1.3: data after the last end-of-file marker")
	}
	rb := read(t, b)
	if lookup(rb.p.trailer, "Encrypt") != nil {
		t.Error("6.1.3: the file is encrypted")
	}
	if !regexp.MustCompile(`^\[<[0-9A-F]{32}> <[0-9A-F]{32}>\]$`).Match(lookup(rb.p.trailer, "ID")) {
		t.Errorf("6.1.3: the trailer's /ID is %q", lookup(rb.p.trailer, "ID"))
	}
	// XMP: the identification schema, and each Info entry equal to its
	// XMP property (6.6.2.3.1, 6.6.4).
	if got := xmpValue(t, rb.xmp, "pdfaid:part"); got != fmt.Sprint(part) {
		t.Errorf("6.6.4: pdfaid:part is %q, not %d", got, part)
	}
	if got := xmpValue(t, rb.xmp, "pdfaid:conformance"); got != "B" {
		t.Errorf("6.6.4: pdfaid:conformance is %q", got)
	}
	if !strings.HasPrefix(rb.xmp, "<?xpacket begin=\"\uFEFF\"") || strings.Contains(rb.xmp, "bytes=") {
		t.Error("6.6.2.2: the XMP packet header is not as PDF/A asks")
	}
	pairs := map[string]string{"Title": "dc:title", "Author": "dc:creator", "Subject": "dc:description",
		"Keywords": "pdf:Keywords", "Creator": "xmp:CreatorTool", "Producer": "pdf:Producer"}
	for key, prop := range pairs {
		raw := lookup(rb.info, key)
		x := xmpValue(t, rb.xmp, prop)
		if raw == nil {
			if x != "" {
				t.Errorf("6.6.2.3.1: XMP has %s %q, Info has no /%s", prop, x, key)
			}
			continue
		}
		s, err := textOf(raw)
		if err != nil || s != x {
			t.Errorf("6.6.2.3.1: Info /%s is %q, XMP %s is %q (%v)", key, s, prop, x, err)
		}
	}
	for key, prop := range map[string]string{"CreationDate": "xmp:CreateDate", "ModDate": "xmp:ModifyDate"} {
		s, _ := textOf(lookup(rb.info, key))
		if !regexp.MustCompile(`^D:\d{14}[+-]\d\d'\d\d'$`).MatchString(s) {
			t.Errorf("Info /%s %q has no time zone", key, s)
		}
		it, err1 := parseInfoDate(s, time.UTC)
		xt, err2 := time.Parse(time.RFC3339, xmpValue(t, rb.xmp, prop))
		if err1 != nil || err2 != nil || !it.Equal(xt) {
			t.Errorf("6.6.2.3.1: Info /%s %q and XMP %s %q differ (%v %v)", key, s, prop, xmpValue(t, rb.xmp, prop), err1, err2)
		}
	}
	// The output intent (6.2.3).
	oi := regexp.MustCompile(`^\[(\d+) 0 R\]$`).FindSubmatch(lookup(rb.catalog, "OutputIntents"))
	if oi == nil {
		t.Fatal("6.2.3: the catalog has no /OutputIntents")
	}
	var oiN int
	fmt.Sscanf(string(oi[1]), "%d", &oiN)
	oes, err := rb.p.dict(oiN)
	if err != nil || string(lookup(oes, "S")) != "/GTS_PDFA1" {
		t.Fatalf("6.2.3: the output intent is not /GTS_PDFA1: %v", err)
	}
	iccN, _ := refNumber(lookup(oes, "DestOutputProfile"))
	icc := streamOf(t, rb.p, iccN)
	if !bytes.Equal(icc, srgb) || string(icc[16:20]) != "RGB " || icc[8] != 2 {
		t.Error("6.2.3: the output profile is not the shipped sRGB ICC v2 profile")
	}
	// Fonts (6.2.11.4): every font's program embedded.
	fonts := 0
	for n, es := range rb.p.objectDicts() {
		if string(lookup(es, "Type")) == "/FontDescriptor" {
			fonts++
			if lookup(es, "FontFile2") == nil && lookup(es, "FontFile") == nil && lookup(es, "FontFile3") == nil {
				t.Errorf("6.2.11.4: font descriptor %d has no embedded program", n)
			}
		}
		for _, forbidden := range []string{"JavaScript", "JS", "AA", "Encrypt"} {
			if lookup(es, forbidden) != nil {
				t.Errorf("6.6.1/6.5: object %d has /%s", n, forbidden)
			}
		}
	}
	if fonts == 0 {
		t.Error("no font descriptor found: the test reads nothing")
	}
	return rb
}

// qpdfCheck runs qpdf --check on b.
func qpdfCheck(t *testing.T, b []byte) {
	t.Helper()
	bin, err := exec.LookPath("qpdf")
	if err != nil {
		t.Skip("qpdf is not installed (scripts/setup.sh installs it)")
	}
	path := filepath.Join(t.TempDir(), "check.pdf")
	os.WriteFile(path, b, 0o600)
	out, err := exec.Command(bin, "--check", path).CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("No syntax or stream encoding errors found")) || bytes.Contains(out, []byte("WARNING")) {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}

// pdftotext returns the text of b as poppler reads it.
func pdftotext(t *testing.T, b []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext is not installed (poppler-utils)")
	}
	path := filepath.Join(t.TempDir(), "text.pdf")
	os.WriteFile(path, b, 0o600)
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out)
}
