package policy

import (
	"cmp"
	"slices"
	"strings"
)

// registrationLabels introduce a company registration code, in the words of
// each country's register.
var registrationLabels = []string{
	"vienotais reģistrācijas nr", "reģistrācijas numurs", "reģistrācijas nr", "reģ. nr", "reģ.nr", "reģ. numurs", "reg. nr", "reg.nr",
	"įmonės kodas", "juridinio asmens kodas", "įm. kodas", "įm. k.", "įmonės kodą",
	"код єдрпоу", "кодом єдрпоу", "єдрпоу", "ідентифікаційний код", "реєстраційний номер", "огрн", "огрнип", "инн", "рнокпп", "іпн",
	"registrikood", "registry code", "registry number", "reg. code", "registration number", "registration no", "reg. no", "company number", "company no",
	"krs", "regon", "nip", "hrb", "hra", "handelsregister", "steuernummer",
	"бин", "иин", "унп", "ičo", "ič",
}

// regHit is one registration number read after its label.
type regHit struct {
	code              string
	label, start, end int // where the label starts, where the number starts and ends
}

// findRegistration returns every registration number of the controller,
// in the text's order and joined by ", " ("3906277134, 1123926065108"),
// with one evidence per number, the one nearest after the controller's
// name first. A register names a Russian operator by its ОГРН and ИНН
// together, a Polish one by KRS, NIP and REGON (review 2, M6), so the
// numbers in the same requisites block as the nearest one are all kept:
// each the next after the last, with no blank line, no other name and only
// a short gap between.
func (d *doc) findRegistration(after int) (*string, []Evidence) {
	hits := d.registrationHits()
	if len(hits) == 0 {
		return nil, nil
	}
	anchor := 0
	for i := range hits[1:] {
		if better(hits[i+1].start, hits[anchor].start, after) {
			anchor = i + 1
		}
	}
	from, to := anchor, anchor
	for from > 0 && d.sameBlock(hits[from-1], hits[from]) {
		from--
	}
	for to+1 < len(hits) && d.sameBlock(hits[to], hits[to+1]) {
		to++
	}
	var codes []string
	ev := []Evidence{d.evidence("registration", hits[anchor].code, hits[anchor].start, hits[anchor].end)}
	for i, h := range hits[from : to+1] {
		if slices.Contains(codes, h.code) {
			continue
		}
		codes = append(codes, h.code)
		if from+i != anchor {
			ev = append(ev, d.evidence("registration", h.code, h.start, h.end))
		}
	}
	return strPtr(strings.Join(codes, ", ")), ev
}

// registrationHits are the labelled numbers of the text, in its order; a
// number two labels share ("reģ. nr" in "reģistrācijas nr") is read once,
// and a VAT number ("PVN reģ. nr.") is none.
func (d *doc) registrationHits() []regHit {
	var hits []regHit
	for _, l := range registrationLabels {
		for _, p := range d.find(l) {
			if !atWordStart(d.lower, p) || (!strings.HasSuffix(l, ".") && !atWordEnd(d.lower, p+len(l))) || d.vatBefore(p) {
				continue
			}
			code, s, e := d.codeAfter(p+len(l), l)
			if code != "" {
				hits = append(hits, regHit{code, p, s, e})
			}
		}
	}
	slices.SortStableFunc(hits, func(a, b regHit) int { return cmp.Or(a.start-b.start, a.label-b.label) })
	return slices.CompactFunc(hits, func(a, b regHit) bool { return a.start == b.start })
}

// vatWords name a VAT number, which a label after them ("PVN reģ. nr.",
// "VAT registration number") turns into no company registration number.
var vatWords = []string{"pvn", "pvm", "vat", "ust", "käibemaksukohustuslase", "пдв", "ндс"}

// vatBefore says whether the word before offset p names a VAT number.
func (d *doc) vatBefore(p int) bool {
	head := strings.TrimRight(d.lower[:p], " ")
	for _, w := range vatWords {
		if strings.HasSuffix(head, w) && atWordStart(d.lower, len(head)-len(w)) {
			return true
		}
	}
	return false
}

// maxBlockGap is the most text, in bytes, between one number of a
// requisites block and the next one's label: "ИНН: 1644076378\nКПП:
// 164401001\nОГРН: …" or "ОГРН 1176196046355 от 29 сентября 2017 г.\nИНН".
const maxBlockGap = 100

// sameBlock says whether b, the next number after a, is in a's requisites
// block: near it, with no blank line and no quoted name between, which
// would start another party's block ("…, ИНН 1; ООО «Б», ИНН 2").
func (d *doc) sameBlock(a, b regHit) bool {
	if b.label < a.end || b.label-a.end > maxBlockGap {
		return false
	}
	gap := d.text[a.end:b.label]
	if strings.ContainsAny(gap, "«»“”„\"") {
		return false
	}
	lines := strings.Split(gap, "\n")
	for _, l := range lines[1:max(1, len(lines)-1)] {
		if strings.TrimSpace(l) == "" {
			return false
		}
	}
	return true
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
var codeFillers = []string{"/кпп", "pod numerem", "под номером", "за номером", "numurs", "numeris", "number", "nummer", "nr", "no", "№", "is"}

// fillerOnly reports whether the gap holds nothing but punctuation and
// filler words.
func fillerOnly(gap string) bool {
	for _, f := range codeFillers {
		gap = strings.ReplaceAll(gap, f, "")
	}
	return strings.Trim(gap, " .:,-–—()*") == ""
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }
