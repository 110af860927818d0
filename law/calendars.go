package law

import (
	"time"

	"github.com/rickar/cal/v2"
)

// Calendar tells working days from days off in one country.
type Calendar interface {
	// Off reports whether day is not a working day, and why in words:
	// "a Saturday", "a public holiday (Jāņi)".
	Off(day time.Time) (bool, string)
}

// weekends is a calendar with Saturdays and Sundays off and no holidays:
// for GDPR with no member state known, and for Ukraine under martial law.
type weekends struct{}

func (weekends) Off(day time.Time) (bool, string) {
	switch day.Weekday() {
	case time.Saturday:
		return true, "a Saturday"
	case time.Sunday:
		return true, "a Sunday"
	}
	return false, ""
}

// calCalendar is a country calendar from github.com/rickar/cal.
type calCalendar struct {
	c *cal.Calendar
}

func newCalCalendar(holidays []*cal.Holiday) calCalendar {
	c := &cal.Calendar{}
	c.AddHoliday(holidays...)
	return calCalendar{c}
}

func (k calCalendar) Off(day time.Time) (bool, string) {
	if off, why := (weekends{}).Off(day); off {
		return off, why
	}
	if _, observed, h := k.c.IsHoliday(day); observed && h != nil {
		return true, "a public holiday (" + h.Name + ")"
	}
	return false, ""
}

// holiday is a day off given as data: a fixed date, or a day counted from
// Easter (Western or Orthodox).
type holiday struct {
	name       string
	month      time.Month
	day        int
	easter     bool // day counts from Western Easter Sunday (month unused)
	orthodox   bool // day counts from Orthodox Easter Sunday (month unused)
	moveToNext bool // on a weekend, the next working day is off instead
}

// dataCalendar is a country calendar written as data where rickar/cal has
// none or lags behind the law.
type dataCalendar struct {
	holidays []holiday
	// extraOff and extraWork are one-off days off and working days that a
	// yearly decree sets (Russia's production calendar).
	extraOff  map[string]string
	extraWork map[string]bool
	// movedByDecree marks holidays whose weekend days are moved by the
	// yearly decree, not by the general rule (Russia's New Year holidays).
	movedByDecree map[string]bool
}

func (k dataCalendar) Off(day time.Time) (bool, string) {
	key := day.Format(time.DateOnly)
	if k.extraWork[key] {
		return false, ""
	}
	if name, ok := k.extraOff[key]; ok {
		return true, name
	}
	for _, h := range k.holidays {
		if sameDay(h.date(day.Year()), day) {
			return true, "a public holiday (" + h.name + ")"
		}
	}
	if off, why := (weekends{}).Off(day); off {
		return off, why
	}
	// A holiday on a weekend gives the next working day off.
	for _, h := range k.holidays {
		if !h.moveToNext || k.movedByDecree[h.name] {
			continue
		}
		for _, year := range []int{day.Year(), day.Year() - 1} {
			d := h.date(year)
			if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
				continue
			}
			if sameDay(k.substitute(d), day) {
				return true, "the day off for " + h.name + ", which fell on a weekend"
			}
		}
	}
	return false, ""
}

// substitute is the first day after d that is neither a weekend nor a
// holiday itself.
func (k dataCalendar) substitute(d time.Time) time.Time {
	for {
		d = d.AddDate(0, 0, 1)
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		holidayToo := false
		for _, h := range k.holidays {
			holidayToo = holidayToo || sameDay(h.date(d.Year()), d)
		}
		if !holidayToo {
			return d
		}
	}
}

func (h holiday) date(year int) time.Time {
	switch {
	case h.easter:
		return westernEaster(year).AddDate(0, 0, h.day)
	case h.orthodox:
		return orthodoxEaster(year).AddDate(0, 0, h.day)
	}
	return Date(year, h.month, h.day)
}

// westernEaster is Easter Sunday by the Gregorian computus (the anonymous
// Gregorian algorithm).
func westernEaster(year int) time.Time {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return Date(year, time.Month(month), day)
}

// orthodoxEaster is Easter Sunday by the Julian computus (Meeus), given as
// a Gregorian date.
func orthodoxEaster(year int) time.Time {
	a, b, c := year%4, year%7, year%19
	d := (19*c + 15) % 30
	e := (2*a + 4*b - d + 34) % 7
	month := (d + e + 114) / 31
	day := (d+e+114)%31 + 1
	julian := Date(year, time.Month(month), day)
	return julian.AddDate(0, 0, 13) // the calendars differ by 13 days in 1900–2099
}

// Date is a calendar date at midnight UTC, the form every date in this
// package takes.
func Date(year int, month time.Month, day int) time.Time {
	return time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
}

// Day drops the time of day and the zone, keeping the date as written.
func Day(t time.Time) time.Time {
	return Date(t.Year(), t.Month(), t.Day())
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}
