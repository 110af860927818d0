package pdfa

import (
	"bytes"
	"fmt"
	"strconv"
	"unicode/utf16"
)

// This file reads just enough PDF syntax to take a writer's output apart:
// a dictionary's entries, and a string's text. It is not a general PDF
// parser; Convert refuses what it cannot read rather than guessing.

// entry is one key of a dictionary with its value as written.
type entry struct {
	key string // without the slash
	raw []byte // the value's bytes, e.g. "1 0 R", "[3 0 R /Fit]", "<FEFF0041>"
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool { return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0 }

// skipSpace skips white space and comments from i.
func skipSpace(b []byte, i int) int {
	for i < len(b) {
		switch {
		case isSpace(b[i]):
			i++
		case b[i] == '%':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		default:
			return i
		}
	}
	return i
}

// token returns the end of the regular characters from i.
func token(b []byte, i int) int {
	for i < len(b) && !isSpace(b[i]) && !isDelim(b[i]) {
		i++
	}
	return i
}

// valueEnd returns where the value starting at i ends. An indirect
// reference "n g R" counts as one value.
func valueEnd(b []byte, i int) (int, error) {
	if i >= len(b) {
		return 0, fmt.Errorf("a value is missing at the end")
	}
	switch c := b[i]; {
	case c == '/':
		return token(b, i+1), nil
	case c == '(':
		return stringEnd(b, i)
	case c == '<' && i+1 < len(b) && b[i+1] == '<':
		return containerEnd(b, i+2, ">>")
	case c == '<':
		j := bytes.IndexByte(b[i:], '>')
		if j < 0 {
			return 0, fmt.Errorf("a hex string is not closed")
		}
		return i + j + 1, nil
	case c == '[':
		return containerEnd(b, i+1, "]")
	case isDelim(c):
		return 0, fmt.Errorf("unexpected %q at byte %d", c, i)
	}
	end := token(b, i)
	if end == i {
		return 0, fmt.Errorf("unexpected %q at byte %d", b[i], i)
	}
	// "n g R": two integers and an R.
	if _, err := strconv.Atoi(string(b[i:end])); err == nil {
		j := skipSpace(b, end)
		k := token(b, j)
		if _, err := strconv.Atoi(string(b[j:k])); err == nil && k > j {
			r := skipSpace(b, k)
			if r < len(b) && b[r] == 'R' && (r+1 == len(b) || isSpace(b[r+1]) || isDelim(b[r+1])) {
				return r + 1, nil
			}
		}
	}
	return end, nil
}

// containerEnd returns the end of an array or dictionary whose contents
// start at i and which closes with closer.
func containerEnd(b []byte, i int, closer string) (int, error) {
	for {
		i = skipSpace(b, i)
		if i >= len(b) {
			return 0, fmt.Errorf("a %q is missing", closer)
		}
		if bytes.HasPrefix(b[i:], []byte(closer)) {
			return i + len(closer), nil
		}
		end, err := valueEnd(b, i)
		if err != nil {
			return 0, err
		}
		i = end
	}
}

// stringEnd returns the end of the literal string starting at i: its
// parentheses nest, and a backslash escapes the next byte.
func stringEnd(b []byte, i int) (int, error) {
	depth := 0
	for j := i; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return j + 1, nil
			}
		}
	}
	return 0, fmt.Errorf("a string is not closed")
}

// dictEntries splits the dictionary that starts at b[i] ("<<") into its
// entries and returns where it ends.
func dictEntries(b []byte, i int) ([]entry, int, error) {
	i = skipSpace(b, i)
	if !bytes.HasPrefix(b[i:], []byte("<<")) {
		return nil, 0, fmt.Errorf("a dictionary was expected at byte %d", i)
	}
	var out []entry
	i += 2
	for {
		i = skipSpace(b, i)
		if i >= len(b) {
			return nil, 0, fmt.Errorf("a dictionary is not closed")
		}
		if bytes.HasPrefix(b[i:], []byte(">>")) {
			return out, i + 2, nil
		}
		if b[i] != '/' {
			return nil, 0, fmt.Errorf("a dictionary key was expected at byte %d", i)
		}
		k := token(b, i+1)
		key := string(b[i+1 : k])
		v := skipSpace(b, k)
		end, err := valueEnd(b, v)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, entry{key: key, raw: b[v:end]})
		i = end
	}
}

// lookup returns the value of key, or nil.
func lookup(es []entry, key string) []byte {
	for _, e := range es {
		if e.key == key {
			return e.raw
		}
	}
	return nil
}

// refNumber returns the object number of a reference "n g R".
func refNumber(raw []byte) (int, bool) {
	f := bytes.Fields(raw)
	if len(f) != 3 || string(f[2]) != "R" {
		return 0, false
	}
	n, err := strconv.Atoi(string(f[0]))
	return n, err == nil && n > 0
}

// textOf decodes a PDF text string, literal or hex: UTF-16BE after a
// byte order mark, otherwise PDFDocEncoding read as Latin-1 (they agree
// on every character a writer such as gofpdf puts in an Info entry).
func textOf(raw []byte) (string, error) {
	var b []byte
	switch {
	case len(raw) >= 2 && raw[0] == '(' && raw[len(raw)-1] == ')':
		b = unescape(raw[1 : len(raw)-1])
	case len(raw) >= 2 && raw[0] == '<' && raw[len(raw)-1] == '>':
		hex := bytes.Map(func(r rune) rune {
			if isSpace(byte(r)) {
				return -1
			}
			return r
		}, raw[1:len(raw)-1])
		if len(hex)%2 == 1 {
			hex = append(hex, '0')
		}
		for i := 0; i < len(hex); i += 2 {
			v, err := strconv.ParseUint(string(hex[i:i+2]), 16, 8)
			if err != nil {
				return "", fmt.Errorf("a hex string holds %q", hex[i:i+2])
			}
			b = append(b, byte(v))
		}
	default:
		return "", fmt.Errorf("a string was expected, not %q", raw)
	}
	if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF {
		u := make([]uint16, 0, len(b)/2)
		for i := 2; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		}
		return string(utf16.Decode(u)), nil
	}
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r), nil
}

// unescape undoes a literal string's backslash escapes.
func unescape(s []byte) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			out = append(out, s[i])
			continue
		}
		i++
		switch c := s[i]; c {
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case '\n':
		default:
			if c >= '0' && c <= '7' {
				v, n := 0, 0
				for n < 3 && i < len(s) && s[i] >= '0' && s[i] <= '7' {
					v = v*8 + int(s[i]-'0')
					i++
					n++
				}
				i--
				out = append(out, byte(v))
			} else {
				out = append(out, c)
			}
		}
	}
	return out
}

// hexText writes s as a UTF-16BE hex string with a byte order mark, which
// needs no escaping and holds any character.
func hexText(s string) string {
	var b bytes.Buffer
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// pdfName writes s as a name, each byte outside the regular printable
// ones as #xx: "message/rfc822" is /message#2Frfc822.
func pdfName(s string) string {
	var b bytes.Buffer
	b.WriteByte('/')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '!' || c > '~' || isDelim(c) || c == '#' {
			fmt.Fprintf(&b, "#%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}
