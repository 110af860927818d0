package policy

// Latvian.
func lexiconLv() *lexicon {
	return &lexicon{
		lang:            "lv",
		controllerRoles: []string{"pārzinis", "pārziņa", "pārzini", "datu pārzinis", "pārzinim"},
		processorLabels: []string{"apstrādātājs"},
		processorRoles:  []string{"apstrādātājs", "apstrādātāj", "pakalpojumu sniedzēj", "hostinga", "mitināšan", "maksājumu", "analītik", "mēs izmantojam"},
		recipientRoles:  []string{"saņēmēj", "nododam", "piegādes", "kurjer"},
		platformRoles:   []string{"sociālo tīklu", "sociālajos tīklos", "platform"},
		authorityRoles:  []string{"datu valsts inspekcij", "uzraudzības iestād"},
		registryRoles:   []string{"uzņēmumu reģistr", "reģistrā"},
		copulas:         []string{"ir"},
		weWords:         []string{"mēs", "mūsu", "uzņēmums"},
		weAre:           []string{"mēs esam"},
		iAm:             []string{"es"},
		owners:          []string{"pieder", "pārvalda", "uztur"},
		selfIntro:       []string{"respektē", "apņemas", "rūpējas par", "ciena"},
		soleTraders:     []string{"individuālais komersants", "individuālā komersanta", "saimnieciskās darbības veicējs"},
		persons:         []string{"fiziska persona", "fiziskā persona"},
		contactHeadings: []string{"kontakti", "kontaktinformācija", "rekvizīti", "uzņēmums:"},
		pronouns:        []string{"jūs", "jums", "jūsu", "mēs", "mums", "mūsu", "mūs", "tu", "tev", "tavs"},
		headNouns:       []string{"centr", "fond", "skol", "klīnik", "biedrīb", "asociācij", "universitāt", "koledž", "bibliotēk", "muzej", "teātr", "slimnīc", "aģentūr", "dienest", "institūt", "ģimnāzij", "akadēmij", "pašvaldīb", "ministrij", "pārvald", "inspekcij", "departament"},
		numbers:         map[string]int{"trīsdesmit": 30, "desmit": 10, "piecpadsmit": 15},
	}
}
