package policy

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// matchesDomain reports whether a name is the site's or e-mail's name:
// Specroll and specroll.pl, MigRent AI and migrent.au.
func matchesDomain(key string, domains []string) bool {
	if len(key) < 4 {
		return false
	}
	if lat := transliterate(key); lat != key && matchesDomain(lat, domains) {
		return true // «Гелікон» and helikon.janosi@gmail.com
	}
	for _, dom := range domains {
		label := nameKey(dom)
		if len(label) < 4 {
			continue
		}
		if strings.Contains(label, key) || strings.Contains(key, label) {
			return true
		}
	}
	return false
}

// ownDomains are the names a company's own addresses show: its site, its
// e-mail domains, and the local part of an address at a mail provider
// (klaipedosdziudo@gmail.com).
func ownDomains(sites, emails []string) []string {
	var out []string
	ownMail := false
	for _, e := range emails {
		local, domain, _ := strings.Cut(e, "@")
		if mailProviders()[domain] {
			out = append(out, local)
			continue
		}
		out = append(out, strings.Split(domain, ".")[0])
		ownMail = true
	}
	// The sites a policy links to include its providers' (unsplash.com).
	// A company with its own mail domain has named itself there; else
	// the first site is the one the policy is most likely about.
	if !ownMail && len(sites) > 0 {
		out = append(out, strings.Split(sites[0], ".")[0])
	}
	return out
}

// domainPhrases finds the capitalised phrase of one to three words that
// spells the site's or e-mail's name: "Bombay Duck" for bombayduck.co.uk.
// It is one pass over the words of the text.
func (r *partyReader) domainPhrases(domains []string) {
	d := r.d
	want := map[string]bool{}
	for _, dom := range domains {
		if k := nameKey(dom); len(k) >= 4 {
			want[k] = true
		}
	}
	if len(want) == 0 {
		return
	}
	var firsts [256]bool
	for k := range want {
		firsts[k[0]] = true
	}
	type word struct{ start, end int }
	var last [3]word
	n, found := 0, 0
	for i := 0; i < len(d.text) && found < 3; {
		r0, size := utf8.DecodeRuneInString(d.text[i:])
		if !isWordRune(r0) {
			if r0 != ' ' {
				n = 0 // a phrase does not cross punctuation
			}
			i += size
			continue
		}
		j := d.nameWordEnd(i)
		if j == i {
			j = i + size
		}
		if !unicode.IsUpper(r0) {
			n = 0
			i = j
			continue
		}
		last[0], last[1], last[2] = last[1], last[2], word{i, j}
		n = min(n+1, 3)
		for k := 1; k <= n; k++ {
			s := last[3-k].start
			if c := d.lower[s]; c < 0x80 && !firsts[c] {
				continue // no wanted name starts with this letter
			}
			if want[nameKey(d.text[s:j])] && (k > 1 || utf8.RuneCountInString(d.text[s:j]) >= 4) {
				if r.add(s, j, signDomain) != nil {
					found++
				}
				break
			}
		}
		i = j
	}
}

// cyrillicLatin spells Ukrainian and Russian letters the way domain names
// usually do.
var cyrillicLatin = sync.OnceValue(func() map[rune]string {
	return map[rune]string{
		'а': "a", 'б': "b", 'в': "v", 'г': "h", 'ґ': "g", 'д': "d", 'е': "e", 'є': "ie", 'ж': "zh", 'з': "z", 'и': "y", 'і': "i",
		'ї': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
		'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ь': "", 'ю': "iu", 'я': "ia", 'ё': "e", 'ы': "y",
		'э': "e", 'ъ': "",
	}
})

// transliterate writes a folded Cyrillic name in Latin letters; names in
// other scripts come back unchanged.
func transliterate(key string) string {
	var b strings.Builder
	changed := false
	for _, r := range key {
		if l, ok := cyrillicLatin()[r]; ok {
			b.WriteString(l)
			changed = true
			continue
		}
		b.WriteRune(r)
	}
	if !changed {
		return key
	}
	return b.String()
}
