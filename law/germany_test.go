package law

import (
	"fmt"
	"testing"

	"prava/record"
)

// TestLandAuthority: a complaint about a private German company goes to
// the authority of the Land of its seat, found from the postcode, at the
// region borders too; an address abroad or without a postcode leaves the
// federal one.
func TestLandAuthority(t *testing.T) {
	bfdi := mustAuthority(t, "EU-DE")
	for _, c := range []struct{ addr, id string }{
		{"Alt-Moabit 59-61\n10555 Berlin\nDeutschland", "deberlbdi"},
		{"Marienplatz 8, 80331 München", "debaylda"},
		{"Ludwig-Erhard-Str 22, 20459 Hamburg", "dehmbbfdi"},
		{"Domkloster 4, D-50667 Köln, Germany", "denrwldi"},
		{"Kaiserstraße 1, 60311 Frankfurt am Main", "dehessbdi"},
		{"Königstraße 1, 70173 Stuttgart", "debawueldb"},
		{"Prager Str. 1, 01069 Dresden", "desaechsdsb"},
		{"Augustusplatz 1, 04109 Leipzig", "desaechsdsb"},
		{"Ernst-August-Platz 1, 30159 Hannover", "dendslfd"},
		{"Am Markt 1, 28195 Bremen", "debrelfdi"},
		{"Arndtstraße 1, 27570 Bremerhaven", "debrelfdi"},
		{"Holstenstraße 1, 24103 Kiel", "deshuld"},
		{"Lennéstraße 1, 19053 Schwerin", "demvldi"},
		{"Breiter Weg 1, 39104 Magdeburg", "desalbd"},
		{"Anger 1, 99084 Erfurt", "detlfdi"},
		{"Markt 1, 55116 Mainz", "derlpbdi"},
		{"Fritz-Dobisch-Straße 12, 66111 Saarbrücken", "desaarudz"},
		{"Friedrich-Ebert-Str. 1, 14467 Potsdam", "debralda"},
		{"Wilhelmstraße 1, 65183 Wiesbaden", "dehessbdi"},
		{"Kavalleriestraße 2, 40213 Düsseldorf", "denrwldi"},
		// At the borders.
		{"Münsterplatz 1, 89073 Ulm", "debawueldb"},
		{"Augsburger Str. 1, 89231 Neu-Ulm", "debaylda"},
		{"Herstallstraße 1, 63739 Aschaffenburg", "debaylda"},
		{"O 1, 68159 Mannheim", "debawueldb"},
		{"Rathausstraße 1, 68519 Viernheim", "dehessbdi"},
		{"Bregenzer Str. 1, 88131 Lindau", "debaylda"},
		{"Rathausallee 1, 22846 Norderstedt", "deshuld"},
		{"Harburger Ring 1, 21073 Hamburg", "dehmbbfdi"},
		{"Clayallee 1, 14195 Berlin", "deberlbdi"},
		// Not German, or no postcode: the federal authority stays.
		{"Narva mnt 5, 10117 Tallinn, Estonia", "debfdi"},
		{"12 rue de Rivoli, 75001 Paris, France", "debfdi"},
		{"Postfach, Berlin", "debfdi"},
	} {
		if got := AuthorityAt(bfdi, c.addr); got.ID != c.id {
			t.Errorf("%q: %s, want %s", c.addr, got.ID, c.id)
		}
	}
	// Every region and border maps to an authority the directory has.
	for n := 1000; n <= 99999; n += 7 {
		pc := fmt.Sprintf("%05d", n)
		if id := LandOf(pc); id != "" {
			if a := AuthorityAt(bfdi, pc+" Ort"); a.ID != id {
				t.Fatalf("%s: %s is not in the directory", pc, id)
			}
		}
	}
	// The first address with a German postcode decides; others are skipped.
	if got := AuthorityAt(bfdi, "Narva mnt 5, 10117 Tallinn, Eesti", "Alt-Moabit 59, 10555 Berlin"); got.ID != "deberlbdi" {
		t.Errorf("second address: %s", got.ID)
	}
	// Outside Germany nothing changes.
	if lv := mustAuthority(t, record.Code("EU-LV")); AuthorityAt(lv, "Alt-Moabit 59, 10555 Berlin").ID != lv.ID {
		t.Error("a Latvian authority was replaced")
	}
	if a, ok := AuthorityNamed("Berliner Beauftragte für Datenschutz und Informationsfreiheit"); !ok || a.ID != "deberlbdi" {
		t.Errorf("AuthorityNamed: %v %s", ok, a.ID)
	}
}
