package law

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"

	"prava/assets"
	"prava/record"
)

// Authority is a supervisory authority that hears complaints.
type Authority struct {
	// ID names the entry: the datarequests.org slug ("lvdvi") for entries
	// taken from its database, the country code for the others.
	ID        string `json:"id,omitempty"`
	Country   string `json:"country"`  // ISO 3166-1 code
	Language  string `json:"language"` // the language a complaint is written in
	NameLocal string `json:"name_local"`
	NameEn    string `json:"name_en"`
	Address   string `json:"address"`
	Email     string `json:"email,omitempty"`
	Website   string `json:"website,omitempty"`
	WebForm   string `json:"web_form,omitempty"`
	Phone     string `json:"phone,omitempty"`
	Notes     string `json:"notes,omitempty"`
	// Names are the authority's name in each letter language (uk, ru, lv,
	// lt, en), declined the way letters need it; see NameIn.
	Names map[string]AuthorityName `json:"names,omitempty"`
	// SignedOnly says a complaint must be signed by hand and posted, or
	// carry a qualified electronic signature: a plain e-mail is not
	// examined (LEGAL.md §5: the Latvian DVI; the Lithuanian VDAI and the
	// Ukrainian Commissioner likewise ask for a signed complaint).
	SignedOnly bool `json:"signed_only,omitempty"`
	// Scope is "" for the country's national authority, the one
	// AuthorityFor returns; "regional" (a German Land), "church" or
	// "broadcasting" for the authorities that hear complaints about one
	// region's or sector's controllers.
	Scope string `json:"scope,omitempty"`
	// Region says which controllers a regional or sectoral authority
	// oversees, in English.
	Region string `json:"region,omitempty"`
	// Source names where an entry comes from, for the app to credit.
	Source string `json:"source,omitempty"`
	// Verified is true for entries checked against LEGAL.md; the others
	// were taken from the authorities' websites and wait for a check.
	Verified bool `json:"verified"`
}

// AuthorityName is an authority's name in one language, in the forms
// letters print: Name in running text (nominative), To after "lodge a
// complaint" with its preposition ("до Уповноваженого …", "в
// Роскомнадзор", "Datu valsts inspekcijai"), and Addressee as the first
// line of a complaint's address block ("Уповноваженому …", "В
// Роскомнадзор …").
type AuthorityName struct {
	Name      string `json:"name"`
	To        string `json:"to"`
	Addressee string `json:"addressee"`
}

// NameIn returns the authority's name in a letter language, and false
// when the directory has no declined forms for it (a letter then names the
// authority generically, with its own name in brackets).
func (a Authority) NameIn(lang string) (AuthorityName, bool) {
	n, ok := a.Names[lang]
	return n, ok && n.Name != "" && n.To != "" && n.Addressee != ""
}

// IsNamed says whether s is one of the authority's names in any language
// or form, so a letter addressed by a plain name can be given the declined one.
func (a Authority) IsNamed(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	if s == a.NameLocal || s == a.NameEn {
		return true
	}
	for _, n := range a.Names {
		if s == n.Name || s == n.To || s == n.Addressee {
			return true
		}
	}
	return false
}

// directory is the authority directory as read from assets: every entry,
// and the national authority of each country.
type directory struct {
	all      []Authority
	national map[string]Authority
}

var loadDirectory = sync.OnceValues(func() (*directory, error) {
	var file struct {
		Authorities []Authority `json:"authorities"`
	}
	if err := json.Unmarshal(assets.Authorities, &file); err != nil {
		return nil, fmt.Errorf("law: the authority directory is damaged: %w", err)
	}
	d := &directory{all: file.Authorities, national: map[string]Authority{}}
	for _, a := range file.Authorities {
		if _, seen := d.national[a.Country]; a.Scope == "" && !seen {
			d.national[a.Country] = a
		}
	}
	return d, nil
})

// authorities is the national authority of each country.
func authorities() (map[string]Authority, error) {
	d, err := loadDirectory()
	if err != nil {
		return nil, err
	}
	return d.national, nil
}

// AuthoritiesIn lists every authority of a country (ISO code): the
// national one first, then the regional and sectoral ones (Germany has
// one per Land, and church and broadcasting authorities).
func AuthoritiesIn(country string) []Authority {
	d, err := loadDirectory()
	if err != nil {
		return nil
	}
	country = strings.ToUpper(strings.TrimSpace(country))
	var out []Authority
	for _, a := range d.all {
		if a.Country == country {
			out = append(out, a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Scope == "" && out[j].Scope != "" })
	return out
}

// AuthorityFor returns the authority that hears a complaint about a
// request under jurisdiction code. Under the GDPR a person may complain in
// the member state where they live (Art. 77(1)), so personCountry (an ISO
// code, or "") is preferred when it is an EU/EEA state; otherwise the
// controller's state decides.
func AuthorityFor(code record.Code, personCountry string) (Authority, error) {
	dir, err := authorities()
	if err != nil {
		return Authority{}, err
	}
	personCountry = strings.ToUpper(strings.TrimSpace(personCountry))
	country := ""
	switch c := string(code); {
	case c == "UA", c == "RU":
		country = c
	case c == "US-CA":
		country = "US"
	case c == "EU" || strings.HasPrefix(c, "EU-"):
		if _, err := Lookup(c, DefaultOptions()); err != nil {
			return Authority{}, err
		}
		if _, ok := memberStates[personCountry]; ok {
			country = personCountry
		} else if state, ok := strings.CutPrefix(c, "EU-"); ok {
			country = state
		} else {
			return Authority{}, fmt.Errorf("no member state is known for this company and you live outside the EU/EEA: choose the state whose authority should hear the complaint (EU-LV, EU-LT, …)")
		}
	default:
		if _, err := Lookup(c, DefaultOptions()); err != nil {
			return Authority{}, err
		}
	}
	a, ok := dir[country]
	if !ok {
		return Authority{}, fmt.Errorf("no authority for %s in the directory yet: add it to assets/authorities.json", country)
	}
	return a, nil
}

// AuthorityCountries lists the countries the directory covers.
func AuthorityCountries() []string {
	dir, _ := authorities()
	var out []string
	for c := range dir {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}
