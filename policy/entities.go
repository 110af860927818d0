package policy

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// entity is a legal person named in the text.
type entity struct {
	name       string // as written: SIA “LatInSoft”, Planfix, Inc.
	core       string // the name without its legal form: LatInSoft, Planfix
	start, end int
	legalForm  bool
}

// prefixForms stand before a company's name: ООО «Старт», SIA “LatInSoft”.
var prefixForms = []string{
	"ООО", "ОАО", "ЗАО", "ПАО", "АО", "НАО", "АНО", "ИП", "ФГУП", "ГУП", "МУП", "НКО", "ТОО",
	"ТОВ", "ТзОВ", "ПП", "ПрАТ", "ПАТ", "АТ", "ФОП", "ДП", "КП", "ТДВ", "ГО", "БО",
	"SIA", "AS", "VAS", "IK", "UAB", "AB", "MB", "VšĮ", "VĮ", "IĮ", "OÜ", "MTÜ",
	"Общество с ограниченной ответственностью", "Акционерное общество", "Публичное акционерное общество",
	"Товариство з обмеженою відповідальністю", "Приватне підприємство", "Акціонерне товариство", "Фізична особа-підприємець",
	"Sabiedrība ar ierobežotu atbildību", "Akciju sabiedrība", "Uždaroji akcinė bendrovė", "Akcinė bendrovė",
	// Public bodies, foundations and associations, named by their kind.
	"Громадська організація", "Благодійна організація", "Благодійний фонд", "Nodibinājums", "Biedrība", "Fundacja", "Stowarzyszenie",
	"Viešoji įstaiga", "Asociacija", "Sihtasutus", "Mittetulundusühing",
	"ФОНД", "Фонд", "МБУЗ", "ГБУЗ", "ГАУЗ", "МБУ", "ГБУ", "МАУ", "МКУ", "ФГБУ", "ФГБОУ", "ГБОУ", "МБОУ", "МАОУ", "НПП", "НПФ", "ЧУ", "ЧОУ",
	"КНП", "КП", "КЗ", "ДЗ",
}

// quotedOnlyForms name a kind of body that is also an ordinary word or
// too short to trust alone: they make a name only before a quoted one
// (ФОНД «Выпускники», МБУЗ «Поликлиника № 2»).
var quotedOnlyForms = sync.OnceValue(func() map[string]bool {
	return map[string]bool{"ФОНД": true, "Фонд": true, "МБУ": true, "ГБУ": true, "МАУ": true, "МКУ": true, "НПП": true, "НПФ": true,
		"ЧУ": true, "ЧОУ": true, "КНП": true, "КЗ": true, "ДЗ": true, "Biedrība": true, "Asociacija": true}
})

// genericLead are words that may stand before a name but are not part of it.
var genericLead = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"the": true, "company": true, "компанія": true, "компания": true, "оператор": true, "operator": true, "controller": true,
		"our": true, "we": true, "by": true, "and": true, "of": true, "і": true, "и": true, "та": true, "uzņēmums": true, "įmonė": true,
		"bendrovė": true, "firma": true, "die": true, "der": true, "von": true, "is": true, "are": true, "з": true, "с": true,
	}
})

// shoutedWords follow "AS" in capitalised English ("PROVIDED AS IS"), where
// it is not the Baltic legal form.
var shoutedWords = sync.OnceValue(func() map[string]bool {
	return map[string]bool{"IS": true, "AND": true, "THE": true, "OF": true, "TO": true, "A": true, "AN": true, "OR": true,
		"FOR": true, "WITH": true, "WELL": true, "SOON": true, "LONG": true, "PER": true, "MUCH": true, "FAR": true, "AVAILABLE": true}
})

