package policy

import (
	"path/filepath"
	"reflect"
	"sync"
	"testing"
)

// TestSameFindingsEveryRun analyses one text many times: the findings,
// the evidence's order included, must not depend on Go's map order. The
// text names two member states' laws with the same weight (a tie broken
// by order) and several regimes (evidence listed by order).
func TestSameFindingsEveryRun(t *testing.T) {
	text := "Privacy policy. Controller: Example OÜ, Narva mnt 5, Tallinn. We follow the GDPR, " +
		"the isikuandmete kaitse seadus and the fizisko personu datu apstrādes likums, the Data Protection Act 2018, " +
		"the CCPA and the Bundesdatenschutzgesetz. Reģ. Nr. 40003000000, registrikood 12345678."
	first := Analyze(text)
	for range 30 {
		if got := Analyze(text); !reflect.DeepEqual(got, first) {
			t.Fatalf("findings differ between runs:\n%+v\n%+v", first.Evidence, got.Evidence)
		}
	}
}

// TestAnalyzeConcurrently analyses the seed policies from several
// goroutines at once, before anything else in the process has used the
// package's lazy tables (run it alone, under -race, to see the first use
// race), and checks each result against a later serial run.
func TestAnalyzeConcurrently(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "seeds", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	texts := make([]string, len(files))
	for i, f := range files {
		src, err := ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[i] = src.Text
	}
	got := make([]*Findings, len(texts))
	var wg sync.WaitGroup
	for i := range texts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = Analyze(texts[i])
		}()
	}
	wg.Wait()
	for i, text := range texts {
		if want := Analyze(text); !reflect.DeepEqual(got[i], want) {
			t.Errorf("%s: concurrent findings differ from serial ones", files[i])
		}
	}
}
