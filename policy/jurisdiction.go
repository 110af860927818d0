package policy

import (
	"sort"
	"strings"
	"sync"
)

// lawSigns are phrases that invoke a regime: a law's number or title, the
// country's "legislation", its supervisory authority.
var lawSigns = sync.OnceValue(func() map[string][]string {
	return map[string][]string{
		"UA": {"2297-vi", "2297-vі", "про захист персональних даних", "о защите персональных данных", "законодавства україни", "законодавством україни",
			"законодавству україни", "законодательства украины", "законодательством украины", "законів україни", "уповноважений верховної ради"},
		"RU": {"152-фз", "152-ф3", "федеральный закон «о персональных данных", "федерального закона «о персональных данных", "законодательства российской федерации",
			"законодательством российской федерации", "законодательству российской федерации", "законодательства рф", "законодательством рф", "роскомнадзор"},
		"EU": {"gdpr", "2016/679", "general data protection regulation", "загальний регламент", "общий регламент", "bdar", "datu aizsardzības regul",
			"bendrojo duomenų apsaugos reglament", "dsgvo", "datenschutz-grundverordnung", "rodo", "ogólne rozporządzenie", "üldmäärus", "rgpd", "avg"},
		"US-CA": {"ccpa", "cpra", "california consumer privacy act", "california privacy rights act"},
		// National laws and authorities name the member state too.
		"EU-LV": {"fizisko personu datu apstrādes likum", "datu valsts inspekcij"},
		"EU-LT": {"asmens duomenų teisinės apsaugos įstatym", "valstybinė duomenų apsaugos inspekcij"},
		"EU-PL": {"ustawa o ochronie danych osobowych", "prezes urzędu ochrony danych", "uodo"},
		"EU-DE": {"bdsg", "bundesdatenschutzgesetz", "ttdsg"},
		"EU-EE": {"isikuandmete kaitse seadus", "andmekaitse inspektsioon"},
		"EU-BE": {"бельгійськ", "бельгийск", "belgian law", "belgische", "belgischen", "gegevensbeschermingsautoriteit", "autorité de protection des données"},
		// Regimes outside the EU that policies name.
		"UK": {"uk gdpr", "data protection act 2018", "data protection act 1998", "information commissioner"},
		"BY": {"республики беларусь", "республіки білорусь", "99-з", "republic of belarus"},
		"AU": {"australian privacy", "privacy act 1988", "australian privacy principles"},
		"CH": {"revdsg", "fadp", "edöb", "schweizerischen datenschutz", "swiss data protection", "federal act on data protection"},
	}
})

// nonEU are the regimes outside the EU that the reader names on their own
// rather than folding them into a neighbour.
var nonEU = []string{"UK", "BY", "AU", "CH", "KZ", "IN"}

// euStates are the member states whose code follows "EU-".
var euStates = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"LV": true, "LT": true, "EE": true, "PL": true, "DE": true, "FI": true, "SE": true, "DK": true, "NL": true, "BE": true, "LU": true,
		"FR": true, "ES": true, "PT": true, "IT": true, "AT": true, "CZ": true, "SK": true, "HU": true, "SI": true, "HR": true, "RO": true,
		"BG": true, "GR": true, "CY": true, "MT": true, "IE": true, "NO": true, "IS": true, "LI": true,
	}
})

// languageCountry is the country a language points to, as a weak sign.
var languageCountry = sync.OnceValue(func() map[string]string {
	return map[string]string{"uk": "UA", "lv": "LV", "lt": "LT", "pl": "PL", "de": "DE", "et": "EE", "ru": "RU"}
})

