package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDirectorySearchJSON(t *testing.T) {
	code, out, errOut := run(t, "", "directory", "search", "YouTube", "--json", "--limit", "3")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var hits []map[string]any
	if err := json.Unmarshal([]byte(out), &hits); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if len(hits) == 0 || len(hits) > 3 {
		t.Fatalf("%d hits, want 1 to 3", len(hits))
	}
	g := hits[0]
	for _, key := range []string{"slug", "name", "runs", "email", "address", "web", "webform", "phone", "channel", "required", "countries", "quality"} {
		if _, ok := g[key]; !ok {
			t.Errorf("JSON lacks %q", key)
		}
	}
	if g["slug"] != "google" || g["name"] != "Google LLC" || g["email"] != "data-access-requests@google.com" || g["channel"] != "webform" ||
		!strings.Contains(g["address"].(string), "Mountain View") {
		t.Errorf("first hit: %v", g)
	}
	req, _ := g["required"].([]any)
	if len(req) != 2 || req[0].(map[string]any)["desc"] != "Name" || req[0].(map[string]any)["type"] != "name" {
		t.Errorf("required: %v", g["required"])
	}
}

func TestDirectorySearchJSONListsAreArrays(t *testing.T) {
	// Booking runs brands; a record without runs or required elements still
	// gives [] rather than null, so scripts need no special case.
	code, out, _ := run(t, "", "directory", "search", "--json", "--limit", "0", "deutsche", "telekom")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if strings.Contains(out, "null") {
		t.Errorf("JSON holds null:\n%s", out)
	}
	var hits []directoryHit
	if err := json.Unmarshal([]byte(out), &hits); err != nil || len(hits) < 2 {
		t.Fatalf("%v, %d hits", err, len(hits))
	}
	if hits[0].Slug != "deutsche-telekom-ag" {
		t.Errorf("first hit %s", hits[0].Slug)
	}
}

func TestDirectorySearchText(t *testing.T) {
	code, out, _ := run(t, "", "directory", "search", "booking.com")
	if code != exitOK || !strings.HasPrefix(out, "booking-com") || !strings.Contains(out, "e-mail: dataprotectionoffice@booking.com") ||
		!strings.Contains(out, "datarequests.org company database (CC0), as of 2026-07-21") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	code, out, _ = run(t, "", "directory", "search", "xyzzyqw")
	if code != exitOK || !strings.Contains(out, `No company in the directory matches "xyzzyqw"`) || !strings.Contains(out, "prava company add") {
		t.Errorf("no match: exit %d:\n%s", code, out)
	}
	code, out, _ = run(t, "", "directory", "search", "--json", "xyzzyqw")
	if code != exitOK || strings.TrimSpace(out) != "[]" {
		t.Errorf("no match as JSON: exit %d: %q", code, out)
	}
}

func TestDirectorySearchCountryAndLimit(t *testing.T) {
	_, out, _ := run(t, "", "directory", "search", "--country", "FR", "--limit", "1", "--json", "Amazon Europe Core SARL")
	var hits []directoryHit
	if err := json.Unmarshal([]byte(out), &hits); err != nil || len(hits) != 1 || hits[0].Slug != "amazon-fr" {
		t.Errorf("%v: %+v", err, hits)
	}
}

func TestDirectoryUsage(t *testing.T) {
	for _, args := range [][]string{
		{"directory"},
		{"directory", "find", "google"},
		{"directory", "search"},
		{"directory", "search", "  "},
		{"directory", "search", "--limit", "-1", "google"},
		{"directory", "search", "--limit", "x", "google"},
		{"directory", "search", "--nope", "google"},
	} {
		code, out, errOut := run(t, "", args...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, "prava directory search") && !strings.Contains(errOut, "--limit") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	if _, out, _ := run(t, "", "help"); !strings.Contains(out, "directory search QUERY") {
		t.Error("help does not list directory search")
	}
}

func TestDirectoryShow(t *testing.T) {
	code, out, errOut := run(t, "", "directory", "show", "google", "--country", "LV", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var e directoryEntry
	if err := json.Unmarshal([]byte(out), &e); err != nil {
		t.Fatal(err)
	}
	if e.Slug != "google" || e.Law != "EU-LV" || !strings.Contains(e.LawWhy, "Art. 3(2)") || e.Fax != "+1 650 618 1806" ||
		len(e.Comments) != 1 || e.AsOf != "2026-07-21" || e.Source != "https://www.datarequests.org/company/google" {
		t.Errorf("show google: %+v", e)
	}
	code, out, _ = run(t, "", "directory", "show", "google", "--country", "UA")
	if code != exitOK || !strings.Contains(out, "Law:                   UA (") || !strings.Contains(out, "data-access-requests@google.com") {
		t.Errorf("show google for UA: exit %d:\n%s", code, out)
	}
	// A person in a country whose law Prava does not write under picks.
	code, out, _ = run(t, "", "directory", "show", "google", "--country", "US")
	if code != exitOK || !strings.Contains(out, "Law:                   choose it") {
		t.Errorf("show google for US: exit %d:\n%s", code, out)
	}
	code, _, errOut = run(t, "", "directory", "show", "no-such-company")
	if code != exitError || !strings.Contains(errOut, `no company has the slug "no-such-company"`) {
		t.Errorf("unknown slug: exit %d, %s", code, errOut)
	}
	if code, _, _ := run(t, "", "directory", "show"); code != exitUsage {
		t.Errorf("show without a slug: exit %d", code)
	}
}

func TestDirectoryPacks(t *testing.T) {
	code, out, _ := run(t, "", "directory", "packs", "--country", "de", "--json")
	var packs []struct {
		Country   string   `json:"country"`
		Slug      string   `json:"slug"`
		Companies []string `json:"companies"`
	}
	if err := json.Unmarshal([]byte(out), &packs); code != exitOK || err != nil || len(packs) < 2 || packs[0].Country != "de" || packs[len(packs)-1].Country != "all" {
		t.Fatalf("exit %d, %v: %+v", code, err, packs)
	}
	code, out, _ = run(t, "", "directory", "packs", "--country", "lv")
	if code != exitOK || strings.Contains(out, "de/") || !strings.Contains(out, "all/social-media (choose):") || !strings.Contains(out, "Google LLC") {
		t.Errorf("packs for LV: exit %d:\n%s", code, out)
	}
	if code, _, _ := run(t, "", "directory", "packs", "extra"); code != exitUsage {
		t.Errorf("packs with an argument: exit %d", code)
	}
}
