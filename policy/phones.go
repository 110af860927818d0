package policy

import (
	"strings"
)

// phoneRe matches a phone number as written: an optional +, then digits
// with spaces, dashes, dots or brackets between them.
var phoneRe = lazyRegexp(`\+?\(?\d[\d \-\(\)\.]{5,22}\d`)

// phoneWords introduce a phone number. A number counts as a phone only after
// one of these or when it starts with "+", so dates, postcodes and company
// codes are not taken for phones.
var phoneWords = []string{"tel", "тел", "phone", "tālr", "telefon", "телефон", "mob", "моб", "hotline", "гаряч", "горяч", "gsm", "puh", "call us"}

// findPhones returns phone numbers, normalised to E.164 where the country
// can be told from the number or from the jurisdiction's calling code.
func (d *doc) findPhones(callingCode string) ([]string, []Evidence) {
	var phones []string
	var ev []Evidence
	seen := map[int]bool{}
	try := func(from, to int, needPlus bool) {
		for _, m := range phoneRe().FindAllStringIndex(d.text[from:to], -1) {
			start, end := from+m[0], from+m[1]
			raw := d.text[start:end]
			if seen[start] || (needPlus && raw[0] != '+') || (start > 0 && (isWordByte(d.text[start-1]) || d.text[start-1] == '-' || d.text[start-1] == '/')) {
				continue
			}
			if end < len(d.text) && (isWordByte(d.text[end]) && d.text[end] < 0x80) {
				continue
			}
			num, ok := normalizePhone(raw, callingCode)
			if !ok {
				continue
			}
			seen[start] = true
			before := len(phones)
			phones = uniqueAppend(phones, num)
			if len(phones) > before {
				ev = append(ev, d.evidence("phones", num, start, end))
			}
		}
	}
	for _, p := range indexAll(d.text, "+") {
		if p+1 < len(d.text) && (d.text[p+1] >= '0' && d.text[p+1] <= '9' || d.text[p+1] == '(' || d.text[p+1] == ' ') {
			try(p, min(len(d.text), p+30), true)
		}
	}
	for _, w := range phoneWords {
		for _, p := range d.find(w) {
			if !atWordStart(d.lower, p) {
				continue
			}
			from, to := d.window(p, 0, 80)
			try(from, to, false)
		}
	}
	return sortByOffset(phones, ev, "phones"), ev
}

// normalizePhone returns +digits for a plausible phone number.
func normalizePhone(raw, callingCode string) (string, bool) {
	if looksLikeDate(raw) {
		return "", false
	}
	var digits strings.Builder
	for i := 0; i < len(raw); i++ {
		if raw[i] >= '0' && raw[i] <= '9' {
			digits.WriteByte(raw[i])
		}
	}
	n := digits.String()
	if strings.HasPrefix(strings.TrimSpace(raw), "+") {
		if len(n) < 8 || len(n) > 15 {
			return "", false
		}
		return "+" + n, true
	}
	if len(n) < 7 || len(n) > 15 {
		return "", false
	}
	switch {
	case strings.HasPrefix(n, "00") && len(n) > 10:
		return "+" + n[2:], true
	case len(n) == 12 && strings.HasPrefix(n, "380"), len(n) == 11 && (strings.HasPrefix(n, "371") || strings.HasPrefix(n, "370") || strings.HasPrefix(n, "372")):
		return "+" + n, true
	case len(n) == 11 && strings.HasPrefix(n, "7"):
		return "+" + n, true
	case len(n) == 11 && strings.HasPrefix(n, "8") && callingCode == "7":
		return "+7" + n[1:], true
	case len(n) == 10 && strings.HasPrefix(n, "0") && callingCode == "380":
		return "+38" + n, true
	case len(n) == 9 && strings.HasPrefix(n, "8") && callingCode == "370":
		return "+370" + n[1:], true
	case len(n) >= 9 && len(n) <= 11 && n[0] == '0' && callingCode != "" && callingCode != "371" && callingCode != "370":
		// A national number with its trunk 0: drop it after the country code.
		return "+" + callingCode + n[1:], true
	case len(n) == 8 && callingCode == "371", (len(n) == 7 || len(n) == 8) && callingCode == "372":
		return "+" + callingCode + n, true
	}
	// Unknown country: keep the number readable as written.
	return strings.Join(strings.Fields(raw), " "), true
}

// looksLikeDate rejects 12.05.2023, 2023-05-12 and similar.
func looksLikeDate(s string) bool {
	parts := strings.FieldsFunc(strings.TrimSpace(s), func(r rune) bool { return r == '.' || r == '-' || r == '/' })
	if len(parts) != 3 {
		return false
	}
	for _, p := range parts {
		if !isDigits(p) || len(p) > 4 {
			return false
		}
	}
	return len(parts[0]) == 4 || len(parts[2]) == 4
}
