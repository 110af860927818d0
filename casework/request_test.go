package casework

import (
	"errors"
	"strings"
	"testing"
	"time"

	"prava/policy"
	"prava/record"
)

// seedData is a vault's data with one company read from a seed policy.
func seedData(t *testing.T, seed string) (*record.Data, string) {
	t.Helper()
	src := readSeed(t, seed)
	c := CompanyFromPolicy(src, policy.Analyze(src.Text), time.Now())
	d := &record.Data{
		Profile:   record.Profile{Name: "Olena Petrenko", Address: "vul. Khreshchatyk 1\n01001 Kyiv\nUkraine", Email: "olena@example.org", IDDocument: "passport FB 123456", Country: "LT"},
		Companies: []record.Company{c},
	}
	return d, c.ID
}

func TestRequestLifecycle(t *testing.T) {
	d, id := seedData(t, "003_667823663de3ed12.txt") // Costless, EU-LT
	day := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }

	w, err := Write(d, id, Draft{Kind: record.Access, Contact: -1, Date: day("2026-11-23"), Extra: "My account is olena.p."})
	if err != nil {
		t.Fatal(err)
	}
	r := w.Request
	if r.Contact != "mail@costless.com.ua" || r.Channel != "email" || r.Law != "EU-LT" || r.Language != "lt" || r.Status != record.StatusDraft {
		t.Errorf("request %+v", r)
	}
	if !strings.Contains(r.LetterText.String(), "My account is olena.p.") || len(w.PDF) < 1000 {
		t.Error("the letter lacks the person's paragraph or its PDF")
	}
	if subject, _ := w.Letter.Email(); !strings.Contains(subject, "Privatumo politika") {
		t.Errorf("the e-mail subject %q lacks the policy's marking", subject)
	}
	d.Requests = append(d.Requests, r)
	rp := &d.Requests[0]
	if o := Next(d, *rp, day("2026-11-23")); o.Step != StepSend {
		t.Errorf("a draft's step is %d", o.Step)
	}

	// Marked sent, with the dates checked.
	if err := Record(rp, EventSent, day("2026-11-24"), day("2026-11-23")); !errors.Is(err, ErrEventDate) {
		t.Errorf("a send date in the future: %v", err)
	}
	if err := Record(rp, EventDelivered, day("2026-11-23"), day("2026-11-23")); err == nil {
		t.Error("delivered before sent")
	}
	if err := Record(rp, EventSent, day("2026-11-23"), day("2026-11-23")); err != nil {
		t.Fatal(err)
	}
	// Sent Mon 23 Nov by e-mail: one month → Wed 23 Dec.
	o := Next(d, *rp, day("2026-11-23"))
	if o.Step != StepWait || o.Due.Format(time.DateOnly) != "2026-12-23" || o.Days != 30 {
		t.Errorf("after sending: %+v", o)
	}
	// The company asks for proof of identity: the clock stops.
	if err := Record(rp, EventIdentityProvided, day("2026-11-25"), day("2026-11-25")); err == nil {
		t.Error("identity provided before it was asked for")
	}

	// Past the due date: write the reminder.
	o = Next(d, *rp, day("2026-12-24"))
	if o.Step != StepRemind || o.Days != -1 {
		t.Fatalf("a day late: %+v", o)
	}
	rem, err := FollowUp(d, rp.ID, record.Reminder, day("2026-12-24"))
	if err != nil {
		t.Fatal(err)
	}
	if rem.Request.ParentID != rp.ID || rem.Request.Contact != rp.Contact || !strings.Contains(rem.Request.LetterText.String(), rp.Reference) {
		t.Errorf("the reminder does not follow the request: %+v", rem.Request)
	}
	d.Requests = append(d.Requests, rem.Request)
	rp = &d.Requests[0]
	if o := Next(d, *rp, day("2026-12-24")); o.Step != StepSendFollowUp {
		t.Errorf("a written, unsent reminder: step %d", o.Step)
	}
	if err := Record(&d.Requests[1], EventSent, day("2026-12-24"), day("2026-12-24")); err != nil {
		t.Fatal(err)
	}
	o = Next(d, *rp, day("2026-12-28"))
	if o.Step != StepWaitReminder || o.Due.IsZero() {
		t.Fatalf("after the reminder: %+v", o)
	}
	remDue := o.Due

	// Past the reminder's term: the complaint, to the Lithuanian authority.
	o = Next(d, *rp, remDue.AddDate(0, 0, 1))
	if o.Step != StepComplain {
		t.Fatalf("after the reminder's term: %+v", o)
	}
	rp.Replies = append(rp.Replies, record.Reply{Received: day("2026-12-30"), Note: "asked us to wait", Files: []record.Document{{Name: "reply.pdf"}}})
	comp, err := FollowUp(d, rp.ID, record.Complaint, remDue.AddDate(0, 0, 1))
	if err != nil {
		t.Fatal(err)
	}
	text := comp.Request.LetterText.String()
	for _, want := range []string{"Valstybinei duomenų apsaugos inspekcijai", rp.Reference, "2026-12-24 priminimo", "Costless Ukraine, LLC atsakymų kopijos", "Costless"} {
		if !strings.Contains(text, want) {
			t.Errorf("the complaint lacks %q:\n%s", want, text)
		}
	}
	if comp.Request.Kind != "complaint" || comp.Request.Language != "lt" {
		t.Errorf("complaint %s in %s", comp.Request.Kind, comp.Request.Language)
	}

	// The board puts the request that needs a complaint first.
	d.Requests = append(d.Requests, record.Request{ID: "calm", CompanyID: id, Kind: "erasure", Law: "EU-LT", Channel: "email", Status: record.StatusSent, Dates: record.Dates{Sent: remDue}})
	board := Board(d, remDue.AddDate(0, 0, 1))
	if len(board) != 2 || board[0].RequestID != rp.ID || board[0].Outlook.Step != StepComplain {
		t.Errorf("board %+v", board)
	}
	// Done: off the board.
	rp = d.Request(rp.ID)
	if err := Record(rp, EventDone, remDue, remDue); err != nil {
		t.Fatal(err)
	}
	if b := Board(d, remDue); len(b) != 1 {
		t.Errorf("a closed request stays on the board: %+v", b)
	}
}

