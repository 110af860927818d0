package policy

import (
	"regexp"
	"sort"
	"strings"
	"sync"
)

// The words a policy hides an address with, in the languages Prava reads:
// "info (at) firma (dot) lv", "pasts iekš firma punkts lv", "biuro (małpa)
// firma (kropka) pl". A bare word (no brackets) makes an address only
// with a spelled-out dot after it, or ordinary prose ("us at home.")
// would pass.

// spelledAts stand for "@".
var spelledAts = []string{"at", "собака", "эт", "et", "ät", "eta", "małpa", "malpa", "iekš", "равлик"}

// spelledDotWords stand for ".".
var spelledDotWords = []string{"dot", "точка", "крапка", "punkts", "punkt", "taškas", "kropka"}

// spelledDots are the ways a hidden address spells its dots.
var spelledDots = sync.OnceValue(func() []string { return append([]string{"(.)", "[.]"}, spelledDotWords...) })

// letterNames spell the Latin letters in Latvian and Lithuanian, as a
// domain's ending may be read out: "punkts elvē" is ".lv".
var letterNames = []map[byte]string{
	{'a': "a", 'c': "cē", 'd': "dē", 'e': "e", 'g': "gē", 'l': "el", 'm': "em", 'n': "en", 'o': "o", 'p': "pē", 'r': "er", 's': "es", 't': "tē", 'u': "u", 'v': "vē"},
	{'a': "a", 'c': "cė", 'd': "dė", 'e': "e", 'g': "gė", 'l': "el", 'm': "em", 'n': "en", 'o': "o", 'p': "pė", 'r': "er", 's': "es", 't': "tė", 'u': "u", 'v': "vė"},
}

// spelledTLDs maps the spelled-out endings of the domains common in
// Prava's region to the endings: "elvē" → "lv".
var spelledTLDs = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	for _, tld := range []string{"lv", "lt", "ee", "eu", "de", "pl", "ua", "com", "org", "net"} {
		for _, names := range letterNames {
			var b strings.Builder
			ok := true
			for i := 0; i < len(tld); i++ {
				n, has := names[tld[i]]
				ok = ok && has
				b.WriteString(n)
			}
			if ok {
				out[b.String()] = tld
			}
		}
	}
	return out
})

// alternation joins words for a regular expression, longest first so that
// "punkts" is tried before "punkt".
func alternation(words []string) string {
	ws := append([]string(nil), words...)
	for i := 1; i < len(ws); i++ {
		for j := i; j > 0 && len(ws[j]) > len(ws[j-1]); j-- {
			ws[j], ws[j-1] = ws[j-1], ws[j]
		}
	}
	for i, w := range ws {
		ws[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(ws, "|")
}

// spelledDotExpr matches one spelled-out dot of a domain: "(dot)",
// "[.]", " punkts ".
func spelledDotExpr() string {
	dots := alternation(spelledDotWords)
	return `\s*[\(\[\{<]\s*(?:` + dots + `|\.)\s*[\)\]\}>]\s*|\s+(?:` + dots + `)\s+`
}

// dotExpr matches one dot of a domain, plain or spelled out.
func dotExpr() string {
	return `(?:\.|` + spelledDotExpr() + `)`
}

// emailExpr builds emailRe's expression from the word lists (see emailRe).
func emailExpr() string {
	ats := alternation(spelledAts)
	tlds := make([]string, 0, len(spelledTLDs()))
	for s := range spelledTLDs() {
		tlds = append(tlds, s)
	}
	sort.Strings(tlds) // one expression in every run
	label := `[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?`
	return `^(?i)([a-z0-9][a-z0-9._%+\-]{0,63})` +
		`(\s?@\s?|\s*[\(\[\{<]\s*(?:` + ats + `|@)\s*[\)\]\}>]\s*|\s+(?:` + ats + `)\s+)` +
		`(` + label + `(?:` + dotExpr() + label + `)*` + dotExpr() + `(?:` + alternation(tlds) + `|[a-z]{2,24}))`
}

// emailTriggers are the cheap substrings that start a look for an address,
// so the regular expression runs only near them: "@" and each spelled "at"
// in brackets or between spaces.
var emailTriggers = sync.OnceValue(func() []string {
	// Every trigger costs a pass over the text: the rarer forms are
	// looked for with "at" only.
	out := []string{"@", "{at", "<at", "( at", "[ at"}
	for _, w := range spelledAts {
		out = append(out, "("+w, "["+w, " "+w+" ")
	}
	return out
})

// bareAt reports whether the "at" of a match is a spelled word without
// brackets, which needs a spelled-out dot after it.
func bareAt(at string) bool {
	w := strings.ToLower(strings.TrimSpace(at))
	for _, a := range spelledAts {
		if w == a {
			return true
		}
	}
	return false
}

// unspellTLD turns a spelled-out ending back into letters.
func unspellTLD(domain string) string {
	k := strings.LastIndexByte(domain, '.')
	if t, ok := spelledTLDs()[domain[k+1:]]; ok {
		return domain[:k+1] + t
	}
	return domain
}
