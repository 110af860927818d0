package casework

import (
	"slices"
	"strings"
	"testing"

	"prava/policy"
	"prava/record"
)

// TestPromiseQuotedForItsKind: seed 002 promises a copy of the data within
// two weeks; the access letter quotes it, the erasure and withdrawal
// letters do not (letters-review-2 M13). A promise for any request
// (seed 004) covers every kind, and a term the person types too.
func TestPromiseQuotedForItsKind(t *testing.T) {
	src := readSeed(t, "002_9689a5f9d2eaae8f.txt")
	c := CompanyFromPolicy(src, policy.Analyze(src.Text), testDay)
	if c.PromisedDays != 14 || !slices.Equal(c.PromisedFor, []record.Kind{record.Access}) {
		t.Fatalf("seed 002: %d days for %v, want 14 for access", c.PromisedDays, c.PromisedFor)
	}
	any4 := readSeed(t, "004_c9271ffe27ce26c1.txt")
	if c4 := CompanyFromPolicy(any4, policy.Analyze(any4.Text), testDay); c4.PromisedDays != 30 || c4.PromisedFor != nil {
		t.Errorf("seed 004: %d days for %v, want 30 for every kind", c4.PromisedDays, c4.PromisedFor)
	}

	k, _, _ := newDesk(t)
	c.Contacts = append(c.Contacts, record.Contact{Kind: record.ByEmail, Value: "privacy@latinsoft.example"})
	added, err := k.AddCompany(c, false, src.Location)
	if err != nil {
		t.Fatal(err)
	}
	ws, err := k.WriteRequests(added.ID, []Draft{{Kind: record.Access, Contact: -1, Date: testDay, Lang: "en"},
		{Kind: record.Erasure, Contact: -1, Date: testDay, Lang: "en"}, {Kind: record.Withdrawal, Contact: -1, Date: testDay, Lang: "en"}})
	if err != nil {
		t.Fatal(err)
	}
	const quote = "within 14 days"
	for _, w := range ws {
		if got := strings.Contains(w.Letter.Text(), quote); got != (w.Request.Kind == record.Access) {
			t.Errorf("%s letter quotes the promise: %v\n%s", w.Request.Kind, got, w.Letter.Text())
		}
	}
	// The person's own term is for every request.
	days := 10
	if err := k.EditCompany(added.ID, CompanyEdit{PromisedDays: &days}); err != nil {
		t.Fatal(err)
	}
	if got := k.Data().Company(added.ID); got.PromisedDays != 10 || got.PromisedFor != nil {
		t.Errorf("after the edit: %d days for %v", got.PromisedDays, got.PromisedFor)
	}
}

// TestRequestsGoWhereTheMarkingSays: seed 003 asks for the words
// „Privatumo politika“ in the subject of a request sent to
// mail@costless.com.ua; its letters go there, not to the other address
// the policy gives (data.controller@…, for another entity) — M14.
func TestRequestsGoWhereTheMarkingSays(t *testing.T) {
	k, _, id := newDesk(t)
	ws, err := k.WriteRequests(id, []Draft{{Kind: record.Access, Contact: -1, Date: testDay}, {Kind: record.Erasure, Contact: -1, Date: testDay}})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range ws {
		if w.Request.Contact != "mail@costless.com.ua" || !strings.Contains(w.Request.Subject, "Privatumo politika") {
			t.Errorf("%s goes to %q with subject %q", w.Request.Kind, w.Request.Contact, w.Request.Subject)
		}
	}
}
