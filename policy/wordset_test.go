package policy

import "testing"

// TestWordSetAgreesWithSearch checks the indexed street and region lists
// against the plain search they replace, on parts that hold the words at
// word starts, inside words, with and without their dots.
func TestWordSetAgreesWithSearch(t *testing.T) {
	parts := []string{"", "ул. ленина 5", "вулиця шевченка", "brīvības iela 12", "ielāks", "hauptstraße 5", "str.5",
		"am lindenweg", "123 high street", "highstreet", "harju maakond", "maakondlik", "land tirol", "landtirol",
		"dr. smith", "drive", "r. sav", "kauno r. sav.", "co. dublin", "ullmann", "pl.", "apl. 3", "a.b@c.d"}
	for _, list := range []struct {
		name  string
		words []string
		set   *wordSet
	}{{"street", streetWords, streetWordSet()}, {"region", regionWords, regionWordSet()}} {
		for _, p := range append(parts, list.words...) {
			if got, want := list.set.has(p), hasWordFrom(p, list.words); got != want {
				t.Errorf("%s words in %q: set says %v, search says %v", list.name, p, got, want)
			}
		}
	}
}
