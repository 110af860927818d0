package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"prava/storage"
)

// needKeyring skips outside scripts/test.sh's keyring session, and fails
// there if the keyring does not work.
func needKeyring(t *testing.T) {
	t.Helper()
	k := storage.SystemKeyring{}
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
	held, err := storage.Open(vault, storage.Unlock{}, nil)
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
