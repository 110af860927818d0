package policy

// Czech. Czech policies name the controller "správce (osobních údajů)",
// in the instrumental after the copula ("Správcem … je X"), and the
// processor "zpracovatel"; without these words a processor labelled first
// won over the controller.
func lexiconCs() *lexicon {
	return &lexicon{
		lang:            "cs",
		controllerRoles: []string{"správce osobních údajů", "správcem osobních údajů", "správce", "správcem"},
		processorLabels: []string{"zpracovatel", "zpracovatelem"},
		processorRoles:  []string{"zpracovatel", "poskytovatel služeb", "hosting", "platební", "analytick", "využíváme"},
		recipientRoles:  []string{"příjemc", "předáváme", "dopravc", "kurýr"},
		platformRoles:   []string{"sociální sít", "sociálních sít", "platform"},
		authorityRoles:  []string{"úřad pro ochranu osobních údajů", "úřadu pro ochranu osobních údajů", "dozorový úřad", "soud"},
		registryRoles:   []string{"obchodní rejstřík", "obchodním rejstříku", "živnostenský rejstřík", "rejstřík"},
		copulas:         []string{"je"},
		weWords:         []string{"my", "nás", "naše"},
		weAre:           []string{"jsme"},
		iAm:             []string{"já"},
		owners:          []string{"provozovatelem", "provozuje"},
		selfIntro:       []string{"respektuje", "dbá na", "chrání"},
		soleTraders:     []string{"osoba samostatně výdělečně činná", "fyzická osoba podnikající", "osvč"},
		persons:         []string{"fyzická osoba"},
		contactHeadings: []string{"kontakt", "kontaktní údaje", "identifikace správce"},
		pronouns:        []string{"vy", "vás", "vám", "my", "nás", "nám", "ty", "tebe", "tobě"},
		headNouns:       []string{"nadac", "spolek", "spolk", "škol", "univerzit", "nemocnic", "knihovn", "muze", "divadl", "úřad", "ministerstv", "institut", "centr", "fakult"},
		numbers:         map[string]int{"třiceti": 30, "jednoho": 1, "patnácti": 15},
	}
}
