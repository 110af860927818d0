package policy

import "strings"

// registrationLabels introduce a company registration code, in the words of
// each country's register.
var registrationLabels = []string{
	"vienotais reģistrācijas nr", "reģistrācijas numurs", "reģistrācijas nr", "reģ. nr", "reģ.nr", "reģ. numurs", "reg. nr", "reg.nr",
	"įmonės kodas", "juridinio asmens kodas", "įm. k.", "įmonės kodą",
	"код єдрпоу", "кодом єдрпоу", "єдрпоу", "ідентифікаційний код", "реєстраційний номер", "огрн", "огрнип", "инн", "рнокпп", "іпн",
	"registrikood", "registry code", "reg. code", "registration number", "registration no", "reg. no", "company number", "company no",
	"krs", "regon", "nip", "hrb", "hra", "handelsregister", "steuernummer",
	"бин", "иин", "унп", "ičo", "ič",
}

// findRegistration returns the registration code nearest after the
// controller's name, or the first in the text.
func (d *doc) findRegistration(after int) (*string, []Evidence) {
	type hit struct {
		code       string
		start, end int
	}
	var hits []hit
	for _, l := range registrationLabels {
		for _, p := range d.find(l) {
			if !atWordStart(d.lower, p) || (!strings.HasSuffix(l, ".") && !atWordEnd(d.lower, p+len(l))) {
				continue
			}
			code, s, e := d.codeAfter(p+len(l), l)
			if code != "" {
				hits = append(hits, hit{code, s, e})
			}
		}
	}
	if len(hits) == 0 {
		return nil, nil
	}
	best := hits[0]
	for _, h := range hits[1:] {
		if better(h.start, best.start, after) {
			best = h
		}
	}
	return strPtr(best.code), []Evidence{d.evidence("registration", best.code, best.start, best.end)}
}

// better prefers the offset closest after the controller, then the first.
func better(a, b, after int) bool {
	da, db := a-after, b-after
	if (da >= 0) != (db >= 0) {
		return da >= 0
	}
	if da >= 0 {
		return da < db
	}
	return a < b
}

// codeAfter reads the code that follows a label at most a few characters
// later: "Reģ. Nr. 41503001047", "код ЄДРПОУ: 12345678", "HRB 12345 B".
func (d *doc) codeAfter(i int, label string) (string, int, int) {
	j := i
	for j < len(d.text) && j-i < 24 && !isDigitByte(d.text[j]) && d.text[j] != '\n' {
		j++
	}
	if j >= len(d.text) || !isDigitByte(d.text[j]) || !fillerOnly(d.lower[i:j]) {
		return "", 0, 0
	}
	start := j
	var digits strings.Builder
	for j < len(d.text) && (isDigitByte(d.text[j]) || d.text[j] == ' ' && j+1 < len(d.text) && isDigitByte(d.text[j+1]) && digits.Len() < 6) {
		if d.text[j] != ' ' {
			digits.WriteByte(d.text[j])
		}
		j++
	}
	code := digits.String()
	if len(code) < 5 || len(code) > 15 {
		return "", 0, 0
	}
	if label == "hrb" || label == "hra" {
		code = strings.ToUpper(label) + " " + code
	}
	return code, start, j
}

// codeFillers may stand between a registration label and its number.
var codeFillers = []string{"pod numerem", "под номером", "за номером", "numurs", "numeris", "number", "nummer", "nr", "no", "№", "is"}

// fillerOnly reports whether the gap holds nothing but punctuation and
// filler words.
func fillerOnly(gap string) bool {
	for _, f := range codeFillers {
		gap = strings.ReplaceAll(gap, f, "")
	}
	return strings.Trim(gap, " .:,-–—()") == ""
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }
