package casework

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"prava/law"
	"prava/record"
)

// Step is what a person should do next about a request.
type Step int

// The steps, in the order a request goes through them.
const (
	StepClosed       Step = iota // answered, done or refused: nothing to do
	StepSend                     // written but not sent: send it and mark it sent
	StepWait                     // sent: the company still has time
	StepRemind                   // the company is late: write the reminder
	StepWaitReminder             // the reminder is out: its term runs
	StepComplain                 // the reminder's term passed too: complain to the authority
	StepComplained               // the complaint is out: wait for the authority
	StepSendFollowUp             // a reminder or complaint is written but not sent
	StepAnswered                 // the company answered: complete (mark done) or not (answer it)
)

// Outlook is the progress of a request: its step, the date that matters for it (the
// request's due date, or the reminder's), and the deadline in full.
type Outlook struct {
	Step      Step
	Due       time.Time // the date the current step waits for; zero if none
	Days      int       // days from today to Due, negative when past
	Deadline  law.Deadline
	Reminder  *record.Request // the latest reminder, if one was written
	Complaint *record.Request // the latest complaint, if one was written
}

// Next works out where a first request (not a reminder or complaint)
// stands on day now, following its reminder and complaint.
func Next(d *record.Data, r record.Request, now time.Time) Outlook {
	return next(d, r, now, d.LastFollowUp(r.ID, record.Reminder), d.LastFollowUp(r.ID, record.Complaint))
}

// next is Next with the request's latest reminder and complaint found.
func next(d *record.Data, r record.Request, now time.Time, reminder, complaint *record.Request) Outlook {
	today := day(now)
	o := Outlook{Reminder: reminder, Complaint: complaint}
	at := func(t time.Time) {
		o.Due = day(t)
		o.Days = int(o.Due.Sub(today).Hours() / 24)
	}
	switch {
	case r.Status == record.StatusDraft:
		o.Step = StepSend
		return o
	case r.Status == record.StatusAnswered:
		// An answer may be partial: the request stays on the board until
		// the person marks it done or answers the reply.
		o.Step = StepAnswered
		o.Due = day(r.Dates.Answered)
		return o
	case r.Status == record.StatusRefused:
		// A refusal is not the end: the authority hears the complaint.
		switch {
		case complaint == nil:
			o.Step = StepComplain
		case complaint.Dates.Sent.IsZero():
			o.Step = StepSendFollowUp
		default:
			o.Step = StepComplained
			if cd, err := Deadline(*complaint, d.Settings); err == nil && !cd.Due.IsZero() {
				at(cd.Due)
			}
		}
		return o
	case !r.Status.Open():
		o.Step = StepClosed
		return o
	}
	dl, err := Deadline(r, d.Settings)
	o.Deadline = dl
	if err != nil || dl.Due.IsZero() {
		o.Step = StepWait // paused, or no term: nothing to count yet
		return o
	}
	at(dl.Due)
	switch {
	case o.Complaint != nil && o.Complaint.Dates.Sent.IsZero(),
		o.Complaint == nil && o.Reminder != nil && o.Reminder.Dates.Sent.IsZero():
		o.Step = StepSendFollowUp
	case o.Complaint != nil:
		o.Step = StepComplained
		if cd, err := Deadline(*o.Complaint, d.Settings); err == nil && !cd.Due.IsZero() {
			at(cd.Due)
		}
	case o.Reminder != nil:
		o.Step = StepWaitReminder
		if rd, err := Deadline(*o.Reminder, d.Settings); err == nil && !rd.Due.IsZero() {
			at(rd.Due)
			if o.Days < 0 {
				o.Step = StepComplain
			}
		}
	case o.Days < 0:
		o.Step = StepRemind
	default:
		o.Step = StepWait
	}
	return o
}

