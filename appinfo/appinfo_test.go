package appinfo

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestRepositoryAppInfo reads the FyneApp.toml the binary embeds: a file
// that no longer parses would leave every build saying "dev".
func TestRepositoryAppInfo(t *testing.T) {
	data, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	info, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^\d+\.\d+\.\d+`).MatchString(info.Version) {
		t.Errorf("Version %q does not start with MAJOR.MINOR.PATCH, which the Windows resources need", info.Version)
	}
	if !strings.HasPrefix(info.Website, "https://") {
		t.Errorf("Website %q is not an https address", info.Website)
	}
}

func TestReadAppInfo(t *testing.T) {
	good := []struct {
		in            string
		version, site string
	}{
		{"Website = \"https://a.example\"\n[Details]\nVersion = \"1.2.3\"\nBuild = 4\n", "1.2.3", "https://a.example"},
		{"# c\r\n[Details]\r\n  Version=\"2.0.0-rc1\"  # soon\r\n", "2.0.0-rc1", ""},
		{"[Other]\nVersion = \"9.9.9\"\nWebsite = \"x\"\n[Details]\nVersion = \"1.0.0\"\n", "1.0.0", ""},
		{"[Details]\nVersion = \"1.0.0\"\nKeywords = [\"a\", \"b\"]\n", "1.0.0", ""},
		{"Website = \"https://a.example/\\\"q\\\"\"\n[ Details ]\nVersion = \"1\"\n", "1", `https://a.example/"q"`},
	}
	for _, c := range good {
		info, err := Read([]byte(c.in))
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if info.Version != c.version || info.Website != c.site {
			t.Errorf("%q: got %+v, want %q and %q", c.in, info, c.version, c.site)
		}
	}
	bad := []struct{ in, says string }{
		{"", "no Version"},
		{"Version = \"1.0.0\"\n", "no Version"}, // not under [Details]
		{"[Details]\nVersion = \"1.0\n", "not closed"},
		{"[Details]\nVersion = \"1.0\" x\n", "follows the string"},
		{"[Details]\nVersion = \"1 0\"\n", "only letters"},
		{"[Details]\nVersion = \"1/0\"\n", "only letters"},
		{"[Details]\nVersion = \"v1\"\n", "after a digit"},
		{"[Details]\nVersion\n", "line 2"},
		{"[Details]\nVersion = \"\\q\"\n", "escape"},
	}
	for _, c := range bad {
		_, err := Read([]byte(c.in))
		if err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%q: got error %v, want one that says %q", c.in, err, c.says)
		}
	}
}

// TestSetAppInfoKeepsStamp: a version given at link time wins over the
// file's, and a file that does not parse changes nothing.
func TestSetAppInfoKeepsStamp(t *testing.T) {
	defer func(v, w string) { Version, Website = v, w }(Version, Website)
	toml := []byte("Website = \"https://p.example\"\n[Details]\nVersion = \"3.1.4\"\n")

	Version, Website = devVersion, ""
	if err := Set(toml); err != nil || Version != "3.1.4" || Website != "https://p.example" {
		t.Errorf("unstamped: got %q %q %v", Version, Website, err)
	}
	Version = "3.2.0-rc1"
	if err := Set(toml); err != nil || Version != "3.2.0-rc1" {
		t.Errorf("stamped: got %q %v, want the stamp kept", Version, err)
	}
	Version, Website = devVersion, ""
	if err := Set([]byte("[Details]\n")); err == nil || Version != devVersion || Website != "" {
		t.Errorf("broken file: got %q %q %v, want an error and nothing changed", Version, Website, err)
	}
}

// fileSafe are the characters a version may bring into a file name.
const fileSafe = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.+~_-"

// FuzzReadAppInfo: no input panics, and whatever version is accepted is
// one the packages can put in a file name.
func FuzzReadAppInfo(f *testing.F) {
	if data, err := os.ReadFile("../FyneApp.toml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("[Details]\nVersion = \"1\\\"\"\n"))
	f.Add([]byte("[Details]\nVersion = \"\\"))
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := Read(data)
		if err != nil {
			return
		}
		if info.Version == "" || strings.ContainsFunc(info.Version, func(r rune) bool { return !strings.ContainsRune(fileSafe, r) }) {
			t.Errorf("accepted version %q", info.Version)
		}
	})
}
