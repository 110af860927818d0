package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDueCommand(t *testing.T) {
	code, out, errOut := run(t, "", "due", "--law", "EU-LV", "--kind", "access", "--received", "2026-01-31")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	// 31 Jan + 1 month = Sat 28 Feb → Mon 2 Mar; three months = Thu 30 Apr.
	if len(lines) != 3 || lines[0] != "2026-03-02" || lines[1] != "2026-04-30" || !strings.Contains(lines[2], "GDPR Art. 12(3)") {
		t.Errorf("output:\n%s", out)
	}
	code, out, _ = run(t, "", "due", "--law", "UA", "--kind", "erasure", "--received", "2026-05-09")
	if code != exitOK || !strings.HasPrefix(out, "2026-06-08\nno extension\n") {
		t.Errorf("UA erasure: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "", "due", "--law", "RU", "--kind", "access", "--received", "2026-03-05", "--json")
	var got map[string]any
	if code != exitOK || json.Unmarshal([]byte(out), &got) != nil || got["due"] != "2026-03-20" || got["latest"] != "2026-03-27" {
		t.Errorf("RU JSON: exit %d\n%s", code, out)
	}
}

func TestDueCommandErrors(t *testing.T) {
	cases := []struct {
		args  []string
		code  int
		words string
	}{
		{[]string{"due", "--law", "XX", "--kind", "access", "--received", "2026-01-01"}, exitError, "use one of UA, RU, EU, US-CA, EU-AT"},
		{[]string{"due", "--law", "UA", "--kind", "portability", "--received", "2026-01-01"}, exitError, "choose one of access, erasure"},
		{[]string{"due", "--law", "UA", "--kind", "bogus", "--received", "2026-01-01"}, exitError, "use one of access"},
		{[]string{"due", "--law", "UA", "--kind", "access", "--received", "31.01.2026"}, exitError, "YYYY-MM-DD"},
		{[]string{"due", "--law", "UA", "--kind", "access", "--received", "2026-02-30"}, exitError, "YYYY-MM-DD"},
		{[]string{"due", "--law", "UA", "--kind", "access"}, exitUsage, "Usage: prava due"},
		{[]string{"authority", "XX"}, exitError, "unknown jurisdiction"},
		{[]string{"authority"}, exitUsage, "Usage: prava authority"},
	}
	for _, c := range cases {
		code, out, errOut := run(t, "", c.args...)
		if code != c.code || !strings.Contains(errOut, c.words) || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit %d and %q", c.args, code, out, errOut, c.code, c.words)
		}
	}
}

func TestAuthorityCommand(t *testing.T) {
	code, out, _ := run(t, "", "authority", "EU-LV")
	if code != exitOK || !strings.HasPrefix(out, "Datu valsts inspekcija\nData State Inspectorate\nElijas iela 17, Rīga, LV-1050, Latvija\n") || !strings.Contains(out, "pasts@dvi.gov.lv") {
		t.Errorf("LV: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "", "authority", "--country", "LT", "EU-LV")
	if code != exitOK || !strings.Contains(out, "Valstybinė duomenų apsaugos inspekcija") {
		t.Errorf("LV company, person in LT: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "", "authority", "RU")
	if code != exitOK || !strings.Contains(out, "Роскомнадзор") || !strings.Contains(out, "109992") {
		t.Errorf("RU: exit %d\n%s", code, out)
	}
	// Germany: the federal commissioner, the Länder after it, the source.
	code, out, _ = run(t, "", "authority", "DE")
	if code != exitOK || !strings.HasPrefix(out, "Die Bundesbeauftragte") || !strings.Contains(out, "controllers in Bavaria") || !strings.Contains(out, "Source: datarequests.org") {
		t.Errorf("DE: exit %d\n%s", code, out)
	}
	// A private company in Berlin: the Land's authority (review 2, M12).
	code, out, _ = run(t, "", "authority", "--address", "Prenzlauer Allee 229, 10405 Berlin", "DE")
	if code != exitOK || !strings.Contains(out, "Berlin") || strings.HasPrefix(out, "Die Bundesbeauftragte") {
		t.Errorf("DE, a company in Berlin: exit %d\n%s", code, out)
	}
}
