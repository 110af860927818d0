package policy

import (
	"sort"
	"strings"
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

type partKind uint16

const (
	pPostStrong partKind = 1 << iota // LV-1050, LT-10312, 00-950, CA 92121
	pPostWeak                        // 5 or 6 digits alone
	pCountry
	pCity
	pRegion
	pStreet     // has a street word
	pStreetWeak // "Timoshenka 29A": a name and a house number
	pBuilding   // дом 32, Suite 200, 21/8
	pGeneric    // a capitalised name that may be a city
)

var (
	strongPostRe = lazyRegexp(`(?i)^(?:(?:lv|lt|ee|pl|de|ua|ru)[- ]?\d{4,6}|\d{2}-\d{3}|[A-Z]{2} \d{5}(?:-\d{4})?|\d{5}(?:-\d{4})?)(?:\s+\p{Lu}[\p{L}\-\.]*(?:\s+\p{Lu}[\p{L}\-\.]*){0,2})?$`)
	weakPostRe   = lazyRegexp(`^\d{5,6}$`)
	// British postcodes (SW1A 1AA) and Irish Eircodes (A96 X2Y3).
	ukPostRe     = lazyRegexp(`^(?:[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}|[AC-FHKNPRTV-Y]\d{2}|D6W) ?[AC-FHKNPRTV-Y\d]{4}$|^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$`)
	postCityRe   = lazyRegexp(`^\d{4,6}\s+\p{Lu}[\p{L}\-\.]*(?:\s+\p{Lu}[\p{L}\-\.]*){0,2}$`)
	buildingRe   = lazyRegexp(`(?i)^(?:дом|д\.|буд\.|будинок|б\.|корп\.?|корпус|стр\.|строение|офис|оф\.|офіс|кв\.|квартира|пом\.|помещение|приміщення|прим\.|эт\.|этаж|поверх|літ\.|лит\.|suite|ste\.?|apt\.?|unit|floor|fl\.|room|office|dz\.|k-\d|kab\.|butas|korpusas|patalpa|lokal|wohnung|ruum|korter)\s*[№#]?\s*[\p{L}\d][\p{L}\d/\-]*$`)
	houseNumRe   = lazyRegexp(`^(?:№\s*)?\d{1,5}(?:\s?[\p{L}])?(?:[/\-]\d{1,4}[\p{L}]?)?$`)
	streetWeakRe = lazyRegexp(`^(?:\p{Lu}\.\s?)?\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}?[\p{L}'’\-]+){0,2}\s+\d{1,5}(?:\s?\p{L})?(?:[/\-]\d{1,4}\p{L}?)?$`)
	numFirstRe   = lazyRegexp(`^\d{1,6}[A-Za-z]?\s+\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-\.]+){0,3}$`)
	usStateRe    = lazyRegexp(`^[A-Z]{2}$`)
	// ukPostAnchorRe is the start of a British postcode.
	ukPostAnchorRe = lazyRegexp(`^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b`)
	// innerPostRe finds a postcode and town inside a part, after a space:
	// "… 2B/1 05-500 Mysiadło", "… 18 LT-70319 Bardauskai".
	innerPostRe = lazyRegexp(`\s(?:\d{2}-\d{3}|(?:LV|LT|EE)-\d{4,5})\s+\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*)?$`)
	// cityPostRe is a city followed by its postcode: "London SW1A 1AA",
	// "Mountain View CA 94043", "Riga LV-1050", "Kyiv 01001".
	cityPostRe = lazyRegexp(`^\p{Lu}[\p{L}'’\-\.]*(?:\s+\p{Lu}[\p{L}'’\-\.]*){0,2}\s+(?:[A-Z]{2}\s+|[A-Z]{2}-)?(?:\d{4,6}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]\d{2} ?[A-Z\d]{4})$`)
)

// streetWords mark a street in the languages Prava reads; each is matched at
// a word start.
var streetWords = []string{
	"ул.", "ул", "улица", "пр-т", "пр-кт", "пр.", "просп", "проспект", "пер.", "переулок", "шоссе", "ш.", "наб.", "набережная", "бульвар", "б-р", "пл.", "площадь", "проезд", "пр-д", "тупик",
	"вул.", "вулиця", "вулиці", "пров.", "провулок", "бульв", "бул.", "узвіз", "майдан", "площа", "шосе",
	"iela", "ielā", "gatve", "bulvāris", "prospekts", "laukums", "šoseja", "krastmala",
	"g.", "gatvė", "pr.", "prospektas", "al.", "alėja", "pl.", "plentas", "a.", "aikštė", "skg.", "takas",
	"ul.", "ulica", "aleja", "al.", "os.", "osiedle", "plac",
	"straße", "strasse", "str.", "weg", "platz", "allee", "gasse", "ring", "damm", "ufer",
	"tn", "tänav", "mnt", "maantee", "pst", "puiestee", "väljak",
	"street", "st.", "avenue", "ave", "ave.", "road", "rd.", "boulevard", "blvd", "lane", "drive", "dr.", "dr", "rd", "ln", "way", "mall", "parkway", "square", "place", "court", "highway",
}

// streetSuffixes end the one-word street names of German and Dutch.
var streetSuffixes = []string{"straße", "strasse", "str.", "weg", "platz", "allee", "gasse", "damm", "ufer", "straat", "laan", "gracht", "plein"}

// hasSuffixWord reports whether a word of lower ends with one of the
// suffixes.
func hasSuffixWord(lower string, suffixes []string) bool {
	for _, w := range strings.Fields(lower) {
		for _, s := range suffixes {
			if strings.HasSuffix(w, s) && len(w) > len(s)+2 {
				return true
			}
		}
	}
	return false
}

// cityPrefixes and citySuffixes mark a part as a city: "м. Київ", "Kyiv city".
var (
	cityPrefixes = []string{"м. ", "м.", "г. ", "г.", "місто ", "город ", "смт ", "пгт ", "с. ", "село ", "city of "}
	citySuffixes = []string{" city", " pilsēta", " miestas", " m.", " stadt"}
)

var regionWords = []string{"обл.", "область", "район", "р-н", "край", "республика", "novads", "apskr", "rajon", "r. sav", "pagasts", "county", "województwo", "woj.", "maakond", "vald", "land ", "oblast", "region",
	"linnaosa", "küla", "alevik", "r.", "raj.", "sav."}

// countryNames are whole parts that name a country.
var countryNames = map[string]bool{
	"ukraine": true, "україна": true, "украина": true, "ukraina": true,
	"russia": true, "россия": true, "российская федерация": true, "рф": true, "russian federation": true, "росія": true,
	"latvia": true, "latvija": true, "латвия": true, "латвія": true, "lithuania": true, "lietuva": true, "литва": true,
	"estonia": true, "eesti": true, "poland": true, "polska": true, "germany": true, "deutschland": true,
	"usa": true, "u.s.a.": true, "united states": true, "united states of america": true, "сша": true, "us": true,
	"united kingdom": true, "uk": true, "ireland": true, "cyprus": true, "netherlands": true, "the netherlands": true,
	"belarus": true, "беларусь": true, "kazakhstan": true, "казахстан": true, "moldova": true, "czech republic": true, "czechia": true,
	"france": true, "spain": true, "italy": true, "finland": true, "sweden": true, "austria": true, "switzerland": true,
}

// cityNames are cities common enough in Prava's region to be recognised
// without a "м." or "city" marker.
var cityNames = map[string]bool{
	"київ": true, "киев": true, "kyiv": true, "kiev": true, "харків": true, "харьков": true, "kharkiv": true, "львів": true, "lviv": true, "одеса": true, "одесса": true, "odesa": true, "дніпро": true, "dnipro": true,
	"москва": true, "moscow": true, "санкт-петербург": true, "saint petersburg": true, "st. petersburg": true, "новосибирск": true, "екатеринбург": true, "казань": true,
	"rīga": true, "riga": true, "рига": true, "jūrmala": true, "daugavpils": true, "liepāja": true, "vilnius": true, "kaunas": true, "klaipėda": true, "вильнюс": true,
	"tallinn": true, "tartu": true, "warszawa": true, "warsaw": true, "kraków": true, "wrocław": true, "gdańsk": true, "poznań": true,
	"berlin": true, "münchen": true, "hamburg": true, "köln": true, "frankfurt am main": true, "minsk": true, "минск": true, "london": true, "dublin": true, "limassol": true, "nicosia": true, "amsterdam": true,
}

// countryAnchors are country names that often open an address.
var countryAnchors = []string{"ukraine", "україна", "украина", "россия", "latvija", "lietuva", "eesti", "polska", "deutschland", "usa"}

// addressLabels introduce an address; the text after them is an anchor.
var addressLabels = []string{"адреса:", "адрес:", "адресу:", "адресою:", "address:", "adrese:", "adresas:", "anschrift:", "adres:", "aadress:", "місцезнаходження:", "местонахождение:", "buveinė:", "sitz:"}

// authorityWords mark a sentence about a supervisory authority, whose
// address is not the company's.
var authorityWords = []string{"inspekcij", "уповноважен", "омбудсман", "роскомнадзор", "supervisory authority", "uzraudzības iestād", "priežiūros institucij", "aufsichtsbehörde", "datenschutzbehörde", "prezes urzędu", "urzędu ochrony danych", "uodo", "andmekaitse inspektsioon", "data protection authority", "commissioner"}

// thirdPartyNames mark an address that belongs to a service provider.
var thirdPartyNames = []string{"google", "facebook", "meta platforms", "microsoft", "apple", "amazon", "yandex", "яндекс", "twitter", "linkedin", "hotjar", "cloudflare", "paypal", "stripe"}

type addrPart struct {
	start, end int // bounds of the trimmed part in the text
	kind       partKind
}

// findAddresses returns postal addresses in the order they appear.
func (d *doc) findAddresses() ([]string, []Evidence) {
	var anchors []int
	anchors = append(anchors, d.postcodeAnchors()...)
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
		n := j - i
		switch {
		case n == 4 && i >= 3 && (strings.EqualFold(s[i-3:i], "lv-") || strings.EqualFold(s[i-3:i], "lv ")):
			out = append(out, i-3)
		case n == 4 && i >= 2 && strings.EqualFold(s[i-2:i], "lv") && atWordStart(s, i-2):
			out = append(out, i-2) // LV1006, written without the hyphen
		case n == 3 && i >= 3 && s[i-1] == '-' && isDigits(s[i-3:i-1]):
			out = append(out, i-3)
		case n == 4 && (i == 0 || s[i-1] == '\n' || i >= 2 && s[i-2:i] == ", ") && j+2 < len(s) && s[j] == ' ' && 'A' <= s[j+1] && s[j+1] <= 'Z':
			out = append(out, i) // 5728 Gontenschwil, on its own line
		case n <= 2 && i > 0 && s[i-1] >= 'A' && s[i-1] <= 'Z':
			k := i - 1
			if k > 0 && s[k-1] >= 'A' && s[k-1] <= 'Z' {
				k--
			}
			if atWordStart(s, k) && ukPostAnchorRe().MatchString(s[k:min(len(s), k+9)]) {
				out = append(out, k) // W3 7QS, SW1A 1AA
			}
		case n == 5 || n == 6:
			if i == 0 || (s[i-1] != '.' && s[i-1] != '-' && s[i-1] != '/') || (i >= 3 && strings.EqualFold(s[i-3:i], "lt-")) {
				out = append(out, i)
			}
		}
		i = j
	}
	return out
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
	if !convincing(parts[first : last+1]) {
		return 0, 0, "", false
	}
	run := append([]addrPart(nil), parts[first:last+1]...) // the cache keeps its own copy
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
func acceptLeft(parts []addrPart, i int) bool {
	return parts[i].kind != 0 && parts[i].kind != pGeneric
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
	}
	return ps, 0
}

