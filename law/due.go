package law

import (
	"errors"
	"fmt"
	"prava/record"
	"strings"
	"time"
)

// Clock holds the events that start, pause and lengthen a deadline. Zero
// times are events that have not happened.
type Clock struct {
	// Received is the day the company received the request, when known
	// directly; otherwise it is derived from Sent, Channel and Delivered.
	Received  time.Time
	Sent      time.Time
	Channel   record.Channel
	Delivered time.Time // delivery recorded (registered post, read receipt)

	IdentityAsked    time.Time // the company asked for proof of identity
	IdentityProvided time.Time // the person provided it
	ExtensionNotice  time.Time // the company said it needs more time
}

// Deadline is when an answer is due, and why.
type Deadline struct {
	Received  time.Time // the day the clock started
	Estimated bool      // Received is an estimate from postal transit
	Due       time.Time // zero when the law sets no term or the clock is paused
	// Latest is the due date if the company extends as the law allows;
	// zero when it may not.
	Latest    time.Time
	Extended  bool      // a valid extension was notified: Due is Latest
	Paused    bool      // waiting for proof of identity
	Statutory bool      // false: the date is the one the letter asks for
	Interim   time.Time // UA access: the day to say whether it will be met
	Basis     string    // which rules set the date and what moved it, in plain words
	// Reasons are the same as Basis, as data a screen words in the
	// person's language: each step that set or moved the date.
	Reasons []Reason
}

// Reason is one step of how a due date was worked out. Code says which;
// the fields it uses are filled, the rest are zero.
type Reason struct {
	Code   ReasonCode
	Rule   string    // the article that sets the term ("GDPR Art. 12(3)"); for ReasonTerm
	Term   Term      // the term counted; for ReasonTerm, ReasonInterim
	From   time.Time // the day counted from, or the day of the event
	To     time.Time // the resulting day
	Days   int       // transit or paused days
	Sent   time.Time // for ReasonPosted, ReasonSentElectronically
	Asked  bool      // ReasonTerm: the law sets no term, the letter asks for this one
	Notice time.Time // for the extension reasons
}

// ReasonCode names a Reason.
type ReasonCode string

// The steps of a deadline.
const (
	ReasonPosted            ReasonCode = "posted"              // Sent by post; received Days later, on From, until delivery is recorded
	ReasonReceived          ReasonCode = "received"            // received on From (delivered, or sent electronically that day)
	ReasonNoTerm            ReasonCode = "no_term"             // the law sets no term
	ReasonTerm              ReasonCode = "term"                // Term from receipt on From ends on To (Rule)
	ReasonMoved             ReasonCode = "moved"               // From is a day off: moved to the next working day, To
	ReasonPausedDays        ReasonCode = "paused_days"         // Days the clock stood for proof of identity, to To
	ReasonClockStopped      ReasonCode = "clock_stopped"       // stopped on From for proof of identity; runs again when provided
	ReasonNoPause           ReasonCode = "no_pause"            // identity asked on From, but this law does not stop the clock
	ReasonExtended          ReasonCode = "extended"            // extension notified on Notice: until To
	ReasonLateExtension     ReasonCode = "late_extension"      // extension notified on Notice, after the deadline: it does not count
	ReasonInterim           ReasonCode = "interim"             // by To (Term) the company must say whether it will meet the request
	ReasonIncompleteHoliday ReasonCode = "incomplete_holidays" // Prava lacks the state's holidays: only weekends move the date
	ReasonMartialLaw        ReasonCode = "martial_law"         // under martial law holidays are working days: only weekends move the date
	ReasonNoState           ReasonCode = "no_state"            // no member state known: only weekends move the date
)

// ErrNoStart is returned when a clock has no day to start from.
var ErrNoStart = errors.New("the request has no date: give the day it was received or sent")

