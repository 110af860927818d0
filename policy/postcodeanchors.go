package policy

import "strings"

// postcodeAnchors finds runs of digits that may be postcodes.
func (d *doc) postcodeAnchors() []int {
	var out []int
	s := d.text
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if k, ok := postcodeAnchor(s, i, j); ok {
			out = append(out, k)
		}
		i = j
	}
	return out
}

// postcodeAnchor reports where a postcode around the digits s[i:j] begins,
// if they may be one: its letters come first in some countries' formats.
func postcodeAnchor(s string, i, j int) (int, bool) {
	n := j - i
	if k, ok := prefixedAnchor(s, i, n); ok {
		return k, true
	}
	switch {
	case n == 3 && i >= 3 && s[i-1] == '-' && isDigits(s[i-3:i-1]):
		return i - 3, true
	case n == 4 && (i == 0 || s[i-1] == '\n' || i >= 2 && s[i-2:i] == ", ") && j+2 < len(s) && s[j] == ' ' && 'A' <= s[j+1] && s[j+1] <= 'Z':
		return i, true // 5728 Gontenschwil, on its own line
	case n == 3 && j+3 < len(s) && s[j] == ' ' && isDigitByte(s[j+1]) && isDigitByte(s[j+2]) && (j+3 == len(s) || !isDigitByte(s[j+3])) && atWordStart(s, i):
		return i, true // 110 00 Praha 1: Czech, Slovak, Swedish, Greek
	case n == 5 || n == 6 || n == 4 && countryPrefixed(s, i):
		if i == 0 || (s[i-1] != '.' && s[i-1] != '-' && s[i-1] != '/') || (i >= 3 && strings.EqualFold(s[i-3:i], "lt-")) || countryPrefixed(s, i) {
			return i, true
		}
	}
	return 0, false
}

// prefixedAnchor finds the postcodes whose letters stand before their
// digits: Latvian LV-1006 (or LV 1006, LV1006) and British W3 7QS.
func prefixedAnchor(s string, i, n int) (int, bool) {
	switch {
	case n == 4 && i >= 3 && (strings.EqualFold(s[i-3:i], "lv-") || strings.EqualFold(s[i-3:i], "lv ")):
		return i - 3, true
	case n == 4 && i >= 2 && strings.EqualFold(s[i-2:i], "lv") && atWordStart(s, i-2):
		return i - 2, true // LV1006, written without the hyphen
	case n <= 2 && i > 0 && s[i-1] >= 'A' && s[i-1] <= 'Z':
		k := i - 1
		if k > 0 && s[k-1] >= 'A' && s[k-1] <= 'Z' {
			k--
		}
		if atWordStart(s, k) && ukPostAnchorRe().MatchString(s[k:min(len(s), k+9)]) {
			return k, true // W3 7QS, SW1A 1AA
		}
	}
	return 0, false
}
