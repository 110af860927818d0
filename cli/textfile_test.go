package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPersonalDataFromFiles is security review 2's F14: corrections, a
// paragraph of one's own and notes were only taken on the command line,
// where every local user sees them in "ps". Each is now taken from a file
// too, and a bad file is refused with what to do, writing nothing.
func TestPersonalDataFromFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	policy := seedDir + "003_667823663de3ed12.txt"
	good := writeProfile(t, testProfile)
	out, txt := filepath.Join(dir, "l.pdf"), filepath.Join(dir, "l.txt")
	corr := write("corr.txt", "address=Elijas iela 17, Rīga\n\nphone=+371 2000 0000\n")
	extra := write("extra.txt", "My passport is LV9988776.\n")
	code, _, stderr := run(t, "", "letter", "--policy", policy, "--kind", "rectification", "--from", good, "--date", "2026-11-23",
		"--corrections-file", corr, "--extra-file", extra, "--out", out, "--email", txt)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, _ := os.ReadFile(txt)
	for _, want := range []string{"Elijas iela 17, Rīga", "+371 2000 0000", "LV9988776"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the letter lacks %q from the files", want)
		}
	}
	os.Remove(out)
	os.Remove(txt)
	for _, c := range []struct {
		name string
		args []string
		msg  string
	}{
		{"both", []string{"--extra", "x", "--extra-file", extra}, "not both"},
		{"missing", []string{"--extra-file", filepath.Join(dir, "none.txt")}, "none.txt"},
		{"a folder", []string{"--reasons-file", dir}, "not a regular file"},
		{"not UTF-8", []string{"--extra-file", write("latin1.txt", "Ri\xe7a")}, "not UTF-8"},
		{"too large", []string{"--extra-file", write("big.txt", strings.Repeat("a", maxTextFile+1))}, "over 64 KB"},
	} {
		args := append([]string{"letter", "--policy", policy, "--kind", "access", "--from", good, "--out", out}, c.args...)
		code, _, stderr := run(t, "", args...)
		if code != exitError || !strings.Contains(stderr, c.msg) {
			t.Errorf("%s: exit %d, %q; want %q", c.name, code, stderr, c.msg)
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatalf("%s: a letter was written", c.name)
		}
	}
	vault, id := passVault(t)
	notes := write("notes.txt", "diagnosis: private\n")
	if code, _, errOut := run(t, pass, "--vault", vault, "company", "edit", id, "--passphrase", "--notes-file", notes); code != exitOK {
		t.Fatalf("edit --notes-file: %s", errOut)
	}
	if got := show(t, vault, id).Notes; got != "diagnosis: private" {
		t.Errorf("notes = %q", got)
	}
}

// TestLetterToName is the letters review's M8 on the command line: a
// policy that names only its site gets the legal name the person gives.
func TestLetterToName(t *testing.T) {
	dir := t.TempDir()
	out, txt := filepath.Join(dir, "l.pdf"), filepath.Join(dir, "l.txt")
	code, _, stderr := run(t, "", "letter", "--policy", seedDir+"003_667823663de3ed12.txt", "--kind", "access",
		"--from", writeProfile(t, testProfile), "--date", "2026-11-23", "--lang", "en", "--to-name", "Costless Holdings SIA", "--out", out, "--email", txt)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if text := pdfText(t, out); !strings.Contains(text, "Costless Holdings SIA") {
		t.Errorf("the letter is not addressed to the name given:\n%.600s", text)
	}
	os.Remove(out)
	code, _, stderr = run(t, "", "letter", "--policy", seedDir+"003_667823663de3ed12.txt", "--kind", "access",
		"--from", writeProfile(t, testProfile), "--to-name", "Evil\x1b[2J", "--out", out)
	if code != exitError || !strings.Contains(stderr, "legal name") {
		t.Errorf("a name with a control character: exit %d, %q", code, stderr)
	}
}
