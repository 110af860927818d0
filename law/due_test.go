package law

import (
	"fmt"
	"prava/record"
	"slices"
	"strings"
	"testing"
	"time"
)

func d(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// dueCase is one dated case. Every expected date was worked out by hand
// from a printed calendar and the rule in LEGAL.md §3; the comment shows
// the working.
type dueCase struct {
	law       string
	kind      record.Kind
	clock     Clock
	noMartial bool
	due       string // "" when no date is due
	latest    string // "" when no extension is possible
	interim   string // UA access only
	basis     string // words the explanation must contain
}

func TestDue(t *testing.T) {
	cases := []dueCase{
		// --- GDPR: one month (Reg. 1182/71), member-state holidays ---
		// 31 Jan + 1 month = 28 Feb 2026 (no 29th), a Saturday → Mon 2 Mar. Ext: 3 months = 30 Apr (Thu).
		{law: "EU-LV", kind: record.Access, clock: Clock{Received: d("2026-01-31")}, due: "2026-03-02", latest: "2026-04-30", basis: "28 Feb is a Saturday"},
		// 31 Jan 2024 + 1 month = 29 Feb 2024 (leap year), a Thursday. Ext: 30 Apr 2024 (Tue).
		{law: "EU-LV", kind: record.Access, clock: Clock{Received: d("2024-01-31")}, due: "2024-02-29", latest: "2024-04-30"},
		// 23 May + 1 month = Tue 23 Jun (Līgo), Wed 24 Jun (Jāņi) → Thu 25 Jun. Ext: 23 Aug (Sun) → Mon 24 Aug.
		{law: "EU-LV", kind: record.Access, clock: Clock{Received: d("2026-05-23")}, due: "2026-06-25", latest: "2026-08-24", basis: "public holiday"},
		// 4 Apr + 1 month = Mon 4 May (Restoration of Independence) → Tue 5 May. Ext: 4 Jul (Sat) → Mon 6 Jul.
		{law: "EU-LV", kind: record.Erasure, clock: Clock{Received: d("2026-04-04")}, due: "2026-05-05", latest: "2026-07-06"},
		// 18 Oct + 1 month = Wed 18 Nov (Proclamation Day) → Thu 19 Nov. Ext: 18 Jan 2027 (Mon).
		{law: "EU-LV", kind: record.Access, clock: Clock{Received: d("2026-10-18")}, due: "2026-11-19", latest: "2027-01-18"},
		// 3 Mar + 1 month = Fri 3 Apr (Good Friday), Sat, Sun (Easter), Mon 6 Apr (Easter Monday) → Tue 7 Apr.
		{law: "EU-LV", kind: record.Access, clock: Clock{Received: d("2026-03-03")}, due: "2026-04-07", latest: "2026-06-03"},
		// 4 Apr 2025 + 1 month = Sun 4 May 2025; the holiday on a Sunday gives Mon 5 May off → Tue 6 May.
		{law: "EU-LV", kind: record.Access, clock: Clock{Received: d("2025-04-04")}, due: "2025-05-06", latest: "2025-07-04"},
		// 31 Dec 2025 + 1 month = Sat 31 Jan 2026 → Mon 2 Feb. Ext: 31 Mar 2026 (Tue).
		{law: "EU-LV", kind: record.Access, clock: Clock{Received: d("2025-12-31")}, due: "2026-02-02", latest: "2026-03-31"},
		// Extension notified 20 Feb, before the first deadline (2 Mar): due becomes the 3-month date, Thu 30 Apr.
		{law: "EU-LV", kind: record.Access, clock: Clock{Received: d("2026-01-31"), ExtensionNotice: d("2026-02-20")}, due: "2026-04-30", latest: "2026-04-30", basis: "announced an extension"},
		// Extension notified 5 Mar, after the deadline of 2 Mar: it does not count.
		{law: "EU-LV", kind: record.Access, clock: Clock{Received: d("2026-01-31"), ExtensionNotice: d("2026-03-05")}, due: "2026-03-02", latest: "2026-04-30", basis: "does not count"},
		// Identity asked 5 Mar, provided 12 Mar: 7 days paused. 2 Mar + 1 month = Thu 2 Apr + 7 = Thu 9 Apr.
		// Ext: 2 Jun + 7 = Tue 9 Jun.
		{law: "EU-LV", kind: record.Access, clock: Clock{Received: d("2026-03-02"), IdentityAsked: d("2026-03-05"), IdentityProvided: d("2026-03-12")}, due: "2026-04-09", latest: "2026-06-09", basis: "stood still for 7 days"},
		// Identity asked and not yet provided: the clock is paused, no date.
		{law: "EU-LV", kind: record.Access, clock: Clock{Received: d("2026-03-02"), IdentityAsked: d("2026-03-05")}, due: "", latest: "", basis: "clock stopped"},
		// Sent by post Mon 23 Nov, 5 days' transit: received (estimated) Sat 28 Nov + 1 month = Mon 28 Dec.
		// Ext: 28 Feb 2027 is a Sunday → Mon 1 Mar.
		{law: "EU-LV", kind: record.Access, clock: Clock{Sent: d("2026-11-23"), Channel: record.ByPost}, due: "2026-12-28", latest: "2027-03-01", basis: "assumed delivered 5 days later"},
		// Sent by e-mail Mon 23 Nov: received that day; + 1 month = Wed 23 Dec.
		{law: "EU-LV", kind: record.Access, clock: Clock{Sent: d("2026-11-23"), Channel: record.ByEmail}, due: "2026-12-23", latest: "2027-02-23"},
		// Delivery recorded Thu 26 Nov: + 1 month = Sat 26 Dec (also Christmas), Sun 27 → Mon 28 Dec.
		// Ext: 26 Feb 2027 (Fri).
		{law: "EU-LV", kind: record.Access, clock: Clock{Sent: d("2026-11-23"), Channel: record.ByPost, Delivered: d("2026-11-26")}, due: "2026-12-28", latest: "2027-02-26"},
		// Complaint to the DVI received 27 Feb: the authority informs within 3 months = Wed 27 May.
		{law: "EU-LV", kind: record.Complaint, clock: Clock{Received: d("2026-02-27")}, due: "2026-05-27", basis: "Art. 78(2)"},
		// Complaint received 30 Nov 2025 + 3 months = 28 Feb 2026 (no 30th), a Saturday → Mon 2 Mar.
		{law: "EU-LV", kind: record.Complaint, clock: Clock{Received: d("2025-11-30")}, due: "2026-03-02"},
		// Reminder received Tue 9 Jun: 14 days = Tue 23 Jun (Līgo), Wed 24 (Jāņi) → Thu 25 Jun.
		{law: "EU-LV", kind: record.Reminder, clock: Clock{Received: d("2026-06-09")}, due: "2026-06-25", basis: "the letter asks for"},
		// LT: 16 Jan + 1 month = Mon 16 Feb (Restoration of the State) → Tue 17 Feb.
		{law: "EU-LT", kind: record.Access, clock: Clock{Received: d("2026-01-16")}, due: "2026-02-17", latest: "2026-04-16"},
		// LT: 6 Mar + 1 month = Mon 6 Apr (Easter Monday) → Tue 7 Apr.
		{law: "EU-LT", kind: record.Access, clock: Clock{Received: d("2026-03-06")}, due: "2026-04-07", latest: "2026-06-08"}, // ext 6 Jun (Sat) → Mon 8 Jun
		// LT: 11 Feb + 1 month = Wed 11 Mar (Independence Restoration) → Thu 12 Mar. Ext: 11 May (Mon).
		{law: "EU-LT", kind: record.Access, clock: Clock{Received: d("2026-02-11")}, due: "2026-03-12", latest: "2026-05-11"},
		// LT: 6 Jun + 1 month = Mon 6 Jul (Statehood Day) → Tue 7 Jul. Ext: 6 Sep (Sun) → Mon 7 Sep.
		{law: "EU-LT", kind: record.Erasure, clock: Clock{Received: d("2026-06-06")}, due: "2026-07-07", latest: "2026-09-07"},
		// LT: 2 Oct + 1 month = Mon 2 Nov (All Souls' Day) → Tue 3 Nov. Ext: 2 Jan 2027 (Sat) → Mon 4 Jan.
		{law: "EU-LT", kind: record.Access, clock: Clock{Received: d("2026-10-02")}, due: "2026-11-03", latest: "2027-01-04"},
		// LT 2025: 21 Mar + 1 month = Mon 21 Apr 2025 (Easter Monday) → Tue 22 Apr.
		{law: "EU-LT", kind: record.Withdrawal, clock: Clock{Received: d("2025-03-21")}, due: "2025-04-22", latest: "2025-06-23"}, // ext 21 Jun (Sat) → Mon 23 Jun
		// PL: 11 Oct + 1 month = Wed 11 Nov (Independence Day) → Thu 12 Nov.
		{law: "EU-PL", kind: record.Access, clock: Clock{Received: d("2026-10-11")}, due: "2026-11-12", latest: "2027-01-11"},
		// PL: 4 May + 1 month = Thu 4 Jun (Corpus Christi: Easter 5 Apr + 60) → Fri 5 Jun. Ext: 4 Aug (Tue).
		{law: "EU-PL", kind: record.Access, clock: Clock{Received: d("2026-05-04")}, due: "2026-06-05", latest: "2026-08-04"},
		// PL: 6 Dec 2025 + 1 month = Tue 6 Jan 2026 (Epiphany) → Wed 7 Jan.
		{law: "EU-PL", kind: record.Rectification, clock: Clock{Received: d("2025-12-06")}, due: "2026-01-07", latest: "2026-03-06"},
		// DE: 3 Sep + 1 month = Sat 3 Oct (German Unity Day) → Mon 5 Oct.
		{law: "EU-DE", kind: record.Access, clock: Clock{Received: d("2026-09-03")}, due: "2026-10-05", latest: "2026-12-03"},
		// DE: 25 Apr + 1 month = Mon 25 May (Whit Monday) → Tue 26 May.
		{law: "EU-DE", kind: record.Objection, clock: Clock{Received: d("2026-04-25")}, due: "2026-05-26", latest: "2026-07-27"}, // ext 25 Jul (Sat) → Mon 27 Jul
		// DE: 25 Nov + 1 month = Fri 25 Dec, Sat 26 (2nd Christmas Day), Sun 27 → Mon 28 Dec.
		{law: "EU-DE", kind: record.Access, clock: Clock{Received: d("2026-11-25")}, due: "2026-12-28", latest: "2027-02-25"},
		// EE: 24 Jan + 1 month = Tue 24 Feb (Independence Day) → Wed 25 Feb.
		{law: "EU-EE", kind: record.Access, clock: Clock{Received: d("2026-01-24")}, due: "2026-02-25", latest: "2026-04-24"},
		// EE: 20 Jul + 1 month = Thu 20 Aug (Restoration of Independence) → Fri 21 Aug.
		{law: "EU-EE", kind: record.Access, clock: Clock{Received: d("2026-07-20")}, due: "2026-08-21", latest: "2026-10-20"},
		// EE: 23 May + 1 month = Tue 23 Jun (Victory Day), Wed 24 (Midsummer) → Thu 25 Jun.
		{law: "EU-EE", kind: record.Erasure, clock: Clock{Received: d("2026-05-23")}, due: "2026-06-25", latest: "2026-08-24"}, // ext 23 Aug (Sun) → Mon 24 Aug
		// EE: 3 Mar + 1 month = Fri 3 Apr (Good Friday), weekend (Easter Sunday) → Mon 6 Apr (not a holiday in Estonia).
		{law: "EU-EE", kind: record.Access, clock: Clock{Received: d("2026-03-03")}, due: "2026-04-06", latest: "2026-06-03"},
		// EU, no member state: 31 Jan + 1 month = Sat 28 Feb → Mon 2 Mar; weekends only.
		{law: "EU", kind: record.Access, clock: Clock{Received: d("2026-01-31")}, due: "2026-03-02", latest: "2026-04-30", basis: "only weekends move the date"},
		// EU: 31 Mar + 1 month = 30 Apr (no 31st), a Thursday. Ext: 30 Jun (Tue).
		{law: "EU", kind: record.Portability, clock: Clock{Received: d("2026-03-31")}, due: "2026-04-30", latest: "2026-06-30", basis: "no 31st"},

		// --- Ukraine: calendar days from the day after receipt; martial law on by default ---
		// 5 Mar + 30 days = Sat 4 Apr → Mon 6 Apr. Interim 10 working days: 6,9,10,11,12,13,16,17,18,19 Mar → 19 Mar.
		{law: "UA", kind: record.Access, clock: Clock{Received: d("2026-03-05")}, due: "2026-04-06", interim: "2026-03-19", basis: "martial law"},
		// 20 Dec + 30 = Tue 19 Jan 2027. Interim under martial law (weekends only): 21,22,23,24,25,28,29,30,31 Dec, 1 Jan → Fri 1 Jan 2027.
		{law: "UA", kind: record.Access, clock: Clock{Received: d("2026-12-20")}, due: "2027-01-19", interim: "2027-01-01"},
		// Same without martial law: 25 Dec and 1 Jan are days off: 21,22,23,24,28,29,30,31 Dec, 4,5 Jan → Tue 5 Jan.
		{law: "UA", kind: record.Access, clock: Clock{Received: d("2026-12-20")}, noMartial: true, due: "2027-01-19", interim: "2027-01-05"},
		// Without martial law: Orthodox Easter Sun 12 Apr 2026 gives Mon 13 Apr off. From 12 Apr: 14,15,16,17,20,21,22,23,24,27 → 27 Apr.
		// 12 Apr + 30 = Tue 12 May.
		{law: "UA", kind: record.Access, clock: Clock{Received: d("2026-04-12")}, noMartial: true, due: "2026-05-12", interim: "2026-04-27"},
		// With martial law Mon 13 Apr is a working day: 13,14,15,16,17,20,21,22,23,24 → 24 Apr.
		{law: "UA", kind: record.Access, clock: Clock{Received: d("2026-04-12")}, due: "2026-05-12", interim: "2026-04-24"},
		// Without martial law: 28 May + 30 = Sat 27 Jun, Sun 28 Jun (Constitution Day), Mon 29 Jun (its day off) → Tue 30 Jun.
		{law: "UA", kind: record.Access, clock: Clock{Received: d("2026-05-28")}, noMartial: true, due: "2026-06-30", interim: "2026-06-12"}, // interim: 29 May, 1 Jun off (Trinity 31 May), 2,3,4,5,8,9,10,11,12 → 12 Jun
		// With martial law: Sat 27 Jun → Mon 29 Jun.
		{law: "UA", kind: record.Access, clock: Clock{Received: d("2026-05-28")}, due: "2026-06-29", interim: "2026-06-11"}, // interim: 29 May, 1,2,3,4,5,8,9,10,11 Jun
		// Erasure has no statutory term: the letter asks for 30 days. Sat 9 May + 30 = Mon 8 Jun.
		{law: "UA", kind: record.Erasure, clock: Clock{Received: d("2026-05-09")}, due: "2026-06-08", basis: "the law sets none"},
		// Withdrawal: Sat 1 Aug + 30 = Mon 31 Aug.
		{law: "UA", kind: record.Withdrawal, clock: Clock{Received: d("2026-08-01")}, due: "2026-08-31"},
		// Complaint to the Ombudsman: one month from 31 Jan = Sat 28 Feb → Mon 2 Mar; up to 45 days: 17 Mar (Tue).
		{law: "UA", kind: record.Complaint, clock: Clock{Received: d("2026-01-31")}, due: "2026-03-02", latest: "2026-03-17"},
		// UA does not pause for identity: 5 Mar + 30 = Sat 4 Apr → Mon 6 Apr regardless.
		{law: "UA", kind: record.Access, clock: Clock{Received: d("2026-03-05"), IdentityAsked: d("2026-03-10")}, due: "2026-04-06", interim: "2026-03-19", basis: "does not stop the clock"},

		// --- Russia: working days on the production calendar ---
		// From Thu 5 Mar 2026: 6 Mar (1); Mon 9 Mar is the day off for 8 Mar (a Sunday); 10–13 (2–5), 16–20 (6–10) → Fri 20 Mar.
		// Extension +5: 23–27 Mar → Fri 27 Mar.
		{law: "RU", kind: record.Access, clock: Clock{Received: d("2026-03-05")}, due: "2026-03-20", latest: "2026-03-27", basis: "9 Mar is the day off"},
		// From Fri 26 Dec 2025: 29 (1), 30 (2); 31 Dec off by the 2025 decree; 1–8 Jan holidays; 9 Jan off by the 2026 decree;
		// 12–16 Jan (3–7), 19, 20, 21 (8–10) → Wed 21 Jan 2026. +5: 22, 23, 26, 27, 28 → Wed 28 Jan.
		{law: "RU", kind: record.Access, clock: Clock{Received: d("2025-12-26")}, due: "2026-01-21", latest: "2026-01-28"},
		// From Fri 24 Oct 2025: 27–31 (1–5); Sat 1 Nov is a working day by decree (6); Mon 3 Nov off (moved); Tue 4 Nov holiday;
		// 5, 6, 7, 10 (7–10) → Mon 10 Nov 2025.
		{law: "RU", kind: record.Access, clock: Clock{Received: d("2025-10-24")}, due: "2025-11-10", latest: "2025-11-17"}, // +5: 11,12,13,14,17
		// From Thu 20 Feb 2025: 21 (1); Sun 23 Feb → Mon 24 Feb off; 25, 26, 27, 28 (2–5); 3–7 Mar (6–10) → Fri 7 Mar 2025.
		{law: "RU", kind: record.Access, clock: Clock{Received: d("2025-02-20")}, due: "2025-03-07", latest: "2025-03-17"}, // +5: Mon 10 Mar off (8 Mar a Saturday); 11,12,13,14,17
		// Withdrawal: 30 calendar days. Thu 9 Apr + 30 = Sat 9 May (Victory Day), Sun 10, Mon 11 (day off for 9 May) → Tue 12 May.
		{law: "RU", kind: record.Withdrawal, clock: Clock{Received: d("2026-04-09")}, due: "2026-05-12"},
		// Rectification: 7 working days from Fri 5 Jun: 8, 9, 10, 11 (1–4); Fri 12 Jun holiday; 15, 16, 17 (5–7) → Wed 17 Jun.
		{law: "RU", kind: record.Rectification, clock: Clock{Received: d("2026-06-05")}, due: "2026-06-17"},
		// Erasure: from Fri 30 Oct: 2, 3 (1–2); Wed 4 Nov holiday; 5, 6, 9–13, 16 (3–10) → Mon 16 Nov. +5: 17–20, 23 → Mon 23 Nov.
		{law: "RU", kind: record.Erasure, clock: Clock{Received: d("2026-10-30")}, due: "2026-11-16", latest: "2026-11-23"},
		// Withdrawal from Tue 1 Dec + 30 = Thu 31 Dec (day off by the 2026 decree), 1–8 Jan holidays, 9–10 Jan weekend → Mon 11 Jan 2027.
		{law: "RU", kind: record.Withdrawal, clock: Clock{Received: d("2026-12-01")}, due: "2027-01-11"},
		// Complaint to Roskomnadzor: Thu 2 Apr + 30 = Sat 2 May → Mon 4 May; +30 more: 60 days = Mon 1 Jun.
		{law: "RU", kind: record.Complaint, clock: Clock{Received: d("2026-04-02")}, due: "2026-05-04", latest: "2026-06-01"},
		// Restriction has no term in 152-FZ: the letter asks for 10 working days. From Mon 2 Feb: 3–6, 9–13, 16 → Mon 16 Feb.
		{law: "RU", kind: record.Restriction, clock: Clock{Received: d("2026-02-02")}, due: "2026-02-16", basis: "the law sets none"},

		// --- California ---
		// 2 Jan + 45 calendar days = Mon 16 Feb (no roll-over); +90 = Thu 2 Apr.
		{law: "US-CA", kind: record.Access, clock: Clock{Received: d("2026-01-02")}, due: "2026-02-16", latest: "2026-04-02"},
		// Opt-out: 15 business days from Fri 2 Jan: 5–9, 12–16, 19–23 Jan → Fri 23 Jan.
		{law: "US-CA", kind: record.Objection, clock: Clock{Received: d("2026-01-02")}, due: "2026-01-23"},
		// A complaint to the agency has no term.
		{law: "US-CA", kind: record.Complaint, clock: Clock{Received: d("2026-01-02")}, due: "", basis: "no deadline"},
	}
	for _, c := range cases {
		start := c.clock.Received
		if start.IsZero() {
			start = c.clock.Sent
		}
		name := c.law + "/" + string(c.kind) + "/" + start.Format(time.DateOnly)
		t.Run(name, func(t *testing.T) {
			opt := DefaultOptions()
			opt.MartialLaw = !c.noMartial
			j, err := Lookup(c.law, opt)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Due(j, c.kind, c.clock, opt)
			if err != nil {
				t.Fatal(err)
			}
			check := func(what string, day time.Time, want string) {
				t.Helper()
				s := ""
				if !day.IsZero() {
					s = day.Format(time.DateOnly)
				}
				if s != want {
					t.Errorf("%s = %q, want %q\nbasis: %s", what, s, want, got.Basis)
				}
			}
			check("due", got.Due, c.due)
			check("latest", got.Latest, c.latest)
			if c.law == "UA" && c.kind == record.Access {
				check("interim", got.Interim, c.interim)
			}
			if c.basis != "" && !strings.Contains(got.Basis, c.basis) {
				t.Errorf("basis %q does not say %q", got.Basis, c.basis)
			}
		})
	}
	if len(cases) < 50 {
		t.Errorf("only %d dated cases; the issue asks for at least 50", len(cases))
	}
}

func TestDueErrors(t *testing.T) {
	opt := DefaultOptions()
	if _, err := Lookup("XX", opt); err == nil || !strings.Contains(err.Error(), "EU-LV") {
		t.Errorf("unknown jurisdiction: %v", err)
	}
	if _, err := Lookup("EU-ZZ", opt); err == nil {
		t.Error("EU-ZZ accepted")
	}
	ua, _ := Lookup("ua", opt)
	for _, k := range []record.Kind{record.Portability, record.Restriction} {
		_, err := Due(ua, k, Clock{Received: d("2026-01-01")}, opt)
		if err == nil || !strings.Contains(err.Error(), "access, erasure, withdrawal") {
			t.Errorf("UA %s: %v", k, err)
		}
	}
	if _, err := Due(ua, record.Access, Clock{}, opt); err != ErrNoStart {
		t.Errorf("no dates: %v", err)
	}
	if _, err := record.ParseKind("portabilty"); err == nil || !strings.Contains(err.Error(), "portability") {
		t.Errorf("misspelt kind: %v", err)
	}
}

func TestEaster(t *testing.T) {
	// Published dates of Western and Orthodox Easter.
	for year, want := range map[int][2]string{
		2024: {"2024-03-31", "2024-05-05"}, 2025: {"2025-04-20", "2025-04-20"},
		2026: {"2026-04-05", "2026-04-12"}, 2027: {"2027-03-28", "2027-05-02"},
	} {
		if got := westernEaster(year).Format(time.DateOnly); got != want[0] {
			t.Errorf("Western Easter %d = %s, want %s", year, got, want[0])
		}
		if got := orthodoxEaster(year).Format(time.DateOnly); got != want[1] {
			t.Errorf("Orthodox Easter %d = %s, want %s", year, got, want[1])
		}
	}
}

func TestAuthorityFor(t *testing.T) {
	cases := []struct {
		code, person, wantCountry string
	}{
		{"EU-LV", "", "LV"},
		{"EU-LV", "LT", "LT"}, // Art. 77: the person may complain where they live
		{"EU-LT", "UA", "LT"}, // a person outside the EU goes to the controller's state
		{"EU", "EE", "EE"},
		{"UA", "LV", "UA"},
		{"RU", "", "RU"},
		{"US-CA", "", "US"},
	}
	for _, c := range cases {
		a, err := AuthorityFor(record.Code(c.code), c.person)
		if err != nil || a.Country != c.wantCountry {
			t.Errorf("AuthorityFor(%s, %q) = %s, %v; want %s", c.code, c.person, a.Country, err, c.wantCountry)
		}
	}
	if _, err := AuthorityFor("EU", "UA"); err == nil {
		t.Error("EU with a person outside the EU should ask for a member state")
	}
	// Every member state Prava counts deadlines for has an authority entry
	// with the fields a complaint needs.
	for state := range memberStates {
		a, err := AuthorityFor(record.Code("EU-"+state), "")
		if err != nil {
			t.Errorf("EU-%s: %v", state, err)
			continue
		}
		if a.NameLocal == "" || a.NameEn == "" || a.Address == "" || a.Website == "" || (a.Email == "" && a.WebForm == "") {
			t.Errorf("EU-%s: incomplete entry %+v", state, a)
		}
	}
	lv, _ := AuthorityFor("EU-LV", "")
	if lv.Email != "pasts@dvi.gov.lv" || lv.Address != "Elijas iela 17, Rīga, LV-1050, Latvija" {
		t.Errorf("LV entry differs from LEGAL.md: %+v", lv)
	}
}

// TestReasons: the steps of a deadline as data, for screens to word in
// the person's language.
func TestReasons(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	j, err := Lookup("EU-LV", DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	// Sent by e-mail on Sat 31 Jan: one month ends Sat 28 Feb, moved to Mon 2 Mar.
	dl, err := Due(j, record.Access, Clock{Sent: d("2026-01-31"), Channel: record.ByEmail}, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	var codes []ReasonCode
	for _, r := range dl.Reasons {
		codes = append(codes, r.Code)
	}
	want := []ReasonCode{ReasonReceived, ReasonTerm, ReasonMoved}
	if fmt.Sprint(codes) != fmt.Sprint(want) {
		t.Fatalf("reasons %v, want %v", codes, want)
	}
	term, moved := dl.Reasons[1], dl.Reasons[2]
	if term.Rule != "GDPR Art. 12(3)" || term.Term.N != 1 || !term.From.Equal(d("2026-01-31")) || !term.To.Equal(d("2026-02-28")) {
		t.Errorf("term %+v", term)
	}
	if !moved.From.Equal(d("2026-02-28")) || !moved.To.Equal(dl.Due) || !dl.Due.Equal(d("2026-03-02")) {
		t.Errorf("moved %+v, due %v", moved, dl.Due)
	}
	// By post, with the identity asked and provided 5 days later.
	dl, err = Due(j, record.Access, Clock{Sent: d("2026-11-02"), Channel: record.ByPost, IdentityAsked: d("2026-11-10"), IdentityProvided: d("2026-11-15")}, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	codes = codes[:0]
	for _, r := range dl.Reasons {
		codes = append(codes, r.Code)
	}
	if codes[0] != ReasonPosted || !slices.Contains(codes, ReasonPausedDays) {
		t.Errorf("reasons by post with a pause: %v", codes)
	}
	if last := dl.Reasons[len(dl.Reasons)-1]; !last.To.Equal(dl.Due) {
		t.Errorf("the last step ends on %v, the due date is %v", last.To, dl.Due)
	}
}
