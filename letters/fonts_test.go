package letters

import (
	"bytes"
	"compress/zlib"
	"io"
	"prava/record"
	"regexp"
	"strconv"
	"testing"
)

var xrefEntryRe = regexp.MustCompile(`(\d{10}) (\d{5}) ([nf]) \n`)

// checkXref fails the test when an entry of the PDF's first cross-reference
// table does not point at its object.
func checkXref(t *testing.T, name string, pdf []byte) {
	t.Helper()
	m := xrefRe().FindSubmatchIndex(pdf)
	if m == nil {
		t.Fatalf("%s: no cross-reference table", name)
	}
	for i, e := range xrefEntryRe.FindAllSubmatch(pdf[m[4]:m[5]], -1) {
		if string(e[3]) != "n" {
			continue
		}
		off, _ := strconv.Atoi(string(e[1]))
		want := strconv.Itoa(i) + " 0 obj"
		if off+len(want) > len(pdf) || string(pdf[off:off+len(want)]) != want {
			t.Errorf("%s: object %d is not at %d (%q)", name, i, off, pdf[off:min(len(pdf), off+20)])
		}
	}
}

// TestFontNames: the font carries a subset tag and its PostScript name,
// it is the only one (bold is the same face stroked, "2 Tr"), and every
// object is still where the cross-reference table says.
func TestFontNames(t *testing.T) {
	for _, lang := range Languages {
		for _, kind := range []record.Kind{record.Access, record.Erasure} {
			_, pdf := renderPDF(t, sampleRequest(lang, kind))
			for _, want := range []string{`/BaseFont /[A-Z]{6}\+DejaVuSerif\n`, `/FontName /[A-Z]{6}\+DejaVuSerif\s`} {
				if !regexp.MustCompile(want).Match(pdf) {
					t.Errorf("%s %s: no font named %s", lang, kind, want)
				}
			}
			if n := len(regexp.MustCompile(`/Type /FontDescriptor`).FindAll(pdf, -1)); n != 1 {
				t.Errorf("%s %s: %d fonts embedded, want one for both weights", lang, kind, n)
			}
			if !bytes.Contains(inflated(t, pdf), []byte("2 Tr")) {
				t.Errorf("%s %s: no bold (stroked) text in the page", lang, kind)
			}
			if regexp.MustCompile(`/utf8serif`).Match(pdf) {
				t.Errorf("%s %s: a font is still named utf8serif", lang, kind)
			}
			checkXref(t, lang+" "+string(kind), pdf)
		}
	}
}

// inflated is the PDF's first page content stream, decompressed.
func inflated(t *testing.T, pdf []byte) []byte {
	t.Helper()
	i := bytes.Index(pdf, []byte("stream\n"))
	if i < 0 {
		t.Fatal("no content stream")
	}
	r, err := zlib.NewReader(bytes.NewReader(pdf[i+len("stream\n"):]))
	if err != nil {
		t.Fatalf("the content stream: %v", err)
	}
	out, _ := io.ReadAll(r)
	return out
}
