package letters

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// regView is one registration number as an address block prints it: the
// number and the key of its label, chosen by the number's form where the
// form tells (RU-inn, RU-ogrn, RU-ogrnip, UA-edrpou, UA-rnokpp), else the
// company's country (LV, LT …), whose usual number it then is.
type regView struct{ Kind, Number string }

// regs reads a registration field ("3906277134", "ИНН 3906277134, ОГРН
// 1123926065108", "40003052790") into its numbers. A Russian or Ukrainian
// number is labelled by its length, since the policy may give an ИНН where
// the field expects an ОГРН (review 2, M6): 10 or 12 digits are an ИНН,
// 13 an ОГРН, 15 an ОГРНИП; in Ukraine 8 are a код ЄДРПОУ and 10 a
// РНОКПП. The ОГРН (ОГРНИП) comes first, as it names the entity in the
// register.
func regs(reg, country string) []regView {
	var out []regView
	for _, part := range strings.FieldsFunc(reg, func(r rune) bool { return r == ',' || r == ';' }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		digits := strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return r
			}
			return -1
		}, part)
		kind := ""
		switch country + "/" + strconv.Itoa(len(digits)) {
		case "RU/10", "RU/12":
			kind = "RU-inn"
		case "RU/13":
			kind = "RU-ogrn"
		case "RU/15":
			kind = "RU-ogrnip"
		case "UA/8":
			kind = "UA-edrpou"
		case "UA/10":
			kind = "UA-rnokpp"
		}
		if kind != "" {
			// The number's form decides, so a label the policy wrote
			// wrongly ("ОГРН 3906277134") is not copied.
			out = append(out, regView{kind, digits})
			continue
		}
		out = append(out, regView{country, part})
	}
	rank := func(k string) int {
		if k == "RU-ogrn" || k == "RU-ogrnip" {
			return 0
		}
		return 1
	}
	slices.SortStableFunc(out, func(a, b regView) int { return rank(a.Kind) - rank(b.Kind) })
	return out
}

// siteRe is a bare web domain: "lantrase.com.ua".
var siteRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?i)(https?://)?(www\.)?([\p{L}\d-]+\.)+\p{L}{2,}/?$`)
})

// siteOnly says whether a company is known only by its web domain, which
// is no legal person a letter can be addressed to (review 2, M8): the
// letter then goes to the controller of that site, and the person is
// warned to find its legal name.
func siteOnly(name string) (domain string, ok bool) {
	n := strings.TrimSpace(name)
	if strings.ContainsAny(n, " \t") || !siteRe().MatchString(n) {
		return "", false
	}
	n = strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(n), "https://"), "http://")
	return strings.TrimSuffix(strings.TrimPrefix(n, "www."), "/"), true
}

// serviceName is how a letter names the site a person uses: a web
// address is written as its domain, the way siteOnly reads an addressee,
// so "https://www.avast.com/" reads "avast.com" ("I am a customer of
// avast.com"); a product's name stays as written.
func serviceName(s string) string {
	if d, ok := siteOnly(s); ok {
		return d
	}
	return s
}

// entrepreneur splits "ИП Милевский Александр Александрович" into the
// person's name; ok is false for any other addressee.
func entrepreneur(name string) (person string, ok bool) {
	for _, p := range []string{"ИП ", "Индивидуальный предприниматель "} {
		if rest, found := strings.CutPrefix(strings.TrimSpace(name), p); found {
			return strings.TrimSpace(rest), true
		}
	}
	return "", false
}

// ruDative puts a Russian full name (Фамилия Имя Отчество) in the dative,
// as an addressee line to a person takes it ("Индивидуальному
// предпринимателю Милевскому Александру Александровичу", review 2, M7).
// The gender is read from the patronymic; a word whose declension is not
// known stays as written, which reads as an indeclinable name.
func ruDative(full string) string {
	w := strings.Fields(full)
	if len(w) == 0 {
		return full
	}
	female := false
	if len(w) >= 3 {
		female = strings.HasSuffix(w[2], "на")
	}
	for i := range w {
		switch {
		case i == 0 && len(w) > 1:
			w[i] = ruSurnameDative(w[i], female)
		case i == 2:
			w[i] = ruPatronymicDative(w[i])
		default:
			w[i] = ruGivenDative(w[i], female)
		}
	}
	return strings.Join(w, " ")
}

func ruSurnameDative(s string, female bool) string {
	type rule struct{ from, to string }
	male := []rule{{"ский", "скому"}, {"цкий", "цкому"}, {"ой", "ому"}, {"ий", "ому"}, {"ый", "ому"}, {"ов", "ову"}, {"ев", "еву"}, {"ёв", "ёву"}, {"ин", "ину"}, {"ын", "ыну"}}
	fem := []rule{{"ская", "ской"}, {"цкая", "цкой"}, {"ая", "ой"}, {"ова", "овой"}, {"ева", "евой"}, {"ёва", "ёвой"}, {"ина", "иной"}, {"ына", "ыной"}}
	rules := male
	if female {
		rules = fem
	}
	for _, r := range rules {
		if strings.HasSuffix(s, r.from) {
			return strings.TrimSuffix(s, r.from) + r.to
		}
	}
	if female {
		return s // Петренко, Коваль: indeclinable for a woman
	}
	// Other men's surnames ending in a hard consonant take -у.
	if last := []rune(s)[len([]rune(s))-1]; strings.ContainsRune("бвгджзклмнпрстфхцчшщ", last) {
		return s + "у"
	}
	return s
}

