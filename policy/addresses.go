package policy

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// An address is read as a run of comma-separated parts, each of which looks
// like a piece of an address: a postcode, a country, a city, a region, a
// street, a house or office. The run grows from an anchor (a postcode, a
// street word, a country) as far as its neighbours still look like address
// parts, so the same reader handles "109029, Россия, Москва, ул. …, дом 32",
// "Elijas iela 17, Rīga, LV-1050", "L. Sapiegos g. 17, LT-10312 Vilnius" and
// "4445 Eastgate Mall, Suite 200, San Diego, CA 92121, USA".

// countryAnchors are country names that often open an address.
var countryAnchors = []string{"ukraine", "україна", "украина", "россия", "latvija", "lietuva", "eesti", "polska", "deutschland", "usa"}

type addrPart struct {
	start, end int // bounds of the trimmed part in the text
	kind       partKind
}

// findAddresses returns postal addresses in the order they appear.
func (d *doc) findAddresses() ([]string, []Evidence) {
	var anchors []int
	anchors = append(anchors, d.postcodeAnchors()...)
	anchors = append(anchors, d.suffixStreetAnchors()...)
	for _, w := range streetWords {
		for _, p := range d.find(w) {
			if !atWordStart(d.lower, p) {
				continue
			}
			if strings.HasSuffix(w, ".") {
				// "g. 5", "ul.Marszałkowska", but not "a.b@c.d": an
				// abbreviation is followed by a space, a capital or a digit.
				if r, _ := utf8.DecodeRuneInString(d.text[p+len(w):]); p+len(w) < len(d.text) && unicode.IsLower(r) {
					continue
				}
				anchors = append(anchors, p)
			} else if atWordEnd(d.lower, p+len(w)) {
				anchors = append(anchors, p)
			}
		}
	}
	for _, l := range addressLabels {
		for _, p := range d.find(l) {
			anchors = append(anchors, p+len(l)+1)
		}
	}
	for _, c := range countryAnchors {
		for _, p := range d.find(c) {
			if atWordStart(d.lower, p) && atWordEnd(d.lower, p+len(c)) {
				anchors = append(anchors, p)
			}
		}
	}
	var addrs []string
	var ev []Evidence
	for _, pl := range d.labelledPlaces() {
		addrs, ev = mergeAddress(addrs, ev, pl.text, d.evidence("addresses", pl.text, pl.start, pl.end))
	}
	spans := map[[2]int]bool{}
	cache := map[[2]int][]addrPart{}
	sort.Ints(anchors)
	var prev [2]int
	for i, a := range anchors {
		if a >= len(d.text) || i > 0 && a == anchors[i-1] {
			continue
		}
		seg := prev
		if a < prev[0]+segmentMargin || a > prev[1]-segmentMargin {
			// Anchors close together (a dense text, a list of addresses)
			// share the segment around the first; a new one is cut only
			// near the old one's edge, so each byte is classified a
			// bounded number of times.
			seg[0], seg[1] = d.segment(a)
			prev = seg
		}
		start, end, addr, ok := d.addressAt(a, seg, cache)
		if !ok || spans[[2]int{start, end}] {
			continue
		}
		spans[[2]int{start, end}] = true
		addrs, ev = mergeAddress(addrs, ev, addr, d.evidence("addresses", addr, start, end))
	}
	return sortByOffset(addrs, ev, "addresses"), ev
}

// countryPrefixed reports whether the digits at i follow a country's
// letter code and a hyphen, as postcodes are written across borders:
// "D-04109 Leipzig", "A-1010 Wien", "CH-8001 Zürich".
func countryPrefixed(s string, i int) bool {
	k := i - 1
	if k < 1 || s[k] != '-' {
		return false
	}
	j := k
	for j > 0 && s[j-1] >= 'A' && s[j-1] <= 'Z' {
		j--
	}
	return k-j >= 1 && k-j <= 2 && atWordStart(s, j) && s[j:k] != "LV" && s[j:k] != "LT"
}

// mergeAddress adds addr unless a longer address already holds it, and
// replaces shorter ones it holds.
func mergeAddress(addrs []string, ev []Evidence, addr string, e Evidence) ([]string, []Evidence) {
	key := addressKey(addr)
	for i, a := range addrs {
		k := addressKey(a)
		if strings.Contains(k, key) {
			return addrs, ev
		}
		if strings.Contains(key, k) {
			addrs[i] = addr
			for j := range ev {
				if ev[j].Value == a {
					ev[j] = e
				}
			}
			return addrs, ev
		}
	}
	return append(addrs, addr), append(ev, e)
}

func addressKey(a string) string {
	return strings.ToLower(strings.Join(strings.FieldsFunc(a, func(r rune) bool { return r == ',' || unicode.IsSpace(r) }), " "))
}

