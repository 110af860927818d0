package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"prava/casework"
	"regexp"
	"strings"
	"testing"
	"time"
)

// needKeyring skips outside scripts/test.sh's keyring session, and fails
// there if the keyring does not work.
func needKeyring(t *testing.T) {
	t.Helper()
	k := casework.SystemKeyring{}
	if err := k.Set("Prava vault", "cli-probe", "x"); err != nil {
		if os.Getenv("PRAVA_REQUIRE_KEYRING") != "" {
			t.Fatalf("the real keyring is required: %v", err)
		}
		t.Skipf("no keyring (%v): run scripts/test.sh", err)
	}
	k.Delete("Prava vault", "cli-probe")
}

func TestVaultCommands(t *testing.T) {
	needKeyring(t)
	dir := t.TempDir()
	vault := filepath.Join(dir, "prava.vault")
	code, out, errOut := run(t, "", "--vault", vault, "vault", "init")
	if code != exitOK {
		t.Fatalf("init: %d %s", code, errOut)
	}
	m := regexp.MustCompile(`(?m)^Recovery code: ([0-9A-Z-]{29})$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("init printed no recovery code:\n%s", out)
	}
	recovery := m[1]

	if code, out, _ := run(t, "", "--vault", vault, "vault", "status"); code != exitOK || !strings.Contains(out, "keyring holds the key") {
		t.Errorf("status: %d\n%s", code, out)
	}
	if code, _, errOut := run(t, "", "--vault", vault, "company", "add", "../policy/testdata/seeds/002_9689a5f9d2eaae8f.txt"); code != exitOK {
		t.Fatalf("company add: %s", errOut)
	}

	// A bad policy is refused and the vault is not touched.
	before, _ := os.ReadFile(vault)
	for _, bad := range []string{"no/such/file.txt", "../policy/testdata/fuzz"} {
		if code, _, errOut := run(t, "", "--vault", vault, "company", "add", bad); code != exitError || errOut == "" {
			t.Errorf("company add %s: exit %d", bad, code)
		}
	}
	after, _ := os.ReadFile(vault)
	if !bytes.Equal(before, after) {
		t.Error("a refused company add changed the vault")
	}

	code, out, _ = run(t, "", "company", "list", "--json", "--vault", vault)
	var list []map[string]any
	if code != exitOK || json.Unmarshal([]byte(out), &list) != nil || len(list) != 1 || list[0]["name"] != "SIA “LatInSoft”" {
		t.Errorf("company list: %d\n%s", code, out)
	}
	if code, out, _ := run(t, "", "--vault", vault, "request", "list", "--json"); code != exitOK || strings.TrimSpace(out) != "[]" {
		t.Errorf("request list: %d %q", code, out)
	}
	ics := filepath.Join(dir, "deadlines.ics")
	if code, _, errOut := run(t, "", "--vault", vault, "ics", ics); code != exitOK {
		t.Errorf("ics: %s", errOut)
	}
	if data, _ := os.ReadFile(ics); !bytes.HasPrefix(data, []byte("BEGIN:VCALENDAR\r\n")) {
		t.Errorf("ics file: %q", data)
	}

	// While one Prava has the vault open, a second is told who has it.
	held, err := casework.Open(vault, casework.Unlock{}, nil, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run(t, "", "--vault", vault, "company", "list"); code != exitError || !strings.Contains(errOut, "process") {
		t.Errorf("second process: exit %d, %q", code, errOut)
	}
	held.Close()

	backup := filepath.Join(dir, "backup.vault")
	if code, _, errOut := run(t, "", "--vault", vault, "vault", "export", backup); code != exitOK {
		t.Fatalf("export: %s", errOut)
	}
	if code, _, errOut := run(t, "", "--vault", vault, "vault", "export", backup); code != exitError || !strings.Contains(errOut, "exists") {
		t.Errorf("export over a file: %d %s", code, errOut)
	}
	elsewhere := filepath.Join(dir, "elsewhere", "prava.vault")
	if code, _, errOut := run(t, "WRONG-CODE\n", "--vault", elsewhere, "vault", "import", backup); code != exitError || !strings.Contains(errOut, "typo") {
		t.Errorf("import with a bad code: %d %s", code, errOut)
	}
	if code, out, errOut := run(t, recovery+"\n", "--vault", elsewhere, "vault", "import", backup); code != exitOK || !strings.Contains(out, "1 companies") {
		t.Errorf("import: %d %s %s", code, out, errOut)
	}
	// Importing one's own backup on the same computer does not take the
	// keyring away from the original (audit F15), and status says so.
	for _, v := range []string{vault, elsewhere} {
		if code, _, errOut := run(t, "", "--vault", v, "company", "list"); code != exitOK {
			t.Errorf("company list on %s after the import: %s", filepath.Base(filepath.Dir(v)), errOut)
		}
		if code, out, _ := run(t, "", "--vault", v, "vault", "status"); code != exitOK || !strings.Contains(out, "keyring holds the key") {
			t.Errorf("status of %s after the import: %s", v, out)
		}
	}
	if code, out, errOut := run(t, recovery+"\n", "--vault", vault, "vault", "recover"); code != exitOK || !strings.Contains(out, "keyring") {
		t.Errorf("recover: %d %s %s", code, out, errOut)
	}
}

func TestVaultCommandErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none.vault")
	cases := []struct {
		args  []string
		code  int
		words string
	}{
		{[]string{"--vault", missing, "company", "list"}, exitError, "prava vault init"},
		{[]string{"--vault", missing, "vault", "status"}, exitError, "prava vault init"},
		{[]string{"--vault"}, exitUsage, "--vault needs a file"},
		{[]string{"vault", "frobnicate"}, exitUsage, "unknown command"},
		{[]string{"--vault", missing, "vault", "export"}, exitError, "prava vault export FILE"},
		{[]string{"--vault", missing, "vault", "recover"}, exitError, "no recovery code"},
	}
	for _, c := range cases {
		code, _, errOut := run(t, "", c.args...)
		if code != c.code || !strings.Contains(errOut, c.words) {
			t.Errorf("%v: exit %d, %q; want %d and %q", c.args, code, errOut, c.code, c.words)
		}
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("a failed command created a vault")
	}
}

// passphraseVault makes a passphrase-protected vault, which needs no
// keyring, with one company in it (so that a .bak exists too).
func passphraseVault(t *testing.T, pass string) (vault, recovery string) {
	t.Helper()
	vault = filepath.Join(t.TempDir(), "prava.vault")
	code, out, errOut := run(t, pass+"\n", "--vault", vault, "vault", "init", "--passphrase")
	if code != exitOK {
		t.Fatalf("init: %d %s", code, errOut)
	}
	m := regexp.MustCompile(`(?m)^Recovery code: ([0-9A-Z-]{29})$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("init printed no recovery code:\n%s", out)
	}
	if code, _, errOut := run(t, pass+"\n", "--vault", vault, "company", "add", "--passphrase", "../policy/testdata/seeds/002_9689a5f9d2eaae8f.txt"); code != exitOK {
		t.Fatalf("company add: %s", errOut)
	}
	return vault, m[1]
}

