package directory

import (
	"strings"
	"testing"
	"time"

	"prava/law"
	"prava/record"
)

func mustLookup(t *testing.T, d *Directory, slug string) *Entry {
	t.Helper()
	e, ok := d.Lookup(slug)
	if !ok {
		t.Fatalf("%s is not in the directory", slug)
	}
	return e
}

func TestEveryAddressHasAKnownCountry(t *testing.T) {
	d := mustDefault(t)
	for i := range d.Entries() {
		e := &d.Entries()[i]
		if e.Country() == "" {
			lines := strings.Split(e.Address, "\n")
			t.Errorf("%s: no country known for the address's last line %q", e.Slug, lines[len(lines)-1])
		}
	}
}

func TestLaw(t *testing.T) {
	d := mustDefault(t)
	tests := []struct {
		slug, residence string
		want            record.Code
		company         string
	}{
		{"google", "LV", "EU-LV", "US"},      // US company, EU resident: Art. 3(2)
		{"google", "de", "EU-DE", "US"},      // any case
		{"google", "UA", "UA", "US"},         // outside the EU, for a person in Ukraine: 2297-VI
		{"google", "ru", "RU", "US"},         // in Russia: 152-FZ Art. 1 part 1.1
		{"google", "US", "", "US"},           // a country whose law Prava does not write under: the person picks
		{"google", "EU", "", "US"},           // not a country
		{"google", "", "", "US"},             // residence unknown
		{"booking-com", "UA", "EU-NL", "NL"}, // EU company: its member state, wherever the person lives
		{"booking-com", "LV", "EU-NL", "NL"},
		{"facebook", "RU", "EU-IE", "IE"},
		{"tele2", "LT", "EU-DE", "DE"},
	}
	for _, tt := range tests {
		c := Law(mustLookup(t, d, tt.slug), tt.residence)
		if c.Code != tt.want || c.Company != tt.company || c.Decided() != (tt.want != "") || c.Why == "" {
			t.Errorf("Law(%s, %q) = %+v, want %q for a company in %s", tt.slug, tt.residence, c, tt.want, tt.company)
		}
		if c.Decided() {
			if _, err := law.Lookup(string(c.Code), law.DefaultOptions()); err != nil {
				t.Errorf("Law(%s, %q) chose %s, which law does not know: %v", tt.slug, tt.residence, c.Code, err)
			}
		}
	}
	// A company whose country cannot be read: the residence decides.
	odd := Entry{Name: "Odd Ltd", Address: "1 Road\nAtlantis"}
	if c := Law(&odd, "lt"); c.Code != "EU-LT" || !strings.Contains(c.Why, "cannot read") {
		t.Errorf("unknown country, resident of LT: %+v", c)
	}
	// A company in Ukraine, for a person in Ukraine: Ukrainian law.
	ua := Entry{Name: "Kyivstar", Address: "vul. Dehtiarivska 53\nKyiv\nUkraine"}
	if c := Law(&ua, "UA"); c.Code != "UA" {
		t.Errorf("Ukrainian company, Ukrainian resident: %+v", c)
	}
}

