package files

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestWriteICS(t *testing.T) {
	var buf bytes.Buffer
	long := strings.Repeat("Запит щодо доступу до персональних даних, ", 5)
	err := WriteICS(&buf, []CalendarEvent{
		{UID: "r1", Summary: "NETRACK: access due; reply, please", Description: long + "\nline two", Date: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), RemindDays: 3},
		{UID: "r2", Summary: "Planfix", Date: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)},
	}, time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"BEGIN:VCALENDAR\r\n", "DTSTART;VALUE=DATE:20260302\r\n", "DTEND;VALUE=DATE:20260303\r\n",
		`SUMMARY:NETRACK: access due\; reply\, please`, "TRIGGER:-P3D", "DTEND;VALUE=DATE:20270101\r\n", "TRIGGER:PT9H", "END:VCALENDAR\r\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if strings.Count(out, "BEGIN:VEVENT") != 2 || strings.Count(out, "BEGIN:VALARM") != 2 {
		t.Error("want two events, each with an alarm")
	}
	// Unfold and check the long description survived whole.
	unfolded := strings.ReplaceAll(out, "\r\n ", "")
	if !strings.Contains(unfolded, "DESCRIPTION:"+escapeText(long)+`\nline two`) {
		t.Error("the folded description does not unfold to the original")
	}
	for _, l := range strings.Split(out, "\r\n") {
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
		if !utf8Valid(l) {
			t.Errorf("fold split a character: %q", l)
		}
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// TestICSLineBreaksEscaped: a lone CR, U+0085, U+2028 and controls in a
// company's name cannot start a line of their own (F7).
func TestICSLineBreaksEscaped(t *testing.T) {
	name := "Evil\rEND:VEVENT\rBEGIN:VEVENT\rSUMMARY:Pay fine now\rURL:http://evil.example/\u2028ATTACH:x\u0085DTSTART:1\x1b[2J\u202e"
	var buf bytes.Buffer
	WriteICS(&buf, []CalendarEvent{{UID: "r1", Summary: name, Description: name, Date: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}}, time.Now())
	checkICS(t, buf.String(), 1)
}

// checkICS parses out leniently, any of CR, LF, NEL, LS or PS ending a
// line, and wants exactly events VEVENTs and no URL or ATTACH property.
func checkICS(t *testing.T, out string, events int) {
	t.Helper()
	lines := strings.FieldsFunc(out, func(r rune) bool { return r == '\r' || r == '\n' || r == 0x85 || r == 0x2028 || r == 0x2029 })
	begins := 0
	for _, l := range lines {
		if strings.HasPrefix(l, "BEGIN:VEVENT") {
			begins++
		}
		if strings.HasPrefix(l, "URL:") || strings.HasPrefix(l, "ATTACH:") {
			t.Errorf("injected line %q", l)
		}
		for _, r := range l {
			if Hidden(r) {
				t.Errorf("control %U in %q", r, l)
			}
		}
	}
	if begins != events {
		t.Errorf("%d VEVENTs, want %d", begins, events)
	}
}
