package letters

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestDashNeverStartsALine: a dash between words stays on the line of the
// word before it, in every language's form of it (review 1, C6: the uk UA
// access broke "…Закону). Я / — клієнт сервісу…").
func TestDashNeverStartsALine(t *testing.T) {
	measure := func(s string) float64 { return float64(utf8.RuneCountInString(s)) }
	for _, s := range []string{
		"(частина перша статті 17 Закону). Я — клієнт сервісу lantrase.com.ua",
		"Izmantoju pakalpojumu lantrase.com.ua, klienta numurs – A-77.",
		"my own words - typed with a hyphen",
	} {
		before, _, _ := strings.Cut(strings.NewReplacer(" — ", "|", " – ", "|", " - ", "|").Replace(s), "|")
		width := float64(utf8.RuneCountInString(before)) + 1 // the word before fits, the dash does not
		lines := wrap(glue(s), width, measure)
		for i, l := range lines {
			if i > 0 && (strings.HasPrefix(l, "—") || strings.HasPrefix(l, "–") || strings.HasPrefix(l, "- ")) {
				t.Errorf("%q at width %.0f: line %d begins with a dash: %q", s, width, i+1, lines)
			}
		}
	}
}

// checkDashes fails when a line of the laid-out letter begins with a dash
// (a list's bullet is drawn apart, so its text never does).
func checkDashes(t *testing.T, id string, p *pager) {
	t.Helper()
	for i, ln := range p.flow {
		if s := ln.ops[0].text; strings.HasPrefix(s, "— ") || strings.HasPrefix(s, "– ") || strings.HasPrefix(s, "- ") {
			t.Errorf("%s: line %d begins with a dash: %q", id, i+1, s)
		}
	}
}