// formCountry is the country a legal form belongs to.
var formCountry = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"ООО": "RU", "ОАО": "RU", "ЗАО": "RU", "ПАО": "RU", "АНО": "RU", "Общество": "RU",
		"ТОВ": "UA", "ТзОВ": "UA", "ПрАТ": "UA", "ПАТ": "UA", "ФОП": "UA", "Товариство": "UA", "Приватне": "UA", "Акціонерне": "UA",
		"ФГУП": "RU", "МУП": "RU",
		"SIA": "LV", "VAS": "LV", "IK": "LV", "Sabiedrība": "LV", "UAB": "LT", "VšĮ": "LT", "VĮ": "LT", "Uždaroji": "LT", "OÜ": "EE", "MTÜ": "EE",
		"GmbH": "DE", "UG": "DE", "sp.": "PL", "Sp.": "PL",
		// Forms only one country uses; s.r.o. is Czech and Slovak alike.
		"ТОО": "KZ", "z.": "CZ", "ЧУП": "BY", "ОДО": "BY",
	}
})

// registrationCountry is the country whose register a label names.
var registrationCountry = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"єдрпоу": "UA", "огрн": "RU", "инн": "RU", "reģ": "LV", "reģistrācijas": "LV", "įmonės": "LT", "juridinio": "LT", "registrikood": "EE",
		"krs": "PL", "nip": "PL", "regon": "PL", "hrb": "DE", "handelsregister": "DE",
		// Each country's own register: Kazakh BIN, Belarusian UNP, Czech IČO.
		"бин": "KZ", "иин": "KZ", "унп": "BY", "ičo": "CZ",
	}
})

// jurisdictionSigns is what the jurisdiction reader weighs.
type jurisdictionSigns struct {
	language     string
	controller   *entity
	registration []Evidence
	addresses    []string
	websites     []string
	emails       []string
}

// findJurisdiction weighs, in this order, the law the text invokes, the
// controller's country, the site's country domain and the language, and
// returns every regime that may apply, the primary first. GDPR counts only
// where it can apply (Art. 3): with a sign of an EU/EEA country, not merely
// because a Ukrainian-market policy of a US company mentions it.
func (d *doc) findJurisdiction(s jurisdictionSigns) ([]string, []Evidence) {
	law, ev := d.lawCounts()
	votes := d.countryVotes(s)

	score := map[string]float64{}
	score["UA"] = 4*law["UA"] + votes["UA"]
	score["RU"] = 4*law["RU"] + votes["RU"]
	state, stateVotes := "", 0.0
	for c, v := range votes {
		if euStates()[c] && (v > stateVotes || v == stateVotes && c < state) {
			state, stateVotes = c, v
		}
	}
	for _, code := range sortedKeys(law) {
		if n := law[code]; strings.HasPrefix(code, "EU-") && n > 0 {
			c := strings.TrimPrefix(code, "EU-")
			if state == "" || votes[c]+4*n > stateVotes {
				state, stateVotes = c, votes[c]+4*n
			}
		}
	}
	for _, c := range nonEU {
		score[c] = 4*law[c] + votes[c]
	}
	if law["UK"] > 0 {
		law["EU"] = max(0, law["EU"]-law["UK"]) // "UK GDPR" is not the EU's
	}
	gdpr := 4 * law["EU"]
	if state == "" {
		gdpr /= 4 // mentioned, but no EU country in sight
	}
	euCode := "EU"
	if state != "" {
		euCode = "EU-" + state
	}
	score[euCode] = gdpr + stateVotes
	if law["US-CA"] > 0 {
		score["US-CA"] = 4*law["US-CA"] + votes["US"]
	} else if votes["US"] > 0 {
		score["US"] = votes["US"] / 4 // a US company serving others answers to their law
		if votes["US"] >= 3 {
			// A US postal address is where the company is established:
			// with no other market's law in sight, that is its regime.
			score["US"] = 1
		}
	}
	var codes []string
	for c, v := range score {
		if v >= 1 {
			codes = append(codes, c)
		}
	}
	sort.Slice(codes, func(i, j int) bool {
		if score[codes[i]] != score[codes[j]] {
			return score[codes[i]] > score[codes[j]]
		}
		return codes[i] < codes[j]
	})
	if len(codes) > 1 && codes[0] == "EU" && state == "" {
		// GDPR mentioned by a company with no EU establishment and no EU
		// market (Art. 3) may still apply, but not before the law of the
		// market it does serve.
		codes[0], codes[1] = codes[1], codes[0]
	}
	if len(codes) > 1 {
		// Secondary regimes need a sign of their own, not just a language.
		kept := codes[:1]
		for _, c := range codes[1:] {
			if score[c] >= 3 {
				kept = append(kept, c)
			}
		}
		codes = kept
	}
	return codes, ev
}

