package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"prava/law"
	"prava/record"
)

// uiLanguage is the language the screens are in, for the names of
// countries and languages: the one chosen, else the system's.
func uiLanguage() language.Tag {
	code := chosenLanguage
	if code == "" {
		code = string(lang.SystemLocale())
	}
	tag, err := language.Parse(strings.ReplaceAll(code, "_", "-"))
	if err != nil {
		return language.English
	}
	return tag
}

// uiLanguageCode is the UI language's base code ("uk" for uk-UA).
func uiLanguageCode() string {
	base, _ := uiLanguage().Base()
	return base.String()
}

// countryName is a country's name in the UI's language ("LV" → "Латвія").
func countryName(code string) string {
	r, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	if name := display.Regions(uiLanguage()).Name(r); name != "" {
		return everydaySpelling(name)
	}
	return code
}

// everydaySpelling writes a Ukrainian name as people and the state do:
// the CLDR data x/text carries spells foreign names with ґ ("Бельґія",
// "Портуґалія", "Норвеґія"), while the Ministry of Foreign Affairs and
// everyday Ukrainian write "Бельгія", "Португалія", "Норвегія".
func everydaySpelling(name string) string {
	if uiLanguageCode() != "uk" {
		return name
	}
	return strings.NewReplacer("ґ", "г", "Ґ", "Г").Replace(name)
}

// languageName is a language's name in the UI's language ("російська"
// in the Ukrainian UI): what a company writes in, what a letter is in.
// Only the list of UI languages names each in itself (languageNames), as
// a person looks for their own there.
func languageName(code string) string {
	tag, err := language.Parse(code)
	if err != nil {
		return code
	}
	if name := display.Languages(uiLanguage()).Name(tag); name != "" {
		return everydaySpelling(name)
	}
	return code
}

// lawName is a law by its name in the UI's language: "Ukraine: Law on
// Personal Data Protection", "GDPR: Latvia".
func lawName(code record.Code) string {
	switch c := strings.ToUpper(string(code)); {
	case c == "":
		return T("law.unknown")
	case c == "UA", c == "RU", c == "EU", c == "US-CA":
		return T("law." + strings.ReplaceAll(strings.ToLower(c), "-", "_"))
	case strings.HasPrefix(c, "EU-"):
		return T("law.gdpr_in", args("Country", countryName(c[3:])))
	}
	return string(code)
}

// lawShort is a law as a list shows it: the country for a national law
// ("Russia"), "GDPR: Latvia" for a member state's.
func lawShort(code record.Code) string {
	switch c := strings.ToUpper(string(code)); c {
	case "UA", "RU":
		return countryName(c)
	case "US-CA":
		return T("law.us_ca")
	}
	return lawName(code)
}

// choice is a Select that shows names and gives back codes: laws,
// languages, countries are chosen by name, never typed as codes. Put its
// Select into containers, not the choice itself.
type choice struct {
	*widget.Select
	codes []string
}

// newChoice lists codes by name, with current selected (none when it is
// not among them).
func newChoice(codes []string, name func(string) string, current string) *choice {
	// Listed by name in the alphabet of the UI's language, as a person
	// looks for them: "Іспанія" before "Італія", not after "Швеція";
	// "Čekija" after "Belgija". "" (none) stays first.
	codes = slices.Clone(codes)
	col := collate.New(uiLanguage(), collate.IgnoreCase)
	slices.SortStableFunc(codes, func(a, b string) int {
		switch {
		case a == "":
			return -1
		case b == "":
			return 1
		}
		return col.CompareString(name(a), name(b))
	})
	names := make([]string, len(codes))
	for i, c := range codes {
		names[i] = name(c)
	}
	c := &choice{Select: widget.NewSelect(names, nil), codes: codes}
	c.PlaceHolder = T("common.choose")
	for i, code := range codes {
		if strings.EqualFold(code, current) {
			c.SetSelectedIndex(i)
		}
	}
	return c
}

// Code is the chosen code, "" when none is chosen.
func (c *choice) Code() string {
	if i := c.SelectedIndex(); i >= 0 {
		return c.codes[i]
	}
	return ""
}

// lawChoice lists every law Prava knows, "not known yet" first.
func lawChoice(current record.Code) *choice {
	return newChoice(append([]string{""}, law.CodeNames()...), func(c string) string { return lawName(record.Code(c)) }, string(current))
}

// kindName is a kind of request in the person's language.
func kindName(k record.Kind) string { return T("kind." + string(k)) }