// Due computes when a company must answer a request under a jurisdiction's
// law, from the events on the clock.
func Due(j *Jurisdiction, kind record.Kind, c Clock, opt Options) (Deadline, error) {
	rule, err := j.Rule(kind)
	if err != nil {
		return Deadline{}, err
	}
	var d Deadline
	var why []string
	reason := func(r Reason) { d.Reasons = append(d.Reasons, r) }
	d.Statutory = rule.Statutory
	switch {
	case !c.Received.IsZero():
		d.Received = Day(c.Received)
	case !c.Delivered.IsZero():
		d.Received = Day(c.Delivered)
	case c.Sent.IsZero():
		return Deadline{}, ErrNoStart
	case c.Channel == record.ByPost:
		transit := opt.TransitDays
		if transit <= 0 {
			transit = DefaultOptions().TransitDays
		}
		d.Received = Day(c.Sent).AddDate(0, 0, transit)
		d.Estimated = true
		reason(Reason{Code: ReasonPosted, Sent: Day(c.Sent), Days: transit, From: d.Received})
		why = append(why, fmt.Sprintf("sent by post on %s; assumed delivered %d days later, on %s, until delivery is recorded", long(c.Sent), transit, long(d.Received)))
	default:
		d.Received = Day(c.Sent)
		reason(Reason{Code: ReasonReceived, From: d.Received, Sent: Day(c.Sent)})
		why = append(why, fmt.Sprintf("sent by %s on %s, so received that day", channelName(c.Channel), long(c.Sent)))
	}
	if d.Reasons == nil {
		reason(Reason{Code: ReasonReceived, From: d.Received})
	}
	if rule.Term.N == 0 {
		reason(Reason{Code: ReasonNoTerm, Rule: rule.Basis})
		why = append(why, rule.Basis+": no deadline")
		d.Basis = strings.Join(why, "; ")
		return d, nil
	}

	pause, paused, pauseWhy := pauseDays(j, c)
	if pauseWhy != "" {
		why = append(why, pauseWhy)
	}
	due, dueWhy := j.deadline(d.Received, rule.Term, pause)
	steps := j.steps(d.Received, rule.Term, pause)
	steps[0].Rule, steps[0].Asked = rule.Basis, !rule.Statutory
	d.Reasons = append(d.Reasons, steps...)
	switch {
	case c.IdentityAsked.IsZero():
	case j.Regime != GDPR:
		reason(Reason{Code: ReasonNoPause, From: Day(c.IdentityAsked)})
	case paused:
		reason(Reason{Code: ReasonClockStopped, From: Day(c.IdentityAsked)})
	}
	basis := rule.Basis
	if !rule.Statutory {
		basis += " (a date the letter asks for; the law sets none)"
	}
	why = append([]string{basis + ": " + dueWhy}, why...)
	if j.CalendarNote != "" {
		why = append(why, j.CalendarNote)
		reason(Reason{Code: j.CalendarReason})
	}
	d.Due = due
	if rule.Extended != nil {
		d.Latest, _ = j.deadline(d.Received, *rule.Extended, pause)
		if !c.ExtensionNotice.IsZero() {
			notice := Day(c.ExtensionNotice)
			if notice.After(due) {
				why = append(why, fmt.Sprintf("the company announced an extension on %s, after the deadline had passed, so it does not count", long(notice)))
				reason(Reason{Code: ReasonLateExtension, Notice: notice})
			} else {
				d.Due, d.Extended = d.Latest, true
				reason(Reason{Code: ReasonExtended, Notice: notice, To: d.Latest})
				why = append(why, fmt.Sprintf("the company announced an extension on %s, so it has until %s (%s)", long(notice), long(d.Latest), rule.ExtensionNeed))
			}
		}
	}
	if rule.Interim != nil {
		d.Interim, _ = j.deadline(d.Received, *rule.Interim, 0)
		reason(Reason{Code: ReasonInterim, Term: *rule.Interim, To: d.Interim})
		why = append(why, fmt.Sprintf("by %s (%s) the company has %s", long(d.Interim), termWords(*rule.Interim), rule.InterimNeed))
	}
	if paused {
		d.Paused = true
		d.Due, d.Latest = time.Time{}, time.Time{}
	}
	d.Basis = strings.Join(why, "; ")
	return d, nil
}

// pauseDays is how long the clock stood still for proof of identity. Only
// the GDPR stops the clock (Art. 12(6)); elsewhere the request is answered
// on time regardless.
func pauseDays(j *Jurisdiction, c Clock) (int, bool, string) {
	if c.IdentityAsked.IsZero() {
		return 0, false, ""
	}
	asked := Day(c.IdentityAsked)
	if j.Regime != GDPR {
		return 0, false, fmt.Sprintf("the company asked for proof of identity on %s, but %s does not stop the clock for it", long(asked), j.Regime.Name)
	}
	if c.IdentityProvided.IsZero() {
		return 0, true, fmt.Sprintf("the clock stopped on %s, when the company asked for proof of identity (GDPR Art. 12(6)); it runs again when you provide it", long(asked))
	}
	provided := Day(c.IdentityProvided)
	days := int(provided.Sub(asked).Hours() / 24)
	if days < 0 {
		days = 0
	}
	return days, false, fmt.Sprintf("the clock stood still for %d days, from %s when the company asked for proof of identity to %s when you provided it (GDPR Art. 12(6)), so the date moves by %d days", days, long(asked), long(provided), days)
}

