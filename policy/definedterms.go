package policy

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A policy capitalises the people it speaks of as defined terms:
// "Клієнт", "Користувач", "Client", "the User", "Klients". Such a term is
// no party, even where the text makes it one: "Цей Клієнт є Контролером
// усієї інформації" (seed 004) names no company beside the controller.
// Two rules catch them, neither bound to one policy: a name made only of
// words for a person in a role and pointing words (this, цей, šis), and a
// name that is a term the policy's glossary defines as a kind of person
// ("”Клієнт” — це фізична чи юридична особа, яка…").

// roleNounStems begin the words for the people a policy serves, in each
// language the reader knows; a few letters of case ending may follow.
var roleNounStems = []string{
	"client", "customer", "user", "visitor", "buyer", "purchaser", "subscriber", "member", "participant", "consumer", "applicant", "patient", "guest",
	"клієнт", "користувач", "відвідувач", "покупець", "покупц", "замовник", "абонент", "учасник", "споживач", "пацієнт",
	"клиент", "пользовател", "посетител", "покупател", "заказчик", "участник", "потребител", "пациент",
	"klient", "lietotāj", "apmeklētāj", "pircēj", "pasūtītāj", "abonent", "dalībniek", "patērētāj", "pacient",
	"naudotoj", "vartotoj", "lankytoj", "pirkėj", "užsakov", "dalyv",
	"użytkownik", "usługobiorc", "uczestnik", "konsument", "pacjent",
	"kunde", "kunden", "nutzer", "benutzer", "besucher", "käufer", "abonnent", "teilnehmer", "verbraucher",
	"kasutaja", "külastaja", "ostja", "tellija", "osaleja", "tarbija", "patsient",
}

// pointingWords stand before a defined term and name nothing themselves:
// "this Client", "Цей Клієнт", "Šis Lietotājs", "Selles olukorras".
var pointingWords = sync.OnceValue(func() map[string]bool {
	return fieldSet(`this that these those such the each any every
	цей ця це ці цього цієї цьому цим такий така таке такого кожен кожний будь-який даний зазначений відповідний
	этот эта это эти этого этой этому таким такой такая такое каждый любой данный данная указанный соответствующий
	šis šī šā šo šie šīs tas tā attiecīgais attiecīgā katrs
	ši šio šios šiam tam ta kiekvienas atitinkamas
	ten tego tej każdy dany taki
	dieser diese dieses diesem diesen jeder jede jedes
	see selle selles need iga vastav`)
})

// fieldSet is the set of the space-separated words of s.
func fieldSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// isRoleNoun says whether a lower-case word is a word for a person the
// policy serves, in any case ending: "клієнтом", "users", "klientam".
func isRoleNoun(lower string) bool {
	for _, st := range roleNounStems {
		if strings.HasPrefix(lower, st) && utf8.RuneCountInString(lower)-utf8.RuneCountInString(st) <= 3 {
			return true
		}
	}
	return false
}

// onlyRoleWords says whether a name is made of role nouns and pointing
// words alone: "Цей Клієнт", "the User", "Selles" ("in this").
func onlyRoleWords(bare string) bool {
	n := 0
	for _, w := range strings.Fields(strings.ToLower(bare)) {
		if w = strings.Trim(w, "«»“”„\"'‘’.,:;()"); w == "" {
			continue
		}
		if !isRoleNoun(w) && !pointingWords()[w] {
			return false
		}
		n++
	}
	return n > 0
}

// glossaryLine is a glossary entry: a quoted term opening a line (after a
// bullet or a number), a dash or "means", and the start of its definition.
var glossaryLine = lazyRegexp(`(?m)^[ \t•*·\-–—\d.)]*[«“”"„'‘]([^«»“”"„'‘’\n]{2,40})[»“”"'’]\s*(?:\([^)\n]{0,40}\)\s*)?(?:[—–:-]|means|означає|означает|reiškia|nozīmē|oznacza|bezeichnet|tähendab)\s*([^\n]{0,90})`)

