package directory

import (
	"prava/record"
	"testing"
	"time"
)

func TestDifferences(t *testing.T) {
	d := mustDefault(t)
	g := mustLookup(t, d, "google")
	same := d.Prefill(g, "LV", time.Now())
	if diff := Differences(g, same); len(diff) != 0 {
		t.Errorf("a prefilled company differs from its entry: %+v", diff)
	}
	// As a policy reader might find it: other spacing and case, the same data.
	read := record.Company{
		LegalName: "GOOGLE LLC", Website: "http://google.com", Language: "en",
		Contacts: []record.Contact{
			{Kind: record.ByEmail, Value: "Data-Access-Requests@google.com"},
			{Kind: record.ByPost, Value: "1600 Amphitheatre Pkwy, Mountain View, CA 94043, United States of America"},
			{Kind: record.ByPhone, Value: "+1 (650) 253-0000"},
			{Kind: record.ByWebForm, Value: "takeout.google.com"},
		},
	}
	if diff := Differences(g, read); len(diff) != 0 {
		t.Errorf("differences in form only: %+v", diff)
	}
	// Disagreeing on the e-mail and the address, and no web form at all.
	other := record.Company{
		LegalName: "Google Ireland Limited",
		Contacts: []record.Contact{
			{Kind: record.ByEmail, Value: "support-deutschland@google.com"},
			{Kind: record.ByPost, Value: "Gordon House, Barrow Street\nDublin 4\nIreland"},
		},
	}
	got := map[string]Difference{}
	for _, x := range Differences(g, other) {
		got[x.Field] = x
	}
	if got["name"].Company != "Google Ireland Limited" || got["e-mail"].Directory != "data-access-requests@google.com" ||
		got["postal address"].Company == "" || got["web form"].Company != "" || got["web form"].Directory == "" {
		t.Errorf("differences: %+v", got)
	}
	if _, ok := got["web site"]; ok {
		t.Error("a company with no web site differs on it")
	}
}
