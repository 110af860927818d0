package casework

import (
	"fmt"
	"sort"

	"prava/files"
	"prava/record"
)

// CalendarEvents are the open deadlines as calendar events: each request
// still waiting on its due date (a reminder's or complaint's own term
// included), with a reminder three days before.
func CalendarEvents(d *record.Data) []files.CalendarEvent {
	var events []files.CalendarEvent
	for _, r := range d.Requests {
		if !r.Status.Open() {
			continue
		}
		dl, err := Deadline(r, d.Settings)
		if err != nil || dl.Due.IsZero() {
			continue
		}
		name := r.CompanyID
		if c := d.Company(r.CompanyID); c != nil {
			name = c.Name
		}
		events = append(events, files.CalendarEvent{
			UID: r.ID, Summary: fmt.Sprintf("%s: %s %s due", name, r.Kind, r.Reference),
			Description: dl.Basis, Date: dl.Due, RemindDays: 3,
		})
	}
	sort.SliceStable(events, func(i, j int) bool { return events[i].Date.Before(events[j].Date) })
	return events
}
