package files

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// CalendarEvent is one deadline for the calendar export: an all-day event
// on the due date with a reminder some days before.
type CalendarEvent struct {
	UID         string // stable across exports, so calendars update rather than duplicate
	Summary     string
	Description string
	Date        time.Time
	RemindDays  int // 0 for a reminder on the morning of the day
}

// WriteICS writes events as an iCalendar file (RFC 5545) that desktop and
// phone calendars import.
func WriteICS(w io.Writer, events []CalendarEvent, now time.Time) error {
	bw := bufio.NewWriter(w)
	line := func(s string) { writeFolded(bw, s) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//Prava//Deadlines//EN")
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	stamp := now.UTC().Format("20060102T150405Z")
	for _, e := range events {
		line("BEGIN:VEVENT")
		line("UID:" + escapeText(e.UID) + "@prava")
		line("DTSTAMP:" + stamp)
		line("DTSTART;VALUE=DATE:" + e.Date.Format("20060102"))
		line("DTEND;VALUE=DATE:" + e.Date.AddDate(0, 0, 1).Format("20060102"))
		line("SUMMARY:" + escapeText(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION:" + escapeText(e.Description))
		}
		line("TRANSP:TRANSPARENT")
		line("BEGIN:VALARM")
		line("ACTION:DISPLAY")
		if e.RemindDays > 0 {
			line(fmt.Sprintf("TRIGGER:-P%dD", e.RemindDays))
		} else {
			line("TRIGGER:PT9H") // 09:00 on the day
		}
		line("DESCRIPTION:" + escapeText(e.Summary))
		line("END:VALARM")
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return bw.Flush()
}

// escapeText escapes a TEXT value (RFC 5545 3.3.11): backslash,
// semicolon, comma, and every line break — CRLF, a lone CR or LF, U+0085,
// U+2028, U+2029 — as \n. A lone CR was once written raw, and a lenient
// parser took it for a line end: a company named "X\rEND:VEVENT\r…"
// injected events and URL: lines. Other control and bidirectional
// characters are dropped (Hidden); a tab becomes a space.
func escapeText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
			b.WriteString(`\n`)
		case r == '\n' || r == 0x85 || r == 0x2028 || r == 0x2029:
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteByte(' ')
		case Hidden(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// writeFolded writes one content line, folded so that no physical line is
// longer than 75 octets, and never inside a UTF-8 character.
func writeFolded(w *bufio.Writer, s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.WriteString(s[:cut])
		w.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	w.WriteString(s)
	w.WriteString("\r\n")
}
