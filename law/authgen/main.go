// Command authgen merges the supervisory authorities of the
// datarequests.org database (CC0) into Prava's authority directory,
// assets/authorities.json. It keeps the entries checked against LEGAL.md
// (verified: true) as they are, takes the EU/EEA authorities from the
// database, and keeps entries the database lacks (the United States').
// Re-run it on a newer snapshot:
//
//	tar -xzf datarequests-data-*.tar.gz -C /tmp/dr
//	go run ./law/authgen -data /tmp/dr -out assets/authorities.json
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"prava/law"
)

// source is a supervisory authority as the database writes it
// (schema-supervisory-authorities.json).
type source struct {
	Slug      string   `json:"slug"`
	Countries []string `json:"relevant-countries"`
	Name      string   `json:"name"`
	Address   string   `json:"address"`
	Phone     string   `json:"phone"`
	Email     string   `json:"email"`
	Webform   string   `json:"webform"`
	Web       string   `json:"web"`
	Language  string   `json:"complaint-language"`
	Comments  []string `json:"comments"`
}

// eea are the EU and EEA states; the database also lists Switzerland and
// the United Kingdom, whose authorities do not hear GDPR complaints.
var eea = map[string]bool{"AT": true, "BE": true, "BG": true, "HR": true, "CY": true, "CZ": true, "DK": true, "EE": true, "FI": true, "FR": true,
	"DE": true, "GR": true, "HU": true, "IE": true, "IT": true, "LV": true, "LT": true, "LU": true, "MT": true, "NL": true, "PL": true, "PT": true,
	"RO": true, "SK": true, "SI": true, "ES": true, "SE": true, "IS": true, "LI": true, "NO": true}

// national are the slugs of the national authorities where a country has
// more than one.
var national = map[string]bool{"debfdi": true}

// scopes are the German sectoral authorities; every other German one is a
// Land's.
var scopes = map[string][2]string{
	"deekdbfd":       {"church", "the Protestant Church in Germany (EKD)"},
	"dekathbayddsb":  {"church", "the Catholic dioceses of Bavaria"},
	"dekathdsz":      {"church", "the Catholic dioceses of North Rhine-Westphalia (Dortmund)"},
	"dekathffdsz":    {"church", "the Catholic dioceses of central and south-west Germany (Frankfurt)"},
	"dekathnordddsb": {"church", "the Catholic dioceses of northern Germany"},
	"dekathostddsb":  {"church", "the Catholic dioceses of eastern Germany"},
	"derf":           {"broadcasting", "the public broadcasters ARD, ZDF and Deutschlandradio"},
	"derfdw":         {"broadcasting", "Deutsche Welle"},
}

func main() {
	data := flag.String("data", "", "the unpacked datarequests.org snapshot (the folder holding supervisory-authorities/)")
	out := flag.String("out", "assets/authorities.json", "the directory to update")
	flag.Parse()
	if *data == "" {
		fmt.Fprintln(os.Stderr, "usage: authgen -data DIR [-out assets/authorities.json]")
		os.Exit(2)
	}
	if err := run(*data, *out); err != nil {
		fmt.Fprintln(os.Stderr, "authgen:", err)
		os.Exit(1)
	}
}

