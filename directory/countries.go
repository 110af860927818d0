package directory

import (
	"strings"

	"prava/directory/internal/textkey"
)

// countryNames maps a country's name as addresses write it on their last
// line (in English or the country's own language, folded) to its ISO code.
// The test checks that every address of the snapshot is covered.
var countryNames = map[string]string{
	"deutschland": "DE", "germany": "DE", "osterreich": "AT", "austria": "AT",
	"france": "FR", "ireland": "IE", "eire": "IE", "the netherlands": "NL", "netherlands": "NL", "nederland": "NL",
	"belgium": "BE", "belgique": "BE", "belgie": "BE", "luxembourg": "LU", "luxemburg": "LU",
	"spain": "ES", "espana": "ES", "italy": "IT", "italia": "IT", "poland": "PL", "polska": "PL",
	"sweden": "SE", "sverige": "SE", "denmark": "DK", "danmark": "DK", "finland": "FI", "suomi": "FI",
	"cyprus": "CY", "malta": "MT", "greece": "GR", "czech republic": "CZ", "czechia": "CZ", "cesko": "CZ", "ceska republika": "CZ",
	"bulgaria": "BG", "portugal": "PT", "estonia": "EE", "eesti": "EE", "latvia": "LV", "latvija": "LV",
	"lithuania": "LT", "lietuva": "LT", "hungary": "HU", "magyarorszag": "HU", "romania": "RO",
	"slovakia": "SK", "slovensko": "SK", "slovenia": "SI", "slovenija": "SI", "croatia": "HR", "hrvatska": "HR",
	"norway": "NO", "norge": "NO", "iceland": "IS", "island": "IS", "liechtenstein": "LI",
	"switzerland": "CH", "schweiz": "CH", "suisse": "CH", "svizzera": "CH",
	"united kingdom": "GB", "uk": "GB", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
	"united states of america": "US", "united states": "US", "usa": "US",
	"canada": "CA", "australia": "AU", "new zealand": "NZ", "israel": "IL", "singapore": "SG", "republic of singapore": "SG",
	"hong kong": "HK", "united arab emirates": "AE", "china": "CN", "taiwan": "TW", "japan": "JP", "india": "IN",
	"russia": "RU", "russian federation": "RU", "rossiya": "RU", "ukraine": "UA", "ukraina": "UA",
	"marshall islands": "MH", "isle of man": "IM", "seychelles": "SC", "morocco": "MA", "gibraltar": "GI",
	"qatar": "QA", "panama": "PA", "pakistan": "PK", "malaysia": "MY",
}

// Country is the ISO 3166-1 code of the country on the entry's address's
// last line ("DE" for "Deutschland"), or "" when Prava does not know the
// name.
func (e *Entry) Country() string {
	lines := strings.Split(strings.TrimSpace(e.Address), "\n")
	return countryNames[textkey.Fold(lines[len(lines)-1])]
}
