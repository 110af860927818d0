package cli

import (
	"bytes"
	"encoding/json"
	"prava/appinfo"
	"strings"
	"testing"
)

func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestAnalyzeJSON(t *testing.T) {
	code, out, errOut := run(t, "", "analyze", "--json", "../policy/testdata/seeds/001_a66e4632f88529cc.txt")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"language", "jurisdiction", "controller", "registration", "emails", "addresses", "websites", "phones", "dpo", "markings", "response_days", "evidence"} {
		if _, ok := got[key]; !ok {
			t.Errorf("JSON lacks %q", key)
		}
	}
	markings, _ := got["markings"].(map[string]any)
	for _, key := range []string{"access", "erasure", "withdrawal", "any"} {
		if _, ok := markings[key]; !ok {
			t.Errorf("markings lack %q", key)
		}
	}
	if got["controller"] != "NETRACK" || got["jurisdiction"] != "RU" {
		t.Errorf("controller %v, jurisdiction %v", got["controller"], got["jurisdiction"])
	}
}

func TestAnalyzeSummary(t *testing.T) {
	code, out, _ := run(t, "", "analyze", "../policy/testdata/seeds/002_9689a5f9d2eaae8f.txt")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"SIA “LatInSoft”", "E-mail:                none found in the policy", "Postal address:        none found in the policy", "41503001047", "within 14 days"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
}

func TestAnalyzeStdin(t *testing.T) {
	code, out, _ := run(t, "Політика конфіденційності. Пишіть нам на адресу privacy(at)firma.com.ua, і ми відповімо.", "analyze", "--json", "-")
	if code != exitOK || !strings.Contains(out, `"privacy@firma.com.ua"`) {
		t.Errorf("exit %d, output %s", code, out)
	}
}

func TestCLIErrors(t *testing.T) {
	cases := []struct {
		args  []string
		stdin string
		code  int
		words string
	}{
		{[]string{"analyze", "no/such/policy.txt"}, "", exitError, "no file no/such/policy.txt"},
		{[]string{"analyze", "-"}, "", exitError, "empty"},
		{[]string{"analyze", "-"}, "%PDF-1.4 binary", exitError, "PDF"},
		{[]string{"analyze"}, "", exitUsage, "Usage: prava analyze"},
		{[]string{"analyze", "--bogus", "x"}, "", exitUsage, "flag provided but not defined"},
		{[]string{"frobnicate"}, "", exitUsage, `unknown command "frobnicate"`},
	}
	for _, c := range cases {
		code, out, errOut := run(t, c.stdin, c.args...)
		if code != c.code || !strings.Contains(errOut, c.words) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", c.args, code, errOut, c.code, c.words)
		}
		if out != "" {
			t.Errorf("%v: printed %q on stdout", c.args, out)
		}
	}
}

// TestVersionCommand: "prava version" prints appinfo's version.
func TestVersionCommand(t *testing.T) {
	code, out, _ := run(t, "", "version")
	if code != exitOK || out != "prava "+appinfo.Version+"\n" {
		t.Errorf("prava version: %d %q", code, out)
	}
}
