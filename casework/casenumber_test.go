package casework

import (
	"context"
	"slices"
	"testing"

	"prava/internal/mailtest"
	"prava/mail"
	"prava/record"
)

// TestCaseNumberRemembered: a ticket system's acknowledgement, matched by
// our reference, gives the company's own number; a later answer from its
// help desk's other domain that carries only that number is matched to
// the request and attached, and an unrelated ticket number is not.
func TestCaseNumberRemembered(t *testing.T) {
	k, _, companyID := newDesk(t)
	id := sentRequest(t, k, companyID)
	b, err := mailtest.Start()
	if err != nil {
		t.Fatal(err)
	}
	if err := k.SetMailAccount(b.Account); err != nil {
		t.Fatal(err)
	}
	r, _ := k.View().Request(id)
	b.Deliver("INBOX", "From: noreply@costless.com.ua\nAuto-Submitted: auto-replied\nSubject: [#58213] We received your request [Ref "+r.Reference+"]\n"+
		"Message-ID: <ack@costless.example>\nDate: Mon, 23 Nov 2026 12:00:00 +0000\n\nYour request is registered.\n")
	if _, err := k.CheckMail(context.Background()); err != nil {
		t.Fatal(err)
	}
	r, _ = k.View().Request(id)
	if r.Email == nil || !slices.Equal(r.Email.CaseNumbers, []string{"58213"}) {
		t.Fatalf("the case number was not remembered: %+v", r.Email)
	}
	b.Deliver("INBOX", "From: agent@costless-helpdesk.example\nSubject: Your data [#58213]\nMessage-ID: <answer@helpdesk.example>\n"+
		"Date: Tue, 24 Nov 2026 09:00:00 +0000\n\nPlease find your data attached.\n")
	b.Deliver("INBOX", "From: agent@costless-helpdesk.example\nSubject: Your data [#99999]\nMessage-ID: <other@helpdesk.example>\n"+
		"Date: Tue, 24 Nov 2026 10:00:00 +0000\n\nSomeone else's ticket.\n")
	msgs, err := k.CheckMail(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	matched := map[string]mail.Match{}
	for _, m := range msgs {
		matched[m.MessageID] = m.Match
	}
	if matched["answer@helpdesk.example"] != mail.MatchLikely || matched["other@helpdesk.example"] != mail.MatchNone {
		t.Fatalf("matches %v", matched)
	}
	r, _ = k.View().Request(id)
	if r.Status != record.StatusAnswered || len(r.Replies) != 1 {
		t.Fatalf("the help desk's answer was not attached: status %s, %d replies", r.Status, len(r.Replies))
	}
}

// TestAddCaseNumbers keeps each number once, in any case, and at most
// maxCaseNumbers.
func TestAddCaseNumbers(t *testing.T) {
	got := addCaseNumbers([]string{"CAS-1234"}, []string{"cas-1234", "58213"})
	if !slices.Equal(got, []string{"CAS-1234", "58213"}) {
		t.Fatalf("%q", got)
	}
	many := []string{}
	for i := range 20 {
		many = addCaseNumbers(many, []string{string(rune('a'+i)) + "123"})
	}
	if len(many) != maxCaseNumbers {
		t.Fatalf("%d numbers kept", len(many))
	}
}
