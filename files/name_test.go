package files

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSafeName: a long Cyrillic legal name fits NAME_MAX with its
// extension, on a character boundary (F12); control, bidi and path
// characters never reach the name (F18).
func TestSafeName(t *testing.T) {
	long := "2026-12-04 Общество с ограниченной ответственностью «Московская областная торгово-промышленная компания по производству и реализации изделий» access.pdf"
	for _, in := range []string{long, "2026-12-04 " + strings.Repeat("Ж", 200) + " access.pdf", strings.Repeat("é", 300) + ".eml"} {
		got := SafeName(in)
		if len(got) > 255 || !utf8.ValidString(got) {
			t.Errorf("%d bytes, valid %v: %q", len(got), utf8.ValidString(got), got)
		}
		if ext := in[strings.LastIndex(in, "."):]; !strings.HasSuffix(got, ext) {
			t.Errorf("%q lost its extension %s", got, ext)
		}
	}
	cases := map[string]string{
		"2026-12-04 Evil \u202efdp.exe\u202c Co access.pdf": "2026-12-04 Evil fdp.exe Co access.pdf",
		"Evil\x7f\x1b[2J\u0085Co.pdf":                       "Evil[2J Co.pdf",
		"../../.bashrc":                                     "..-..-.bashrc",
		"a/b\\c\r\nd.txt":                                   "a-b-c  d.txt",
		"..":                                                "_",
		"\u200f":                                            "_",
		"bad\xffutf8.ics":                                   "bad_utf8.ics",
	}
	for in, want := range cases {
		if got := SafeName(in); got != want {
			t.Errorf("SafeName(%q) = %q, want %q", in, got, want)
		}
	}
}
