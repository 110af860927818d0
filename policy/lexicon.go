package policy

import "strings"

// A lexicon holds the words one language uses for what the party and term
// readers look for. Each language has its own file (lexicon_uk.go,
// lexicon_de.go, …) that calls addLexicon from init, so supporting another
// language is one file plus its line in TestLexiconsFillEveryField. The
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
	// numbers are spelled-out numbers of days, months or working days
	// in their common cases.
	numbers map[string]int
}

// lexicons are the languages registered, in the order their files ran.
var lexicons []*lexicon

// Unions of every lexicon's lists, kept up to date by addLexicon.
var (
	roleControllerWords []string
	roleProcessorWords  []string
	processorLabelWords []string
	rolePlatformWords   []string
	roleRecipientWords  []string
	roleAuthorityWords  []string
	roleRegistryWords   []string
	copulaWords         []string
	weWordSet           = map[string]bool{}
	selfIntroWords      []string
	weAreWords          []string
	ownerWords          []string
	iAmWords            []string
	soleTraderWords     []string
	personWords         []string
	contactHeadingWords []string
)

// addLexicon registers a language's words with the readers and the
// keyword index.
func addLexicon(l *lexicon) {
	lexicons = append(lexicons, l)
	lower := func(ws []string) []string {
		out := make([]string, len(ws))
		for i, w := range ws {
			out[i] = strings.ToLower(w)
		}
		return out
	}
	roleControllerWords = append(roleControllerWords, lower(l.controllerRoles)...)
	roleProcessorWords = append(roleProcessorWords, lower(l.processorRoles)...)
	processorLabelWords = append(processorLabelWords, lower(l.processorLabels)...)
	rolePlatformWords = append(rolePlatformWords, lower(l.platformRoles)...)
	roleRecipientWords = append(roleRecipientWords, lower(l.recipientRoles)...)
	roleAuthorityWords = append(roleAuthorityWords, lower(l.authorityRoles)...)
	roleRegistryWords = append(roleRegistryWords, lower(l.registryRoles)...)
	copulaWords = append(copulaWords, lower(l.copulas)...)
	for _, w := range l.weWords {
		weWordSet[strings.ToLower(w)] = true
	}
	selfIntroWords = append(selfIntroWords, lower(l.selfIntro)...)
	weAreWords = append(weAreWords, lower(l.weAre)...)
	ownerWords = append(ownerWords, lower(l.owners)...)
	iAmWords = append(iAmWords, lower(l.iAm)...)
	soleTraderWords = append(soleTraderWords, lower(l.soleTraders)...)
	personWords = append(personWords, lower(l.persons)...)
	contactHeadingWords = append(contactHeadingWords, lower(l.contactHeadings)...)
	for w, n := range l.numbers {
		numberWords[strings.ToLower(w)] = n
	}
	registerKeywords(roleControllerWords...)
	registerKeywords(processorLabelWords...)
	registerKeywords(weAreWords...)
	registerKeywords(ownerWords...)
	registerKeywords(soleTraderWords...)
	registerKeywords(personWords...)
	registerKeywords(selfIntroWords...)
	registerKeywords(contactHeadingWords...)
}
