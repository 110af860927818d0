package casework

import (
	"testing"

	"prava/record"
)

func TestBestContact(t *testing.T) {
	e := func(v, label string) record.Contact {
		return record.Contact{Kind: record.ByEmail, Value: v, Label: label}
	}
	p := func(v string) record.Contact { return record.Contact{Kind: record.ByPost, Value: v} }
	for _, c := range []struct {
		name     string
		contacts []record.Contact
		want     record.Channel
		best     int
	}{
		{"none of the channel", []record.Contact{p("1 Main St, 10115 Berlin")}, record.ByEmail, -1},
		{"the first when no word says privacy", []record.Contact{e("info@x.com", ""), e("sales@x.com", "")}, record.ByEmail, 0},
		{"the privacy address among several", []record.Contact{e("info@x.com", ""), e("privacy@x.com", "")}, record.ByEmail, 1},
		{"the DPO before a privacy address", []record.Contact{e("privacy@x.com", ""), p("a"), e("anna@x.com", "DPO")}, record.ByEmail, 2},
		{"the first postal address", []record.Contact{e("privacy@x.com", ""), p("a"), p("b")}, record.ByPost, 1},
	} {
		if got := bestContact(c.contacts, c.want); got != c.best {
			t.Errorf("%s: bestContact = %d, want %d", c.name, got, c.best)
		}
	}
}
