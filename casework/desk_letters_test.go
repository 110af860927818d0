package casework

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"prava/letters"
	"prava/policy"
	"prava/record"
)

func TestEditDraftLetter(t *testing.T) {
	k, _, id := newDesk(t)
	ws, err := k.WriteRequests(id, []Draft{{Kind: record.Access, Contact: -1, Date: testDay}})
	if err != nil {
		t.Fatal(err)
	}
	rid := ws[0].Request.ID
	body := "Please send me a copy of my data.\n\n– my orders\n– my messages\n\nThank you."
	if err := k.EditLetter(rid, body); err != nil {
		t.Fatal(err)
	}
	r := k.Data().Request(rid)
	text := r.LetterText.String()
	if !strings.Contains(text, "Please send me a copy of my data.") || !strings.Contains(text, "– my messages") || r.Reference != ws[0].Request.Reference {
		t.Errorf("edited letter:\n%s", text)
	}
	if bytes.Equal(r.PDF, ws[0].PDF) || !bytes.HasPrefix(r.PDF, []byte("%PDF")) {
		t.Error("the PDF was not rendered again")
	}
}

// TestOtherKindsAndAnswers: the four other kinds, refused where the law
// grants no such right, and the reply to a usual refusal.
func TestOtherKindsAndAnswers(t *testing.T) {
	k, _, id := newDesk(t) // Costless, under the GDPR (EU-LT)
	_, err := k.WriteRequests(id, []Draft{{Kind: record.Rectification, Contact: -1, Date: testDay}})
	var p *Problem
	if !errors.As(err, &p) || p.Field != "corrections" {
		t.Errorf("a rectification without corrections: %v", err)
	}
	// A restriction with no ground rests on reasons: refused without them,
	// naming the field to fill.
	if _, err := k.WriteRequests(id, []Draft{{Kind: record.Restriction, Contact: -1, Date: testDay}}); !errors.As(err, &p) || p.Field != "reasons" {
		t.Errorf("a restriction without a ground or reasons: %v", err)
	}
	ws, err := k.WriteRequests(id, []Draft{
		{Kind: record.Rectification, Contact: -1, Date: testDay, Corrections: []letters.Correction{{Field: "address", Value: "Gedimino pr. 1, Vilnius"}}},
		{Kind: record.Objection, Contact: -1, Date: testDay},
		{Kind: record.Restriction, Contact: -1, Date: testDay, Reasons: "I object to the profiling (Art. 21(1)) and ask that it stop meanwhile."},
		{Kind: record.Portability, Contact: -1, Date: testDay},
		{Kind: record.Erasure, Contact: -1, Date: testDay, Grounds: []letters.Ground{letters.GroundUnneeded}},
	})
	if err != nil || len(ws) != 5 {
		t.Fatalf("the other kinds: %v", err)
	}
	if !strings.Contains(ws[0].Letter.Text(), "Gedimino pr. 1, Vilnius") {
		t.Error("the rectification lacks the correction")
	}
	// Under Ukrainian law there is no right to portability: refused,
	// naming the closest right, and nothing stored.
	if err := k.EditCompany(id, CompanyEdit{Jurisdiction: new(record.Code("UA"))}); err != nil {
		t.Fatal(err)
	}
	n := len(k.Data().Requests)
	_, err = k.WriteRequests(id, []Draft{{Kind: record.Objection, Contact: -1, Date: testDay}, {Kind: record.Portability, Contact: -1, Date: testDay}})
	if !errors.As(err, &p) || p.Code != "not_granted" || !strings.Contains(err.Error(), "closest") || len(k.Data().Requests) != n {
		t.Errorf("portability under UA law: %v (%d requests)", err, len(k.Data().Requests)-n)
	}
	// A reply to a company that demands an ID copy.
	if err := k.EditCompany(id, CompanyEdit{Jurisdiction: new(record.Code("EU-LT"))}); err != nil {
		t.Fatal(err)
	}
	rid := sentRequest(t, k, id)
	if err := k.Record(rid, EventReply, testDay, Detail{Note: "send us your passport"}); err != nil {
		t.Fatal(err)
	}
	w, err := k.Answer(rid, letters.RefusalIDCopy)
	if err != nil {
		t.Fatal(err)
	}
	if w.Request.Kind != "reply" || w.Request.ParentID != rid || !strings.Contains(w.Letter.Text(), "12") {
		t.Errorf("the reply: %+v", w.Request)
	}
	if _, err := k.Answer(rid, "rude"); !errors.As(err, &p) || p.Field != "refusal" {
		t.Errorf("an unknown refusal: %v", err)
	}
}

