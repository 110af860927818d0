package policy

// English.
func lexiconEn() *lexicon {
	return &lexicon{
		lang:            "en",
		controllerRoles: []string{"data controller", "controller", "joint controller"},
		processorLabels: []string{"processor", "data processor"},
		processorRoles:  []string{"processor", "service provider", "hosting", "hosted by", "payment", "analytics", "we use", "provided by", "powered by", "email delivery", "sub-processor"},
		recipientRoles:  []string{"recipient", "we share", "we disclose", "deliver", "courier"},
		platformRoles:   []string{"social media", "social network", "messenger", "platform"},
		authorityRoles:  []string{"supervisory authority", "information commissioner", "data protection authority", "regulator", "court"},
		registryRoles:   []string{"companies house", "register of", "registry"},
		copulas:         []string{"is", "acts as", "is the", "are"},
		weWords:         []string{"we", "us", "our", "company"},
		weAre:           []string{"we are"},
		iAm:             []string{"i"},
		owners:          []string{"operated by", "owned by", "run by", "is operated by", "provided by the company"},
		selfIntro:       []string{"respects your", "is committed to", "values your", "takes your privacy"},
		soleTraders:     []string{"sole trader", "sole proprietor", "self-employed"},
		persons:         []string{"private individual", "natural person"},
		contactHeadings: []string{"contact us", "contact details", "contact information", "who we are", "company details"},
		pronouns:        []string{"you", "your", "yours", "we", "us", "our", "they", "them"},
		headNouns:       []string{"university", "college", "school", "foundation", "association", "society", "trust", "institute", "hospital", "clinic", "library", "museum", "centre", "center", "council", "ministry", "department", "authority"},
		numbers: map[string]int{"one": 1, "a": 1, "ten": 10, "fifteen": 15, "twenty": 20, "twenty-one": 21, "thirty": 30, "forty": 40,
			"forty-five": 45, "sixty": 60},
	}
}
