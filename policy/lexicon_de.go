package policy

// German.
func lexiconDe() *lexicon {
	return &lexicon{
		lang:            "de",
		controllerRoles: []string{"verantwortlicher", "verantwortliche stelle", "verantwortliche", "verantwortlich"},
		processorLabels: []string{"auftragsverarbeiter"},
		processorRoles:  []string{"auftragsverarbeit", "dienstleister", "hosting", "gehostet", "zahlungs", "analyse", "anbieter", "wir nutzen", "wir verwenden"},
		recipientRoles:  []string{"empfänger", "weitergeben", "übermitteln", "versanddienstleister", "paketdienst"},
		platformRoles:   []string{"soziale netzwerk", "plattform", "messenger"},
		authorityRoles:  []string{"aufsichtsbehörde", "datenschutzbehörde", "landesbeauftragte", "bundesbeauftragte", "gericht"},
		registryRoles:   []string{"handelsregister", "registergericht", "amtsgericht"},
		copulas:         []string{"ist", "sind"},
		weWords:         []string{"wir", "uns", "unser"},
		weAre:           []string{"wir sind"},
		iAm:             []string{"ich"},
		owners:          []string{"betrieben von", "betrieben durch", "gehört", "betreiber der website ist"},
		selfIntro:       []string{"respektiert", "nimmt den schutz", "freut sich über"},
		soleTraders:     []string{"einzelunternehmer", "einzelunternehmen", "inhaber", "inhaberin"},
		persons:         []string{"privatperson", "natürliche person"},
		contactHeadings: []string{"impressum", "kontakt", "angaben gemäß"},
		pronouns:        []string{"sie", "ihnen", "ihr", "ihre", "wir", "uns", "unser", "unsere"},
		headNouns:       []string{"verein", "stiftung", "schule", "universität", "hochschule", "institut", "klinik", "krankenhaus", "bibliothek", "museum", "zentrum", "verband", "ministerium", "behörde", "gemeinde", "verwaltung"},
		numbers:         map[string]int{"eines": 1, "dreißig": 30, "vierzehn": 14},
	}
}
