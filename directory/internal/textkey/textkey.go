// Package textkey folds names into the keys the directory's search
// compares, and reads hosts out of web and e-mail addresses. The
// generator and the search share it, so what is indexed and what is typed
// fold alike.
package textkey

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// special folds the letters that lose no mark but are still written
// differently by people without them on their keyboard.
var special = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i",
}

// Fold turns text into the form the index compares: lower case, without
// diacritics ("Müller" and "Muller" fold alike), apostrophes dropped
// ("McDonald's" → "mcdonalds"), any other run of non-letters and non-digits
// a single space, no space at either end.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	put := func(r rune) {
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		s = norm.NFD.String(s)
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			put(r)
		case r >= 'A' && r <= 'Z':
			put(r + 'a' - 'A')
		case r == '\'' || r == '’' || r == '`' || r == '´':
		case r < utf8.RuneSelf:
			space = true
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
			if x, ok := special[r]; ok {
				for _, c := range x {
					put(c)
				}
				continue
			}
			put(r)
		default:
			space = true
		}
	}
	return b.String()
}

// Host is a web address's host, lower case, without "www.".
func Host(raw string) string {
	if raw == "" {
		return ""
	}
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// EmailHost is the host of an e-mail address, lower case, without "www.".
func EmailHost(email string) string {
	_, host, ok := strings.Cut(email, "@")
	if !ok {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(host), "www.")
}
