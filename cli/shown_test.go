package cli

import (
	"bytes"
	"strings"
	"testing"
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