// findEntities returns the legal entities named in the text.
func (d *doc) findEntities() []entity {
	var out []entity
	for _, form := range prefixForms {
		caseMatters := utf8.RuneCountInString(form) <= 4
		for _, p := range d.find(strings.ToLower(form)) {
			if caseMatters && !strings.HasPrefix(d.text[p:], form) || !atWordStart(d.text, p) || !atWordEnd(d.text, p+len(form)) {
				continue
			}
			if e, ok := d.prefixEntity(p, p+len(form), quotedOnlyForms()[form]); ok {
				out = append(out, e)
			}
		}
	}
	for _, form := range suffixForms {
		for _, p := range d.find(strings.ToLower(form)) {
			if !strings.HasPrefix(d.text[p:], form) {
				continue
			}
			end := p + len(form)
			if !atWordStart(d.text, p) || (!strings.HasSuffix(form, ".") && !atWordEnd(d.text, end)) {
				continue
			}
			if e, ok := d.suffixEntity(p, end); ok {
				out = append(out, e)
			}
		}
	}
	return dedupeEntities(out)
}

// prefixEntity reads the name after a legal form at [p, formEnd). A
// second form may stand between them (ООО НПП «X»); a quotedOnly form
// needs a quoted name.
func (d *doc) prefixEntity(p, formEnd int, quotedOnly bool) (entity, bool) {
	i := formEnd
	for i < len(d.text) && d.text[i] == ' ' {
		i++
	}
	if i >= len(d.text) || i-formEnd > 2 {
		return entity{}, false
	}
	if j := d.stackedForm(i); j > i {
		i = j
	}
	r, n := utf8.DecodeRuneInString(d.text[i:])
	if quotedOnly && closingQuote(r) == "" {
		return entity{}, false
	}
	if closeQ := closingQuote(r); closeQ != "" {
		j := i + n
		k := quoteClose(d.text[j:min(len(d.text), j+120)], r, closeQ)
		if k <= 0 {
			return entity{}, false
		}
		core := strings.TrimSpace(d.text[j : j+k])
		_, qn := utf8.DecodeRuneInString(d.text[j+k:])
		end := j + k + qn
		if core == "" || strings.ContainsRune(core, '\n') {
			return entity{}, false
		}
		return entity{name: d.text[p:end], core: core, start: p, end: end, legalForm: true}, true
	}
	// Unquoted: up to three capitalised words (SIA Tet, UAB Bitė Lietuva).
	end, words, last := i, 0, i
	for words < 3 {
		ws, we := end, end
		for ws < len(d.text) && d.text[ws] == ' ' && words > 0 {
			ws++
		}
		r, _ := utf8.DecodeRuneInString(d.text[ws:])
		if ws >= len(d.text) || !unicode.IsUpper(r) {
			break
		}
		we = ws
		for we < len(d.text) {
			r, n := utf8.DecodeRuneInString(d.text[we:])
			if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '&') {
				break
			}
			we += n
		}
		if we == ws {
			break
		}
		end, words, last = we, words+1, ws
	}
	if words > 1 {
		end = d.initialsAfter(last, end)
	}
	if words == 0 {
		// A long form, a kind in lower case, then the quoted name:
		// "Товариство з обмеженою відповідальністю виробниче підприємство «X»".
		if qs, qe := d.quotedAfterWords(formEnd); qe > formEnd {
			return entity{name: d.text[p:qe], core: d.text[qs:qe], start: p, end: qe, legalForm: true}, true
		}
		return entity{}, false
	}
	if shoutedWords()[strings.Fields(d.text[i:end])[0]] {
		return entity{}, false
	}
	if words == 1 && isPronoun(d.text[i:end]) {
		return entity{}, false // "SIA Jums nosūtīs atbildi": you, not a company
	}
	if qs, qe := d.quotedAfterWords(end); qe > end {
		// "… Научно-производственное предприятие «Северный ветер»": the
		// quoted name closes the whole.
		return entity{name: d.text[p:qe], core: d.text[qs:qe], start: p, end: qe, legalForm: true}, true
	}
	end = d.toHead(end)
	core := d.text[i:end]
	return entity{name: d.text[p:end], core: core, start: p, end: end, legalForm: true}, true
}

