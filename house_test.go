package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestTheHouseHolds checks the import rules the design rests on, over
// what the go tool itself lists, so a shortcut fails here rather than in a
// review: only casework reaches the vault's package (the desk is the one
// door, and its checks and timeline cannot be walked around); only app
// and this main package import Fyne; app does not import the command line;
// the keyring double serves tests only.
func TestTheHouseHolds(t *testing.T) {
	out, err := exec.Command("go", "list", "-f",
		`{{.ImportPath}}|{{join .Imports ","}}|{{join .TestImports ","}}|{{join .XTestImports ","}}`, "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	seen := 0
	for line := range strings.SplitSeq(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(line, "|")
		pkg := f[0]
		var imports []string
		for _, part := range f[1:] {
			if part != "" {
				imports = append(imports, strings.Split(part, ",")...)
			}
		}
		seen++
		if slices.Contains(imports, "prava/storage") && pkg != "prava/casework" && pkg != "prava/storage" {
			t.Errorf("%s imports prava/storage: only casework (the desk) opens and changes the vault", pkg)
		}
		if pkg != "prava/app" && pkg != "prava" && slices.ContainsFunc(imports, func(s string) bool { return strings.HasPrefix(s, "fyne.io/") }) {
			t.Errorf("%s imports Fyne: only app draws windows", pkg)
		}
		for _, double := range []string{"prava/keyringtest", "prava/internal/mailtest"} {
			if f[1] != "" && slices.Contains(strings.Split(f[1], ","), double) {
				t.Errorf("%s imports %s outside its tests: a double never stands in for the real part", pkg, double)
			}
		}
		if pkg == "prava/app" && slices.Contains(imports, "prava/cli") {
			t.Error("app imports cli: what both need belongs in a leaf package (appinfo) or the desk")
		}
	}
	if seen < 10 {
		t.Fatalf("go list listed %d packages: %s", seen, out)
	}
}