// Board lists the requests a person follows: every first request not yet
// closed, the most urgent first (overdue by most days, then the nearest
// due date; drafts to send at the top).
func Board(d *record.Data, now time.Time) []BoardItem {
	// The latest reminder and complaint of every request, found in one
	// pass: looking them up per request would cost the square of the
	// number of requests.
	type followUps struct{ reminder, complaint *record.Request }
	latest := map[string]followUps{}
	for i := range d.Requests {
		f := &d.Requests[i]
		if f.ParentID == "" {
			continue
		}
		fu := latest[f.ParentID]
		switch f.Kind {
		case record.Reminder:
			fu.reminder = f
		case record.Complaint:
			fu.complaint = f
		}
		latest[f.ParentID] = fu
	}
	var items []BoardItem
	for _, r := range d.Requests {
		if r.ParentID != "" || (r.Status != record.StatusDraft && r.Status != record.StatusRefused && r.Status != record.StatusAnswered && !r.Status.Open()) {
			continue
		}
		fu := latest[r.ID]
		items = append(items, BoardItem{RequestID: r.ID, CompanyID: r.CompanyID, Outlook: next(d, r, now, fu.reminder, fu.complaint)})
	}
	slices.SortStableFunc(items, func(a, b BoardItem) int {
		ua, ub := urgency(a.Outlook), urgency(b.Outlook)
		if ua != ub {
			return ub - ua
		}
		return a.Outlook.Due.Compare(b.Outlook.Due)
	})
	return items
}

// BoardItem is one line of the deadline board.
type BoardItem struct {
	RequestID, CompanyID string
	Outlook              Outlook
}

// urgency ranks steps for the board: something to do now first.
func urgency(o Outlook) int {
	switch o.Step {
	case StepComplain:
		return 5
	case StepRemind:
		return 4
	case StepSend, StepSendFollowUp:
		return 3
	case StepAnswered:
		return 0 // nothing runs late: the person decides
	}
	if o.Due.IsZero() {
		return 0
	}
	return 1
}

// Event is something that happened to a request.
type Event string

// The events a person records on a request.
const (
	EventSent             Event = "sent"
	EventDelivered        Event = "delivered"
	EventIdentityAsked    Event = "identity asked"
	EventIdentityProvided Event = "identity provided"
	EventExtension        Event = "extension notified"
	EventReply            Event = "reply received"
	EventDone             Event = "done"
	EventRefused          Event = "refused"
)

// ErrEventDate is wrapped by every refusal of an event's date.
var ErrEventDate = errors.New("date")

// dateProblem refuses an event's date.
func dateProblem(code, format string, a ...any) error {
	p := problem("date", code, "%s: "+format, append([]any{ErrEventDate}, a...)...)
	p.Err = ErrEventDate
	return p
}

// Record applies an event that happened on day to a request, checking
// that the dates make sense (nothing in the future, nothing before the
// request was sent). Nothing changes when it returns an error.
func Record(r *record.Request, e Event, on time.Time, now time.Time) error {
	on = day(on)
	if on.After(day(now)) {
		return dateProblem("future", "%s is in the future", on.Format(time.DateOnly))
	}
	if e != EventSent && r.Dates.Sent.IsZero() {
		return problem("date", "not_sent", "mark the request sent first")
	}
	if e != EventSent && on.Before(day(r.Dates.Sent)) {
		return dateProblem("before_sent", "%s is before the request was sent (%s)", on.Format(time.DateOnly), r.Dates.Sent.Format(time.DateOnly))
	}
	switch e {
	case EventSent:
		// A letter sent before Prava wrote its copy (the person wrote it
		// by hand) keeps its own date; the deadline runs from the real
		// sending.
		r.Dates.Sent = on
		if r.Status == record.StatusDraft {
			r.Status = record.StatusSent
		}
	case EventDelivered:
		r.Dates.Delivered = on
	case EventIdentityAsked:
		r.Dates.IdentityAsked, r.Dates.IdentityProvided = on, time.Time{}
	case EventIdentityProvided:
		if r.Dates.IdentityAsked.IsZero() || on.Before(r.Dates.IdentityAsked) {
			return dateProblem("identity_order", "identity can be provided only after it was asked for")
		}
		r.Dates.IdentityProvided = on
	case EventExtension:
		r.Dates.ExtensionNotified = on
	case EventReply:
		r.Dates.Answered = on
		if r.Status == record.StatusSent {
			r.Status = record.StatusAnswered
		}
	case EventDone, EventRefused:
		r.Dates.Closed = on
		r.Status = record.StatusDone
		if e == EventRefused {
			r.Status = record.StatusRefused
		}
	default:
		return fmt.Errorf("unknown event %q", e)
	}
	return nil
}