// addressAt grows an address around offset a and reports whether what it
// found is convincing.
func (d *doc) addressAt(a int, seg [2]int, cache map[[2]int][]addrPart) (int, int, string, bool) {
	segStart, segEnd := seg[0], seg[1]
	key := seg
	parts, ok := cache[key]
	if !ok {
		// Several anchors often fall in one segment; classify it once.
		parts = d.splitParts(segStart, segEnd)
		cache[key] = parts
	}
	idx := -1
	for i, p := range parts {
		if a >= p.start && a <= p.end {
			idx = i
			break
		}
		if a < p.start {
			idx = i // the anchor was a label just before this part
			break
		}
	}
	if idx < 0 || parts[idx].kind == 0 {
		return 0, 0, "", false
	}
	first, last := idx, idx
	for first > 0 && acceptLeft(parts, first-1) {
		first--
	}
	for last+1 < len(parts) && acceptRight(parts, last+1) {
		last++
	}
	// A trailing name with nothing after it is rarely part of the address.
	for last > first && parts[last].kind == pGeneric {
		last--
	}
	// Nor is a leading one: a city comes after a postcode or is marked.
	for first < last && parts[first].kind == pGeneric {
		first++
	}
	run := append([]addrPart(nil), parts[first:last+1]...) // the cache keeps its own copy
	if first == last && d.blockTown(parts, last, segEnd) {
		town := parts[last+1]
		town.kind = pCity
		run = append(run, town)
	}
	if !convincing(run) {
		return 0, 0, "", false
	}
	run[0].start = d.skipLabel(run[0].start, run[0].end)
	start, end := run[0].start, run[len(run)-1].end
	if d.aboutSomeoneElse(start) {
		return 0, 0, "", false
	}
	return start, end, d.joinParts(run), true
}

// joinParts writes an address's parts on one line, separated by commas,
// whether the policy used commas or line breaks.
func (d *doc) joinParts(parts []addrPart) string {
	texts := make([]string, len(parts))
	for i, p := range parts {
		texts[i] = strings.Join(strings.Fields(d.text[p.start:p.end]), " ")
	}
	return strings.Join(texts, ", ")
}

// acceptLeft takes a part before the run. A bare name there is the
// company's or a person's ("Acme Inc.", "Attn: Privacy"), not a city, in
// the formats that put the city first it is marked ("м. Київ") or known.
//
// One bare name is taken: a town standing alone between a street and its
// postcode, as British, Czech and other block addresses are written one
// part a line ("14 Quayside Row / Whitby / YO21 3PZ", "Husova 12, Strašnice,
// 110 00 Praha 1"). The street on its left shows it is a place, not a name.
func acceptLeft(parts []addrPart, i int) bool {
	k := parts[i].kind
	if k == pGeneric {
		// A town and a county may both stand alone: "12 Mill Lane /
		// Taunton / Somerset / TA1 2PX".
		return genericRun(parts, i, -1, pStreet|pStreetWeak) && genericRun(parts, i, 1, pPostStrong)
	}
	return k != 0
}

// genericRun reports whether, going from part i in direction dir over at
// most one more bare name, the next part has a kind of want.
func genericRun(parts []addrPart, i, dir int, want partKind) bool {
	for j, n := i+dir, 0; j >= 0 && j < len(parts) && n < 2; j, n = j+dir, n+1 {
		switch k := parts[j].kind; {
		case k&want != 0:
			return true
		case k != pGeneric:
			return false
		}
	}
	return false
}

func acceptRight(parts []addrPart, i int) bool {
	k := parts[i].kind
	if k == 0 {
		return false
	}
	if k == pGeneric {
		// After the street a bare name is a city only when a postcode,
		// region or country follows ("San Diego, CA, 92121").
		seenStreet := false
		for j := i - 1; j >= 0 && parts[j].kind != 0; j-- {
			if parts[j].kind&(pStreet|pStreetWeak|pBuilding) != 0 {
				seenStreet = true
			}
		}
		if seenStreet {
			return i+1 < len(parts) && parts[i+1].kind&(pPostStrong|pPostWeak|pRegion|pCountry) != 0
		}
	}
	return true
}

// convincing decides whether a run of parts is an address, not a list of
// names or numbers that happen to stand between commas.
func convincing(parts []addrPart) bool {
	var score float64
	var all partKind
	for _, p := range parts {
		all |= p.kind
		switch {
		case p.kind&pStreet != 0:
			score += 3
		case p.kind&pStreetWeak != 0:
			score += 2
		}
		switch {
		case p.kind&pPostStrong != 0:
			score += 3
		case p.kind&pPostWeak != 0:
			score += 1.5
		}
		if p.kind&pBuilding != 0 {
			score++
		}
		if p.kind&(pCountry|pCity) != 0 {
			score++
		}
		if p.kind&(pRegion|pGeneric) != 0 {
			score += 0.5
		}
	}
	hasStreet := all&(pStreet|pStreetWeak) != 0
	hasPlace := all&(pPostStrong|pPostWeak|pCity|pCountry) != 0
	return len(parts) >= 2 && score >= 4 && hasStreet && hasPlace
}

// segmentMargin is how far inside a segment's edges an anchor must fall
// to reuse it.
const segmentMargin = 100

