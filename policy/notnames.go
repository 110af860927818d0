package policy

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// What stands where a name would and is never one: pronouns and law
// acronyms, a country, a numbered heading, the name of the role itself.

// notNames are capitalised words a policy uses that are not names: law
// acronyms, pronouns and the defined terms of the policy itself.
var notNames = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"gdpr": true, "uk gdpr": true, "bdar": true, "rodo": true, "dsgvo": true, "bdsg": true, "avg": true, "rgpd": true, "ccpa": true, "ico": true,
		"jums": true, "jūs": true, "jūsu": true, "jūsų": true, "ви": true, "вы": true, "ми": true, "мы": true, "we": true, "you": true, "sie": true, "wir": true, "mes": true, "mēs": true,
		"site": true, "website": true, "сайт": true, "компанія": true, "компания": true, "company": true, "оператор": true, "administrator": true, "user": true,
		"користувач": true, "пользователь": true, "lietotājs": true, "naudotojas": true, "użytkownik": true, "nutzer": true, "kasutaja": true, "policy": true,
		"jav": true, "usa": true, "eu": true, "es": true, "ес": true, "єс": true, "сша": true, "eea": true, "eee": true,
		"wer": true, "who": true, "хто": true, "кто": true, "kas": true, "kto": true, "kes": true, "kuras": true, "kurie": true,
		"політика": true, "политика": true, "serwis": true, "uzņēmums": true, "įmonė": true, "mobile app": true, "app": true, "service": true, "services": true,
	}
})

// startsWithRole reports whether a lower-case name opens with a role word
// ("Володілець персональних даних", "Data controller"): a heading or a
// label that names the role, never the party.
func startsWithRole(lower string) bool {
	for _, list := range [][]string{lex().roleControllerWords, lex().roleProcessorWords} {
		for _, w := range list {
			if strings.HasPrefix(lower, w) && atWordEnd(lower, len(w)) {
				return true
			}
		}
	}
	return false
}

// countryStems begin the name of a country in its cases: України,
// Украины, Latvijas, Lietuvos. A country is never the controller.
var countryStems = []string{"україн", "украин", "росі", "росси", "латві", "латви", "литв", "білорус", "беларус", "казахстан", "польщ", "польш",
	"latvij", "lietuv", "eesti", "polsk", "ukrain", "deutschland", "germany", "estonia", "latvia", "lithuania", "poland"}

// isCountryName reports whether a lower-case name is only a country's
// name, in any case ending (a few letters past its stem).
func isCountryName(lower string) bool {
	if countryNames()[lower] {
		return true
	}
	if strings.ContainsAny(lower, " «»“”„\"") {
		return false
	}
	for _, st := range countryStems {
		if strings.HasPrefix(lower, st) && utf8.RuneCountInString(lower)-utf8.RuneCountInString(st) <= 3 {
			return true
		}
	}
	return false
}

// sectionNumbered reports whether s starts with a section number such as
// "3.1.1." or "2.": a heading read as a name.
func sectionNumbered(s string) bool {
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	return i > 1 && s[i-1] == '.' && i < len(s) && s[i] == ' '
}

// listItem reports whether a name is a list item's text: it starts with a
// dash and a space ("— идентификация Пользователя для оформления заказа",
// ru_alice), which no name does.
func listItem(name string) bool {
	name = strings.TrimLeft(name, " ")
	for _, dash := range []string{"- ", "– ", "— "} {
		if strings.HasPrefix(name, dash) {
			return true
		}
	}
	return false
}
