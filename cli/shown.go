package cli

import (
	"io"
	"strconv"
	"unicode/utf8"

	"prava/files"
)

// shown is a writer for what the command line prints: control characters
// (but line breaks and tabs), bidirectional controls and line separators
// are written escaped, as \x1b or \u202e. Names and notes come from
// policies, directory updates and imported backups; printed raw, an ESC
// sequence sets the terminal's title, clears the screen or (OSC 52)
// writes the clipboard, and U+202E turns "exe.pdf" into "fdp.exe"
// (security review 2, F8 and F18). Nothing the commands print on purpose
// holds such a character, so one wrapper serves every command.
type shown struct {
	w    io.Writer
	tail []byte // the start of a character cut by the end of a Write
}

// Write escapes what p holds that a terminal would act on, and reports all
// of p written when the escaped text was.
func (s *shown) Write(p []byte) (int, error) {
	buf := append(s.tail, p...)
	s.tail = nil
	if n := incompleteTail(buf); n > 0 {
		s.tail = append([]byte(nil), buf[len(buf)-n:]...)
		buf = buf[:len(buf)-n]
	}
	out := make([]byte, 0, len(buf))
	for i := 0; i < len(buf); {
		r, size := utf8.DecodeRune(buf[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			out = append(out, `\x`+strconv.FormatUint(uint64(buf[i]), 16)...)
		case r != '\n' && r != '\t' && files.Hidden(r):
			q := strconv.QuoteToASCII(string(r))
			out = append(out, q[1:len(q)-1]...)
		default:
			out = append(out, buf[i:i+size]...)
		}
		i += size
	}
	if _, err := s.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes a character left incomplete by the last Write, escaped.
func (s *shown) Flush() error {
	if len(s.tail) == 0 {
		return nil
	}
	t := s.tail
	s.tail = nil
	out := make([]byte, 0, 4*len(t))
	for _, b := range t {
		out = append(out, `\x`+strconv.FormatUint(uint64(b), 16)...)
	}
	_, err := s.w.Write(out)
	return err
}

// incompleteTail is how many bytes at the end of p begin a UTF-8 character
// that the next Write may complete.
func incompleteTail(p []byte) int {
	for n := 1; n <= utf8.UTFMax-1 && n <= len(p); n++ {
		if utf8.RuneStart(p[len(p)-n]) {
			if utf8.FullRune(p[len(p)-n:]) {
				return 0
			}
			return n
		}
	}
	return 0
}