func ruGivenDative(s string, female bool) string {
	switch {
	case strings.HasSuffix(s, "ия"):
		return strings.TrimSuffix(s, "я") + "и" // Мария → Марии
	case strings.HasSuffix(s, "а"), strings.HasSuffix(s, "я"):
		r := []rune(s)
		return string(r[:len(r)-1]) + "е" // Анна → Анне, Никита → Никите
	case strings.HasSuffix(s, "й"):
		return strings.TrimSuffix(s, "й") + "ю" // Сергей → Сергею
	case strings.HasSuffix(s, "ь"):
		if female {
			return strings.TrimSuffix(s, "ь") + "и" // Любовь → Любови
		}
		return strings.TrimSuffix(s, "ь") + "ю" // Игорь → Игорю
	case female:
		return s
	}
	if last := []rune(s)[len([]rune(s))-1]; strings.ContainsRune("бвгджзклмнпрстфхцчшщ", last) {
		return s + "у"
	}
	return s
}

func ruPatronymicDative(s string) string {
	switch {
	case strings.HasSuffix(s, "ич"):
		return s + "у"
	case strings.HasSuffix(s, "на"):
		return strings.TrimSuffix(s, "а") + "е"
	}
	return s
}

// dropNameLine leaves out an address's first part when it only repeats
// the addressee's name ("AITEMA GmbH" over "AITEMA GmbH i.G., …"), so the
// envelope does not name the company twice (review 2, L10).
func dropNameLine(name, addr string) string {
	name = strings.TrimSpace(name)
	sep := ","
	if strings.Contains(addr, "\n") {
		sep = "\n"
	}
	first, rest, ok := strings.Cut(addr, sep)
	if name == "" || !ok || strings.TrimSpace(rest) == "" {
		return addr
	}
	if f := strings.ToLower(strings.TrimSpace(first)); strings.HasPrefix(f, strings.ToLower(name)) && !strings.ContainsAny(f, "0123456789") {
		return strings.TrimSpace(rest)
	}
	return addr
}

// toEntities addresses a company known by a brand to the legal entities
// its policy names behind it: "NETRACK" with "ООО «Старт»" and "ООО
// «Серверные Решения»" becomes "ООО «Старт», ООО «Серверные Решения»
// (NETRACK)". A brand is no operator (152-FZ Art. 3(2)) nor controller
// (Art. 4(7) GDPR), and a complaint needs the operator's legal name
// (letters-review 2, B3). A name that carries a legal form ("Costless
// Ukraine, LLC") is the controller itself and stays.
func toEntities(to Recipient) Recipient {
	var named []string
	for _, e := range to.Entities {
		if e = norm.NFC.String(strings.TrimSpace(e)); e != "" && !slices.Contains(named, e) {
			named = append(named, e)
		}
	}
	if len(named) == 0 || hasLegalForm(to.Name) || slices.Contains(named, to.Name) {
		return to
	}
	if to.Brand == "" {
		to.Brand = to.Name
	}
	to.Name = strings.Join(named, ", ")
	return to
}

// withControllers keeps of to.Controllers each name once, in the text's
// normal form, leaving out any the addressee line names already (its
// name, brand or entities): a controller is not named twice.
func withControllers(to Recipient) Recipient {
	key := func(s string) string { return strings.ToLower(norm.NFC.String(strings.TrimSpace(s))) }
	seen := map[string]bool{key(to.Name): true, key(to.Brand): true, "": true}
	for _, e := range to.Entities {
		seen[key(e)] = true
	}
	var out []string
	for _, c := range to.Controllers {
		if !seen[key(c)] {
			seen[key(c)] = true
			out = append(out, norm.NFC.String(strings.TrimSpace(c)))
		}
	}
	to.Controllers = out
	return to
}

// legalForms are the abbreviations and words of the legal forms a
// company's name carries in the states Prava writes to, and the usual
// foreign ones. They are matched as whole words.
var legalForms = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Fields(`ооо оао зао пао ао нао ип пбоюл тов прат пат ат пп фоп дп кп
		общество товариство предприниматель підприємець компания корпорация
		sia as ps ks ik uab ab mb iį všį
		llc l.l.c. ltd ltd. limited inc inc. corp corp. corporation co. plc llp lp
		gmbh ag kg se sa s.a. sas sarl s.l. bv b.v. nv n.v. oy oyj aps a/s oü sp. s.r.o.`) {
		m[f] = true
	}
	return m
})

// hasLegalForm says whether a name carries a legal form ("ООО «Старт»",
// "SIA “LatInSoft”", "Costless Ukraine, LLC"), so it names a legal
// person rather than a brand ("NETRACK").
func hasLegalForm(name string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '/'
	}) {
		if legalForms()[w] || legalForms()[strings.TrimSuffix(w, ".")] {
			return true
		}
	}
	return false
}
