package policy

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// brandCues introduce the short name a policy uses: (далее – NETRACK).
var brandCues = []string{"далее –", "далее —", "далее -", "далі –", "далі —", "далі -", "hereinafter", "turpmāk –", "turpmāk -", "turpmāk tekstā", "toliau –", "toliau -", "nachfolgend", "dalej", "edaspidi"}

// controllerResult is what the controller reader decided.
type controllerResult struct {
	controller    *entity
	confidence    float64
	brand         string
	brandAt       int
	legalEntities []entity
	others        []entity // other parties named as controller
	parties       []*candidate
}

// findController decides who the controller is: the named party with the
// strongest controller signs that the text gives no other role. A party
// the text makes a processor, a platform or an authority never becomes the
// controller; when nobody has enough signs the controller stays unknown.
func (d *doc) findController(sites, emails []string, addrEv []Evidence) controllerResult {
	ents := d.findEntities()
	var res controllerResult
	res.brand, res.brandAt = d.findBrand(sites)
	res.parties = d.findParties(ents, ownDomains(sites, emails), addrEv, res.brand, res.brandAt)
	m := currentPartyModel()
	var best, second *candidate
	var keys []string // each entity's nameKey, made once when a controller is chosen
	for _, c := range res.parties {
		if c.role != RoleController {
			continue
		}
		if best == nil && c.prob >= m.Threshold {
			best = c
		} else if best != nil && second == nil {
			second = c // the rival, however weak: it lowers the confidence
		}
	}
	if best != nil {
		e := entity{name: best.name, core: best.name, start: best.start, end: best.end, legalForm: best.legalForm}
		keys = entityKeys(ents)
		for i, x := range ents {
			if x.start == best.start || keys[i] == best.key {
				e.core = x.core
			}
		}
		res.controller = &e
		p2 := 0.0
		if second != nil {
			p2 = second.prob
		}
		res.confidence = m.sure(best.prob, p2)
	}
	var controllerKey string
	if res.controller != nil {
		controllerKey = nameKey(res.controller.name)
	}
	for i, e := range ents {
		if res.controller == nil || keys[i] != controllerKey && !samePerson(e.name, res.controller.name) {
			res.legalEntities = append(res.legalEntities, e)
		}
	}
	for _, c := range res.parties {
		if c != best && c.role == RoleController && c.strong() {
			res.others = append(res.others, entity{name: c.name, core: c.name, start: c.start, end: c.end})
		}
	}
	return res
}

// entityKeys returns the nameKey of each entity: a long text holds
// thousands, and findController compares each with the controller twice.
func entityKeys(ents []entity) []string {
	keys := make([]string, len(ents))
	for i, e := range ents {
		keys[i] = nameKey(e.name)
	}
	return keys
}

// partyConfidence is how likely a candidate is the controller.
func partyConfidence(c *candidate) float64 {
	return math.Round(c.prob*100) / 100
}

// mentions counts whole-word occurrences of name.
func (d *doc) mentions(name string) int {
	if name == "" {
		return 0
	}
	n := 0
	for _, p := range indexAll(d.text, name) {
		if atWordStart(d.text, p) && atWordEnd(d.text, p+len(name)) {
			n++
		}
	}
	return n
}

// findBrand finds the short name a policy defines for the company, either
// "(далее – NETRACK)" or "Mes, Costless Pricer.lt, …".
func (d *doc) findBrand(sites []string) (string, int) {
	for _, cue := range brandCues {
		for _, p := range d.find(cue) {
			i := p + len(cue)
			for i < len(d.text) {
				r, n := utf8.DecodeRuneInString(d.text[i:])
				if !strings.ContainsRune(" :\"«“„'–—-", r) {
					break
				}
				i += n
			}
			r, _ := utf8.DecodeRuneInString(d.text[i:])
			if i >= len(d.text) || !unicode.IsUpper(r) {
				continue
			}
			end := i
			for end < len(d.text) && end-i < 40 {
				r, n := utf8.DecodeRuneInString(d.text[end:])
				if strings.ContainsRune(")\"»”“,;\n", r) {
					break
				}
				end += n
			}
			name := strings.TrimRight(strings.TrimSpace(d.text[i:end]), ".")
			if latinBrand(name, sites) {
				return name, i
			}
		}
	}
	for _, we := range []string{"Mes, ", "We, ", "Ми, ", "Мы, ", "Mēs, ", "Wir, ", "My, "} {
		for _, p := range indexAll(d.text, we) {
			i := p + len(we)
			end := strings.IndexByte(d.text[i:min(len(d.text), i+50)], ',')
			if end <= 0 {
				continue
			}
			name := strings.TrimSpace(d.text[i : i+end])
			if latinBrand(name, sites) {
				return name, i
			}
		}
	}
	return "", 0
}

// latinBrand accepts a name that looks like a brand rather than a defined
// common noun. Brands are written in Latin letters (the Cyrillic short names
// policies define are words such as Сайт or Политика); every word is
// capitalised ("Privatumo politika" is a term, "Costless Pricer.lt" a name);
// and a single word needs the marks of a name — capitals inside, a digit or
// a dot (NETRACK, LatInSoft, Pricer.lt) — or must match one of the sites.
func latinBrand(name string, sites []string) bool {
	fields := strings.Fields(name)
	if len(fields) == 0 || len(fields) > 4 {
		return false
	}
	for _, f := range fields {
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) || !unicode.Is(unicode.Latin, r) && !unicode.IsDigit(r) {
			return false
		}
	}
	if len(fields) > 1 {
		return true
	}
	rest := name[1:]
	if strings.ContainsAny(rest, "0123456789.") || strings.ToLower(rest) != rest {
		return true
	}
	for _, s := range sites {
		if strings.HasPrefix(s, strings.ToLower(name)) {
			return true
		}
	}
	return false
}