// personWords, in a definition's first words, make the term a kind of
// person: "фізична чи юридична особа", "any person who", "fiziskā persona".
var personWords = []string{"особа", "особу", "особи", "лицо", "лица", "person", "persona", "personas", "asmuo", "asmenį", "asmenys", "osoba", "osoby", "isik", "суб'єкт", "суб’єкт", "субъект"}

// glossaryPersons reads the terms the policy's glossary defines as kinds
// of persons and also writes in lower case as common nouns ("клієнта"),
// once per text. A brand defined as a legal person ("«Planfix» —
// юридична особа") is written in lower case only in its web address, and
// stays a name.
func (d *doc) glossaryPersons() []string {
	if d.glossaryRead {
		return d.glossary
	}
	d.glossaryRead = true
	for _, m := range glossaryLine().FindAllStringSubmatchIndex(d.text, -1) {
		term, def := d.text[m[2]:m[3]], d.lower[m[4]:m[5]]
		if !hasWordFrom(def, personWords) || !d.writtenLower(term) {
			continue
		}
		d.glossary = append(d.glossary, strings.ToLower(strings.TrimSpace(term)))
	}
	return d.glossary
}

// writtenLower says whether the text writes a term's first word in lower
// case as a plain word (in any ending), not in a web or e-mail address.
func (d *doc) writtenLower(term string) bool {
	first, _, _ := strings.Cut(strings.TrimSpace(term), " ")
	r := []rune(first)
	if len(r) < 4 || !unicode.IsUpper(r[0]) {
		return false
	}
	stem := strings.ToLower(string(r[:max(4, len(r)-2)]))
	for _, p := range indexAll(d.text, stem) {
		e := p + len(stem)
		for e < len(d.text) && isWordByte(d.text[e]) {
			e++
		}
		if atWordStart(d.text, p) && !inAddress(d.text, p, e) {
			return true
		}
	}
	return false
}

// definedPerson says whether a name, past its pointing words, is a term
// the glossary defines as a kind of person, in any case ending of its
// words: "Цей Клієнт", "Кінцевому користувачу".
func (d *doc) definedPerson(bare string) bool {
	var words []string
	for _, w := range strings.Fields(strings.ToLower(bare)) {
		if w = strings.Trim(w, "«»“”„\"'‘’.,:;()"); w != "" && (len(words) > 0 || !pointingWords()[w]) {
			words = append(words, w)
		}
	}
	for _, t := range d.glossaryPersons() {
		if sameWords(words, strings.Fields(t)) {
			return true
		}
	}
	return false
}

// sameWords says whether two lists of lower-case words are the same words
// up to their case endings (three letters at most).
func sameWords(a, b []string) bool {
	if len(a) == 0 || len(a) != len(b) {
		return false
	}
	for i := range a {
		ra, rb := []rune(a[i]), []rune(b[i])
		n := 0
		for n < len(ra) && n < len(rb) && ra[n] == rb[n] {
			n++
		}
		if n < 3 || max(len(ra), len(rb))-n > 3 {
			return false
		}
	}
	return true
}

// conjunctions join a party to the person it deals with: "между ИП
// Ванюшкин И.С и Клиентом", "between X and the Client".
var conjunctions = []string{"и", "і", "й", "та", "and", "un", "ir", "i", "und", "ja", "oraz"}

// trimRoleTail drops from a name a tail that joins it to a defined term
// ("ИП Ванюшкин И.С и Клиентом" → "ИП Ванюшкин И.С"): the term is no part
// of the name, and a name read up to it would be taken for the fuller one.
func trimRoleTail(name string) string {
	f := strings.Fields(name)
	for i := len(f) - 2; i >= 1; i-- {
		if slices.Contains(conjunctions, strings.ToLower(f[i])) {
			if onlyRoleWords(strings.Join(f[i+1:], " ")) {
				return strings.Join(f[:i], " ")
			}
			break
		}
	}
	return name
}