func TestPrefillGoogle(t *testing.T) {
	d := mustDefault(t)
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	c := d.Prefill(mustLookup(t, d, "google"), "LV", now)
	if c.ID == "" || c.Name != "Google LLC" || c.LegalName != "Google LLC" || c.Jurisdiction != "EU-LV" || c.Website != "https://www.google.com/" || !c.Created.Equal(now) {
		t.Errorf("prefilled Google: %+v", c)
	}
	byKind := map[record.Channel]string{}
	for _, ct := range c.Contacts {
		byKind[ct.Kind] = ct.Value
	}
	if byKind[record.ByEmail] != "data-access-requests@google.com" || !strings.Contains(byKind[record.ByPost], "Mountain View") ||
		byKind[record.ByWebForm] != "https://takeout.google.com/" || byKind[record.ByPhone] != "+1 650 253 0000" {
		t.Errorf("Google's contacts: %v", c.Contacts)
	}
	// Google suggests its web form: every request kind routes there.
	if i, ok := c.Use["access"]; !ok || c.Contacts[i].Kind != record.ByWebForm || c.Use["erasure"] != i {
		t.Errorf("Use = %v, want the web form for every kind", c.Use)
	}
	for _, want := range []string{"as of 2026-07-21", "web form", "Name; E-Mail", "Fax: +1 650 618 1806", "dpo-google@google.com", "https://www.datarequests.org/company/google"} {
		if !strings.Contains(c.Notes, want) {
			t.Errorf("Notes lack %q:\n%s", want, c.Notes)
		}
	}
	slug, asOf, ok := FromDirectory(c)
	if !ok || slug != "google" || asOf != "2026-07-21" {
		t.Errorf("FromDirectory = %q, %q, %v", slug, asOf, ok)
	}
	if c.Directory != (record.DirectoryLink{Slug: "google", AsOf: "2026-07-21"}) {
		t.Errorf("Directory = %+v, want the slug and the snapshot's date", c.Directory)
	}
	// The person rewrites the note: the link stays.
	c.Notes = "my own words"
	if slug, _, ok := FromDirectory(c); !ok || slug != "google" {
		t.Errorf("after editing Notes, FromDirectory = %q, %v", slug, ok)
	}
	// A company stored before the field existed: the note's first line.
	legacy := record.Company{Notes: Marker + ": tele2, as of 2025-01-02. Source: x"}
	if slug, asOf, ok := FromDirectory(legacy); !ok || slug != "tele2" || asOf != "2025-01-02" {
		t.Errorf("legacy FromDirectory = %q, %q, %v", slug, asOf, ok)
	}
	if _, _, ok := FromDirectory(record.Company{Notes: "my own note"}); ok {
		t.Error("a company the person added counts as from the directory")
	}
}

func TestPrefillChannels(t *testing.T) {
	d := mustDefault(t)
	for _, e := range d.Entries() {
		c := d.Prefill(&e, "DE", time.Now())
		i, ok := c.Use["access"]
		if !ok {
			if e.Email != "" || e.Address != "" {
				t.Errorf("%s: no contact for access requests", e.Slug)
			}
			continue
		}
		want := map[string]record.Channel{ChannelEmail: record.ByEmail, ChannelWebForm: record.ByWebForm,
			ChannelLetter: record.ByPost, ChannelFax: record.ByPost}[e.Channel]
		got := c.Contacts[i].Kind
		if got != want && !(e.Channel == ChannelWebForm && e.WebForm == "") && !(e.Channel == ChannelEmail && e.Email == "") {
			t.Errorf("%s suggests %s, access goes to %s", e.Slug, e.Channel, got)
		}
	}
	// TikTok takes requests only through its web form.
	tt := mustLookup(t, d, "tiktok")
	c := d.Prefill(tt, "LV", time.Now())
	if tt.Channel != ChannelWebForm || c.Contacts[c.Use["access"]].Kind != record.ByWebForm {
		t.Errorf("TikTok: channel %s, access via %v", tt.Channel, c.Contacts[c.Use["access"]])
	}
}

func TestPacks(t *testing.T) {
	d := mustDefault(t)
	de := d.Packs("DE")
	if len(de) == 0 || de[0].Country != "de" {
		t.Fatalf("packs for DE: %+v", de)
	}
	seenAll := false
	for _, p := range de {
		if p.Country == "all" {
			seenAll = true
		} else if seenAll || p.Country != "de" {
			t.Errorf("pack %s/%s out of order for DE", p.Country, p.Slug)
		}
		if got := d.PackEntries(p); len(got) != len(p.Companies) || len(got) == 0 {
			t.Errorf("pack %s/%s: %d of %d companies found", p.Country, p.Slug, len(got), len(p.Companies))
		}
	}
	for _, p := range d.Packs("lv") {
		if p.Country != "all" {
			t.Errorf("Latvia got the %s pack %s", p.Country, p.Slug)
		}
	}
	if len(d.Packs("lv")) == 0 {
		t.Error("no packs for everyone")
	}
}
