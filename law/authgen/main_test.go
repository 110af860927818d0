package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"prava/law"
)

// TestRun merges a small snapshot: the checked entry stays as it was, a
// non-EEA authority is left out, a country's second authority is
// regional, and an entry the database lacks is kept.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	sa := filepath.Join(dir, "supervisory-authorities")
	os.MkdirAll(sa, 0o755)
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(sa, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("lvdvi.json", `{"slug":"lvdvi","relevant-countries":["lv"],"name":"Changed (Data State Inspectorate)","address":"x","email":"new@dvi.gov.lv"}`)
	write("gbico.json", `{"slug":"gbico","relevant-countries":["gb"],"name":"ICO","address":"y"}`)
	write("debfdi.json", `{"slug":"debfdi","relevant-countries":["de"],"name":"Die BfDI (Federal Commissioner for Data Protection)","address":"Bonn","email":"b@bfdi.de","complaint-language":"de"}`)
	write("deberlbdi.json", `{"slug":"deberlbdi","relevant-countries":["de"],"name":"Berliner Beauftragte (BlnBDI)","address":"Berlin","email":"m@berlin.de"}`)
	out := filepath.Join(dir, "authorities.json")
	os.WriteFile(out, []byte(`{"authorities":[
		{"country":"LV","language":"lv","name_local":"Datu valsts inspekcija","name_en":"Data State Inspectorate","address":"Elijas iela 17","email":"pasts@dvi.gov.lv","verified":true},
		{"country":"US","language":"en","name_local":"CPPA","name_en":"CPPA","address":"Sacramento","verified":false}]}`), 0o644)
	if err := run(dir, out); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(out)
	var got struct{ Authorities []law.Authority }
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	by := map[string]law.Authority{}
	for _, a := range got.Authorities {
		by[a.ID+a.Country] = a
	}
	if lv := by["LV"]; lv.Email != "pasts@dvi.gov.lv" || !lv.Verified {
		t.Errorf("the checked LV entry changed: %+v", lv)
	}
	if _, ok := by["gbicoGB"]; ok {
		t.Error("the UK's authority was added")
	}
	if us := by["US"]; us.NameLocal != "CPPA" {
		t.Error("the US entry was dropped")
	}
	if de := by["debfdiDE"]; de.Scope != "" || de.NameEn != "Federal Commissioner for Data Protection" || de.Source == "" {
		t.Errorf("federal: %+v", de)
	}
	if be := by["deberlbdiDE"]; be.Scope != "regional" || be.Region != "controllers in Berlin" || be.NameLocal != "Berliner Beauftragte (BlnBDI)" {
		t.Errorf("Berlin: %+v", be)
	}
	if len(got.Authorities) != 4 {
		t.Errorf("%d entries, want 4", len(got.Authorities))
	}
}

// TestRunBadData: a folder without the snapshot says what to give.
func TestRunBadData(t *testing.T) {
	out := filepath.Join(t.TempDir(), "a.json")
	os.WriteFile(out, []byte(`{"authorities":[]}`), 0o644)
	if err := run(t.TempDir(), out); err == nil {
		t.Error("no error for an empty snapshot folder")
	}
}