// TestICSNeverOverwritesTheVault: "prava --vault V ics V" (and V.bak,
// V.lock) used to turn the vault into a calendar (audit F1).
func TestICSNeverOverwritesTheVault(t *testing.T) {
	const pass = "correct horse battery"
	vault, _ := passphraseVault(t, pass)
	for _, target := range []string{vault, vault + ".bak", vault + ".lock"} {
		before, err := os.ReadFile(target)
		if err != nil {
			t.Fatal(err)
		}
		code, out, errOut := run(t, pass+"\n", "--vault", vault, "ics", "--passphrase", target)
		if code != exitError || !strings.Contains(errOut, "never written over") || out != "" {
			t.Errorf("ics %s: exit %d, %q %q", filepath.Base(target), code, out, errOut)
		}
		if after, _ := os.ReadFile(target); !bytes.Equal(before, after) {
			t.Errorf("ics changed %s", filepath.Base(target))
		}
	}
	ics := filepath.Join(t.TempDir(), "deadlines.ics")
	if code, _, errOut := run(t, pass+"\n", "--vault", vault, "ics", "--passphrase", ics); code != exitOK {
		t.Errorf("ics to a new file: %s", errOut)
	}
	if data, _ := os.ReadFile(ics); !bytes.HasPrefix(data, []byte("BEGIN:VCALENDAR\r\n")) {
		t.Errorf("ics file: %q", data)
	}
}

// TestPassphraseRules: the command line takes the app's rule (at least ten
// characters, storage.CheckPassphrase) and, like the app, uses the
// passphrase as typed, spaces and all (audit F5).
func TestPassphraseRules(t *testing.T) {
	dir := t.TempDir()
	for _, short := range []string{"a", "123456789", "    short     "} {
		vault := filepath.Join(dir, "short.vault")
		code, _, errOut := run(t, short+"\n", "--vault", vault, "vault", "init", "--passphrase")
		if code != exitError || !strings.Contains(errOut, "at least 10") {
			t.Errorf("passphrase %q: exit %d, %q", short, code, errOut)
		}
		if _, err := os.Stat(vault); err == nil {
			t.Errorf("passphrase %q made a vault", short)
		}
	}
	const spaced = "  a passphrase with spaces around  "
	vault, _ := passphraseVault(t, spaced)
	if code, _, errOut := run(t, spaced+"\r\n", "--vault", vault, "company", "list", "--passphrase"); code != exitOK {
		t.Errorf("the passphrase as typed (with a CRLF ending): %s", errOut)
	}
	if code, _, _ := run(t, strings.TrimSpace(spaced)+"\n", "--vault", vault, "company", "list", "--passphrase"); code != exitError {
		t.Error("the passphrase without its spaces opened the vault")
	}
}

