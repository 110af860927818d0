package policy

import (
	"strings"
	"unicode/utf8"
)

// nameLabels introduce a name in a list of requisites: "ФИО: Левковец А. И.".
var nameLabels = []string{"фио", "піб", "name", "nosaukums", "pavadinimas", "vardas, pavardė", "vārds, uzvārds", "firma", "uzņēmums", "company",
	"nazwa", "nimi", "наименование", "найменування", "назва", "название", "įmonė", "ettevõte", "unternehmen", "betreiber", "operator", "inhaber"}

// labelled finds "Label: Name", "Label — Name", "Label is Name" and a label
// heading a block whose first line is the name.
func (r *partyReader) labelled(words []string, s sign) {
	d := r.d
	for _, w := range words {
		for _, p := range d.find(w) {
			if !atWordStart(d.lower, p) {
				continue
			}
			q := p + len(w)
			for q < len(d.text) && isWordByte(d.text[q]) && d.text[q] != '_' {
				q++ // verantwortlich → verantwortlicher
			}
			if at, ok := d.afterSeparator(q); ok {
				if ns, ne, ok := d.readName(at, r.ents); ok && d.nameEndsClean(ne) {
					r.add(ns, ne, s)
					continue
				}
			}
			if ls, le := d.lineAround(p); s != signProcessorLabel && d.headingLike(ls, le, p) {
				// A short sentence leading to the name is read first: the
				// block's first line would pass for a name whole.
				if ns, ne, ok := r.sentenceEndName(le); s == signLabel && ok {
					r.add(ns, ne, s)
				} else if ns, ne, ok := r.blockName(le); ok {
					r.add(ns, ne, s)
				} else if ns, ne, ok := d.lowerBrandBlock(le); s == signLabel && ok {
					// The block vouches for the lower-case brand that
					// plausibleName, which wants a capital, would refuse.
					r.names[d.text[ns:ne]] = true
					r.add(ns, ne, s)
				}
			}
		}
	}
}

// afterSeparator skips from a label's end over at most five qualifying
// words ("персональних даних", "für die Datenverarbeitung") to a colon,
// a dash or a copula, and returns where the name may start.
func (d *doc) afterSeparator(q int) (int, bool) {
	i := q
	for words := 0; words <= 6 && i < len(d.text); {
		for i < len(d.text) && d.text[i] == ' ' {
			i++
		}
		if i >= len(d.text) || d.text[i] == '\n' {
			return 0, false
		}
		r, n := utf8.DecodeRuneInString(d.text[i:])
		switch {
		case r == ':' || r == '–' || r == '—' || r == '-' && i+1 < len(d.text) && d.text[i+1] == ' ':
			i += n
			for i < len(d.text) && (d.text[i] == ' ' || d.text[i] == ':') {
				i++
			}
			return i, i < len(d.text) && d.text[i] != '\n'
		case r == '(':
			k := strings.IndexByte(d.text[i:min(len(d.text), i+80)], ')')
			if k < 0 {
				return 0, false
			}
			i += k + 1
			continue
		case !isWordRune(r) && r != '/':
			return 0, false
		}
		j := d.nameWordEnd(i)
		if j == i {
			return 0, false
		}
		for _, c := range lex().copulaWords {
			if d.lower[i:j] == c {
				k := j
				for k < len(d.text) && (d.text[k] == ' ' || d.text[k] == ':') {
					k++
				}
				return k, k < len(d.text) && d.text[k] != '\n'
			}
		}
		i = j
		words++
	}
	return 0, false
}

// requisites finds the name standing right before an address: on the line
// above it, or before it on the same line ("Name, Street 1, City").
func (r *partyReader) requisites(addrEv []Evidence) {
	d := r.d
	for _, e := range addrEv {
		ls, _ := d.lineAround(e.Offset)
		if ls < e.Offset {
			if ns, ne, ok := r.lineName(ls, e.Offset); ok && strings.Trim(d.text[ne:e.Offset], " ,") == "" {
				r.add(ns, ne, signBlock)
			}
			continue
		}
		// The lines above: the name, perhaps with a person or an order line
		// between it and the address.
		i := ls
		for back := 0; back < 2 && i > 0; back++ {
			pls, _ := d.lineAround(i - 1)
			if strings.TrimSpace(d.text[pls:i-1]) == "" {
				break
			}
			if ns, ne, ok := r.lineName(pls, i-1); ok {
				r.add(ns, ne, signBlock)
				break
			}
			i = pls
		}
	}
}

// registrationAfter reports whether a registration label follows a name
// closely: "SIA X, reģ. Nr. …", "ИП Иванов (ОГРНИП …)".
func (d *doc) registrationAfter(end int) bool {
	to := runeEnd(d.lower, min(len(d.lower), end+60))
	return d.anyBetween(registrationLabels, end, to)
}
