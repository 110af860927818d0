package app

import (
	"strings"
	"testing"
	"unicode/utf8"

	"prava/record"
)

// TestPDFNameFitsTheFileSystem is security review 2's F12 and F18: a
// 140-character Russian legal name gave a file name over NAME_MAX, so
// "Open with" and Mail failed, and U+202E reached the name.
func TestPDFNameFitsTheFileSystem(t *testing.T) {
	UseLanguage("en")
	r := &record.Request{Kind: "access"}
	r.Dates.Created = today
	long := "Общество с ограниченной ответственностью " + strings.Repeat("«Рога и копыта» ", 7)
	for _, company := range []string{long, strings.Repeat("Ж", 200), "Evil \u202efdp.exe\u202c Co", "A/B: C*D?"} {
		name := pdfName(r, company)
		if len(name) > 255 || !utf8.ValidString(name) || !strings.HasSuffix(name, ".pdf") {
			t.Errorf("%q → %q (%d bytes)", company, name, len(name))
		}
		if strings.ContainsAny(name, "\u202e\u202c/\\:*?") {
			t.Errorf("%q → %q keeps a control or a separator", company, name)
		}
	}
	if got := pdfName(r, "NETRACK"); got != "2026-11-23 NETRACK access.pdf" {
		t.Errorf("plain name → %q", got)
	}
	// The kind is in the person's language, as the rest of the name.
	UseLanguage("uk")
	defer UseLanguage("en")
	if got := pdfName(r, "NETRACK"); got != "2026-11-23 NETRACK доступ.pdf" {
		t.Errorf("in the uk UI → %q", got)
	}
}
