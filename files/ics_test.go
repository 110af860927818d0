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
