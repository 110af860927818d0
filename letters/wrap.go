package letters

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

const nbsp = "\u00a0"

var (
	// numberUnit is a number and the word after it: "10 робочих днів",
	// "30 dienu", "§ 5"; numberSign is "№ 152-ФЗ", "Nr. 152-FZ".
	numberUnit = regexp.MustCompile(`(\d\.?) (\p{L})`)
	numberSign = regexp.MustCompile(`(№|Nr\.|No\.|§|Art\.|ст\.|ч\.|п\.|p\.|d\.|g\.) (\d)`)
	// articleWord is a reference word before its number: "статті 16",
	// "Article 15", "punkto 3".
	articleWord = regexp.MustCompile(`(?i)(стат\p{L}*|част\p{L}*|пункт\p{L}*|підпункт\p{L}*|подпункт\p{L}*|Article|Articles|paragraph|point|dalies|dalis|punkto|punktas|straipsn\p{L}*|до|не позднее|ніж) (\d)`)
)

// glue puts non-breaking spaces where a line must not break: after №
// and its kin, between a number and its unit, and between a reference
// word and its number. wrap keeps those pairs together and prints them
// with plain spaces.
func glue(s string) string {
	s = numberSign.ReplaceAllString(s, "$1"+nbsp+"$2")
	s = articleWord.ReplaceAllString(s, "$1"+nbsp+"$2")
	return numberUnit.ReplaceAllString(s, "$1"+nbsp+"$2")
}

// wrap breaks text into lines no wider than width, as measured by width
// of a string. Words go whole onto a line when they fit, and words glued
// by non-breaking spaces go together; a word longer than a whole line (a
// URL, an e-mail address, an IBAN) is broken after "/" or "@" or before a
// dot where it can be, never after a hyphen, and between any two
// characters where it cannot, so nothing runs off the page. The lines
// come back with plain spaces.
func wrap(text string, width float64, measure func(string) float64) []string {
	plain := func(s string) string { return strings.ReplaceAll(s, nbsp, " ") }
	var lines []string
	line := ""
	for _, word := range strings.Fields(strings.ReplaceAll(text, nbsp, "\x01")) {
		word = strings.ReplaceAll(word, "\x01", nbsp)
		try := word
		if line != "" {
			try = line + " " + word
		}
		if measure(plain(try)) <= width {
			line = try
			continue
		}
		if line != "" {
			lines = append(lines, plain(line))
			line = ""
		}
		for {
			head, tail := breakWord(plain(word), width, measure)
			if tail == "" {
				line = head
				break
			}
			lines = append(lines, head)
			word = tail
		}
	}
	if line != "" {
		lines = append(lines, plain(line))
	}
	return lines
}

// breakWord cuts the longest head of word that fits in width, preferring
// a cut just after a slash, an @ or a query separator, or just before a
// dot: the places a reader of an address expects a break. A hyphen is
// never a break point there, as it would read as part of the address.
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
		if r == '.' && i > 0 {
			soft = i
		}
		fit = end
		if fit == len(word) {
			return word, ""
		}
		if strings.ContainsRune("/@?&=#", r) && end < len(word) {
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