// isAbbrevEnd reports whether a part ends in an abbreviation whose dot
// belongs to it ("стр. А" does not, "LLC." might, "ул." does).
func isAbbrevEnd(p string) bool {
	i := strings.LastIndexByte(p, ' ')
	last := strings.TrimSuffix(p[i+1:], ".")
	return utf8.RuneCountInString(last) <= 3 && !hasDigit(last)
}

// odd hyphens are written for "-" inside postcodes: LT‑70319 with a
// non-breaking hyphen.
var oddHyphens = strings.NewReplacer("\u2010", "-", "\u2011", "-", "\u2012", "-")

var (
	// fourDigitPostRe is a four-digit postcode before its town, as in
	// Switzerland, Austria, Belgium and Denmark: "5728 Gontenschwil".
	fourDigitPostRe = lazyRegexp(`^\d{4}\s+\p{Lu}[\p{L}\-\.]*(?:\s+\p{Lu}[\p{L}\-\.]*){0,2}$`)
	// centreRe is a shopping or business centre: ТЦ «Алфавит», TC “Imanta” – K3.
	centreRe = lazyRegexp(`^(?:ТЦ|ТРЦ|БЦ|ТК|ТРК|TC|T/C|BC|TCC)\s*[«“"„][^»”"“]{1,40}[»”"“](?:\s*[–—-]\s*[\p{L}\d]{1,6})?$`)
	// floorRe is a floor written number first: "1 этаж", "2. stāvs".
	floorRe = lazyRegexp(`(?i)^\d{1,3}\.?\s*(?:этаж|поверх|stāvs|aukštas|floor|etage|stock|piętro|korrus)$`)
	// countryTailRe is a country code after a postcode: "W3 7QS UK".
	countryTailRe = lazyRegexp(`\s(?:UK|GB|USA|US|CH|AT|DE|PL)$`)
)

