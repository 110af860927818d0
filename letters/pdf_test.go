package letters

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"prava/record"
)

// TestPDF renders every language and reads the text back with poppler's
// pdftotext: every line of the letter is there, in order, with its
// diacritics and Cyrillic intact, and the metadata names the letter.
func TestPDF(t *testing.T) {
	needPdftotext(t)
	dir := t.TempDir()
	for _, lang := range Languages {
		r := sampleRequest(lang, record.Access)
		r.Extra = "A very long address without spaces: https://example.org/" + strings.Repeat("privacy-policy/", 12) + " must wrap."
		l, pdf := renderPDF(t, r)
		path := filepath.Join(dir, lang+".pdf")
		os.WriteFile(path, pdf, 0o600)
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").CombinedOutput()
		if err != nil {
			t.Fatalf("%s: pdftotext: %v\n%s", lang, err, out)
		}
		// The footers sit between the pages' text; take them out.
		raw := string(out)
		pages := strings.Count(raw, "\f")
		for n := 1; n <= pages; n++ {
			raw = strings.Replace(raw, l.PageLabel(n, pages), "", 1)
		}
		text := strings.Join(strings.Fields(raw), " ")
		// Every paragraph of the body, in order.
		at := 0
		for _, b := range l.Body {
			if b.Text == "" || strings.Contains(b.Text, "https://") {
				continue
			}
			p := strings.Join(strings.Fields(b.Text), " ")
			i := strings.Index(text[at:], p)
			if i < 0 {
				t.Errorf("%s: paragraph missing or out of order: %q", lang, p)
				continue
			}
			at += i + len(p)
		}
		for _, s := range append(append([]string{}, l.Title...), l.Sender[0], l.Recipient[0]) {
			if !strings.Contains(text, s) {
				t.Errorf("%s: %q missing from the PDF text", lang, s)
			}
		}
		info, err := exec.Command("pdfinfo", path).CombinedOutput()
		if err != nil || !strings.Contains(string(info), "Creator:         Prava") || !strings.Contains(string(info), "Title:") {
			t.Errorf("%s: pdfinfo: %v\n%s", lang, err, info)
		}
		if !strings.Contains(string(pdf), "/Lang ("+lang+")") {
			t.Errorf("%s: no /Lang in the catalog", lang)
		}
		if len(pdf) > 30<<10 {
			t.Errorf("%s: %d bytes, over 30 KB", lang, len(pdf))
		}
	}
}

// TestPDFPages: a long letter runs to several pages, each numbered.
func TestPDFPages(t *testing.T) {
	r := sampleRequest("uk", record.Erasure)
	r.Extra = strings.Repeat("Дуже довгий абзац, який займає багато місця. ", 200)
	l, pdf := renderPDF(t, r)
	path := filepath.Join(t.TempDir(), "long.pdf")
	os.WriteFile(path, pdf, 0o600)
	needPdftotext(t)
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal("pdftotext:", err)
	}
	pages := strings.Count(string(out), "\f")
	if pages < 3 {
		t.Fatalf("%d pages for a long letter", pages)
	}
	for n := 1; n <= pages; n++ {
		if want := l.PageLabel(n, pages); !strings.Contains(string(out), want) {
			t.Errorf("page label %q missing", want)
		}
	}
}

// needPdftotext skips a test where poppler's pdftotext is missing, except
// under the project's test script, which installs it and must not skip.
func needPdftotext(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("PRAVA_REQUIRE_KEYRING") != "" {
			t.Fatal("pdftotext is missing: install poppler-utils (scripts/setup.sh does)")
		}
		t.Skip("pdftotext is not installed")
	}
}

// renderPDF composes a request and renders its PDF, failing the test on any
// error.
func renderPDF(t *testing.T, r Input) (*Letter, []byte) {
	t.Helper()
	l, err := Compose(r)
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := l.PDF()
	if err != nil {
		t.Fatal(err)
	}
	return l, pdf
}

// TestPDFDeterministic: the same letter renders to the same bytes, so a
// saved copy can be compared with a fresh one.
func TestPDFDeterministic(t *testing.T) {
	_, first := renderPDF(t, sampleRequest("lv", record.Withdrawal))
	for i := 0; i < 16; i++ {
		if _, again := renderPDF(t, sampleRequest("lv", record.Withdrawal)); !bytes.Equal(first, again) {
			t.Fatalf("render %d differs from the first", i+2)
		}
	}
}

// TestGlue: non-breaking spaces where a line must not break, and nowhere
// else.
func TestGlue(t *testing.T) {
	for in, want := range map[string]string{
		"№ 152-ФЗ":                    "№\u00a0152-ФЗ",
		"до 15 рабочих дней":          "до\u00a015\u00a0рабочих дней",
		"статті 16 Закону":            "статті\u00a016\u00a0Закону",
		"Regulas 12. panta 3. punkts": "Regulas 12.\u00a0panta 3.\u00a0punkts",
		"Article 15 GDPR":             "Article\u00a015\u00a0GDPR",
		"no numbers here at all":      "no numbers here at all",
		"a 2026-11-23 date":           "a 2026-11-23\u00a0date",
		// Review 2, C6: a number (or a point's letter) after an opening
		// bracket stays with its noun.
		"(пункт 6 статьи 12 GDPR)":     "(пункт\u00a06\u00a0статьи\u00a012\u00a0GDPR)",
		"(Article 17(1)(b) GDPR)":      "(Article\u00a017(1)(b) GDPR)",
		"(підпункт (g) пункту 3":       "(підпункт\u00a0(g) пункту\u00a03",
		"(point (a));":                 "(point\u00a0(a));",
		"straipsnio 1 dalies e punkto": "straipsnio\u00a01\u00a0dalies e punkto",
		"the point of it (a) list":     "the point of it (a) list",
		// Review 2, M6: a registration number stays with its label.
		"ОГРНИП 326774600529055, ИНН 775101196352": "ОГРНИП\u00a0326774600529055, ИНН\u00a0775101196352",
		"(KRS 0001033312, NIP 8411740955)":         "(KRS\u00a00001033312, NIP\u00a08411740955)",
		"код ЄДРПОУ 46387973":                      "код ЄДРПОУ\u00a046387973",
		"ES 15":                                    "ES 15",
	} {
		if got := glue(in); got != want {
			t.Errorf("glue(%q) = %q, want %q", in, got, want)
		}
	}
	lines := wrap(glue("xxxxxxxxxx № 152"), 11, func(s string) float64 { return float64(utf8.RuneCountInString(s)) })
	if len(lines) != 2 || lines[1] != "№ 152" {
		t.Errorf("wrap split a glued pair: %q", lines)
	}
}
