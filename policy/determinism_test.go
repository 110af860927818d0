package policy

import (
	"reflect"
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
