package pdfa

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"

	"prava/law"
	"prava/letters"
	"prava/record"
)

var riga = time.FixedZone("EET", 2*3600)

func sampleLetter(t testing.TB) *letters.Letter {
	t.Helper()
	l, err := letters.Compose(letters.Input{
		Kind: record.Access, Lang: "lv", Jurisdiction: "EU-LV", Channel: record.ByEmail,
		From:      letters.Sender{Name: "Anna Bērziņa", Address: "Elijas iela 17, Rīga, LV-1050", Email: "anna@example.org"},
		To:        letters.Recipient{Name: "Šiaurės Žąsų Ķēķis SIA", Address: "Dzirnavu iela 105, Rīga, LV-1011, Latvija", Email: "privacy@example.lv"},
		Date:      time.Date(2026, 12, 5, 10, 30, 0, 0, riga),
		Reference: "PR-20261205-0001",
		Options:   law.DefaultOptions(),
	})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestLetterIsPDFA2b makes a letter PDF/A-2b and checks it by its rules,
// with qpdf, and by reading its text back.
func TestLetterIsPDFA2b(t *testing.T) {
	l := sampleLetter(t)
	b, err := Letter(l)
	if err != nil {
		t.Fatal(err)
	}
	rb := checkRules(t, b, 2)
	if title, _ := textOf(lookup(rb.info, "Title")); title == "" {
		t.Error("the letter's title was lost")
	}
	if got := xmpValue(t, rb.xmp, "xmp:CreateDate"); got != "2026-12-05T10:30:00+02:00" {
		t.Errorf("the creation date is %q, not the letter's date in its zone", got)
	}
	if lookup(rb.catalog, "Lang") == nil || lookup(rb.catalog, "Pages") == nil {
		t.Errorf("the catalog lost its entries: %s", rb.catalog)
	}
	qpdfCheck(t, b)
	text := pdftotext(t, b)
	for _, want := range []string{"Anna Bērziņa", "Šiaurės Žąsų Ķēķis SIA", "PR-20261205-0001"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext does not read %q back:\n%s", want, text)
		}
	}
	again, _ := Letter(l)
	if !bytes.Equal(b, again) {
		t.Error("the same letter gives two different files")
	}
}

// TestAttachedFiles checks PDF/A-3's attached files: each with its
// relationship, media type and parameters, listed in the catalog's /AF.
func TestAttachedFiles(t *testing.T) {
	pdf, err := sampleLetter(t).PDF()
	if err != nil {
		t.Fatal(err)
	}
	eml := []byte("From: a@example.org\r\nSubject: (test) \\ ü\r\n\r\nbody\r\n")
	b, err := Convert(pdf, Options{Part: 3, Files: []File{
		{Name: "b-reply.eml", MIME: "message/rfc822", Data: eml, Rel: Source, Desc: "Atbilde", Modified: time.Unix(1e9, 0)},
		{Name: "a-запит.eml", MIME: "message/rfc822", Data: []byte("x"), Rel: Source},
	}})
	if err != nil {
		t.Fatal(err)
	}
	rb := checkRules(t, b, 3)
	if !bytes.Contains(lookup(rb.catalog, "Names"), []byte("/EmbeddedFiles")) || lookup(rb.catalog, "AF") == nil {
		t.Fatalf("the catalog lists no files: %s", rb.catalog)
	}
	seen := 0
	for n, es := range rb.p.objectDicts() {
		if string(lookup(es, "Type")) != "/Filespec" {
			continue
		}
		seen++
		if string(lookup(es, "AFRelationship")) != "/Source" || lookup(es, "F") == nil || lookup(es, "UF") == nil {
			t.Errorf("file spec %d: %s", n, es)
		}
		ef, _, _ := dictEntries(lookup(es, "EF"), 0)
		en, _ := refNumber(lookup(ef, "F"))
		fes, _ := rb.p.dict(en)
		if string(lookup(fes, "Subtype")) != "/message#2Frfc822" || !bytes.Contains(lookup(fes, "Params"), []byte("/ModDate")) {
			t.Errorf("embedded file %d: %s", en, fes)
		}
		name, _ := textOf(lookup(es, "UF"))
		if name == "b-reply.eml" && !bytes.Equal(streamOf(t, rb.p, en), eml) {
			t.Error("the attached file's bytes changed")
		}
	}
	if seen != 2 {
		t.Errorf("%d file specifications, want 2", seen)
	}
	qpdfCheck(t, b)
}

// TestRefused checks that what PDF/A forbids is refused with a reason.
func TestRefused(t *testing.T) {
	helvetica := func(protect bool) []byte {
		f := gofpdf.New("P", "mm", "A4", "")
		if protect {
			f.SetProtection(0, "", "owner")
		}
		f.AddPage()
		f.SetFont("Helvetica", "", 12)
		f.Cell(40, 10, "hello")
		var buf bytes.Buffer
		if err := f.Output(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	letter, _ := sampleLetter(t).PDF()
	for _, c := range []struct {
		name string
		pdf  []byte
		o    Options
		want string
	}{
		{"a core font", helvetica(false), Options{Part: 2}, "Helvetica (object"},
		{"encrypted", helvetica(true), Options{Part: 2}, "encrypted"},
		{"not a PDF", []byte("hello"), Options{Part: 2}, "not a PDF"},
		{"cut short", letter[:len(letter)-200], Options{Part: 2}, "not in the form"},
		{"part 1", letter, Options{Part: 1}, "only PDF/A-2 and PDF/A-3"},
		{"a file in part 2", letter, Options{Part: 2, Files: []File{{Name: "a.eml", MIME: "message/rfc822", Rel: Source}}}, "attach files in PDF/A-3"},
		{"a file without a type", letter, Options{Part: 3, Files: []File{{Name: "a.eml", Rel: Source}}}, "media type"},
	} {
		_, err := Convert(c.pdf, c.o)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error saying %q", c.name, err, c.want)
		}
	}
	if _, err := Convert(letter[:len(letter)-200], Options{Part: 2}); !errors.Is(err, ErrUnsupported) {
		t.Errorf("a cut file: %v is not ErrUnsupported", err)
	}
}

// BenchmarkLetter measures making a one-page letter PDF/A-2b, the
// rendering included.
func BenchmarkLetter(b *testing.B) {
	l := sampleLetter(b)
	var size int
	for b.Loop() {
		out, err := Letter(l)
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	b.ReportMetric(float64(size), "bytes")
}
