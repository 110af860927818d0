package policy

// The small word tests the readers share: whether a text holds, starts or
// ends with one of a list's words.

import (
	"strings"
	"unicode"
)

// hasWordFrom reports whether lower contains one of words at a word start
// (and, for words without a final dot, ending at a word end).
func hasWordFrom(lower string, words []string) bool {
	for _, w := range words {
		for i := 0; ; {
			j := strings.Index(lower[i:], w)
			if j < 0 {
				break
			}
			p := i + j
			if wordAt(lower, p, w) {
				return true
			}
			i = p + len(w)
		}
	}
	return false
}

// wordAt reports whether w, found in lower at p, stands there as a word:
// at a word start, and at a word end unless w is an abbreviation ending in
// a dot. An abbreviation does not count inside a dotted one: the "a." of
// "S.A." and the "r." of "s.r.o." are legal forms, not a street's
// abbreviation (Spanish "a." or Latvian "r."), so "Helios Travel S.A."
// stays a name before its address.
func wordAt(lower string, p int, w string) bool {
	if !atWordStart(lower, p) {
		return false
	}
	if !strings.HasSuffix(w, ".") {
		return atWordEnd(lower, p+len(w))
	}
	return p < 2 || lower[p-1] != '.' || lower[p-2] == ' ' || lower[p-2] == '.'
}

// hasPrefixFrom reports whether s starts with one of the prefixes.
func hasPrefixFrom(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// hasSuffixFrom reports whether s ends with one of the suffixes.
func hasSuffixFrom(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// hasDigit reports whether s holds an ASCII digit.
func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// hasUpper reports whether s holds an upper-case letter.
func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// words counts the space-separated words of s.
func words(s string) int { return len(strings.Fields(s)) }

// hasFrom reports whether s equals or starts with one of the words.
func hasFrom(s string, words []string) bool {
	for _, w := range words {
		if s == w || strings.HasPrefix(s, w+" ") {
			return true
		}
	}
	return false
}
