package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"prava/directory/internal/snapshot"
)

const records = `[{"slug": "acme", "relevant-countries": ["de"], "name": "ACME GmbH", "address": "Str. 1\nBerlin\nDeutschland",
 "sources": ["https://acme.de/privacy"], "quality": "verified"}]`

func TestRun(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "records.json")
	os.WriteFile(in, []byte(records), 0o600)
	out := filepath.Join(dir, "data", "directory.bin")
	os.Mkdir(filepath.Dir(out), 0o700)
	if err := run(in, out, "abc123", "2027-01-02"); err != nil {
		t.Fatal(err)
	}
	asset, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(asset), snapshot.Magic) || !strings.Contains(string(asset), "abc123") {
		t.Errorf("asset: %v, %q…", err, asset[:min(len(asset), 40)])
	}
	notice, _ := os.ReadFile(filepath.Join(dir, "data", "NOTICE"))
	for _, want := range []string{"commit abc123 of 2027-01-02", "CC0", "1 companies"} {
		if !strings.Contains(string(notice), want) {
			t.Errorf("NOTICE lacks %q:\n%s", want, notice)
		}
	}
	if err := run(in, out, "", "2 January"); err == nil || !strings.Contains(err.Error(), "YYYY-MM-DD") {
		t.Errorf("a bad -date: %v", err)
	}
	if err := run(filepath.Join(dir, "none.json"), out, "", ""); err == nil {
		t.Error("a missing snapshot was accepted")
	}
}