// classifyPart says what kind of address part p is; 0 for none.
func classifyPart(p, lower string) partKind {
	if p == "" || utf8.RuneCountInString(p) > 60 || strings.Count(p, " ") > 7 {
		return 0
	}
	if strings.ContainsAny(p, "\u2010\u2011\u2012") {
		p, lower = oddHyphens.Replace(p), oddHyphens.Replace(lower)
	}
	// Every postcode, house number and numbered street pattern needs a
	// digit; a part without one skips them (most parts of a long text).
	digit := hasDigit(p)
	if loc := countryTailRe().FindStringIndex(p); digit && loc != nil && loc[0] > 0 {
		if k := classifyPart(p[:loc[0]], lower[:loc[0]]); k&(pPostStrong|pPostWeak) != 0 {
			return k | pCountry
		}
	}
	if centreRe().MatchString(p) || digit && floorRe().MatchString(p) {
		return pBuilding
	}
	var k partKind
	if digit && fourDigitPostRe().MatchString(p) {
		k |= pPostStrong | pCity
	}
	switch {
	case !digit:
	case strongPostRe().MatchString(p) && !weakPostRe().MatchString(p):
		k |= pPostStrong
		if postCityRe().MatchString(p) {
			k |= pCity
		}
	case weakPostRe().MatchString(p):
		k |= pPostWeak
	case ukPostRe().MatchString(p):
		k |= pPostStrong
	case cityPostRe().MatchString(p):
		k |= pPostStrong | pCity
	}
	if countryNames[strings.Trim(lower, ". ")] {
		k |= pCountry
	}
	if cityNames[strings.Trim(lower, ". ")] {
		k |= pCity
	}
	if hasUpper(p) && words(p) <= 4 && (hasPrefixFrom(lower, cityPrefixes) || hasSuffixFrom(lower, citySuffixes)) {
		k |= pCity
	}
	if regionWordSet().has(lower) || usStateRe().MatchString(p) || strings.HasPrefix(p, "Co. ") {
		k |= pRegion
	}
	if streetWordSet().has(lower) && (digit || hasUpper(p)) && words(p) <= 6 && streetLikeWords(p, lower) {
		k |= pStreet
	}
	if digit && words(p) <= 4 && hasSuffixWord(lower, streetSuffixes) && streetLikeWords(p, lower) {
		k |= pStreet // Hauptstraße 5, Am Lindenweg 12
	}
	switch {
	case buildingRe().MatchString(p) || digit && houseNumRe().MatchString(p):
		k |= pBuilding
	case digit && (streetWeakRe().MatchString(p) || numFirstRe().MatchString(p)):
		if k&(pStreet|pPostStrong|pPostWeak) == 0 {
			k |= pStreetWeak
		}
	}
	if k == 0 && isGenericName(p) {
		k = pGeneric
	}
	return k
}

