package app

import (
	"strings"
	"testing"
	"time"

	"prava/law"
	"prava/record"
)

// TestReasonsInTheirLanguage: the deadline's "Why" is worded in the UI's
// language, numbers with the plural form the language wants.
func TestReasonsInTheirLanguage(t *testing.T) {
	defer UseLanguage("en")
	cases := []struct {
		lang string
		term law.Term
		want string
	}{
		{"en", law.Term{N: 1, Unit: law.Months}, "1 month"},
		{"en", law.Term{N: 10, Unit: law.WorkingDays}, "10 working days"},
		{"uk", law.Term{N: 1, Unit: law.Months}, "1 місяць"},
		{"uk", law.Term{N: 3, Unit: law.Months}, "3 місяці"},
		{"uk", law.Term{N: 10, Unit: law.WorkingDays}, "10 робочих днів"},
		{"uk", law.Term{N: 21, Unit: law.CalendarDays}, "21 день"},
		{"ru", law.Term{N: 14, Unit: law.CalendarDays}, "14 дней"},
		{"lt", law.Term{N: 10, Unit: law.WorkingDays}, "10 darbo dienų"},
		{"lt", law.Term{N: 3, Unit: law.Months}, "3 mėnesiai"},
		{"lv", law.Term{N: 1, Unit: law.Months}, "1 mēnesis"},
		{"lv", law.Term{N: 30, Unit: law.CalendarDays}, "30 dienas"},
	}
	for _, c := range cases {
		UseLanguage(c.lang)
		if got := termText(c.term); got != c.want {
			t.Errorf("%s %+v: %q, want %q", c.lang, c.term, got, c.want)
		}
	}
	UseLanguage("uk")
	j, _ := law.Lookup("UA", law.DefaultOptions())
	dl, err := law.Due(j, record.Access, law.Clock{Sent: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), Channel: record.ByEmail}, law.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if got := reasonsText(dl.Reasons); got == "" || got == dl.Basis || !containsAll(got, "отримано 2026-11-23", "30 днів від отримання (2026-11-23), тож строк спливає 2026-12-23", "воєнного стану", "10 робочих днів") {
		t.Errorf("Ukrainian reasons: %q", got)
	}
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
