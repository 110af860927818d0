package policy

import (
	"strings"
	"sync"
)

// A lexicon holds the words one language uses for what the party and term
// readers look for. Each language has its own file (lexicon_uk.go,
// lexicon_de.go, …) whose function lexicons lists, so supporting another
// language is one file plus its line there and in
// TestLexiconsFillEveryField. The
// readers use the union of all lexicons: policies mix languages (a Russian
// text quoting a Latvian register, an English page of a Polish firm).
type lexicon struct {
	lang string // ISO 639-1 code

	// controllerRoles name the data controller: володілець, pārzinis,
	// Verantwortlicher. They mark a party as controller when they label
	// it ("Controller: X"), head its block, or join it with a copula.
	controllerRoles []string
	// processorLabels are the role nouns of a processor that label a
	// party: "Розпорядник: X", "Processor: X". A company may use them for
	// itself by mistake (see parties.go).
	processorLabels []string
	// processorRoles name a processor or a service provider: обробник,
	// Auftragsverarbeiter, hosting, payment, analytics, "we use".
	processorRoles []string
	// recipientRoles name a recipient the company passes data to:
	// a courier, a bank, "we share … with".
	recipientRoles []string
	// platformRoles name a platform, a messenger or a social network the
	// company only uses.
	platformRoles []string
	// authorityRoles name a supervisory authority or a court.
	authorityRoles []string
	// registryRoles name a state register a company is entered in.
	registryRoles []string
	// copulas join a role word and a name: "is", "є", "является", "yra".
	copulas []string
	// weWords are how the company calls itself in a definition such as
	// (далі — «ми»).
	weWords []string
	// weAre introduce the company by name: "We are X", "Ми — X".
	weAre []string
	// iAm is the first person singular, with which a private person
	// introduces themself: "I, Jane Doe, …", "Я, Іван Петренко, …".
	iAm []string
	// owners introduce who owns or runs the site, before the name:
	// "operated by X", "належить X", "betrieben von X".
	owners []string
	// selfIntro are verbs a company opens a policy with, after its name:
	// "X respects your privacy", "X поважає вашу приватність".
	selfIntro []string
	// soleTraders are the forms of a natural person in business:
	// ФОП, индивидуальный предприниматель, Einzelunternehmer.
	soleTraders []string
	// persons introduce a private person: фізична особа, fizinis asmuo.
	persons []string
	// contactHeadings head a block of the company's requisites:
	// Контакти, Impressum, Kontaktinformācija.
	contactHeadings []string
	// pronouns are the personal pronouns, lower-case, that a sentence may
	// put right after a short legal form: "SIA Jums nosūtīs atbildi" is
	// the company answering you, not a company called Jums.
	pronouns []string
	// headNouns are the stems of the head words of a body's name (centras,
	// університет, skola) that Baltic and Slavic names write in sentence
	// case: the name runs on in lower case up to its head, "VšĮ Jaunimo
	// sporto centras", "Львівський державний університет". A stem matches a
	// word that adds at most three letters (an inflection) to it.
	headNouns []string
	// numbers are spelled-out numbers of days, months or working days
	// in their common cases.
	numbers map[string]int
}

// lexicons are the languages Prava reads, in a fixed order: the unions
// below keep it, so that a word two languages share is matched the same
// way in every run.
func lexicons() []*lexicon {
	return []*lexicon{lexiconCs(), lexiconDe(), lexiconEn(), lexiconEt(), lexiconLt(), lexiconLv(), lexiconPl(), lexiconRu(), lexiconUk()}
}

// lexiconUnion holds the unions of every lexicon's lists, lower-cased:
// the readers use them all at once (see lexicon).
type lexiconUnion struct {
	all                 []*lexicon
	roleControllerWords []string
	roleProcessorWords  []string
	processorLabelWords []string
	rolePlatformWords   []string
	roleRecipientWords  []string
	roleAuthorityWords  []string
	roleRegistryWords   []string
	copulaWords         []string
	weWordSet           map[string]bool
	selfIntroWords      []string
	weAreWords          []string
	ownerWords          []string
	iAmWords            []string
	soleTraderWords     []string
	personWords         []string
	contactHeadingWords []string
	pronounSet          map[string]bool
	headNounStems       []string
	numberWords         map[string]int // baseNumberWords and each language's numbers
}

// lex is the union of the lexicons, built on first use and not at start:
// a command that reads no policy should not pay for it.
var lex = sync.OnceValue(func() *lexiconUnion {
	u := &lexiconUnion{weWordSet: map[string]bool{}, pronounSet: map[string]bool{}, numberWords: baseNumberWords()}
	lower := func(ws []string) []string {
		out := make([]string, len(ws))
		for i, w := range ws {
			out[i] = strings.ToLower(w)
		}
		return out
	}
	for _, l := range lexicons() {
		u.all = append(u.all, l)
		u.roleControllerWords = append(u.roleControllerWords, lower(l.controllerRoles)...)
		u.roleProcessorWords = append(u.roleProcessorWords, lower(l.processorRoles)...)
		u.processorLabelWords = append(u.processorLabelWords, lower(l.processorLabels)...)
		u.rolePlatformWords = append(u.rolePlatformWords, lower(l.platformRoles)...)
		u.roleRecipientWords = append(u.roleRecipientWords, lower(l.recipientRoles)...)
		u.roleAuthorityWords = append(u.roleAuthorityWords, lower(l.authorityRoles)...)
		u.roleRegistryWords = append(u.roleRegistryWords, lower(l.registryRoles)...)
		u.copulaWords = append(u.copulaWords, lower(l.copulas)...)
		for _, w := range l.weWords {
			u.weWordSet[strings.ToLower(w)] = true
		}
		u.selfIntroWords = append(u.selfIntroWords, lower(l.selfIntro)...)
		u.weAreWords = append(u.weAreWords, lower(l.weAre)...)
		u.ownerWords = append(u.ownerWords, lower(l.owners)...)
		u.iAmWords = append(u.iAmWords, lower(l.iAm)...)
		u.soleTraderWords = append(u.soleTraderWords, lower(l.soleTraders)...)
		u.personWords = append(u.personWords, lower(l.persons)...)
		u.contactHeadingWords = append(u.contactHeadingWords, lower(l.contactHeadings)...)
		for _, w := range l.pronouns {
			u.pronounSet[strings.ToLower(w)] = true
		}
		u.headNounStems = append(u.headNounStems, lower(l.headNouns)...)
		for w, n := range l.numbers {
			u.numberWords[strings.ToLower(w)] = n
		}
	}
	return u
})

// keywords are the union's words the keyword index must find.
func (u *lexiconUnion) keywords() [][]string {
	return [][]string{u.roleControllerWords, u.processorLabelWords, u.weAreWords, u.ownerWords, u.soleTraderWords,
		u.personWords, u.selfIntroWords, u.contactHeadingWords}
}