// streetLikeWords reports whether every word of a street part is a street
// word, a name (capitalised), a number or an abbreviation; a short
// connector such as "de" or "la" may appear once. This keeps "office is at
// 123 High Street" from passing as a street.
func streetLikeWords(p, lower string) bool {
	connectors := 0
	lw := strings.Fields(lower)
	for i, w := range strings.Fields(p) {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r) || r == '№':
		case w == "–" || w == "-" || w == "—": // "iela 8 k-1 – 73": the flat after a dash
		case streetWordSet().has(lw[i]) || strings.HasSuffix(w, "."):
		case i > 0 && utf8.RuneCountInString(w) <= 3 && connectors == 0:
			connectors++
		default:
			return false
		}
	}
	return true
}

// isGenericName accepts one to three capitalised words without digits,
// such as a city the lists do not know; an all-capitals word longer than
// three letters is a brand, not a city.
func isGenericName(p string) bool {
	fs := strings.Fields(p)
	if len(fs) == 0 || len(fs) > 3 || hasDigit(p) {
		return false
	}
	for _, f := range fs {
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsUpper(r) {
			return false
		}
		if utf8.RuneCountInString(f) > 3 && strings.ToUpper(f) == f {
			return false
		}
	}
	return true
}

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
			if atWordStart(lower, p) && (strings.HasSuffix(w, ".") || atWordEnd(lower, p+len(w))) {
				return true
			}
			i = p + len(w)
		}
	}
	return false
}

