package letters

import (
	"strings"
	"unicode"
)

// splitAddress breaks a one-line postal address into the lines an
// envelope shows: "Elijas iela 17, Rīga, LV-1050, Latvija" becomes
// "Elijas iela 17" / "Rīga, LV-1050" / "Latvija". A part that is only a
// number, a bare postcode or a building part stays with the part before
// it; a postcode followed by its town ("LT-10312 Vilnius") starts a line;
// a US state and ZIP code ("CA 92121") stays with the town. An address
// written from the postcode down ("109029, Россия, Москва, ул. …", the
// Russian order) is turned round: street / town / postcode / country.
// One that names a district or a region beside its town is put in the
// order of the Ukrainian and Russian post (see areaAddress).
func splitAddress(s string) []string {
	if strings.Contains(s, "\n") {
		return addressLines(s)
	}
	var parts []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			parts = append(parts, part)
		}
	}
	if lines, ok := areaAddress(parts); ok {
		return lines
	}
	if len(parts) >= 3 && isPostcode(parts[0]) {
		return bigEndian(parts)
	}
	if len(parts) >= 3 && countries[strings.ToLower(parts[0])] != "" {
		// "Ukraine, Kyiv city, Timoshenka 29A": country first, street
		// last; the envelope reads street / town / country (L10).
		// "Kyiv city" is the register's English for the city of Kyiv
		// (м. Київ); an envelope says the town alone. Only the lower-case
		// word goes: "Mexico City" is the town's name.
		return append([]string{strings.Join(parts[2:], ", "), strings.TrimSuffix(parts[1], " city")}, parts[0])
	}
	var out []string
	for _, part := range parts {
		if len(out) > 0 && continuesAddress(part) {
			sep := ", "
			if prev := out[len(out)-1]; usZip().MatchString(prev[strings.LastIndex(prev, " ")+1:]) && isPostcode(part) {
				sep = " " // San Diego, CA 92121
			}
			out[len(out)-1] += sep + part
			continue
		}
		out = append(out, part)
	}
	return out
}

// bigEndian turns "postcode, [country,] town, street, house …" round
// into envelope lines: the street with its house, the town, the
// postcode, the country.
func bigEndian(parts []string) []string {
	post, rest := parts[0], parts[1:]
	country := ""
	if _, ok := countries[strings.ToLower(rest[0])]; ok {
		country, rest = rest[0], rest[1:]
	}
	if len(rest) == 0 {
		return parts
	}
	town := rest[0]
	out := []string{}
	if len(rest) > 1 {
		out = append(out, strings.Join(rest[1:], ", "))
	}
	out = append(out, town, post)
	if country != "" {
		out = append(out, country)
	}
	return out
}

// buildingParts are the abbreviations that start the second half of a
// street address: house, building, flat, office.
var buildingParts = []string{"д.", "дом ", "буд.", "будинок", "стр.", "корп.", "кв.", "оф.", "офіс", "офис", "пом.", "k-", "dz.", "korp.", "bt.", "apt", "suite", "unit", "floor", "эт.", "пов."}

var usZip = lazyRe(`^[A-Z]{2}( \d{5}(-\d{4})?)?$`)

// isPostcode says whether a part is a bare postcode, which begins some
// addresses ("109029, Россия, Москва, …") and belongs on the next line.
func isPostcode(part string) bool {
	for _, r := range part {
		if !unicode.IsDigit(r) && r != ' ' && r != '-' {
			return false
		}
	}
	return len(part) >= 4
}

// continuesAddress says whether a part of an address belongs on the line
// before it.
func continuesAddress(part string) bool {
	r := []rune(part)
	// A postcode with a country prefix alone (Rīga, LV-1050) goes with the
	// town; followed by the town (LT-10312 Vilnius) it starts a line.
	if len(r) > 3 && unicode.IsUpper(r[0]) && unicode.IsUpper(r[1]) && r[2] == '-' && unicode.IsDigit(r[3]) {
		return !strings.Contains(part, " ")
	}
	// A US state and ZIP code: San Diego, CA 92121.
	if usZip().MatchString(part) {
		return true
	}
	if unicode.IsDigit(r[0]) {
		// A house number, or a bare postcode after the town; a postcode
		// with its town ("01008 Київ") starts a line.
		return !strings.ContainsFunc(part, unicode.IsLetter) || len(strings.Fields(part)) == 1
	}
	l := strings.ToLower(part)
	for _, b := range buildingParts {
		if strings.HasPrefix(l, b) {
			return true
		}
	}
	return false
}

// areaAddress puts an address that names a district (район) or a region
// (область, край) beside a town marked as one ("м. Кагарлик", "г.
// Видное", "с. Петрівка") in the order the Ukrainian and Russian post
// read it, whichever order it was written in: street and house / town /
// district, region / postcode / country. Read in the written order,
// "09201, Україна, Київська область, Обухівський район, м. Кагарлик, …"
// took the region for the town and the district for the street (review
// 2, L10). ok is false for any other address.
func areaAddress(parts []string) (lines []string, ok bool) {
	var street, areas, posts []string
	town, country, regions := "", "", []string{}
	for _, p := range parts {
		switch {
		case isPostcode(p):
			posts = append(posts, p)
		case country == "" && countries[strings.ToLower(p)] != "":
			country = p
		case isArea(p, districtWords):
			areas = append(areas, shortArea(p))
		case isArea(p, regionWords):
			regions = append(regions, shortArea(p))
		case town == "" && isTown(p):
			town = p
		default:
			street = append(street, p)
		}
	}
	areas = append(areas, regions...)
	if town == "" || len(areas) == 0 {
		return nil, false
	}
	if len(street) > 0 {
		lines = append(lines, strings.Join(street, ", "))
	}
	lines = append(lines, town, strings.Join(areas, ", "))
	if len(posts) > 0 {
		lines = append(lines, strings.Join(posts, ", "))
	}
	if country != "" {
		lines = append(lines, country)
	}
	return lines, true
}

// districtWords and regionWords end the name of a district and of a
// region; the envelope writes район and область short, as the post does.
var (
	districtWords = []string{"район", "р-н"}
	regionWords   = []string{"область", "обл.", "край"}
	areaShort     = strings.NewReplacer("район", "р-н", "область", "обл.")
)

// townMarks begin a town's name in a Ukrainian or Russian address: місто,
// город, село, селище міського типу, посёлок.
var townMarks = []string{"м. ", "г. ", "с. ", "смт ", "смт. ", "пгт ", "пгт. ", "сел. ", "село ", "селище ", "пос. ", "місто ", "город "}

// isArea says whether a part is a name ending in one of words
// ("Обухівський район"), not the word alone.
func isArea(part string, words []string) bool {
	l := strings.ToLower(part)
	for _, w := range words {
		if strings.HasSuffix(l, " "+w) {
			return true
		}
	}
	return false
}

// shortArea writes a district's or a region's last word short:
// "Київська область" is "Київська обл.".
func shortArea(part string) string {
	i := strings.LastIndex(part, " ")
	if i < 0 {
		return part
	}
	return part[:i+1] + areaShort.Replace(part[i+1:])
}

// isTown says whether a part is a town marked as one ("м. Кагарлик").
func isTown(part string) bool {
	l := strings.ToLower(part)
	for _, m := range townMarks {
		if strings.HasPrefix(l, m) && len(l) > len(m) {
			return true
		}
	}
	return false
}
