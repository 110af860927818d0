package law

import (
	"fmt"
	"prava/record"
	"sort"
	"strings"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/at"
	"github.com/rickar/cal/v2/be"
	"github.com/rickar/cal/v2/bg"
	"github.com/rickar/cal/v2/cz"
	"github.com/rickar/cal/v2/de"
	"github.com/rickar/cal/v2/dk"
	"github.com/rickar/cal/v2/es"
	"github.com/rickar/cal/v2/fr"
	"github.com/rickar/cal/v2/gr"
	"github.com/rickar/cal/v2/hr"
	"github.com/rickar/cal/v2/ie"
	"github.com/rickar/cal/v2/it"
	"github.com/rickar/cal/v2/lt"
	"github.com/rickar/cal/v2/lv"
	"github.com/rickar/cal/v2/nl"
	"github.com/rickar/cal/v2/no"
	"github.com/rickar/cal/v2/pl"
	"github.com/rickar/cal/v2/ro"
	"github.com/rickar/cal/v2/se"
	"github.com/rickar/cal/v2/si"
	"github.com/rickar/cal/v2/sk"
)

// Jurisdiction is a regime applied in one place: its law, and the
// calendar whose days off move a deadline.
type Jurisdiction struct {
	Code     record.Code
	Regime   *Regime
	Country  string   // ISO 3166-1 code of the state; "" for EU
	Calendar Calendar // working days and holidays
	// CalendarNote says when the calendar is incomplete; CalendarReason
	// says the same as data (see Reason).
	CalendarNote   string
	CalendarReason ReasonCode
}

// memberState is one EU/EEA state: its holiday calendar, or nil where
// none is known yet and only weekends count. Adding a state is a row here
// (its calendar) and an entry in assets/authorities.json (its authority).
type memberState struct {
	calendar Calendar
}

func calFor(holidays []*cal.Holiday) Calendar { return newCalCalendar(holidays) }

var memberStates = map[string]memberState{
	"AT": {calFor(at.Holidays)}, "BE": {calFor(be.Holidays)}, "BG": {calFor(bg.Holidays)}, "CY": {},
	"CZ": {calFor(cz.Holidays)}, "DE": {calFor(de.Holidays)}, "DK": {calFor(dk.Holidays)}, "EE": {estonia},
	"ES": {calFor(es.Holidays)}, "FI": {}, "FR": {calFor(fr.Holidays)}, "GR": {calFor(gr.Holidays)},
	"HR": {calFor(hr.Holidays)}, "HU": {}, "IE": {calFor(ie.Holidays)}, "IT": {calFor(it.Holidays)},
	"LT": {calFor(lt.Holidays)}, "LU": {}, "LV": {calFor(lv.Holidays)}, "MT": {}, "NL": {calFor(nl.Holidays)},
	"PL": {calFor(pl.Holidays)}, "PT": {}, "RO": {calFor(ro.Holidays)}, "SE": {calFor(se.Holidays)},
	"SI": {calFor(si.Holidays)}, "SK": {calFor(sk.Holidays)},
	// The EEA states apply the GDPR too.
	"IS": {}, "LI": {}, "NO": {calFor(no.Holidays)},
}

// Options are the person's settings that change how days are counted.
type Options struct {
	// MartialLaw counts Ukrainian deadlines as martial law requires:
	// public holidays are working days, only weekends move a date.
	MartialLaw bool
	// TransitDays is how long a letter is assumed to travel by post
	// before delivery is recorded.
	TransitDays int
}

// DefaultOptions are the settings a new vault starts with.
func DefaultOptions() Options {
	return Options{MartialLaw: true, TransitDays: 5}
}

// Lookup finds a jurisdiction by its code, case-insensitively.
func Lookup(code string, opt Options) (*Jurisdiction, error) {
	c := record.Code(strings.ToUpper(strings.TrimSpace(code)))
	switch c {
	case "UA":
		j := &Jurisdiction{Code: c, Regime: UA, Country: "UA", Calendar: ukraine}
		if opt.MartialLaw {
			j.Calendar = weekends{}
			j.CalendarNote = "under martial law public holidays are working days, so only weekends move the date"
			j.CalendarReason = ReasonMartialLaw
		}
		return j, nil
	case "RU":
		return &Jurisdiction{Code: c, Regime: RU, Country: "RU", Calendar: russia}, nil
	case "US-CA":
		return &Jurisdiction{Code: c, Regime: USCA, Country: "US", Calendar: weekends{}}, nil
	case "EU":
		return &Jurisdiction{Code: c, Regime: GDPR, Calendar: weekends{},
			CalendarNote:   "with no member state known, only weekends move the date; choose the state to count its holidays",
			CalendarReason: ReasonNoState}, nil
	}
	if state, ok := strings.CutPrefix(string(c), "EU-"); ok {
		if m, ok := memberStates[state]; ok {
			j := &Jurisdiction{Code: c, Regime: GDPR, Country: state, Calendar: m.calendar}
			if m.calendar == nil {
				j.Calendar = weekends{}
				j.CalendarNote = "Prava does not know " + state + "'s public holidays yet, so only weekends move the date"
				j.CalendarReason = ReasonIncompleteHoliday
			}
			return j, nil
		}
	}
	return nil, fmt.Errorf("unknown jurisdiction %q: use one of %s", code, strings.Join(CodeNames(), ", "))
}

// Codes lists every jurisdiction code Prava knows.
func Codes() []record.Code {
	codes := []record.Code{"UA", "RU", "EU", "US-CA"}
	var states []string
	for s := range memberStates {
		states = append(states, s)
	}
	sort.Strings(states)
	for _, s := range states {
		codes = append(codes, record.Code("EU-"+s))
	}
	return codes
}

// CodeNames lists the codes as strings, for messages.
func CodeNames() []string {
	var out []string
	for _, c := range Codes() {
		out = append(out, string(c))
	}
	return out
}

// Rule returns the jurisdiction's rule for a kind of request, or an error
// that lists the kinds its law grants.
func (j *Jurisdiction) Rule(kind record.Kind) (Rule, error) {
	r, ok := j.Regime.Rules[kind]
	if !ok {
		return Rule{}, fmt.Errorf("%s grants no right of %s in %s: choose one of %s", j.Regime.Name, kind, j.Code, kindList(j.Regime.Granted()))
	}
	return r, nil
}