func TestWriteRefusals(t *testing.T) {
	d, id := seedData(t, "002_9689a5f9d2eaae8f.txt") // LatInSoft: no contact in the policy
	if _, err := Write(d, id, Draft{Kind: record.Access, Contact: -1, Date: time.Now()}); !errors.Is(err, ErrNoContact) {
		t.Errorf("no contact: %v", err)
	}
	d.Companies[0].Contacts = []record.Contact{{Kind: record.ByPhone, Value: "+371 6700 0000"}}
	if _, err := Write(d, id, Draft{Kind: record.Access, Contact: 0, Date: time.Now()}); err == nil || !strings.Contains(err.Error(), "not by phone") {
		t.Errorf("a phone as the contact: %v", err)
	}
	day := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	// A company that takes requests only through its web form: the
	// letter is written for pasting there, and tracked like any other.
	d.Companies[0].Contacts = []record.Contact{{Kind: record.ByWebForm, Value: "https://latinsoft.example/privacy-form"}}
	w, err := Write(d, id, Draft{Kind: record.Access, Contact: -1, Date: day("2026-11-23")})
	if err != nil || w.Request.Channel != "web form" || w.Request.Contact != "https://latinsoft.example/privacy-form" || w.Request.LetterText.IsEmpty() {
		t.Fatalf("a web-form letter: %v %+v", err, w.Request)
	}
	r := w.Request
	if err := Record(&r, EventSent, day("2026-11-23"), day("2026-11-23")); err != nil {
		t.Fatal(err)
	}
	if dl, err := Deadline(r, d.Settings); err != nil || dl.Due.Format(time.DateOnly) != "2026-12-23" {
		t.Errorf("a web-form request sent 23 Nov is due %v (%v), want 23 Dec as for an e-mail", dl.Due, err)
	}
	d.Companies[0].Jurisdiction = "unknown"
	if _, err := Write(d, id, Draft{Kind: record.Access, Contact: -1, Date: time.Now()}); err == nil {
		t.Error("a letter under an unknown law")
	}
	if _, err := FollowUp(d, "nope", record.Reminder, time.Now()); err == nil {
		t.Error("a reminder for no request")
	}
}
