//go:build linux

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputsRefusePlantedLinks is security review 2's F1 and F1b, once
// per output command: in a world-writable sticky folder, another local
// user (uid 1502, the folder being root's) has planted links to the
// person's .bashrc and to files not yet there. Every command that writes
// a file refuses, and nothing is written through a link.
func TestOutputsRefusePlantedLinks(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root, to give the links to another uid (scripts/test.sh runs as root)")
	}
	const mallory = 1502
	shared := filepath.Join(t.TempDir(), "shared")
	if err := os.Mkdir(shared, 0o777); err != nil {
		t.Fatal(err)
	}
	os.Chmod(shared, 0o777|os.ModeSticky)
	home := t.TempDir()
	bashrc := filepath.Join(home, ".bashrc")
	os.WriteFile(bashrc, []byte("# my shell\n"), 0o600)
	plant := func(name, to string) string {
		link := filepath.Join(shared, name)
		if err := os.Symlink(to, link); err != nil {
			t.Fatal(err)
		}
		if err := os.Lchown(link, mallory, mallory); err != nil {
			t.Fatal(err)
		}
		return link
	}
	vault, _ := passVault(t)
	profile := writeProfile(t, testProfile)
	policy := seedDir + "003_667823663de3ed12.txt"
	for _, c := range []struct {
		name string
		args func(link string) []string
	}{
		{"letter --out", func(l string) []string {
			return []string{"letter", "--policy", policy, "--kind", "access", "--from", profile, "--out", l}
		}},
		{"letter --email", func(l string) []string {
			return []string{"letter", "--policy", policy, "--kind", "access", "--from", profile, "--out", filepath.Join(t.TempDir(), "l.pdf"), "--email", l}
		}},
		{"ics", func(l string) []string { return []string{"--vault", vault, "ics", l, "--passphrase"} }},
		{"vault export", func(l string) []string { return []string{"--vault", vault, "vault", "export", l, "--passphrase"} }},
		{"company export", func(l string) []string {
			return []string{"--vault", vault, "company", "export", "--datarequests", l, "--passphrase"}
		}},
	} {
		for _, target := range []string{bashrc, filepath.Join(home, "not-yet-"+strings.ReplaceAll(c.name, " ", "-"))} {
			link := plant(strings.ReplaceAll(c.name, " ", "_")+filepath.Base(target), target)
			code, _, errOut := run(t, pass, c.args(link)...)
			// vault export writes only new files: any entry there is refused.
			refused := strings.Contains(errOut, "another user") || c.name == "vault export" && strings.Contains(errOut, "exists")
			if code == exitOK || !refused {
				t.Errorf("%s through a planted link to %s: exit %d, %q", c.name, filepath.Base(target), code, errOut)
			}
			if _, err := os.Lstat(target); target != bashrc && err == nil {
				t.Errorf("%s created %s through a dangling link", c.name, target)
			}
		}
	}
	if got, _ := os.ReadFile(bashrc); string(got) != "# my shell\n" {
		t.Errorf(".bashrc now holds %.60q", got)
	}
}
