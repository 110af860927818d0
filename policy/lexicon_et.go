package policy

// Estonian.
func lexiconEt() *lexicon {
	return &lexicon{
		lang:            "et",
		controllerRoles: []string{"vastutav töötleja", "vastutava töötleja", "andmete vastutav", "vastutav"},
		processorLabels: []string{"töötleja", "volitatud töötleja"},
		processorRoles:  []string{"volitatud töötleja", "teenusepakkuja", "majutus", "makse", "analüüti", "kasutame"},
		recipientRoles:  []string{"vastuvõtja", "edastame", "kuller", "tarne"},
		platformRoles:   []string{"sotsiaalmeedia", "platvorm"},
		authorityRoles:  []string{"andmekaitse inspektsioon", "andmekaitse inspektsiooni", "järelevalveasutus"},
		registryRoles:   []string{"äriregist"},
		copulas:         []string{"on"},
		weWords:         []string{"meie", "meid", "me"},
		weAre:           []string{"oleme"},
		iAm:             []string{"mina"},
		owners:          []string{"kuulub", "haldab", "opereerib"},
		selfIntro:       []string{"austab", "hoolib", "kohustub"},
		soleTraders:     []string{"füüsilisest isikust ettevõtja", "fie"},
		persons:         []string{"füüsiline isik", "eraisik"},
		contactHeadings: []string{"kontakt", "kontaktandmed", "rekvisiidid"},
		pronouns:        []string{"teie", "teile", "teid", "te", "sina", "sinu", "meie", "me", "meid", "meile"},
		headNouns:       []string{"keskus", "kool", "ülikool", "haigla", "raamatukogu", "muuseum", "teater", "selts", "ühing", "instituut", "akadeemia", "kolledž", "gümnaasium", "vallavalitsus", "linnavalitsus", "ministeerium"},
		numbers:         map[string]int{"kolmekümne": 30, "kümne": 10},
	}
}
