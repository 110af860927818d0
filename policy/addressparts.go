package policy

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// partKind is what a comma-separated part of an address looks like, one
// bit a kind, so that the kinds of a run of parts combine with |.
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
	strongPostRe = lazyRegexp(`(?i)^(?:(?:lv|lt|ee|pl|de|ua|ru)[- ]?\d{4,6}|(?:d|a|ch|f|b|nl|l|dk)-\d{4,5}|\d{2}-\d{3}|[A-Z]{2} \d{5}(?:-\d{4})?|\d{5}(?:-\d{4})?)(?:\s+\p{Lu}[\p{L}\-\.]*(?:\s+\p{Lu}[\p{L}\-\.]*){0,2})?$`)
	weakPostRe   = lazyRegexp(`^\d{5,6}$`)
	// British postcodes (SW1A 1AA) and Irish Eircodes (A96 X2Y3).
	ukPostRe = lazyRegexp(`^(?:[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}|[AC-FHKNPRTV-Y]\d{2}|D6W) ?[AC-FHKNPRTV-Y\d]{4}$|^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$`)
	// spacedPostRe is a postcode of three and two digits before its town
	// and district number, as Czechia, Slovakia, Sweden and Greece write
	// it: "110 00 Praha 1", "811 01 Bratislava".
	spacedPostRe = lazyRegexp(`^\d{3} \d{2}\s+\p{Lu}[\p{L}\-\.]*(?:\s+\p{Lu}[\p{L}\-\.]*){0,2}(?:\s+\d{1,2})?$`)
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
	"street", "st.", "row", "park", "crescent", "terrace", "mews", "gardens", "avenue", "ave", "ave.", "road", "rd.", "boulevard", "blvd", "lane", "drive", "dr.", "dr", "rd", "ln", "way", "mall", "parkway", "square", "place", "court", "highway",
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
	citySuffixes = []string{" city", " pilsēta", " miestas", " m.", " stadt", " linn"}
)

var regionWords = []string{"обл.", "область", "район", "р-н", "край", "республика", "novads", "apskr", "rajon", "r. sav", "pagasts", "county", "województwo", "woj.", "maakond", "vald", "land ", "oblast", "region",
	"linnaosa", "küla", "alevik", "r.", "raj.", "sav."}

// countryNames are whole parts that name a country.
var countryNames = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"ukraine": true, "україна": true, "украина": true, "ukraina": true,
		"russia": true, "россия": true, "российская федерация": true, "рф": true, "russian federation": true, "росія": true,
		"latvia": true, "latvija": true, "латвия": true, "латвія": true, "lithuania": true, "lietuva": true, "литва": true,
		"estonia": true, "eesti": true, "poland": true, "polska": true, "germany": true, "deutschland": true,
		"usa": true, "u.s.a.": true, "united states": true, "united states of america": true, "сша": true, "us": true,
		"united kingdom": true, "uk": true, "ireland": true, "cyprus": true, "netherlands": true, "the netherlands": true,
		"belarus": true, "беларусь": true, "kazakhstan": true, "казахстан": true, "moldova": true, "czech republic": true, "czechia": true,
		"india": true, "česká republika": true, "slovensko": true, "slovakia": true, "österreich": true,
		"france": true, "spain": true, "italy": true, "finland": true, "sweden": true, "austria": true, "switzerland": true,
	}
})

// cityNames are cities common enough in Prava's region to be recognised
// without a "м." or "city" marker.
var cityNames = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"київ": true, "киев": true, "kyiv": true, "kiev": true, "харків": true, "харьков": true, "kharkiv": true, "львів": true, "lviv": true, "одеса": true, "одесса": true, "odesa": true, "дніпро": true, "dnipro": true,
		"москва": true, "moscow": true, "санкт-петербург": true, "saint petersburg": true, "st. petersburg": true, "новосибирск": true, "екатеринбург": true, "казань": true,
		"rīga": true, "riga": true, "рига": true, "jūrmala": true, "daugavpils": true, "liepāja": true, "vilnius": true, "kaunas": true, "klaipėda": true, "вильнюс": true,
		"tallinn": true, "tartu": true, "warszawa": true, "warsaw": true, "kraków": true, "wrocław": true, "gdańsk": true, "poznań": true,
		"berlin": true, "münchen": true, "hamburg": true, "köln": true, "frankfurt am main": true, "minsk": true, "минск": true, "london": true, "dublin": true, "limassol": true, "nicosia": true, "amsterdam": true,
	}
})

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
		p, lower = oddHyphens().Replace(p), oddHyphens().Replace(lower)
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
	if digit && (fourDigitPostRe().MatchString(p) || spacedPostRe().MatchString(p)) {
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
	if countryNames()[strings.Trim(lower, ". ")] {
		k |= pCountry
	}
	if cityNames()[strings.Trim(lower, ". ")] {
		k |= pCity
	}
	if hasUpper(p) && words(p) <= 4 && (hasPrefixFrom(lower, cityPrefixes) || hasSuffixFrom(lower, citySuffixes)) {
		k |= pCity
	}
	if regionWordSet().has(lower) || usStateRe().MatchString(p) || strings.HasPrefix(p, "Co. ") {
		k |= pRegion
	}
	if streetWordSet().has(lower) && (digit || hasUpper(p)) && words(p) <= 6 && streetLikeWords(p, lower) && !titleOnly(p, lower) {
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

// titleOnly reports whether the only street word of a part is "Dr." or
// "Dr" standing as a title before a name ("Praxis Dr. Jens Köhler"), not
// after a street's name as "Sunset Dr." does.
func titleOnly(p, lower string) bool {
	fs, lfs := strings.Fields(p), strings.Fields(lower)
	title := false
	for i, w := range lfs {
		if w != "dr." && w != "dr" {
			continue
		}
		if i+1 >= len(fs) {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(fs[i+1]); !unicode.IsUpper(r) && !strings.HasPrefix(lfs[i+1], "med") {
			return false
		}
		title = true
		lfs[i] = "" // the rest must hold no street word of its own
	}
	return title && !streetWordSet().has(strings.Join(lfs, " "))
}