// initialsAfter extends a name whose last word, at [last, end), is a
// capital initial to the initials that follow it: "ИП Ванюшкин И.С.", not
// "ИП Ванюшкин И", and to "И.С" where the last dot is left out. A word
// that is no single capital is left as it is.
func (d *doc) initialsAfter(last, end int) int {
	for k := 0; k < 3; k++ {
		r, n := utf8.DecodeRuneInString(d.text[last:])
		if last+n != end || !unicode.IsUpper(r) || end >= len(d.text) || d.text[end] != '.' {
			return end
		}
		end++ // the initial's dot
		next := end
		if next < len(d.text) && d.text[next] == ' ' {
			next++
		}
		r, n = utf8.DecodeRuneInString(d.text[next:])
		if !unicode.IsUpper(r) {
			return end
		}
		if after, _ := utf8.DecodeRuneInString(d.text[next+n:]); next+n < len(d.text) && unicode.IsLetter(after) {
			return end // "И. Сказал": a word, not an initial
		}
		last, end = next, next+n // "И.С и К": the last dot may be missing
	}
	return end
}

// stackedForm returns where the quoted name starts when a short legal
// form at i stands before it (the НПП of ООО НПП «X»), else i.
func (d *doc) stackedForm(i int) int {
	j := i
	for j < len(d.text) && j-i <= 20 {
		r, n := utf8.DecodeRuneInString(d.text[j:])
		if !unicode.IsUpper(r) {
			break
		}
		j += n
	}
	word := d.text[i:j]
	if j == i || utf8.RuneCountInString(word) > 5 || !isShortForm(word) {
		return i
	}
	k := j
	for k < len(d.text) && d.text[k] == ' ' {
		k++
	}
	if r, _ := utf8.DecodeRuneInString(d.text[k:]); k-j <= 2 && closingQuote(r) != "" {
		return k
	}
	return i
}

// isShortForm reports whether w is a legal form written as capitals.
func isShortForm(w string) bool {
	for _, f := range prefixForms {
		if f == w {
			return true
		}
	}
	return false
}

// quoteClose returns where in s (which follows the opening quote open)
// the quote closes, or -1. Guillemets nest, as Russian and Ukrainian
// write a quoted name inside a quoted name: in «НПП «Северный ветер»» the
// second » closes. An unbalanced inner « falls back to the first ».
func quoteClose(s string, open rune, closeQ string) int {
	first := strings.IndexAny(s, closeQ)
	if open != '«' || first < 0 || !strings.ContainsRune(s[:first], '«') {
		return first
	}
	depth := 1
	for k, r := range s {
		switch r {
		case '«':
			depth++
		case '»':
			if depth--; depth == 0 {
				return k
			}
		case '\n':
			return first
		}
	}
	return first
}

func closingQuote(r rune) string {
	switch r {
	case '«':
		return "»"
	case '“':
		return "”“"
	case '„':
		return "“”"
	case '"':
		return "\"”"
	case '\'':
		return "'’"
	case '‘':
		return "’"
	}
	return ""
}

// dedupeEntities drops repeats and entities inside longer ones. It sorts
// by position and sweeps once, so that a text of thousands of names costs
// n log n, not n².
func dedupeEntities(list []entity) []entity {
	sort.Slice(list, func(i, j int) bool {
		if list[i].start != list[j].start {
			return list[i].start < list[j].start
		}
		return list[i].end > list[j].end
	})
	var out []entity
	lastEnd := -1
	for _, e := range list {
		if e.end <= lastEnd {
			continue // inside the previous, longer one
		}
		if len(out) > 0 && e.start < lastEnd {
			continue // overlaps the previous one: keep the first
		}
		lastEnd = e.end
		if !isThirdParty(e.core) {
			out = append(out, e)
		}
	}
	return out
}

func isThirdParty(name string) bool {
	lower := strings.ToLower(name)
	for _, t := range thirdPartyNames {
		if strings.HasPrefix(lower, t) {
			return true
		}
	}
	return false
}

// thirdPartyNames mark an address that belongs to a service provider.
var thirdPartyNames = []string{"google", "facebook", "meta platforms", "microsoft", "apple", "amazon", "yandex", "яндекс", "twitter", "linkedin", "hotjar", "cloudflare", "paypal", "stripe"}
