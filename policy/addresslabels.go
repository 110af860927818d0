package policy

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// addressLabels introduce an address; the text after them is an anchor.
var addressLabels = []string{"адреса:", "адрес:", "адресу:", "адресою:", "address:", "adrese:", "adresas:", "anschrift:", "adres:", "aadress:", "місцезнаходження:", "местонахождение:", "buveinė:", "sitz:"}

// authorityWords mark a sentence about a supervisory authority, whose
// address is not the company's.
var authorityWords = []string{"inspekcij", "уповноважен", "омбудсман", "роскомнадзор", "supervisory authority", "uzraudzības iestād", "priežiūros institucij", "aufsichtsbehörde", "datenschutzbehörde", "prezes urzędu", "urzędu ochrony danych", "uodo", "andmekaitse inspektsioon", "data protection authority", "commissioner"}

// inlineLabels introduce an address without a colon, inside a sentence:
// "JUR.ADRESE DZĒRBENES 14, RĪGA".
var inlineLabels = []string{"jur.adrese ", "jur. adrese ", "juridiskā adrese ", "juridinis adresas ", "adrese ", "adresas ", "adres ", "aadress "}

// skipInlineLabel moves a part's start past an inline label.
func (d *doc) skipInlineLabel(ps, pe int) int {
	for _, l := range inlineLabels {
		if strings.HasPrefix(d.lower[ps:pe], l) {
			return ps + len(l)
		}
	}
	return ps
}

// addressTail finds where an address starts inside a part that begins as a
// sentence: "Our registered office is at 123 High Street". It accepts only a
// tail with a street word or a strong postcode, the parts that cannot be
// mistaken for ordinary words.
func (d *doc) addressTail(ps, pe int) (int, partKind) {
	// Only the last six words can hold the address's first part.
	i, words := max(ps, pe-1), 0
	for ; i > ps && words < 6; i-- {
		if d.text[i] == ' ' {
			words++
		}
	}
	for ; i < pe; i++ {
		if d.text[i] != ' ' {
			continue
		}
		k := classifyPart(d.text[i+1:pe], d.lower[i+1:pe])
		if k&(pStreet|pPostStrong) != 0 {
			return i + 1, k
		}
		if k&pStreetWeak != 0 && lowerWordBefore(d.text[ps:i]) {
			// "se sídlem Vinohradská 1511/230", "located at Marsh 12":
			// a sentence in lower case runs into a street with no street
			// word; the address still needs a place to convince.
			return i + 1, k
		}
	}
	return ps, 0
}

// aboutSomeoneElse reports whether the sentence before an address names a
// supervisory authority or a well-known service provider.
func (d *doc) aboutSomeoneElse(start int) bool {
	from := runeStart(d.lower, max(0, start-160))
	before := d.lower[from:start]
	if k := strings.LastIndex(before, "\n\n"); k >= 0 {
		before = before[k:] // a paragraph about a provider ends at a blank line
	}
	return containsAny(before, authorityWords) || containsAny(before, thirdPartyNames)
}

// leadLabels are words that name an address and may stand before it
// without a colon: "buveinės adresas Gedimino pr. 1", "aadress Tatari tn 39".
var leadLabels = []string{"buveinės adresas", "juridiskā adrese", "юридический адрес", "юридична адреса", "registered office", "адреса", "адрес", "adrese", "adresas", "aadress", "address", "anschrift", "adres", "siedziba"}

// skipLabel moves start past a label word at the front of an address.
func (d *doc) skipLabel(start, end int) int {
	for _, l := range leadLabels {
		if strings.HasPrefix(d.lower[start:end], l+" ") {
			return start + len(l) + 1
		}
	}
	return start
}

// place is an address read from the text.
type place struct {
	text       string
	start, end int
}

// labelledPlaces reads addresses that are only a town with its postcode
// or country, which pass as addresses only after a label: "Juridiskā
// adrese: Rīga, LV-1010", "Adres: Wałbrzych, Polska", "buveinės adresas
// Telšiai, Lietuva". A registration code stands for the label in
// requisites: "ІПН 2589317883, м. Сокиряни, Чернівецька обл.", where the
// town with its region is the seat.
func (d *doc) labelledPlaces() []place {
	var out []place
	for _, l := range leadLabels {
		for _, p := range d.find(l) {
			i := p + len(l)
			if i < len(d.text) && isWordByte(d.text[i]) {
				continue
			}
			for i < len(d.text) && (d.text[i] == ' ' || d.text[i] == ':') {
				i++
			}
			if pl, ok := d.placeAt(i, pPostStrong|pCountry); ok {
				out = append(out, pl)
			}
		}
	}
	for _, l := range registrationLabels {
		for _, p := range d.find(l) {
			if !atWordStart(d.lower, p) || !atWordEnd(d.lower, p+len(l)) {
				continue
			}
			code, _, e := d.codeAfter(p+len(l), l)
			if code == "" || e+2 >= len(d.text) || d.text[e] != ',' || d.text[e+1] != ' ' {
				continue
			}
			if pl, ok := d.placeAt(e+2, pPostStrong|pCountry|pRegion); ok {
				out = append(out, pl)
			}
		}
	}
	return out
}

// placeAt reads, from i to the line or sentence end, two or three comma
// parts that are only places — a town, a postcode, a region, a country —
// of which one has a kind of need.
func (d *doc) placeAt(i int, need partKind) (place, bool) {
	end := i
	for end < len(d.text) && end-i < 80 && d.text[end] != '\n' && d.text[end] != ';' && d.text[end] != '(' &&
		!(d.text[end] == '.' && (end+1 == len(d.text) || d.text[end+1] == ' ' || d.text[end+1] == '\n') && sentenceEndsBefore(d.text, end)) {
		// The dot of "м. Київ" or "г. Алматы" abbreviates; it does
		// not end the address.
		end++
	}
	parts := strings.Split(d.text[i:end], ",")
	if len(parts) < 2 || len(parts) > 3 {
		return place{}, false
	}
	var all partKind
	for _, part := range parts {
		part = strings.TrimSpace(part)
		k := classifyPart(part, strings.ToLower(part))
		if k == 0 || k&(pStreet|pStreetWeak|pBuilding) != 0 {
			return place{}, false // a full address: the main reader takes it
		}
		all |= k
	}
	if all&need == 0 || need&pRegion != 0 && all&pCity == 0 || d.aboutSomeoneElse(i) {
		return place{}, false
	}
	return place{text: strings.Join(strings.Fields(d.text[i:end]), " "), start: i, end: end}, true
}

// lowerWordBefore reports whether s ends in a lower-case word: the sentence
// that leads into an address, not a name.
func lowerWordBefore(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(f[len(f)-1])
	return unicode.IsLower(r)
}
