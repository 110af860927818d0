package cli

import (
	"bytes"
	"prava/files"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestTerminalSeesNoEscapes is security review 2's F8 and F18: a name
// holding an ESC sequence or U+202E, typed or from a directory update,
// was printed raw by "company list" and the "Saved …" line.
func TestTerminalSeesNoEscapes(t *testing.T) {
	vault, id := passVault(t)
	evil := "Evil\x1b]0;pwned\x07\x1b[2J \u202efdp.exe\u202c Co"
	code, out, errOut := run(t, pass, "--vault", vault, "company", "edit", id, "--passphrase", "--name", evil)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	_, list, _ := run(t, pass, "--vault", vault, "company", "list", "--passphrase")
	for _, printed := range []string{out, list} {
		if strings.ContainsAny(printed, "\x1b\x07\u202e\u202c") {
			t.Errorf("printed raw: %q", printed)
		}
		if !strings.Contains(printed, `Evil\x1b]0;pwned\a\x1b[2J \u202efdp.exe\u202c Co`) {
			t.Errorf("the name is not shown escaped: %q", printed)
		}
	}
}

// TestShownKeepsTextWhole: line breaks, tabs and every script pass as
// they are, also when a character is cut between two writes.
func TestShownKeepsTextWhole(t *testing.T) {
	var b bytes.Buffer
	s := &shown{w: &b}
	text := "Рига\tRīga\nĮmonė «Ж» — 東京\n"
	raw := []byte(text)
	for i := range raw { // one byte at a time: every character is cut
		s.Write(raw[i : i+1])
	}
	s.Flush()
	if b.String() != text {
		t.Errorf("got %q, want %q", b.String(), text)
	}
	b.Reset()
	s.Write([]byte("cut \xe2\x80"))
	s.Write([]byte("\xae here"))
	s.Write([]byte("\xff end \xe2"))
	s.Flush()
	if got := b.String(); got != `cut \u202e here\xff end \xe2` {
		t.Errorf("got %q", got)
	}
}

// FuzzShown: whatever is written, in whatever pieces, nothing a terminal
// acts on comes out, and plain text comes out as it went in.
func FuzzShown(f *testing.F) {
	f.Add([]byte("Evil\x1b]0;x\x07 \u202efdp.exe"), 3)
	f.Add([]byte("Рига\tRīga\n"), 1)
	f.Fuzz(func(t *testing.T, p []byte, cut int) {
		var b bytes.Buffer
		s := &shown{w: &b}
		if cut <= 0 || cut > len(p) {
			cut = len(p)
		}
		for i := 0; i < len(p); i += cut {
			s.Write(p[i:min(i+cut, len(p))])
		}
		s.Flush()
		out := b.String()
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out: %q", out)
		}
		for _, r := range out {
			if r != '\n' && r != '\t' && files.Hidden(r) {
				t.Fatalf("%q came out raw in %q", r, out)
			}
		}
		plain := utf8.Valid(p) && !strings.ContainsFunc(string(p), func(r rune) bool { return r != '\n' && r != '\t' && files.Hidden(r) })
		if plain && out != string(p) {
			t.Fatalf("plain text changed: %q → %q", p, out)
		}
	})
}