// sortedKeys lists m's keys in byte order, so that a reader walking a map
// gives the same answer and the same evidence on every run.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func lastField(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// addressCountry tells the country of a postal address from its country
// name or postcode format.
func addressCountry(a string) string {
	lower := strings.ToLower(a)
	switch {
	case strings.Contains(a, "LV-") || containsAny(lower, []string{"latvija", "latvia", "rīga"}):
		return "LV"
	case strings.Contains(a, "LT-") || containsAny(lower, []string{"lietuva", "lithuania", "vilnius"}):
		return "LT"
	case containsAny(lower, []string{"україна", "ukraine", "украина", "київ", "kyiv", "киев", "kiev", "вул."}):
		return "UA"
	case containsAny(lower, []string{"россия", "russia", "москва", "российская"}):
		return "RU"
	case containsAny(lower, []string{"eesti", "estonia", "tallinn"}):
		return "EE"
	case containsAny(lower, []string{"polska", "poland", "warszawa"}):
		return "PL"
	case containsAny(lower, []string{"deutschland", "germany", "berlin", "münchen"}) || deZipRe().MatchString(a) && hasSuffixWord(lower, deStreetSuffixes):
		return "DE"
	case containsAny(lower, []string{"usa", "united states"}) || usZipRe().MatchString(a):
		return "US"
	case containsAny(lower, []string{"united kingdom", "england"}) || ukPostInRe().MatchString(a):
		return "UK"
	case containsAny(lower, []string{"беларусь", "belarus", "минск", "minsk"}):
		return "BY"
	case containsAny(lower, []string{"australia"}):
		return "AU"
	case containsAny(lower, []string{"schweiz", "switzerland", "suisse", "svizzera"}):
		return "CH"
	case containsAny(lower, []string{"казахстан", "қазақстан", "kazakhstan", "алматы", "астана"}):
		return "KZ"
	case containsAny(lower, []string{"česká republika", "czech republic", "czechia", "praha"}):
		return "CZ"
	case containsAny(lower, []string{"slovensko", "slovakia", "bratislava", "košice"}):
		return "SK"
	case containsAny(lower, []string{"sverige", "sweden", "stockholm", "göteborg", "malmö"}):
		return "SE"
	case containsAny(lower, []string{"greece", "hellas", "ελλάδα", "athens", "αθήνα", "thessaloniki"}):
		return "GR"
	case containsAny(lower, []string{"österreich", "austria", "wien"}):
		return "AT"
	case containsAny(lower, []string{"india", "bharat"}) || inPinRe().MatchString(a):
		return "IN"
	case czPostRe().MatchString(a):
		// "NNN NN" is the Czech, Slovak, Swedish and Greek format alike:
		// it tells the country only when no name above did, and then
		// most likely the Czech one.
		return "CZ"
	}
	return ""
}

// domainCountry is the country of a site's country-code domain.
func domainCountry(site string) string {
	tld := site[strings.LastIndexByte(site, '.')+1:]
	switch tld {
	case "ua", "укр":
		return "UA"
	case "ru", "рф":
		return "RU"
	case "us":
		return "US"
	case "uk":
		return "UK"
	case "by":
		return "BY"
	case "au":
		return "AU"
	case "ch":
		return "CH"
	}
	if len(tld) == 2 && euStates()[strings.ToUpper(tld)] {
		return strings.ToUpper(tld)
	}
	return ""
}