// TestRecoveryCodeAndNewPassphrase: with the keyring locked or missing, the
// recovery code opens the vault directly, and "vault passphrase" adds or
// changes a passphrase (audit F16).
func TestRecoveryCodeAndNewPassphrase(t *testing.T) {
	const pass = "first long passphrase"
	vault, recovery := passphraseVault(t, pass)
	code, out, errOut := run(t, recovery+"\n", "--vault", vault, "company", "list", "--recovery-code-stdin")
	if code != exitOK || !strings.Contains(out, "LatInSoft") {
		t.Errorf("company list with the recovery code: %d %q %q", code, out, errOut)
	}
	if code, _, errOut := run(t, recovery+"\nshort\n", "--vault", vault, "vault", "passphrase", "--recovery-code-stdin"); code != exitError || !strings.Contains(errOut, "at least 10") {
		t.Errorf("a short new passphrase: %d %q", code, errOut)
	}
	if code, _, errOut := run(t, recovery+"\nsecond long passphrase\n", "--vault", vault, "vault", "passphrase", "--recovery-code-stdin"); code != exitOK {
		t.Fatalf("vault passphrase: %s", errOut)
	}
	if code, _, errOut := run(t, "second long passphrase\nthird long passphrase\n", "--vault", vault, "vault", "passphrase", "--passphrase"); code != exitOK {
		t.Fatalf("vault passphrase --passphrase: %s", errOut)
	}
	for p, want := range map[string]int{pass: exitError, "second long passphrase": exitError, "third long passphrase": exitOK} {
		if code, _, errOut := run(t, p+"\n", "--vault", vault, "company", "list", "--passphrase"); code != want {
			t.Errorf("passphrase %q: exit %d, want %d (%s)", p, code, want, errOut)
		}
	}
	if code, _, errOut := run(t, "x\n", "--vault", vault, "company", "list", "--passphrase", "--recovery-code-stdin"); code != exitError || !strings.Contains(errOut, "not both") {
		t.Errorf("both flags: %d %q", code, errOut)
	}
}

// TestFlagsAfterArguments: "company add FILE --vault X" used to answer
// "give the policy" (audit F18); flags may follow the arguments.
func TestFlagsAfterArguments(t *testing.T) {
	const pass = "correct horse battery"
	vault, _ := passphraseVault(t, pass)
	code, out, errOut := run(t, pass+"\n", "company", "add", "../policy/testdata/seeds/001_a66e4632f88529cc.txt", "--vault", vault, "--passphrase")
	if code != exitOK || !strings.Contains(out, "Added") {
		t.Errorf("company add FILE --vault X: %d %q %q", code, out, errOut)
	}
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	v := fs.Bool("v", false, "")
	pos, err := parseAll(fs, []string{"a", "-v", "b", "--", "-c", "d"})
	if err != nil || !*v || strings.Join(pos, " ") != "a b -c d" {
		t.Errorf("parseAll: %q %v %v", pos, *v, err)
	}
}

// TestLetterNeverOverwritesTheVault: "letter --out V" and "--email
// V.lock" turned the vault into a PDF and overwrote the lock file (audit
// F2); files.WriteFile now refuses both, and a refused e-mail leaves the
// vault's files as they were.
func TestLetterNeverOverwritesTheVault(t *testing.T) {
	vault, _ := passphraseVault(t, "correct horse battery")
	profile := writeProfile(t, testProfile)
	pdf := filepath.Join(t.TempDir(), "letter.pdf")
	for _, c := range [][]string{{"--out", vault}, {"--out", vault + ".bak"}, {"--out", pdf, "--email", vault + ".lock"}} {
		before := map[string][]byte{}
		for _, f := range []string{vault, vault + ".bak", vault + ".lock"} {
			before[f], _ = os.ReadFile(f)
		}
		args := append([]string{"letter", "--policy", seedDir + "000_131528efbcf5aff0.txt", "--kind", "access", "--from", profile}, c...)
		code, _, errOut := run(t, "", args...)
		if code != exitError || !strings.Contains(errOut, "never written over") {
			t.Errorf("%v: exit %d, %q", c, code, errOut)
		}
		for f, b := range before {
			if after, _ := os.ReadFile(f); !bytes.Equal(after, b) {
				t.Errorf("%v changed %s", c, filepath.Base(f))
			}
		}
	}
}
