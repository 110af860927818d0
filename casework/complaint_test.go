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

// TestComplaintNamesFurtherControllers: the complaint about seed 003's
// Costless Ukraine, LLC names Sannacode, the further controller its
// policy gives its own address, in the sentence that lodges it, with its
// role as the request letters give it, in every language and under each
// regime; with no further controller the sentence is as before.
func TestComplaintNamesFurtherControllers(t *testing.T) {
	const ruID = "паспорт 45 10 123456, выдан 01.02.2010 ОУФМС России по г. Москве"
	for _, c := range []struct {
		law            record.Code
		country, lang  string
		named, unnamed string
	}{
		{"EU-LT", "LT", "lt", "dėl duomenų valdytojo Costless Ukraine, LLC ir Sannacode (duomenų valdytojas): mano",
			"dėl duomenų valdytojo Costless Ukraine, LLC: mano"},
		{"EU-LV", "LV", "lv", "par Costless Ukraine, LLC un Sannacode (pārzinis): mans", "par Costless Ukraine, LLC: mans"},
		{"UA", "UA", "uk", "на Costless Ukraine, LLC та Sannacode (володілець персональних даних): моє", "на Costless Ukraine, LLC: моє"},
		{"RU", "RU", "ru", "на Costless Ukraine, LLC и Sannacode (оператор персональных данных): моё", "на Costless Ukraine, LLC: моё"},
		{"EU-IE", "IE", "en", "against Costless Ukraine, LLC and Sannacode (data controller), which have not acted",
			"against Costless Ukraine, LLC, which has not acted"},
	} {
		for _, further := range []bool{true, false} {
			d, id := seedData(t, "003_667823663de3ed12.txt")
			d.Profile.Country, d.Profile.IDDocument = c.country, ruID
			co := d.Company(id)
			co.Jurisdiction = c.law
			if !further {
				for i := range co.Contacts {
					co.Contacts[i].Entity = ""
				}
			}
			w, err := Write(d, id, Draft{Kind: record.Access, Contact: -1, Date: testDay})
			if err != nil {
				t.Fatalf("%s: %v", c.law, err)
			}
			d.Requests = append(d.Requests, w.Request)
			if err := Record(&d.Requests[0], EventSent, testDay, testDay); err != nil {
				t.Fatal(err)
			}
			com, err := FollowUp(d, d.Requests[0].ID, record.Complaint, testDay.AddDate(0, 3, 0))
			if err != nil {
				t.Fatalf("%s: %v", c.law, err)
			}
			want := c.named
			if !further {
				want = c.unnamed
			}
			if text := com.Letter.Text(); com.Letter.Lang != c.lang || !strings.Contains(text, want) {
				t.Errorf("%s, further controller %v: the %s complaint lacks %q:\n%.1500s", c.law, further, com.Letter.Lang, want, text)
			}
		}
	}
}