// ukPostInRe finds a British postcode inside an address.
var ukPostInRe = lazyRegexp(`\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b`)

// czPostRe finds a Czech postcode, three and two digits, before a town
// with a district number or a Czech letter: "110 00 Praha 1". Slovak
// postcodes share the form; the country name or capital tells them apart
// first.
var czPostRe = lazyRegexp(`\b\d{3} \d{2} [A-ZČŘŠŽÚ][a-zá-žěščřžýíéúů]+(?: \d{1,2})?\b`)

// inPinRe finds an Indian PIN code after a state: "Karnataka 560038".
var inPinRe = lazyRegexp(`\b[A-Z][a-z]+(?: [A-Z][a-z]+)? [1-9]\d{5}\b`)

// deZipRe and deStreetSuffixes tell a German address by its grammar: a
// street ending in -straße, -weg, -platz … and a five-digit postcode before
// the town ("Lindenweg 8, 34117 Kassel"). Five digits alone could be a US
// ZIP; the street's suffix is German.
var deZipRe = lazyRegexp(`(?:^|[ ,])\d{5} \p{Lu}`)

var deStreetSuffixes = []string{"straße", "strasse", "str.", "weg", "platz", "allee", "gasse", "damm", "ufer"}

// lawCounts counts, per regime, the signs of its law the text invokes (at
// most two for each sign), with the first place each sign was found.
func (d *doc) lawCounts() (map[string]float64, []Evidence) {
	var ev []Evidence
	law := map[string]float64{}
	// Map order would shuffle the evidence from run to run; the codes'
	// order keeps one text's findings the same every time.
	for _, code := range sortedKeys(lawSigns()) {
		for _, sign := range lawSigns()[code] {
			ps := d.find(sign)
			hits := 0
			for _, p := range ps {
				if atWordStart(d.lower, p) && (len(sign) > 4 || atWordEnd(d.lower, p+len(sign))) {
					hits++
					if hits == 1 {
						ev = append(ev, d.evidence("jurisdiction", code, p, p+len(sign)))
					}
				}
			}
			law[code] += min(float64(hits), 2)
		}
	}
	return law, ev
}

// countryVotes weighs the signs of the controller's country: its legal
// form, registry, address, site and mail domains, and the language.
func (d *doc) countryVotes(s jurisdictionSigns) map[string]float64 {
	votes := map[string]float64{}
	if s.controller != nil {
		first, _, _ := strings.Cut(s.controller.name, " ")
		if c := formCountry()[first]; c != "" {
			votes[c] += 3
		} else if c := formCountry()[lastField(s.controller.name)]; c != "" {
			votes[c] += 3
		}
	}
	for _, r := range s.registration {
		label := d.lower[runeStart(d.lower, max(0, r.Offset-30)):r.Offset]
		for _, word := range sortedKeys(registrationCountry()) {
			if strings.Contains(label, word) {
				votes[registrationCountry()[word]] += 2
				break
			}
		}
	}
	if len(s.addresses) > 0 {
		if c := addressCountry(s.addresses[0]); c != "" {
			votes[c] += 3
		}
	}
	if len(s.websites) > 0 {
		if c := domainCountry(s.websites[0]); c != "" {
			votes[c] += 2
		}
	}
	for _, e := range s.emails {
		// The company's own mail domain (info@firma.be) tells its country
		// as its site would; a mail provider's does not.
		_, domain, _ := strings.Cut(e, "@")
		if c := domainCountry(domain); c != "" && !mailProviders()[domain] && (len(s.websites) == 0 || domainCountry(s.websites[0]) != c) {
			votes[c] += 2
			break
		}
	}
	if c := languageCountry()[s.language]; c != "" {
		if c == "RU" {
			votes[c] += 0.5 // Russian is written across the region
		} else {
			votes[c]++
		}
	}
	return votes
}