func run(data, out string) error {
	old, err := os.ReadFile(out)
	if err != nil {
		return err
	}
	var dir struct {
		Source      string          `json:"_source"`
		Authorities []law.Authority `json:"authorities"`
	}
	if err := json.Unmarshal(old, &dir); err != nil {
		return fmt.Errorf("%s: %w", out, err)
	}
	kept := map[string]law.Authority{} // by country: the checked entries and those the database lacks
	previous := map[string]law.Authority{}
	for _, a := range dir.Authorities {
		if a.Scope == "" {
			previous[a.Country] = a
		}
		if a.Verified || !eea[a.Country] {
			kept[a.Country] = a
		}
	}
	files, err := filepath.Glob(filepath.Join(data, "supervisory-authorities", "*.json"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no supervisory-authorities/*.json under %s: give the unpacked snapshot's folder", data)
	}
	var merged []law.Authority
	for _, a := range kept {
		merged = append(merged, a)
	}
	perCountry := map[string]int{}
	var sources []source
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		var s source
		if err := json.Unmarshal(b, &s); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		if len(s.Countries) == 0 || !eea[strings.ToUpper(s.Countries[0])] {
			continue
		}
		perCountry[strings.ToUpper(s.Countries[0])]++
		sources = append(sources, s)
	}
	for _, s := range sources {
		country := strings.ToUpper(s.Countries[0])
		if k, ok := kept[country]; ok && k.Verified {
			continue // the checked entry stands
		}
		prev := previous[country]
		regional := perCountry[country] > 1 && !national[s.Slug]
		if regional {
			prev = law.Authority{} // the country's old entry was its national authority's
		}
		a := convert(s, prev)
		if regional {
			a.Scope, a.Region = "regional", regionOf(s.Name)
			if sc, ok := scopes[s.Slug]; ok {
				a.Scope, a.Region = sc[0], sc[1]
			}
		}
		merged = append(merged, a)
	}
	sort.SliceStable(merged, func(i, j int) bool {
		if merged[i].Country != merged[j].Country {
			return merged[i].Country < merged[j].Country
		}
		if (merged[i].Scope == "") != (merged[j].Scope == "") {
			return merged[i].Scope == ""
		}
		return merged[i].ID < merged[j].ID
	})
	dir.Source = "LV, LT, UA and RU entries: the project's LEGAL.md §5 (checked). Other EU/EEA entries: the datarequests.org database (CC0 1.0), generated by law/authgen; marked verified=false until checked against each authority's site. US: the agency's own site."
	dir.Authorities = merged
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(dir); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

// convert turns a database entry into a directory entry, keeping what the
// old entry knew and the database does not say (an English name, a note).
func convert(s source, prev law.Authority) law.Authority {
	local, en := splitName(s.Name)
	if en == "" {
		en = cmpOr(prev.NameEn, local)
	}
	a := law.Authority{
		ID: s.Slug, Country: strings.ToUpper(s.Countries[0]), Language: s.Language,
		NameLocal: local, NameEn: en, Address: strings.TrimSpace(s.Address),
		Email: s.Email, Website: s.Web, WebForm: s.Webform, Phone: s.Phone,
		Notes: strings.Join(s.Comments, " "), Source: "datarequests.org (CC0 1.0)",
	}
	if a.Language == "" {
		a.Language = prev.Language
	}
	if a.Notes == "" {
		a.Notes = prev.Notes
	}
	return a
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// englishWords tell an English name in brackets from an abbreviation or
// a local gloss ("(BayLDA)", "(KdöR)").
var englishWords = []string{"Data", "Protection", "Office", "Commission", "Authority", "Inspectorate", "Agency", "Ombudsman", "Supervisory"}

// splitName reads "Datu valsts inspekcija (Data State Inspectorate of
// Latvia)" as the local name and the English one.
func splitName(name string) (local, en string) {
	name = strings.TrimSpace(name)
	if strings.HasSuffix(name, ")") {
		if i := strings.LastIndex(name, " ("); i > 0 {
			inner := name[i+2 : len(name)-1]
			for _, w := range englishWords {
				if strings.Contains(inner, w) {
					return strings.TrimSpace(name[:i]), inner
				}
			}
		}
	}
	return name, ""
}

// lands are the German Länder as their authorities' names spell them.
var lands = []string{"Baden-Württemberg", "Bayer", "Berlin", "Brandenburg", "Bremen", "Hamburg", "Hessisch", "Mecklenburg-Vorpommern",
	"Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz", "Saarland", "Sachsen-Anhalt", "Sächsisch", "Schleswig-Holstein", "Thüringer"}

// regionOf names the Land a German authority oversees, in English.
func regionOf(name string) string {
	names := map[string]string{"Bayer": "Bavaria", "Hessisch": "Hesse", "Sächsisch": "Saxony", "Thüringer": "Thuringia",
		"Niedersachsen": "Lower Saxony", "Nordrhein-Westfalen": "North Rhine-Westphalia", "Rheinland-Pfalz": "Rhineland-Palatinate",
		"Mecklenburg-Vorpommern": "Mecklenburg-Western Pomerania", "Sachsen-Anhalt": "Saxony-Anhalt"}
	for _, l := range lands {
		if strings.Contains(name, l) && !(l == "Sächsisch" && strings.Contains(name, "Sachsen-Anhalt")) {
			if en, ok := names[l]; ok {
				return "controllers in " + en
			}
			return "controllers in " + l
		}
	}
	return ""
}
