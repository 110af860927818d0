package files

import (
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNameBytes is the longest file name most file systems take (NAME_MAX).
const maxNameBytes = 255

// SafeName makes a file name from text that may come from a company's
// name or a policy: control characters (C0, DEL, C1), bidirectional
// controls (U+202E would show "fdp.exe" for "exe.pdf"), line and paragraph
// separators and path separators are dropped or replaced, invalid UTF-8
// is replaced, and the name is cut to 255 bytes on a character boundary,
// keeping its extension, so that a 140-character legal name in Cyrillic
// still gives a name the system accepts.
func SafeName(name string) string {
	name = strings.ToValidUTF8(name, "_")
	var b strings.Builder
	for _, r := range name {
		switch {
		case strings.ContainsRune(`/\:*?"<>|`, r): // separators, and what Windows refuses
			b.WriteByte('-')
		case r == '\t' || r == '\n' || r == '\r' || r == 0x2028 || r == 0x2029 || r == 0x85:
			b.WriteByte(' ')
		case Hidden(r):
		default:
			b.WriteRune(r)
		}
	}
	out := strings.TrimSpace(b.String())
	switch out {
	case "", ".", "..":
		return "_"
	}
	ext := filepath.Ext(out)
	if len(ext) > 16 || len(ext) == len(out) {
		ext = ""
	}
	stem := out[:len(out)-len(ext)]
	if len(stem)+len(ext) > maxNameBytes {
		stem = cutBytes(stem, maxNameBytes-len(ext))
		stem = strings.TrimRightFunc(stem, unicode.IsSpace)
	}
	return stem + ext
}

// cutBytes cuts s to at most n bytes without splitting a character.
func cutBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// Hidden reports whether r is a character that must not reach a file
// name, a calendar or a terminal as it is: a C0 or C1 control, DEL, a
// bidirectional control (which reorders what is shown), or a zero-width
// joiner-like format character.
func Hidden(r rune) bool {
	switch {
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		return true
	case r == 0x061c || r == 0x200e || r == 0x200f || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
		return true
	case r == 0xfeff || r == 0x2028 || r == 0x2029:
		return true
	}
	return false
}