func hasPrefixFrom(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func hasSuffixFrom(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func words(s string) int { return len(strings.Fields(s)) }

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

// place is an address read from the text.
type place struct {
	text       string
	start, end int
}

// labelledPlaces reads addresses that are only a town with its postcode
// or country, which pass as addresses only after a label: "Juridiskā
// adrese: Rīga, LV-1010", "Adres: Wałbrzych, Polska", "buveinės adresas
// Telšiai, Lietuva".
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
			end := i
			for end < len(d.text) && end-i < 80 && d.text[end] != '\n' && d.text[end] != ';' && d.text[end] != '(' &&
				!(d.text[end] == '.' && (end+1 == len(d.text) || d.text[end+1] == ' ' || d.text[end+1] == '\n')) {
				end++
			}
			parts := strings.Split(d.text[i:end], ",")
			if len(parts) < 2 || len(parts) > 3 {
				continue
			}
			var all partKind
			ok := true
			for _, part := range parts {
				part = strings.TrimSpace(part)
				k := classifyPart(part, strings.ToLower(part))
				if k == 0 || k&(pStreet|pStreetWeak|pBuilding) != 0 {
					ok = false // a full address: the main reader takes it
					break
				}
				all |= k
			}
			if !ok || all&(pPostStrong|pCountry) == 0 || d.aboutSomeoneElse(i) {
				continue
			}
			text := strings.Join(strings.Fields(d.text[i:end]), " ")
			out = append(out, place{text: text, start: i, end: end})
		}
	}
	return out
}
