package files

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzWriteICS: whatever a company's name or a request's text holds, the
// calendar has one event per deadline, no line over 75 octets, valid
// UTF-8, and its text unescapes to what was given minus the dropped
// characters.
func FuzzWriteICS(f *testing.F) {
	f.Add("Evil\rEND:VEVENT\rBEGIN:VEVENT", "x\r\ny", "uid")
	f.Add("a\\;,\u2028b", "\x00\x1b]0;T\x07", "\xff")
	f.Add(strings.Repeat("Ж", 80), "\u0085", "r1")
	f.Fuzz(func(t *testing.T, summary, desc, uid string) {
		var buf bytes.Buffer
		err := WriteICS(&buf, []CalendarEvent{
			{UID: uid, Summary: summary, Description: desc, Date: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), RemindDays: 3},
			{UID: uid + "2", Summary: desc, Date: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)},
		}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if !utf8.ValidString(out) {
			t.Fatal("invalid UTF-8")
		}
		for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
			if len(l) > 75 {
				t.Fatalf("line of %d octets", len(l))
			}
		}
		checkICS(t, out, 2)
		unfolded := strings.ReplaceAll(out, "\r\n ", "")
		if !strings.Contains(unfolded, "\r\nSUMMARY:"+escapeText(summary)+"\r\n") {
			t.Fatalf("summary not whole in %q", unfolded)
		}
	})
}
