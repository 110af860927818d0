package policy

// Polish.
func lexiconPl() *lexicon {
	return &lexicon{
		lang:            "pl",
		controllerRoles: []string{"administrator danych", "administratorem", "administrator"},
		processorLabels: []string{"podmiot przetwarzający"},
		processorRoles:  []string{"podmiot przetwarzając", "dostawc", "hosting", "płatności", "analityczn", "korzystamy z", "usługodawc"},
		recipientRoles:  []string{"odbiorc", "przekazujemy", "firm kurierskich", "kurier"},
		platformRoles:   []string{"portal", "społecznościow", "platform"},
		authorityRoles:  []string{"prezes urzędu ochrony danych", "prezesa urzędu ochrony danych", "organ nadzorczy", "sąd"},
		registryRoles:   []string{"krajowy rejestr sądowy", "krajowego rejestru sądowego", "ceidg", "rejestr"},
		copulas:         []string{"jest"},
		weWords:         []string{"my", "nas", "nasz"},
		weAre:           []string{"jesteśmy"},
		iAm:             []string{"ja"},
		owners:          []string{"należy do", "prowadzony przez", "prowadzona przez", "właścicielem"},
		selfIntro:       []string{"szanuje", "dba o", "zobowiązuje się"},
		soleTraders:     []string{"osoba prowadząca działalność gospodarczą", "jednoosobowa działalność", "działalność gospodarczą pod firmą"},
		persons:         []string{"osoba fizyczna"},
		contactHeadings: []string{"kontakt", "dane kontaktowe", "dane administratora"},
		pronouns:        []string{"ty", "ciebie", "tobie", "wy", "was", "wam", "my", "nas", "nam", "państwo", "państwa"},
		headNouns:       []string{"fundacj", "stowarzyszeni", "szkoł", "uniwersytet", "instytut", "szpital", "bibliotek", "muze", "teatr", "agencj", "urząd", "urzęd", "centrum", "przychodni", "poradni", "akademi", "gmin", "starostw", "ministerstw", "spółdzielni"},
		numbers:         map[string]int{"jednego": 1, "trzydziestu": 30, "czternastu": 14},
	}
}
