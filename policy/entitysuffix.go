package policy

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Reading a company's name back from the legal form that follows it:
// "Planfix, Inc.", "Fenwick & Hale Solicitors LLP", "\"Blue Heron\"
// Consulting Ltd", "Madey Development spółka z ograniczoną
// odpowiedzialnością 2 sp.k.".

// suffixForms follow a company's name: Planfix, Inc.; Example GmbH.
var suffixForms = []string{
	"UG (haftungsbeschränkt)", "gGmbH", "Inc.", "Inc", "LLC", "L.L.C.", "Ltd.", "Ltd", "Limited", "Corp.", "Corporation", "LLP", "PLC", "plc", "GmbH & Co. KG", "GmbH",
	"AG", "UG", "KG", "SE", "B.V.", "N.V.", "S.A.", "S.L.", "SAS", "SARL", "S.r.l.", "S.p.A.", "Oy", "AB", "ApS", "A/S", "OÜ", "AS",
	"sp. z o.o.", "Sp. z o.o.", "spółka z o.o.", "sp.k.", "sp. j.", "s.r.o.", "a.s.", "d.o.o.", "Kft.", "Zrt.", "Oyj", "ASA",
	"e.V.", "OHG", "GbR", "SRL", "SpA", "BV", "NV", "Pty Ltd", "LTD", "INC",
	// Czech and Slovak associations, public-benefit companies and
	// institutes: Spolek X, z. s.; X, o. p. s.; X, z. ú.
	"z. s.", "z.s.", "o. p. s.", "o.p.s.", "z. ú.", "spol. s r.o.", "v.o.s.", "k.s.",
	// Polish forms written out in full.
	"spółka z ograniczoną odpowiedzialnością", "spółka akcyjna", "spółka jawna", "spółka komandytowa", "spółka komandytowo-akcyjna",
	"sp. k.", "S.A.", "s.c.",
}

// suffixEntity reads the name before a legal form at [p, end).
func (d *doc) suffixEntity(p, end int) (entity, bool) {
	if next := strings.Fields(d.text[end:min(len(d.text), end+20)]); len(next) > 0 && shoutedWords()[strings.Trim(next[0], ".,;:")] {
		return entity{}, false // "PROVIDED AS IS": a sentence in capitals, not a company
	}
	i := p
	for i > 0 && d.text[i-1] == ' ' {
		i--
	}
	if i > 0 && d.text[i-1] == ',' {
		i--
	}
	i = d.beforeStackedForm(i)
	nameEnd := i
	var starts []int
	connectors := 0
	for len(starts) < 4 {
		for i > 0 && d.text[i-1] == ' ' {
			i--
		}
		ws := i
		for ws > 0 {
			r, n := utf8.DecodeLastRuneInString(d.text[:ws])
			if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '&' || r == '.' || r == '\'' || r == '’') {
				break
			}
			ws -= n
		}
		if ws == i {
			break
		}
		r, _ := utf8.DecodeRuneInString(d.text[ws:])
		if w := d.text[ws:i]; len(starts) > 0 && connectors < 2 && innerConnector(w) {
			// "Fenwick & Hale Solicitors LLP", "Bank of Ireland plc": a
			// connector inside the name; it never starts one, as only
			// capitalised words go into starts.
			connectors++
			i = ws
			if ws > 0 && d.text[ws-1] != ' ' {
				break
			}
			continue
		}
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			break
		}
		if w := d.text[ws:i]; strings.HasSuffix(w, ".") && (isSuffixForm(w) || utf8.RuneCountInString(w) > 4) {
			// "… Parcelway Ltd. Bright Kettle Ltd": a sentence ended
			// there; initials and "Co." stay inside a name.
			break
		}
		starts = append(starts, ws)
		i = ws
		if ws > 0 && d.text[ws-1] != ' ' {
			break
		}
	}
	if len(starts) > 0 && len(starts) < 4 {
		// "\"Blue Heron\" Consulting Ltd": a quoted name opens the whole.
		if s, ok := d.quotedBefore(starts[len(starts)-1]); ok {
			starts = append(starts, s)
		}
	}
	// Drop generic words at the front: "The Company Planfix, Inc.".
	for len(starts) > 0 {
		s := starts[len(starts)-1]
		w := d.text[s:]
		if sp := strings.IndexAny(w, " ,"); sp >= 0 {
			w = w[:sp]
		}
		if !genericLead()[strings.ToLower(w)] {
			break
		}
		starts = starts[:len(starts)-1]
	}
	if len(starts) == 0 {
		return entity{}, false
	}
	start := starts[len(starts)-1]
	core := strings.TrimSpace(d.text[start:nameEnd])
	if core == "" || utf8.RuneCountInString(core) < 2 || isDigits(core) {
		return entity{}, false
	}
	return entity{name: d.text[start:end], core: core, start: start, end: end, legalForm: true}, true
}

// isSuffixForm reports whether w is a legal form written after a name.
func isSuffixForm(w string) bool {
	for _, f := range suffixForms {
		if f == w {
			return true
		}
	}
	return false
}

// innerConnector reports whether w may stand between the capitalised
// words of a company's name: "&" and prepositions, not the conjunctions
// that join two parties ("Stripe and Example Ltd").
func innerConnector(w string) bool {
	switch w {
	case "&", "of", "für", "zur", "zum", "von", "van", "de", "du", "la":
		return true
	}
	return false
}

// quotedBefore returns where a quoted name starts that closes, after a
// space, right before i on the same line: the start of "\"Blue Heron\""
// in "\"Blue Heron\" Consulting Ltd".
func (d *doc) quotedBefore(i int) (int, bool) {
	j := i
	if j > 0 && d.text[j-1] == ' ' {
		j--
	}
	if j == i {
		return 0, false
	}
	r, n := utf8.DecodeLastRuneInString(d.text[:j])
	q := openingQuote(r)
	if q == "" {
		return 0, false
	}
	from := max(0, j-n-80)
	k := strings.LastIndexAny(d.text[from:j-n], q)
	if k < 0 || strings.ContainsRune(d.text[from+k:j], '\n') || from+k+1 >= j-n {
		return 0, false
	}
	_, qn := utf8.DecodeRuneInString(d.text[from+k:])
	if inner, _ := utf8.DecodeRuneInString(d.text[from+k+qn:]); !unicode.IsUpper(inner) && !unicode.IsDigit(inner) {
		return 0, false
	}
	return from + k, true
}

// beforeStackedForm returns where the name ends when another legal form,
// with an optional number, stands between it and the one read at i: the
// general partner's form of a limited partnership ("X spółka z ograniczoną
// odpowiedzialnością 2 sp.k.", "X Sp. z o.o. sp.k."). Else i.
func (d *doc) beforeStackedForm(i int) int {
	j := i
	for j > 0 && d.text[j-1] == ' ' {
		j--
	}
	k := j
	for k > 0 && isDigitByte(d.text[k-1]) && j-k < 3 {
		k--
	}
	if k < j {
		if k == 0 || d.text[k-1] != ' ' {
			return i
		}
		k--
	}
	before := d.text[:k]
	for _, f := range suffixForms {
		if len(f) >= 5 && strings.HasSuffix(before, f) && len(before) > len(f) && d.text[len(before)-len(f)-1] == ' ' {
			return len(before) - len(f) - 1
		}
	}
	return i
}
