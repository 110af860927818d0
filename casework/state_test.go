package casework

import (
	"fmt"
	"prava/record"
	"testing"
	"time"
)

func TestStateOf(t *testing.T) {
	now := time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC)
	sent := func(days int) record.Dates { return record.Dates{Sent: now.AddDate(0, 0, -days)} }
	d := &record.Data{
		Companies: []record.Company{{ID: "none"}, {ID: "draft"}, {ID: "done"}, {ID: "wait"}, {ID: "late"}, {ID: "mixed"}, {ID: "refused"}, {ID: "draft and done"}},
		Requests: []record.Request{
			{CompanyID: "draft", Kind: "access", Law: "EU-LV", Status: record.StatusDraft},
			{CompanyID: "done", Kind: "access", Law: "EU-LV", Status: record.StatusDone},
			// Sent Fri 20 Nov by e-mail: one month → Sun 20 Dec → Mon 21 Dec.
			{CompanyID: "wait", Kind: "access", Law: "EU-LV", Channel: "email", Status: record.StatusSent, Dates: sent(3)},
			{CompanyID: "late", Kind: "access", Law: "EU-LV", Channel: "email", Status: record.StatusSent, Dates: sent(70)},
			{CompanyID: "mixed", Kind: "access", Law: "EU-LV", Status: record.StatusDone},
			{CompanyID: "mixed", Kind: "erasure", Law: "EU-LV", Channel: "email", Status: record.StatusSent, Dates: sent(3)},
			{CompanyID: "mixed", Kind: "access", Law: "EU-LV", Channel: "email", Status: record.StatusSent, Dates: sent(10)},
			{CompanyID: "refused", Kind: "access", Law: "EU-LV", Status: record.StatusDone},
			{CompanyID: "refused", Kind: "erasure", Law: "EU-LV", Status: record.StatusRefused},
			{CompanyID: "draft and done", Kind: "access", Law: "EU-LV", Status: record.StatusDone},
			{CompanyID: "draft and done", Kind: "erasure", Law: "EU-LV", Status: record.StatusDraft},
		},
	}
	byCompany := Requests(d)
	check := func(id string, p Progress, days int) {
		t.Helper()
		got := StateOf(d, byCompany[id], now)
		if got.Progress != p || ((p == Waiting || p == Overdue) && got.Days != days) {
			t.Errorf("%s: %+v, want progress %d, days %d", id, got, p, days)
		}
	}
	check("none", NoRequests, 0)
	// A written letter not sent is never "no requests" nor "done".
	check("draft", Drafts, 0)
	check("draft and done", Drafts, 0)
	check("refused", Refused, 0)
	check("done", Done, 0)
	check("wait", Waiting, 28)
	if st := StateOf(d, byCompany["wait"], now); st.Due.Format(time.DateOnly) != "2026-12-21" {
		t.Errorf("wait due %v", st.Due)
	}
	check("late", Overdue, -40) // sent Mon 14 Sep → due Wed 14 Oct: 40 days late
	// The earliest of several due dates is shown: sent Fri 13 Nov → Sun 13 Dec → Mon 14 Dec.
	check("mixed", Waiting, 21)
}

// BenchmarkBoard is the deadline board of a vault with 10,000 companies
// and 50,000 requests, 10,000 of them waiting.
func BenchmarkBoard(b *testing.B) {
	now := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	d := &record.Data{}
	for i := range 10_000 {
		id := fmt.Sprint(i)
		d.Companies = append(d.Companies, record.Company{ID: id, Name: id})
		for j := range 5 {
			r := record.Request{ID: fmt.Sprint(id, "-", j), CompanyID: id, Kind: "access", Law: "UA", Channel: "email", Status: record.StatusDone}
			if j == 0 {
				r.Status, r.Dates.Sent = record.StatusSent, now.AddDate(0, 0, -i%60)
			}
			d.Requests = append(d.Requests, r)
		}
	}
	for b.Loop() {
		if len(Board(d, now)) != 10_000 {
			b.Fatal("board")
		}
	}
}
