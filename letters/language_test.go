package letters

import (
	"strings"
	"testing"
	"time"

	"prava/law"
	"prava/record"
)

// TestRussianOperatorLanguage: a request under 152-FZ in a language other
// than Russian warns that the operator may ask for Russian (review 2, L15);
// one in Russian does not.
func TestRussianOperatorLanguage(t *testing.T) {
	for _, lang := range []string{"ru", "uk", "lv", "lt", "en"} {
		r := sampleRequest(lang, record.Access)
		r.Jurisdiction = "RU"
		r.Channel = record.ByPost
		l, err := Compose(r)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		warned := strings.Contains(strings.Join(l.Warnings, "\n"), "Russian version")
		if warned != (lang != "ru") {
			t.Errorf("%s letter under 152-FZ: warnings %q", lang, l.Warnings)
		}
	}
}

// TestComplaintSenderWithoutCustomerNumber: a complaint goes to an
// authority, which has no use for the customer number in the sender
// block (review 2, L11); a request to the company keeps it.
func TestComplaintSenderWithoutCustomerNumber(t *testing.T) {
	for _, lang := range []string{"uk", "lv", "lt", "en"} {
		for _, kind := range []record.Kind{record.Access, record.Complaint} {
			l, err := Compose(sampleRequest(lang, kind))
			if err != nil {
				t.Fatalf("%s %s: %v", lang, kind, err)
			}
			if has := strings.Contains(l.Text(), "A-77"); has != (kind != record.Complaint) {
				t.Errorf("%s %s: customer number shown %v:\n%s", lang, kind, has, l.Text())
			}
		}
	}
}

// TestAddressWithoutRepeatedName: an address whose first line repeats the
// company's name does not name it twice on the envelope (review 2, L10).
func TestAddressWithoutRepeatedName(t *testing.T) {
	r := sampleRequest("en", record.Access)
	r.To.Name = "AITEMA GmbH"
	r.To.Registration = ""
	r.To.Address = "AITEMA GmbH i.G., Musterstraße 1, 10115 Berlin, Deutschland"
	l, err := Compose(r)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(strings.Join(l.Recipient, "\n"), "AITEMA"); n != 1 {
		t.Errorf("the name %d times:\n%s", n, strings.Join(l.Recipient, "\n"))
	}
	if got := dropNameLine("AITEMA GmbH", "AITEMA GmbH i.G.\nPrenzlauer Allee 229\n10405 Berlin\nDeutschland"); got != "Prenzlauer Allee 229\n10405 Berlin\nDeutschland" {
		t.Errorf("a name line over a written-out address stays: %q", got)
	}
	if got := dropNameLine("ООО «Старт»", "ул. Ленина, 1, Москва"); got != "ул. Ленина, 1, Москва" {
		t.Errorf("an address without the name changed: %q", got)
	}
}

// TestAddressCountryFirst: an address written from the country down is
// printed street / town / country (review 2, L10: Costless).
func TestAddressCountryFirst(t *testing.T) {
	got := strings.Join(splitAddress("Ukraine, Kyiv city, Timoshenka 29A"), " / ")
	if want := "Timoshenka 29A / Kyiv / Ukraine"; got != want {
		t.Errorf("splitAddress = %q, want %q", got, want)
	}
	if got := strings.Join(splitAddress("Elijas iela 17, Rīga, LV-1050, Latvija"), " / "); got != "Elijas iela 17 / Rīga, LV-1050 / Latvija" {
		t.Errorf("a street-first address changed: %q", got)
	}
}

// TestLatvianCopyOfData: the Latvian access letter asks in every law for
// the copy "kas glabājas …, arī datu par … lietošanu", the genitive
// after "kopiju", never "arī datus par" (review 2, L1).
func TestLatvianCopyOfData(t *testing.T) {
	for _, code := range []record.Code{"EU-LV", "UA", "RU"} {
		r := sampleRequest("lv", record.Access)
		r.Jurisdiction = code
		l, err := Compose(r)
		if err != nil {
			t.Fatalf("%s: %v", code, err)
		}
		text := l.Text()
		if !strings.Contains(text, "kopiju, kas glabājas") || !strings.Contains(text, "datu par example.lv lietošanu") || strings.Contains(text, "datus par") {
			t.Errorf("%s: the copy asked for:\n%s", code, text)
		}
	}
}

// TestFollowUpFixtureDates: the original request the sample follow-ups
// quote was due on a working day of its law (not Sunday 1 November
// 2026), and the reminder went after that day, its own term ending before
// the letters are written (issue 23, the lv follow-ups).
func TestFollowUpFixtureDates(t *testing.T) {
	for _, lang := range Languages {
		r := sampleRequest(lang, record.Reminder)
		j, err := law.Lookup(string(r.Jurisdiction), law.DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		if off, why := j.Calendar.Off(r.Original.Due); off {
			t.Errorf("%s: the original request was due on %s, %s", lang, r.Original.Due.Format(time.DateOnly), why)
		}
		if !r.Reminder.Sent.After(r.Original.Due) || !r.Reminder.Due.Before(r.Date) {
			t.Errorf("%s: due %s, reminder sent %s and due %s, letter of %s", lang, r.Original.Due.Format(time.DateOnly),
				r.Reminder.Sent.Format(time.DateOnly), r.Reminder.Due.Format(time.DateOnly), r.Date.Format(time.DateOnly))
		}
	}
}
