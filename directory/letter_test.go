package directory_test

import (
	"strings"
	"testing"
	"time"

	"prava/casework"
	"prava/directory"
	"prava/record"
)

// TestLetterToDirectoryCompany writes an access letter to companies added
// from the directory, through casework as the command line and the app
// do: the prefilled record must be enough to write to.
func TestLetterToDirectoryCompany(t *testing.T) {
	d, err := directory.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ slug, residence, to, channel, law string }{
		// Where the record suggests its web form, the letter is written
		// for pasting there, and tracked as sent through the form.
		{"google", "LV", "https://takeout.google.com/", "web form", "EU-LV"},
		{"booking-com", "LT", "dataprotectionoffice@booking.com", "email", "EU-NL"},
		{"tiktok", "LV", "https://www.tiktok.com/legal/report/privacy", "web form", "EU-IE"},
	} {
		e, ok := d.Lookup(tt.slug)
		if !ok {
			t.Fatalf("%s missing", tt.slug)
		}
		c := d.Prefill(e, tt.residence, time.Now())
		data := &record.Data{
			Profile:   record.Profile{Name: "Anna Bērziņa", Address: "Brīvības iela 1\nRīga", Email: "anna@example.lv", Country: tt.residence},
			Companies: []record.Company{c},
		}
		w, err := casework.Write(data, c.ID, casework.Draft{Kind: record.Access, Contact: -1, Date: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Errorf("%s: %v", tt.slug, err)
			continue
		}
		if w.Request.Contact != tt.to || string(w.Request.Channel) != tt.channel {
			t.Errorf("%s: the letter goes to %q by %s, want %q by %s", tt.slug, w.Request.Contact, w.Request.Channel, tt.to, tt.channel)
		}
		if string(c.Jurisdiction) != tt.law || len(w.PDF) == 0 || !strings.Contains(w.Letter.Text(), e.Name) {
			t.Errorf("%s: law %s, %d bytes of PDF, letter names the company: %v", tt.slug, c.Jurisdiction, len(w.PDF), strings.Contains(w.Letter.Text(), e.Name))
		}
	}
}
