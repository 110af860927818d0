package casework

import (
	"strings"
	"testing"

	"prava/record"
)

// TestComplaintToTheLand: a complaint about a private German company goes
// to the authority of its Land (§ 40 BDSG), not to the federal one, and a
// person living in Germany complains to their own Land's authority about a
// company elsewhere (GDPR Art. 77(1)).
func TestComplaintToTheLand(t *testing.T) {
	for _, c := range []struct {
		name, country, address string
		law                    record.Code
		companyAddress, want   string
	}{
		{"company in Berlin, person in Ukraine", "UA", "vul. Khreshchatyk 1\n01001 Kyiv\nUkraine", "EU-DE",
			"Friedrichstraße 10\n10117 Berlin\nDeutschland", "mailbox@datenschutz-berlin.de"},
		{"company in Munich, person in Ukraine", "UA", "vul. Khreshchatyk 1\n01001 Kyiv\nUkraine", "EU-DE",
			"Marienplatz 8, 80331 München", "poststelle@lda.bayern.de"},
		{"person in Hamburg, company in Latvia", "DE", "Ludwig-Erhard-Str. 1\n20459 Hamburg\nDeutschland", "EU-LV",
			"Brīvības iela 1, Rīga, LV-1010", "mailbox@datenschutz.hamburg.de"},
		{"no postcode: the federal authority", "UA", "vul. Khreshchatyk 1\n01001 Kyiv\nUkraine", "EU-DE",
			"Friedrichstraße 10, Berlin, Germany", "poststelle@bfdi.bund.de"},
	} {
		t.Run(c.name, func(t *testing.T) {
			k, _, _ := newDesk(t)
			p := k.Data().Profile
			p.Country, p.Address = c.country, c.address
			if err := k.SaveProfile(p); err != nil {
				t.Fatal(err)
			}
			co, err := k.AddCompany(record.Company{Name: "Beispiel GmbH", Jurisdiction: c.law, Language: "en",
				Contacts: []record.Contact{{Kind: record.ByEmail, Value: "privacy@beispiel.example"}, {Kind: record.ByPost, Value: c.companyAddress}}}, false, "")
			if err != nil {
				t.Fatal(err)
			}
			rid := sentRequest(t, k, co.ID)
			if err := k.Record(rid, EventRefused, testDay, Detail{Note: "no"}); err != nil {
				t.Fatal(err)
			}
			w, err := k.FollowUp(rid, record.Complaint)
			if err != nil {
				t.Fatal(err)
			}
			if w.Request.Contact != c.want || !strings.Contains(w.Letter.Text(), c.want) {
				t.Errorf("the complaint goes to %q, want %q:\n%s", w.Request.Contact, c.want, w.Letter.Text())
			}
		})
	}
}
