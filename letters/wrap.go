package letters

import (
	"strings"
	"unicode/utf8"
)

// wrap breaks text into lines no wider than width, as measured by width
// of a string. Words go whole onto a line when they fit; a word longer
// than a whole line (a URL, an IBAN, a long compound) is broken after a
// slash, dot, hyphen or similar where it can be, and between any two
// characters where it cannot, so nothing runs off the page.
func wrap(text string, width float64, measure func(string) float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if measure(try) <= width {
			line = try
			continue
		}
		if line != "" {
			lines = append(lines, line)
			line = ""
		}
		for {
			head, tail := breakWord(word, width, measure)
			if tail == "" {
				line = head
				break
			}
			lines = append(lines, head)
			word = tail
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// breakWord cuts the longest head of word that fits in width, preferring
// a cut just after a character that separates parts of a URL or a path.
// A word that fits whole comes back whole, with an empty tail.
func breakWord(word string, width float64, measure func(string) float64) (head, tail string) {
	fit := 0 // bytes of word that fit
	soft := 0
	w := 0.0
	// Widths add up rune by rune (the PDF has no kerning), which keeps a
	// pasted megabyte without spaces linear.
	for i, r := range word {
		end := i + utf8.RuneLen(r)
		if w += measure(word[i:end]); w > width {
			break
		}
		fit = end
		if fit == len(word) {
			return word, ""
		}
		if strings.ContainsRune("/.-_?&=@:;,", r) && end < len(word) {
			soft = end
		}
	}
	if fit == 0 { // not even one character fits: put it on a line anyway
		_, n := utf8.DecodeRuneInString(word)
		fit = n
	}
	if soft > fit/2 {
		fit = soft
	}
	return word[:fit], word[fit:]
}
