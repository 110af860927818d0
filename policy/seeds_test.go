package policy

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// seedExpectation is one entry of testdata/seeds/expected.json: what a
// careful reader finds in each of the five real policies. Optional fields
// are pointers so that an absent key is not checked.
type seedExpectation struct {
	File             string            `json:"file"`
	Language         string            `json:"language"`
	Jurisdiction     string            `json:"jurisdiction"`
	Controller       *string           `json:"controller"`
	DisplayName      *string           `json:"display_name"`
	LegalEntities    []string          `json:"legal_entities"`
	OtherControllers []string          `json:"other_controllers"`
	Brand            *string           `json:"brand"`
	Registration     *string           `json:"registration"`
	Emails           []string          `json:"emails"`
	Addresses        []string          `json:"addresses"`
	Websites         []string          `json:"websites"`
	Phones           []string          `json:"phones"`
	DPO              *Officer          `json:"dpo"`
	Markings         Markings          `json:"markings"`
	ResponseDays     *int              `json:"response_days"`
	Channels         map[string]string `json:"channels"`
}

func loadExpectations(t testing.TB, dir string) []seedExpectation {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var seeds []seedExpectation
	if err := json.Unmarshal(data, &seeds); err != nil {
		t.Fatal(err)
	}
	if len(seeds) < 5 {
		t.Fatalf("%s/expected.json has %d policies, want at least 5", dir, len(seeds))
	}
	return seeds
}

// TestSeeds reads each of the five real policies from disk, as the command
// line does, and compares every field expected.json names.
func TestSeeds(t *testing.T) { testCorpus(t, "seeds") }

// TestPolicies does the same for policies written for these tests, in more
// languages, formats and address styles than the seeds have.
func TestPolicies(t *testing.T) { testCorpus(t, "policies") }

func testCorpus(t *testing.T, dir string) {
	for _, want := range loadExpectations(t, dir) {
		t.Run(want.File, func(t *testing.T) {
			src, err := ReadFile(filepath.Join("testdata", dir, want.File))
			if err != nil {
				t.Fatal(err)
			}
			got := Analyze(src.Text)
			check := func(field string, got, want any) {
				t.Helper()
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s = %s, want %s", field, show(got), show(want))
				}
			}
			check("language", got.Language, want.Language)
			check("jurisdiction", got.Jurisdiction, want.Jurisdiction)
			check("controller", got.Controller, want.Controller)
			if want.DisplayName != nil {
				check("display_name", got.DisplayName, *want.DisplayName)
			}
			if want.LegalEntities != nil {
				check("legal_entities", got.LegalEntities, want.LegalEntities)
			}
			if want.OtherControllers != nil {
				check("other_controllers", got.OtherControllers, want.OtherControllers)
			}
			if want.Brand != nil {
				check("brand", got.Brand, want.Brand)
			}
			check("registration", got.Registration, want.Registration)
			check("emails", got.Emails, want.Emails)
			check("addresses", got.Addresses, want.Addresses)
			check("websites", got.Websites, want.Websites)
			check("phones", got.Phones, want.Phones)
			check("dpo", got.DPO, want.DPO)
			check("markings", got.Markings, want.Markings)
			check("response_days", got.ResponseDays, want.ResponseDays)
			if want.Channels == nil {
				checkEvidence(t, src.Text, got)
				return
			}
			for kind, ch := range map[string]*string{KindAccess: got.Channels.Access, KindErasure: got.Channels.Erasure, KindWithdrawal: got.Channels.Withdrawal} {
				wantCh, ok := want.Channels[kind]
				var wantPtr *string
				if ok && wantCh != "" {
					wantPtr = &wantCh
				}
				check("channels."+kind, ch, wantPtr)
			}
			checkEvidence(t, src.Text, got)
		})
	}
}

// checkEvidence makes sure every piece of evidence points at real text.
func checkEvidence(t *testing.T, text string, f *Findings) {
	t.Helper()
	for _, e := range f.Evidence {
		if e.Offset < 0 || e.Offset > len(text) {
			t.Errorf("evidence for %s has offset %d outside the text (%d bytes)", e.Field, e.Offset, len(text))
		}
		if e.Snippet == "" {
			t.Errorf("evidence for %s %q has no snippet", e.Field, e.Value)
		}
	}
	for field, values := range map[string][]string{"emails": f.Emails, "addresses": f.Addresses, "websites": f.Websites} {
		for _, v := range values {
			found := false
			for _, e := range f.EvidenceFor(field) {
				found = found || e.Value == v
			}
			if !found {
				t.Errorf("%s %q has no evidence", field, v)
			}
		}
	}
}

func show(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
