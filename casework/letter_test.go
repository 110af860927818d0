package casework

import (
	"testing"

	"prava/letters"
	"prava/policy"
	"prava/record"
)

// TestOneLetterPath: a letter written from a policy without storing it
// (the command line's "prava letter --policy") and the letter the desk
// writes to the company added from that policy (the app's writer) go to
// the same contact by the same channel, for every kind. Under 152-FZ both
// take the signed paper letter; the two once chose differently for an
// objection to a Russian company.
func TestOneLetterPath(t *testing.T) {
	for _, seed := range []string{"001_a66e4632f88529cc.txt", "003_667823663de3ed12.txt"} {
		k, _, _ := newDesk(t)
		p := k.View().Profile()
		p.IDDocument = "паспорт 4510 123456, выдан 01.02.2015 ОВД Тверского района г. Москвы"
		if err := k.SaveProfile(p); err != nil {
			t.Fatal(err)
		}
		src := readSeed(t, seed)
		f := policy.Analyze(src.Text)
		c, err := k.AddCompany(CompanyFromPolicy(src, f, testDay), true, src.Location)
		if err != nil {
			t.Fatal(err)
		}
		from := LetterProfile(k.View().Profile())
		for _, kind := range []record.Kind{record.Access, record.Erasure, record.Withdrawal, record.Objection} {
			dr := Draft{Kind: kind, Contact: -1, Date: testDay, Reasons: "I object to being profiled for advertising."}
			ws, err := k.WriteRequests(c.ID, []Draft{dr})
			if err != nil {
				t.Fatalf("%s %s by the desk: %v", seed, kind, err)
			}
			in, err := LetterFromPolicy(src, f, from, LetterChoice{Draft: dr})
			if err != nil {
				t.Fatalf("%s %s from the policy: %v", seed, kind, err)
			}
			got := ws[0].Request
			to := in.To.Email
			if in.Channel == record.ByPost {
				to = in.To.Address
			}
			if got.Channel != in.Channel || got.Contact != to {
				t.Errorf("%s %s: the desk writes by %s to %q, the policy's letter by %s to %q", seed, kind, got.Channel, got.Contact, in.Channel, to)
			}
			if f.Jurisdiction == "RU" && in.Channel != record.ByPost {
				t.Errorf("%s %s under 152-FZ goes by %s, not as a signed paper letter", seed, kind, in.Channel)
			}
			l, err := letters.Compose(in)
			if err != nil {
				t.Fatal(err)
			}
			if l.Text() != ws[0].Letter.Text() {
				t.Errorf("%s %s: the two letters differ", seed, kind)
			}
		}
	}
}
