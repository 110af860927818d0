package policy

import "testing"

// TestCzechRoles: a Czech policy labels its controller "správce" and its
// processors "zpracovatel"; with two companies named, the role words
// decide. The companies are invented.
func TestCzechRoles(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"label", "Zásady ochrany osobních údajů\n\nZpracovatel: Rychlý Server a.s., IČO 87654321, Brno.\n\nSprávce: Modrá Louka s.r.o., IČO 12345678, Husova 12, 110 00 Praha 1.\n\nE-mail: louka.info@gmail.com",
			"Modrá Louka s.r.o."},
		{"copula", "Ochrana osobních údajů\n\nZpracovatelem je Rychlý Server a.s., IČO 87654321. Správcem osobních údajů je Modrá Louka s.r.o., IČO 12345678.\n\nE-mail: louka.info@gmail.com",
			"Modrá Louka s.r.o."},
		{"operator", "Zásady ochrany osobních údajů\n\nProvozovatelem webu je Modrá Louka s.r.o., IČO 12345678. Hosting zajišťuje Rychlý Server a.s., IČO 87654321, jako zpracovatel.\n\nE-mail: louka.info@gmail.com",
			"Modrá Louka s.r.o."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := Analyze(c.text)
			if f.Controller == nil || *f.Controller != c.want {
				t.Errorf("controller = %s, want %q (alternatives %s)", show(f.Controller), c.want, show(f.Alternatives))
			}
		})
	}
}
