package directory

import (
	"reflect"
	"testing"

	"prava/directory/internal/snapshot"
)

// TestParseRoundTrip encodes a small snapshot and reads it back.
func TestParseRoundTrip(t *testing.T) {
	s := &snapshot.Snapshot{
		Records: []snapshot.Record{{
			Slug: "a", Name: "A Ltd", Runs: []string{"Ä brand"}, Address: "1 St\nRiga\nLatvia", Email: "p@a.lv", Webform: "https://a.lv/f",
			Phone: "+371 1 2", Fax: "+371 3 4", Web: "https://a.lv", RelevantCountries: []string{"lv", "lt"}, Categories: []string{"utility"},
			SuggestedMedium: "webform", RequiredElements: []snapshot.Element{{Desc: "Customer no.", Type: "input", Optional: true}},
			NeedsIDDocument: true, RequestLanguage: "lv", Comments: []string{"c1"}, Quality: "tested", FacetGroup: "school",
		}, {Slug: "b", Name: "B GmbH", Address: "x\nDeutschland", RelevantCountries: []string{"de"}, Quality: "verified"}},
		Packs: []snapshot.Pack{{Country: "lv", Slug: "p", Type: "choose", Companies: []string{"a", "b"}}},
	}
	d, err := Parse(snapshot.Encode(s))
	if err != nil {
		t.Fatal(err)
	}
	want := Entry{Slug: "a", Name: "A Ltd", Runs: []string{"Ä brand"}, Address: "1 St\nRiga\nLatvia", Email: "p@a.lv", WebForm: "https://a.lv/f",
		Phone: "+371 1 2", Fax: "+371 3 4", Web: "https://a.lv", Countries: []string{"lv", "lt"}, Categories: []string{"utility"},
		Channel: ChannelWebForm, Required: []Element{{Desc: "Customer no.", Type: "input", Optional: true}}, NeedsIDDocument: true,
		Language: "lv", Comments: []string{"c1"}, Quality: "tested", Facet: "school"}
	if got := d.Entries()[0]; !reflect.DeepEqual(got, want) {
		t.Errorf("entry a:\n got %+v\nwant %+v", got, want)
	}
	if b := d.Entries()[1]; b.Channel != ChannelLetter {
		t.Errorf("b has no e-mail and suggests nothing: channel %q, want letter (the schema's default)", b.Channel)
	}
	if p := d.AllPacks(); len(p) != 1 || !reflect.DeepEqual(p[0], s.Packs[0]) {
		t.Errorf("packs: %+v", p)
	}
	if h := d.Search("a brand", Options{}); len(h) != 1 || h[0].Rank != RankBrand {
		t.Errorf("search in the round trip: %+v", h)
	}
}

// FuzzParse feeds damaged directory files to Parse: it must return an
// error or a directory, never panic or hang.
func FuzzParse(f *testing.F) {
	small := snapshot.Encode(&snapshot.Snapshot{Records: []snapshot.Record{{Slug: "a", Name: "A Ltd", Runs: []string{"x"}, Address: "Riga", RelevantCountries: []string{"lv"}, Quality: "verified"}}})
	f.Add(small)
	f.Add(small[:len(small)-3])
	f.Add([]byte(snapshot.Magic + "\x00\x00\x00\xff\xff\xff\xff\x0f"))
	f.Add(embedded[:4096])
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse(data)
		if err == nil {
			d.Search("a", Options{Limit: 3})
			for _, p := range d.AllPacks() {
				d.PackEntries(p)
			}
		}
	})
}
