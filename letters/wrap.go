package letters

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

const nbsp = "\u00a0"

// Words after which a number must not start a new line.
var (
	// signs are written before a number: "№ 152-ФЗ", "Nr. 152-FZ", "§ 5".
	signs = map[string]bool{"№": true, "Nr.": true, "No.": true, "§": true, "Art.": true, "ст.": true, "ч.": true, "п.": true, "p.": true, "d.": true, "g.": true,
		"до": true, "ніж": true, "позднее": true, "iki": true, "līdz": true, "by": true}
	// refWords begin the words that name a part of a law before its
	// number: "статті 16", "Article 15", "punkto 3".
	refWords = []string{"стат", "част", "пункт", "підпункт", "подпункт", "article", "paragraph", "point", "dalies", "dalis", "dalį", "punkto", "punktas", "punktą", "straipsn"}
)

// glue puts non-breaking spaces where a line must not break: after №
// and its kin, between a number and its unit ("10 робочих днів", "12.
// panta"), between a word that names a part of a law and its number
// ("статті 16"), and before a dash between words ("Я — клієнт"), which
// must never begin a line (review 1, C6). wrap keeps those pairs together
// and prints them with plain spaces. It scans by hand: it runs on every
// line of every letter.
func glue(s string) string {
	if !strings.ContainsAny(s, "0123456789)—–-") {
		return s
	}
	words := strings.Split(s, " ")
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i, w := range words {
		if i > 0 {
			if glued(words[i-1], w) {
				b.WriteString(nbsp)
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(w)
	}
	return b.String()
}

// glued says whether the space between two words must not break.
func glued(before, after string) bool {
	if before == "" || after == "" {
		return false
	}
	if isDash(after) {
		return true
	}
	first, _ := utf8.DecodeRuneInString(after)
	last, n := utf8.DecodeLastRuneInString(before)
	if last == '.' && len(before) > n {
		last, _ = utf8.DecodeLastRuneInString(before[:len(before)-n])
	}
	if unicode.IsDigit(last) && unicode.IsLetter(first) {
		return true
	}
	if !unicode.IsDigit(first) {
		// "підпункт (g)", "point (b)", "punkto f)": a letter that numbers
		// a point stays with its noun.
		return isPointLetter(after) && isRefWord(before)
	}
	if signs[before] || isRegLabel(strings.TrimLeft(before, "(")) {
		return true
	}
	// "1 November 2026": a capitalised word and a year.
	if y := strings.TrimRight(after, ".,;:)"); len(y) == 4 && strings.Trim(y, "0123456789") == "" && unicode.IsUpper([]rune(before)[0]) && strings.IndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) }) < 0 {
		return true
	}
	return isRefWord(before)
}

// isDash says whether a word is a dash standing between words: "—",
// "–", or a hyphen a person typed for one.
func isDash(w string) bool { return w == "—" || w == "–" || w == "-" }

// isRegLabel says whether a word is a registration number's label in
// capitals ("ОГРНИП", "ИНН", "ЄДРПОУ", "KRS"), which stays with its number
// in an addressee line that gives several ("ОГРНИП 326774600529055, ИНН
// 775101196352", review 2, M6).
func isRegLabel(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 3
}

// isRefWord says whether a word names a part of a law: "статті",
// "(пункт", "Article".
func isRefWord(w string) bool {
	lower := strings.ToLower(strings.TrimLeft(w, "(«„“\"'"))
	for _, p := range refWords {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	return false
}

// isPointLetter says whether a word is a lettered point: "(g)", "(b));",
// "f)", "e)".
func isPointLetter(w string) bool {
	w = strings.TrimLeft(w, "(")
	r, n := utf8.DecodeRuneInString(w)
	return n > 0 && unicode.IsLower(r) && strings.HasPrefix(w[n:], ")")
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
	// Words are split at spaces other than the non-breaking one.
	for _, word := range strings.FieldsFunc(text, func(r rune) bool { return unicode.IsSpace(r) && r != '\u00a0' }) {
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
