package casework

import (
	"time"

	"prava/letters/law"
	"prava/storage"
)

// Progress is where a company's requests stand, as a list shows it.
type Progress int

// The states of a company's requests, from the least to the most urgent.
const (
	NoRequests Progress = iota // nothing written yet (drafts do not count)
	Done                       // every request was answered, closed or refused
	Waiting                    // at least one request waits, none is late
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

// States works out every company's state from the stored requests in one
// pass, so a list of ten thousand companies needs no per-row work.
func States(d *storage.Data, now time.Time) map[string]State {
	today := day(now)
	out := make(map[string]State, len(d.Companies))
	opt := Options(d.Settings)
	laws := map[string]*law.Jurisdiction{} // looked up once per code, not per request
	for _, r := range d.Requests {
		if r.ParentID != "" {
			continue // a reminder or complaint is part of the request it follows
		}
		st := out[r.CompanyID]
		switch {
		case r.Status.Open():
			next := State{Progress: Waiting}
			j, ok := laws[r.Law]
			if !ok {
				j, _ = law.Lookup(r.Law, opt)
				laws[r.Law] = j
			}
			if j == nil {
				// An unknown law: waiting, with no date to show.
			} else if dl, err := deadlineUnder(j, r, opt); err == nil && !dl.Due.IsZero() {
				next.Due = day(dl.Due)
				next.Days = int(next.Due.Sub(today).Hours() / 24)
				if next.Days < 0 {
					next.Progress = Overdue
				}
			}
			if next.Progress > st.Progress || (next.Progress == st.Progress && !next.Due.IsZero() && (st.Due.IsZero() || next.Due.Before(st.Due))) {
				st = next
			}
		case r.Status != storage.StatusDraft && st.Progress < Done:
			st = State{Progress: Done}
		}
		out[r.CompanyID] = st
	}
	return out
}

// day is t's calendar day, at midnight UTC, the way deadlines are dated.
func day(t time.Time) time.Time {
	y, m, dd := t.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
}
