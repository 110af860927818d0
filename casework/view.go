package casework

import (
	"sync"
	"time"

	"prava/files"
	"prava/law"
	"prava/record"
)

// View is the data as of the last change that was saved, with the read
// models the screens and the command line show. It is the readers' own
// copy: the desk never reads it back, so changing what it returns by
// mistake changes nothing stored. Take a new View after a change to see
// it.
type View struct{ s *snapshot }

// snapshot is one published state: the data, and the index of requests
// by company, made on first use.
type snapshot struct {
	data      record.Data
	indexOnce sync.Once
	byCompany map[string][]int
}

// View is the data as of the last change that was saved.
func (k *Desk) View() View { return View{k.view.Load()} }

// Profile is the person letters come from.
func (v View) Profile() record.Profile { return v.s.data.Profile }

// Settings are the person's choices kept in the vault.
func (v View) Settings() record.Settings { return v.s.data.Settings }

// Companies are all companies, in the order they were added.
func (v View) Companies() []record.Company { return v.s.data.Companies }

// Requests are all requests and follow-ups, in the order they were written.
func (v View) Requests() []record.Request { return v.s.data.Requests }

// Timeline is the history of every change, oldest first.
func (v View) Timeline() []record.TimelineEntry { return v.s.data.Timeline }

// Documents are the files kept with no request.
func (v View) Documents() []record.Document { return v.s.data.Extra }

// Company is the company with the ID.
func (v View) Company(id string) (record.Company, bool) {
	c := v.s.data.Company(id)
	if c == nil {
		return record.Company{}, false
	}
	return *c, true
}

// Request is the request with the ID.
func (v View) Request(id string) (record.Request, bool) {
	r := v.s.data.Request(id)
	if r == nil {
		return record.Request{}, false
	}
	return *r, true
}

// RequestsOf are a company's requests and follow-ups, oldest first.
func (v View) RequestsOf(companyID string) []record.Request {
	idx := v.index()[companyID]
	out := make([]record.Request, len(idx))
	for i, n := range idx {
		out[i] = v.s.data.Requests[n]
	}
	return out
}

// State is where a company's requests stand on day now, as a list shows
// it.
func (v View) State(companyID string, now time.Time) State {
	return StateOf(&v.s.data, v.index()[companyID], now)
}

// Next is where a first request stands on day now, following its
// reminder and complaint.
func (v View) Next(r record.Request, now time.Time) Outlook { return Next(&v.s.data, r, now) }

// Board is every request not yet closed, the most urgent first, with its
// next step.
func (v View) Board(now time.Time) []BoardItem { return Board(&v.s.data, now) }

// Calendar is the open deadlines as calendar events.
func (v View) Calendar() []files.CalendarEvent { return CalendarEvents(&v.s.data) }

// LastEvent is the event UndoLastEvent would take back on a request.
func (v View) LastEvent(requestID string) (Event, bool) { return LastEvent(&v.s.data, requestID) }

// DraftBody is a draft's letter as text to edit (see EditLetter).
func (v View) DraftBody(requestID string) (string, error) { return DraftBody(&v.s.data, requestID) }

// Deadline is when a request's answer is due under its law, and why.
func (v View) Deadline(r record.Request) (law.Deadline, error) { return Deadline(r, v.s.data.Settings) }

// index is the requests' positions by company.
func (v View) index() map[string][]int {
	v.s.indexOnce.Do(func() { v.s.byCompany = Requests(&v.s.data) })
	return v.s.byCompany
}
