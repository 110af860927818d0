package casework

import (
	"prava/record"
	"time"
)

// Progress is where a company's requests stand, as a list shows it: the
// most urgent of its requests decides.
type Progress int

// The states of a company's requests, from the least to the most urgent.
const (
	NoRequests Progress = iota // nothing written yet
	Done                       // every request was answered or closed
	Waiting                    // at least one request waits, none is late
	Drafts                     // a letter is written but not sent yet
	Refused                    // the company refused: the complaint is next
	Overdue                    // at least one request is past its due date
)

// State is a company's progress and, while a request waits or is late,
// the earliest due date among them.
type State struct {
	Progress Progress
	Due      time.Time // zero unless Waiting or Overdue with a known date
	// Days from today to Due: negative when overdue.
	Days int
}

// day is t's calendar day, at midnight UTC, the way deadlines are dated.
func day(t time.Time) time.Time {
	y, m, dd := t.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
}

// Requests indexes the requests by company: for each company ID, the
// positions of its requests in d.Requests.
func Requests(d *record.Data) map[string][]int {
	out := make(map[string][]int, len(d.Companies))
	for i, r := range d.Requests {
		out[r.CompanyID] = append(out[r.CompanyID], i)
	}
	return out
}

// StateOf works out one company's state from its requests (positions in
// d.Requests, as Requests gives them): the list asks only for the rows on
// screen, so a start need not compute ten thousand deadlines.
func StateOf(d *record.Data, requests []int, now time.Time) State {
	today := day(now)
	var st State
	for _, i := range requests {
		r := d.Requests[i]
		if r.ParentID != "" {
			continue // a reminder or complaint is part of the request it follows
		}
		switch {
		case r.Status.Open():
			next := State{Progress: Waiting}
			if dl, err := Deadline(r, d.Settings); err == nil && !dl.Due.IsZero() {
				next.Due = day(dl.Due)
				next.Days = int(next.Due.Sub(today).Hours() / 24)
				if next.Days < 0 {
					next.Progress = Overdue
				}
			}
			if next.Progress > st.Progress || (next.Progress == st.Progress && !next.Due.IsZero() && (st.Due.IsZero() || next.Due.Before(st.Due))) {
				st = next
			}
		case r.Status == record.StatusDraft && st.Progress < Drafts:
			st = State{Progress: Drafts}
		case r.Status == record.StatusRefused && st.Progress < Refused:
			st = State{Progress: Refused}
		case r.Status != record.StatusDraft && st.Progress < Done:
			st = State{Progress: Done}
		}
	}
	return st
}
