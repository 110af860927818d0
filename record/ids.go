package record

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"
)

// NewID returns a random identifier for a company or request.
func NewID() string {
	b := make([]byte, 8)
	rand.Read(b) // never fails: crypto/rand panics instead of returning an error
	return hex.EncodeToString(b)
}

// NextReference returns the next reference number for a letter, such as
// PRAVA-2026-0007: short enough to quote on the phone, unique in the vault.
func (d *Data) NextReference(now time.Time) string {
	d.Counters.Reference++
	return fmt.Sprintf("PRAVA-%d-%04d", now.Year(), d.Counters.Reference)
}

// Company returns the company with the given ID, or nil.
func (d *Data) Company(id string) *Company {
	for i := range d.Companies {
		if d.Companies[i].ID == id {
			return &d.Companies[i]
		}
	}
	return nil
}

// Log adds an event to the timeline.
func (d *Data) Log(what, companyID, requestID, note string) {
	d.Timeline = append(d.Timeline, TimelineEntry{Time: time.Now().UTC(), What: what, CompanyID: companyID, RequestID: requestID, Note: note})
}

// Request returns the request with the ID, or nil.
func (d *Data) Request(id string) *Request {
	for i := range d.Requests {
		if d.Requests[i].ID == id {
			return &d.Requests[i]
		}
	}
	return nil
}

// LastFollowUp returns the latest request of kind that follows up the
// request parentID (a reminder, a complaint), or nil.
func (d *Data) LastFollowUp(parentID string, kind Kind) *Request {
	var last *Request
	for i := range d.Requests {
		r := &d.Requests[i]
		if r.ParentID == parentID && r.Kind == kind {
			last = r
		}
	}
	return last
}
