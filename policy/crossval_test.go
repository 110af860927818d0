package policy

import (
	"flag"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The development set is judged by 5-fold cross-validation. The folds are
// fixed by file name: the 87 names sorted bytewise, the i-th in fold i mod
// 5. Names start with the language, so every fold holds every language in
// about the same share. Anything fitted from the set is fitted on four
// folds and scored on the fifth, in turn; the line printed over the five
// scored folds is the estimate to report, never the score on what was
// fitted.

const devFolds = 5

var showMisses = flag.Bool("misses", false, "TestCrossValidated: print every miss, want beside got")

// foldOf gives each file its fold.
func foldOf(set []scoreEntry) map[string]int {
	names := make([]string, len(set))
	for i, e := range set {
		names[i] = e.File
	}
	sort.Strings(names)
	out := map[string]int{}
	for i, n := range names {
		out[n] = i % devFolds
	}
	return out
}

// devSet reads testdata/dev.
func devSet(t testing.TB) (string, []scoreEntry) {
	t.Helper()
	dir := filepath.Join("testdata", "dev")
	set, err := loadScoreSet(dir)
	if err != nil {
		t.Fatal(err)
	}
	return dir, set
}

// scoreSet analyses and scores every entry with the reader as it is.
func scoreSet(t testing.TB, dir string, set []scoreEntry) []scoreResult {
	t.Helper()
	out := make([]scoreResult, 0, len(set))
	for _, e := range set {
		got, err := analyzeJSON(filepath.Join(dir, "policies", e.File))
		if err != nil {
			t.Fatalf("%s: %v", e.File, err)
		}
		out = append(out, scoreOne(e, got))
	}
	return out
}

// TestCrossValidated prints the cross-validated line in the scorer's
// format, per fold, per language and over all five scored folds. For
// every fold the fitted parts of the reader (fitWeights) are fitted on
// the other four and the fold is scored with them. Run with -v; add
// -misses to see every miss.
func TestCrossValidated(t *testing.T) {
	dir, set := devSet(t)
	fold := foldOf(set)
	var all []scoreResult
	for k := range devFolds {
		var train, test []scoreEntry
		for _, e := range set {
			if fold[e.File] == k {
				test = append(test, e)
			} else {
				train = append(train, e)
			}
		}
		restore := fitOn(t, dir, train)
		res := scoreSet(t, dir, test)
		restore()
		t.Logf("fold %d: %s", k, scoreLine(res))
		all = append(all, res...)
	}
	byLang := map[string][]scoreResult{}
	for _, r := range all {
		lang, _, _ := strings.Cut(r.File, "_")
		byLang[lang] = append(byLang[lang], r)
	}
	langs := make([]string, 0, len(byLang))
	for l := range byLang {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		t.Logf("%s: %s", l, scoreLine(byLang[l]))
	}
	if *showMisses {
		for _, r := range all {
			if !r.fully() {
				t.Logf("== %s (fold %d)\n   %s", r.File, fold[r.File], strings.Join(r.Misses, "\n   "))
			}
		}
	}
	t.Logf("cross-validated: %s", scoreLine(all))
	t.Logf("cross-validated: %s", sureLine(all))
	if len(all) != len(set) {
		t.Fatalf("scored %d of %d policies", len(all), len(set))
	}
}