// segment returns the stretch of text around a that an address can fill:
// up to a line break, a colon, a bracket, a quote or a sentence end.
func (d *doc) segment(a int) (int, int) {
	s := d.text
	const limit = 220
	hard := func(i int) bool {
		switch s[i] {
		case '\n':
			// A line break separates the lines of an address written
			// one part a line, but a blank line ends it.
			return i+1 < len(s) && s[i+1] == '\n' || i > 0 && s[i-1] == '\n'
		case ';', ':', '(', ')', '"', '|':
			return true
		case '.', '!', '?':
			return (i+1 >= len(s) || s[i+1] == ' ' || s[i+1] == '\n') && sentenceEndsBefore(s, i) && !(i+2 < len(s) && s[i+1] == ' ' && unicode.IsLower(rune(s[i+2])))
		}
		if s[i] >= 0x80 {
			r, _ := utf8.DecodeRuneInString(s[i:])
			if (r == '«' || r == '“' || r == '„') && centreBefore(s, i) || (r == '»' || r == '”') && centreBefore(s, strings.LastIndexAny(s[max(0, i-60):i], "«“„\"")+max(0, i-60)) {
				return false // ТЦ «Алфавит»: the quotes name a building
			}
			return r == '«' || r == '»' || r == '“' || r == '”' || r == '„' || r == '—'
		}
		return false
	}
	from := a
	for from > 0 && a-from < limit && !hard(from-1) {
		from--
	}
	to := a
	for to < len(s) && to-a < limit && !hard(to) {
		to++
	}
	return runeStart(s, from), runeEnd(s, to)
}

// splitParts cuts a segment at commas and line breaks and classifies
// each part.
func (d *doc) splitParts(from, to int) []addrPart {
	var parts []addrPart
	start := from
	for i := from; i <= to; i++ {
		if i < to && d.text[i] != ',' && d.text[i] != '\n' {
			continue
		}
		ps, pe := start, i
		for ps < pe && (d.text[ps] == ' ' || d.text[ps] == '-' && ps+1 < pe && d.text[ps+1] == ' ') {
			ps++
		}
		for pe > ps && (d.text[pe-1] == ' ' || d.text[pe-1] == '.' && !isAbbrevEnd(d.text[ps:pe])) {
			pe--
		}
		ps = d.skipInlineLabel(ps, pe)
		if m := postThenStreetRe().FindStringSubmatchIndex(d.text[ps:pe]); m != nil {
			// "z siedzibą w 93-120 Łódź ul. Przybyszewskiego 199/205": the
			// postcode and town come first and share the street's part.
			cut := ps + m[3]
			parts = append(parts, addrPart{start: ps + m[2], end: cut, kind: pPostStrong | pCity})
			ps = cut + 1
		}
		if m := innerPostRe().FindStringIndex(d.text[ps:pe]); m != nil && m[0] > 0 {
			// "ul. Pliszki 2B/1 05-500 Mysiadło": the street and the
			// postcode share a part; read them as two.
			cut := ps + m[0]
			k1 := classifyPart(d.text[ps:cut], d.lower[ps:cut])
			s1 := ps
			if k1 == 0 {
				s1, k1 = d.addressTail(ps, cut)
			}
			parts = append(parts, addrPart{start: s1, end: cut, kind: k1})
			ps = cut + 1
		}
		kind := classifyPart(d.text[ps:pe], d.lower[ps:pe])
		if kind == 0 {
			ps, kind = d.addressTail(ps, pe)
		}
		parts = append(parts, addrPart{start: ps, end: pe, kind: kind})
		start = i + 1
	}
	return parts
}

// postThenStreetRe finds a Polish postcode and town written before the
// street in one part: "93-120 Łódź ul. X 199/205".
var postThenStreetRe = lazyRegexp(`(?:^|\s)(\d{2}-\d{3}\s+\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*)?)\s+(?:ul\.|al\.|pl\.|os\.|ulica|aleja)\s`)

// isAbbrevEnd reports whether a part ends in an abbreviation whose dot
// belongs to it ("стр. А" does not, "LLC." might, "ул." does).
func isAbbrevEnd(p string) bool {
	i := strings.LastIndexByte(p, ' ')
	last := strings.TrimSuffix(p[i+1:], ".")
	return utf8.RuneCountInString(last) <= 3 && !hasDigit(last)
}

// odd hyphens are written for "-" inside postcodes: LT‑70319 with a
// non-breaking hyphen.
var oddHyphens = sync.OnceValue(func() *strings.Replacer {
	return strings.NewReplacer("\u2010", "-", "\u2011", "-", "\u2012", "-")
})

// centreBefore reports whether a shopping or business centre's
// abbreviation (ТЦ, TC) stands right before the quote at i.
func centreBefore(s string, i int) bool {
	if i <= 0 {
		return false
	}
	before := strings.TrimRight(s[max(0, i-5):i], " ")
	for _, c := range []string{"ТЦ", "ТРЦ", "БЦ", "ТК", "ТРК", "TC", "T/C", "BC"} {
		if strings.HasSuffix(before, c) {
			return true
		}
	}
	return false
}
