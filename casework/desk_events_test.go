package casework

import (
	"errors"
	"strings"
	"testing"

	"prava/record"
)

func TestUndoAndRefusal(t *testing.T) {
	k, _, id := newDesk(t)
	rid := sentRequest(t, k, id)
	if err := k.Record(rid, EventReply, testDay, Detail{Note: "they sent a partial copy"}); err != nil {
		t.Fatal(err)
	}
	if r := k.Data().Request(rid); r.Status != record.StatusAnswered || len(r.Replies) != 1 {
		t.Fatalf("after the reply: %+v", r)
	}
	// An answer may be partial: the request stays on the board, the person
	// decides whether it is done.
	if o := Next(k.Data(), *k.Data().Request(rid), testDay); o.Step != StepAnswered {
		t.Errorf("after a reply the step is %d, want StepAnswered", o.Step)
	}
	if b := Board(k.Data(), testDay); len(b) != 1 || b[0].RequestID != rid {
		t.Errorf("an answered request left the board: %+v", b)
	}
	if err := k.UndoLastEvent(rid); err != nil {
		t.Fatal(err)
	}
	if r := k.Data().Request(rid); r.Status != record.StatusSent || len(r.Replies) != 0 || !r.Dates.Answered.IsZero() {
		t.Errorf("after undoing the reply: %+v", r)
	}
	if err := k.UndoLastEvent(rid); err != nil {
		t.Fatal(err)
	}
	if r := k.Data().Request(rid); r.Status != record.StatusDraft || !r.Dates.Sent.IsZero() {
		t.Errorf("after undoing the sending: %+v", r)
	}
	if err := k.UndoLastEvent(rid); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("undo with nothing left: %v", err)
	}
	// A refusal leads to the complaint, not to "closed".
	if err := k.Record(rid, EventSent, testDay, Detail{Channel: record.ByPost, Tracking: "RR123"}); err != nil {
		t.Fatal(err)
	}
	if err := k.Record(rid, EventRefused, testDay, Detail{Note: "they say they hold nothing"}); err != nil {
		t.Fatal(err)
	}
	r := k.Data().Request(rid)
	if o := Next(k.Data(), *r, testDay); o.Step != StepComplain {
		t.Errorf("after a refusal the next step is %d, want the complaint", o.Step)
	}
	if r.Channel != "post" || r.Tracking != "RR123" || !strings.Contains(r.Notes, "hold nothing") {
		t.Errorf("refused request: %+v", r)
	}
	w, err := k.FollowUp(rid, record.Complaint)
	if err != nil {
		t.Fatal(err)
	}
	if o := Next(k.Data(), *k.Data().Request(rid), testDay); o.Step != StepSendFollowUp || w.Request.ParentID != rid {
		t.Errorf("after the complaint is written the step is %d", o.Step)
	}
	// Deleting the request takes its complaint with it.
	if err := k.DeleteRequest(rid); err != nil {
		t.Fatal(err)
	}
	if len(k.Data().Requests) != 0 {
		t.Errorf("%d requests left", len(k.Data().Requests))
	}
}

func TestSentBeforeWritten(t *testing.T) {
	k, _, id := newDesk(t)
	ws, err := k.WriteRequests(id, []Draft{{Kind: record.Access, Contact: -1, Date: testDay}})
	if err != nil {
		t.Fatal(err)
	}
	rid := ws[0].Request.ID
	early := testDay.AddDate(0, 0, -40)
	if err := k.Record(rid, EventSent, early, Detail{}); err != nil {
		t.Fatalf("a letter sent before Prava's copy was written: %v", err)
	}
	r := k.Data().Request(rid)
	dl, err := Deadline(*r, k.Data().Settings)
	if err != nil || !dl.Due.Before(testDay) || !r.Dates.Created.Equal(testDay) {
		t.Errorf("due %v (%v), letter dated %v", dl.Due, err, r.Dates.Created)
	}
}

// TestComplaintAfterRefusal: the complaint about a refusal quotes the
// reason, says no deadline passed, and carries none of the company's
// markings.
func TestComplaintAfterRefusal(t *testing.T) {
	k, _, id := newDesk(t)
	rid := sentRequest(t, k, id)
	if err := k.Record(rid, EventRefused, testDay, Detail{Note: "they claim a contract requires processing"}); err != nil {
		t.Fatal(err)
	}
	w, err := k.FollowUp(rid, record.Complaint)
	if err != nil {
		t.Fatal(err)
	}
	text := w.Letter.Text()
	if !strings.Contains(text, "atsisakymas: they claim a contract requires processing") {
		t.Errorf("the complaint does not quote the refusal:\n%s", text)
	}
	if strings.Contains(text, "Privatumo politika") || strings.Contains(text, "terminas baigėsi") {
		t.Errorf("the complaint carries the company's marking or a passed deadline:\n%s", text)
	}
}