// deadline counts a term from the day of receipt under the jurisdiction's
// rules, adds the days the clock was paused, and says how.
func (j *Jurisdiction) deadline(received time.Time, t Term, pause int) (time.Time, string) {
	var end time.Time
	var how string
	switch t.Unit {
	case Months:
		end = addMonths(received, t.N)
		how = fmt.Sprintf("%s from receipt on %s", termWords(t), long(received))
		if end.Day() != received.Day() {
			how += fmt.Sprintf(" ends on %s, the last day of that month, as it has no %s", long(end), ordinal(received.Day()))
		} else {
			how += fmt.Sprintf(" ends on %s", long(end))
		}
	case CalendarDays:
		end = received.AddDate(0, 0, t.N)
		how = fmt.Sprintf("%s counted from the day after receipt on %s end on %s", termWords(t), long(received), long(end))
	case WorkingDays:
		end = received
		var skipped []string
		for n := 0; n < t.N; {
			end = end.AddDate(0, 0, 1)
			off, why := j.Calendar.Off(end)
			if !off {
				n++
			} else if end.Weekday() != time.Saturday && end.Weekday() != time.Sunday {
				skipped = append(skipped, short(end)+" is "+why)
			}
		}
		how = fmt.Sprintf("%s after receipt on %s end on %s", termWords(t), long(received), long(end))
		if len(skipped) > 0 {
			how += " (not counting weekends; " + strings.Join(skipped, ", ") + ")"
		}
	}
	if pause > 0 {
		end = end.AddDate(0, 0, pause)
		how += fmt.Sprintf(", plus %d paused days: %s", pause, long(end))
	}
	if j.Regime.Counting == CountCalendar {
		return end, how
	}
	if off, why := j.Calendar.Off(end); off {
		first := end
		for off {
			end = end.AddDate(0, 0, 1)
			off, _ = j.Calendar.Off(end)
		}
		how += fmt.Sprintf("; %s is %s, so the deadline moves to the next working day, %s", short(first), why, long(end))
	}
	return end, how
}

// addMonths adds n months the way Regulation 1182/71 counts: the same date
// n months later, or that month's last day when it has no such date.
func addMonths(d time.Time, n int) time.Time {
	first := Date(d.Year(), d.Month(), 1).AddDate(0, n, 0)
	last := first.AddDate(0, 1, -1).Day()
	return Date(first.Year(), first.Month(), min(d.Day(), last))
}

func termWords(t Term) string {
	unit := map[Unit][2]string{
		Months:       {"month", "months"},
		CalendarDays: {"calendar day", "calendar days"},
		WorkingDays:  {"working day", "working days"},
	}[t.Unit]
	if t.N == 1 {
		return "one " + unit[0]
	}
	return fmt.Sprintf("%d %s", t.N, unit[1])
}

func channelName(c record.Channel) string {
	if c == "" {
		return string(record.ByEmail)
	}
	return string(c)
}

// long writes a date for a person: "Mon 2 Mar 2026".
func long(t time.Time) string { return t.Format("Mon 2 Jan 2006") }

// short writes a date without the year: "28 Feb".
func short(t time.Time) string { return t.Format("2 Jan") }

func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

// steps are the Reasons of counting a term: the term from receipt, the
// days paused for proof of identity, and a move off a day off. They follow
// deadline, which words the same steps in English.
func (j *Jurisdiction) steps(received time.Time, t Term, pause int) []Reason {
	end, _ := j.deadline(received, t, 0)
	out := []Reason{{Code: ReasonTerm, Term: t, From: received}}
	if j.Regime.Counting != CountCalendar {
		// deadline moves the end only once, after any pause: undo the
		// move to find the term's own last day.
		end = termEnd(received, t, j)
	}
	out[0].To = end
	if pause > 0 {
		end = end.AddDate(0, 0, pause)
		out = append(out, Reason{Code: ReasonPausedDays, Days: pause, To: end})
	}
	if final, _ := j.deadline(received, t, pause); !final.Equal(end) {
		out = append(out, Reason{Code: ReasonMoved, From: end, To: final})
	}
	return out
}

// termEnd is the last day of a term before any move off a day off.
func termEnd(received time.Time, t Term, j *Jurisdiction) time.Time {
	switch t.Unit {
	case Months:
		return addMonths(received, t.N)
	case CalendarDays:
		return received.AddDate(0, 0, t.N)
	}
	end := received
	for n := 0; n < t.N; {
		end = end.AddDate(0, 0, 1)
		if off, _ := j.Calendar.Off(end); !off {
			n++
		}
	}
	return end
}
