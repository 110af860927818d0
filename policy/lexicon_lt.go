package policy

// Lithuanian.
func lexiconLt() *lexicon {
	return &lexicon{
		lang:            "lt",
		controllerRoles: []string{"duomenų valdytojas", "duomenų valdytoja", "valdytojas", "valdytoja", "valdytoju", "kas valdo duomenis"},
		processorLabels: []string{"tvarkytojas", "duomenų tvarkytojas"},
		processorRoles:  []string{"tvarkytoj", "paslaugų teikėj", "talpinimo", "prieglobos", "mokėjimų", "analitik", "naudojame"},
		recipientRoles:  []string{"gavėj", "perduodame", "pristatymo", "kurjer"},
		platformRoles:   []string{"socialini", "platform"},
		authorityRoles:  []string{"valstybinė duomenų apsaugos inspekcija", "valstybinei duomenų apsaugos inspekcijai", "priežiūros institucij"},
		registryRoles:   []string{"registrų centr", "juridinių asmenų registr"},
		copulas:         []string{"yra"},
		weWords:         []string{"mes", "mūsų", "mus"},
		weAre:           []string{"mes esame"},
		iAm:             []string{"aš"},
		owners:          []string{"priklauso", "valdo", "administruoja"},
		selfIntro:       []string{"gerbia", "saugo jūsų", "įsipareigoja", "rūpinasi"},
		soleTraders:     []string{"individuali veikla", "individualios veiklos", "individuali įmonė", "iį"},
		persons:         []string{"fizinis asmuo"},
		contactHeadings: []string{"kontaktai", "kontaktas", "rekvizitai", "kontaktinė informacija"},
		pronouns:        []string{"jūs", "jums", "jūsų", "jus", "mes", "mums", "mūsų", "mus", "tu", "tau", "tavo"},
		headNouns:       []string{"centr", "fond", "mokykl", "klinik", "asociacij", "bendrij", "draugij", "gimnazij", "universitet", "kolegij", "bibliotek", "muziej", "teatr", "ligonin", "poliklinik", "agentūr", "tarnyb", "institut", "akademij", "savivaldyb", "administracij", "ministerij", "departament", "inspekcij"},
		numbers:         map[string]int{"trisdešimt": 30, "trisdešimties": 30, "dešimties": 10},
	}
}
