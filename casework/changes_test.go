package casework

import (
	"path/filepath"
	"testing"
	"time"

	"prava/policy"
	"prava/record"
)

func readSeed(t *testing.T, name string) policy.Source {
	t.Helper()
	src, err := policy.ReadFile(filepath.Join("..", "policy", "testdata", "seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func TestPolicyChangesAndSnapshot(t *testing.T) {
	day1 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	src := readSeed(t, "003_667823663de3ed12.txt")
	f := policy.Analyze(src.Text)
	c := CompanyFromPolicy(src, f, day1)
	if got := PolicyChanges(SnapshotFindings(c.Policies[0]), f); len(got) != 0 {
		t.Errorf("the same reading differs from itself: %+v", got)
	}
	// The company moves, changes its privacy address and its promise.
	src2 := src
	src2.Text = src.Text + "\nNew address: Gedimino pr. 9, LT-01103 Vilnius. Write to privacy@costless.lt; we answer within 20 days."
	src2.RetrievedAt = day1.AddDate(0, 0, 14)
	f2 := policy.Analyze(src2.Text)
	changes := PolicyChanges(SnapshotFindings(c.Policies[0]), f2)
	fields := map[string]Change{}
	for _, ch := range changes {
		fields[ch.Field] = ch
	}
	if ch, ok := fields["emails"]; !ok || ch.New == ch.Old {
		t.Errorf("a new e-mail is not a change: %+v", changes)
	}
	c.Contacts = append(c.Contacts, record.Contact{Kind: record.ByPhone, Value: "+370 600 00000", Label: "mine"})
	before := len(c.Contacts)
	AddSnapshot(&c, src2, f2, src2.RetrievedAt)
	if len(c.Policies) != 2 || c.Policies[1].SHA256 == c.Policies[0].SHA256 {
		t.Fatalf("the new snapshot is not kept after the old: %d", len(c.Policies))
	}
	found := false
	for _, ct := range c.Contacts {
		found = found || ct.Value == "privacy@costless.lt"
	}
	if !found || len(c.Contacts) <= before {
		t.Errorf("the new address was not added: %+v", c.Contacts)
	}
	if c.Contacts[before-1].Label != "mine" {
		t.Error("a contact the person entered was lost")
	}
	if !c.Updated.Equal(src2.RetrievedAt) {
		t.Error("Updated not moved")
	}
}

// TestCompanyUsesThePrivacyAddress: a request goes to the address the
// policy names with the marking it asks for (seed 003: mail@…, not the
// data.controller@… given for another entity, M14); with no such sentence,
// to the address that speaks of privacy.
func TestCompanyUsesThePrivacyAddress(t *testing.T) {
	src := readSeed(t, "003_667823663de3ed12.txt")
	c := CompanyFromPolicy(src, policy.Analyze(src.Text), time.Now())
	i, ok := c.Use["access"]
	if !ok || c.Contacts[i].Value != "mail@costless.com.ua" {
		t.Errorf("access goes to %+v (use %v)", c.Contacts, c.Use)
	}
	plain := policy.Source{Decoded: policy.Decoded{Text: "Privacy policy\n\nAcme Shop SIA is the controller of your personal data. You may contact us at info@acmeshop.lv.\n" +
		"To exercise your right of access or erasure, write to privacy@acmeshop.lv.\n"}}
	c = CompanyFromPolicy(plain, policy.Analyze(plain.Text), time.Now())
	if i, ok := c.Use["access"]; !ok || c.Contacts[i].Value != "privacy@acmeshop.lv" {
		t.Errorf("without a marking, access goes to %+v (use %v)", c.Contacts, c.Use)
	}
}

func TestReviewedCompanyKeepsFindingsAsRead(t *testing.T) {
	src := readSeed(t, "000_131528efbcf5aff0.txt")
	read := policy.Analyze(src.Text)
	edited := *read
	name := "TOV Lantrace"
	edited.Controller, edited.DisplayName = &name, "Lantrace"
	c := ReviewedCompany(src, read, &edited, time.Now())
	if c.Name != "Lantrace" || c.LegalName != name {
		t.Errorf("edits not applied: %q %q", c.Name, c.LegalName)
	}
	if got := SnapshotFindings(c.Policies[0]); got == nil || got.Controller != nil || got.DisplayName != read.DisplayName {
		t.Errorf("snapshot findings are not the ones read: %+v", got)
	}
}
