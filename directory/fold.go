package directory

import "strings"

// lower lower-cases an ASCII code such as a country code.
func lower(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// withinOne reports whether a and b differ by at most one edit: one letter
// inserted, deleted, replaced, or two neighbours swapped.
func withinOne(a, b string) bool {
	if a == b {
		return true
	}
	la, lb := len(a), len(b)
	if la-lb > 1 || lb-la > 1 {
		return false
	}
	i := 0
	for i < la && i < lb && a[i] == b[i] {
		i++
	}
	switch {
	case la == lb:
		if a[i+1:] == b[i+1:] {
			return true // replaced
		}
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:] // swapped
	case la > lb:
		return a[i+1:] == b[i:] // a has one more
	default:
		return a[i:] == b[i+1:]
	}
}

// prefixWithinOne reports whether q is within one edit of the start of t:
// a typo in a word still being typed ("gooogl" → "google"). The last
// letters must agree, or else any word sharing q's start would match
// ("tele2" is not a typo of "teles…").
func prefixWithinOne(q, t string) bool {
	for n := len(q) - 1; n <= len(q)+1; n++ {
		if n > 0 && n <= len(t) && q[len(q)-1] == t[n-1] && withinOne(q, t[:n]) {
			return true
		}
	}
	return false
}

// mayBeTypo is a quick test that rules out most words before withinOne:
// two words of two letters or more within one edit agree in their first
// or second letter, or have them swapped or shifted by one.
func mayBeTypo(a, b string) bool {
	if len(a) < 2 || len(b) < 2 {
		return true
	}
	return a[0] == b[0] || a[1] == b[1] || a[1] == b[0] || a[0] == b[1]
}