// TestReferencesAreUnique: two letters of one kind to one company on one
// day, and two complaints to one authority, get references of their own;
// an edited draft keeps its reference.
func TestReferencesAreUnique(t *testing.T) {
	k, _, id := newDesk(t)
	ws, err := k.WriteRequests(id, []Draft{{Kind: record.Access, Contact: -1, Date: testDay}, {Kind: record.Access, Contact: -1, Date: testDay}})
	if err != nil {
		t.Fatal(err)
	}
	if ws[0].Request.Reference == ws[1].Request.Reference {
		t.Errorf("two letters share the reference %s", ws[0].Request.Reference)
	}
	ref := ws[1].Request.Reference
	if err := k.EditLetter(ws[1].Request.ID, "Please send me my data."); err != nil {
		t.Fatal(err)
	}
	if r := k.Data().Request(ws[1].Request.ID); r.Reference != ref || !strings.Contains(r.LetterText.String(), ref) {
		t.Errorf("the edited draft's reference: %s, want %s", r.Reference, ref)
	}
	refs := map[string]bool{}
	for _, w := range ws {
		if err := k.Record(w.Request.ID, EventSent, testDay, Detail{}); err != nil {
			t.Fatal(err)
		}
		if err := k.Record(w.Request.ID, EventRefused, testDay, Detail{Note: "no"}); err != nil {
			t.Fatal(err)
		}
		c, err := k.FollowUp(w.Request.ID, record.Complaint)
		if err != nil {
			t.Fatal(err)
		}
		if refs[c.Request.Reference] {
			t.Errorf("two complaints share the reference %s", c.Request.Reference)
		}
		refs[c.Request.Reference] = true
	}
}

// TestNoEmailNoElectronicLetter: a letter by e-mail asks for the answer at
// the person's e-mail address; without one it is refused.
func TestNoEmailNoElectronicLetter(t *testing.T) {
	k, _, id := newDesk(t)
	if err := k.SaveProfile(record.Profile{Name: "Olena Petrenko", Address: "vul. Khreshchatyk 1, Kyiv"}); err != nil {
		t.Fatal(err)
	}
	_, err := k.WriteRequests(id, []Draft{{Kind: record.Access, Contact: -1, Date: testDay}})
	var p *Problem
	if !errors.As(err, &p) || p.Field != "profile" || p.Code != "no_email" || len(k.Data().Requests) != 0 {
		t.Errorf("an e-mail letter with no e-mail of one's own: %v", err)
	}
}

// TestRussianLetterNeedsTheDocument: a letter under 152-FZ carries the
// identity document; without it the refusal says so, by its own code.
func TestRussianLetterNeedsTheDocument(t *testing.T) {
	k, _, _ := newDesk(t)
	src := readSeed(t, "001_a66e4632f88529cc.txt") // NETRACK, RU
	c, err := k.AddCompany(CompanyFromPolicy(src, policy.Analyze(src.Text), testDay), false, src.Location)
	if err != nil {
		t.Fatal(err)
	}
	_, err = k.WriteRequests(c.ID, []Draft{{Kind: record.Access, Contact: -1, Date: testDay}})
	var p *Problem
	if !errors.As(err, &p) || p.Code != "id_document" || !errors.Is(err, letters.ErrProfile) {
		t.Errorf("a Russian letter without the document: %v", err)
	}
}
