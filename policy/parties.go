package policy

import (
	"sort"
	"strings"
	"sync"
)

// Every organisation or person the text names becomes a candidate with the
// signs the text gives for its role. The controller is the candidate with
// the strongest controller signs that the text never gives another role;
// the others are kept as alternatives, so that a person can pick another
// with one click instead of writing to the wrong party.

// Roles a named party can have.
const (
	RoleController     = "controller"
	RoleProcessor      = "processor" // processor or service provider: hosting, payment, mail, analytics
	RolePlatform       = "platform"  // a platform, messenger or social network the company uses
	RoleRecipient      = "recipient" // a party the company passes data to: a courier, a bank
	RoleAuthority      = "supervisory authority"
	RoleRegistry       = "registry"
	RoleRepresentative = "representative" // an EU or UK representative, not the controller itself
	RoleOther          = "other"
)

// A sign is one piece of evidence about a candidate.
type sign int

const (
	signForm           sign = iota // has a legal form: SIA, GmbH
	signLabel                      // "Controller: X", "оператор — X", under a controller heading
	signCopula                     // "X is the data controller"
	signWe                         // X (hereinafter "we")
	signIntro                      // "X respects your privacy" opening a sentence
	signBlock                      // heads a requisites block: the line before an address
	signCopyright                  // © 2026 X
	signDomain                     // matches the site or e-mail domain
	signRegistration               // a registration number follows
	signProcessorLabel             // "Processor: X", "розпорядник — X"
	signNameLabel                  // "Name: X", "ФИО: X"
	signDefined                    // the short name the policy defines and keeps using: (далее – NETRACK)
	signSole                       // the only legal entity the text names without another role
	signOwner                      // "the site is operated by X", "сайт належить X"
)

// signWeights rank the signs by strength, to choose which occurrence of a
// name its evidence points to. Which party is the controller is the party
// model's decision (partymodel.go), not these numbers'.
var signWeights = sync.OnceValue(func() map[sign]float64 {
	return map[sign]float64{
		signForm: 1, signLabel: 6, signCopula: 6, signWe: 5, signIntro: 3, signBlock: 3, signCopyright: 2, signDomain: 2,
		signRegistration: 2, signNameLabel: 2, signDefined: 2, signSole: 2, signOwner: 3,
	}
})

// candidate is a party named in the text and the signs it carries.
type candidate struct {
	name       string
	key        string
	start, end int // the occurrence that gave its strongest sign
	signs      map[sign]int
	roles      map[string]int // non-controller roles the name, a label or a provider list give
	ctxRoles   map[string]int // non-controller roles the sentences around its mentions give
	roleAt     map[string]int
	legalForm  bool
	score      float64 // the sort key: prob for a controller, 0 for any other role
	prob       float64 // the party model's probability that it is the controller
	role       string
	mentions   int
	// selfProcessor: the text calls the company it speaks for
	// "processor" (розпорядник, töötleja), a common mislabelling.
	selfProcessor bool
	// heading: the name is read from a numbered heading or is an entry of
	// a list such as a table of contents — a section title, not a party.
	heading bool
}

func (c *candidate) has(s sign) bool { return c.signs[s] > 0 }

// strong reports whether the text itself names c as controller.
func (c *candidate) strong() bool {
	return c.has(signLabel) || c.has(signCopula) || c.has(signWe)
}

// partyReader collects candidates.
type partyReader struct {
	d     *doc
	ents  entityIndex
	cands []*candidate
	byKey map[string]*candidate
	names map[string]bool // plausibleName's answers
	// addrs are the spans of the addresses' first lines: a capitalised
	// word there is a street or a town ("Kauno g. 3A-104"), not a party.
	addrs [][2]int
}

// maxCandidates bounds the parties one text can name: real policies name
// a few dozen; beyond this only repeats of known names count, so that a
// hostile text cannot make the reader quadratic.
const maxCandidates = 120

// add records a sign for the name at [start, end).
func (r *partyReader) add(start, end int, s sign) *candidate {
	if r.inPostalAddress(start, end) {
		return nil
	}
	name := strings.TrimSpace(r.d.text[start:end])
	name = strings.TrimRight(name, ",;:")
	if short := trimRoleTail(name); short != name {
		name, end = short, start+strings.Index(r.d.text[start:end], short)+len(short)
	}
	ok, seen := r.names[name]
	if !seen {
		ok = r.d.plausibleName(name)
		r.names[name] = ok
	}
	if !ok {
		return nil
	}
	key := nameKey(name)
	if len(key) < 2 {
		return nil
	}
	scan := r.cands
	if c, ok := r.byKey[key]; ok {
		scan = []*candidate{c}
	} else if len(r.cands) >= maxCandidates {
		return nil
	}
	for _, c := range scan {
		if c.key == key || len(key) >= 4 && len(c.key) >= 4 && (strings.Contains(c.key, key) || strings.Contains(key, c.key)) || samePerson(c.name, name) {
			r.byKey[key] = c
			c.signs[s]++
			if signWeights()[s] > bestWeight(c) || c.start < 0 {
				c.start, c.end = start, end
			}
			// Keep the fuller name: the legal form and the quotes.
			if len(key) > len(c.key) && s != signForm || s == signForm && !c.legalForm {
				c.name, c.key = name, key
			}
			c.legalForm = c.legalForm || s == signForm
			return c
		}
	}
	c := &candidate{name: name, key: key, start: start, end: end, signs: map[sign]int{s: 1}, roles: map[string]int{}, ctxRoles: map[string]int{}, roleAt: map[string]int{}, legalForm: s == signForm}
	r.cands = append(r.cands, c)
	r.byKey[key] = c
	return c
}

func bestWeight(c *candidate) float64 {
	w := 0.0
	for s := range c.signs {
		w = max(w, signWeights()[s])
	}
	return w
}

// findParties reads every party the text names, with its role.
func (d *doc) findParties(ents []entity, domains []string, addrEv []Evidence, brand string, brandAt int) []*candidate {
	r := &partyReader{d: d, ents: newEntityIndex(ents), byKey: map[string]*candidate{}, names: map[string]bool{}}
	for _, e := range addrEv {
		first, _, _ := strings.Cut(e.Value, "\n")
		r.addrs = append(r.addrs, [2]int{e.Offset, e.Offset + len(first)})
	}
	for _, e := range ents {
		if c := r.add(e.start, e.end, signForm); c != nil && c.signs[signForm] <= 50 {
			r.roleFromContext(c, e.start, e.end)
		}
	}
	r.labelled(lex().roleControllerWords, signLabel)
	r.labelled(lex().processorLabelWords, signProcessorLabel)
	r.labelled(nameLabels, signNameLabel)
	r.copulaBefore()
	r.weDefinitions()
	r.intros()
	r.selfNamed()
	r.owners()
	r.requisites(addrEv)
	r.copyrights()
	r.labelled(lex().contactHeadingWords, signBlock)
	r.people()
	r.domainPhrases(domains)
	if brand != "" && d.mentions(brand) >= 3 {
		r.add(brandAt, brandAt+len(brand), signDefined)
	}
	for _, c := range r.cands {
		c.mentions = d.mentions(c.name)
		c.heading = d.numberedHeadingAt(c.start) || d.listedAsItem(c.name)
		if matchesDomain(c.key, domains) {
			c.signs[signDomain]++
		}
		if d.registrationAfter(c.end) {
			c.signs[signRegistration]++
		}
		if role := serviceRole(c.name); role != "" {
			c.roles[role] += 3
		}
		if nameRole := roleOfName(strings.ToLower(c.name)); nameRole != "" {
			c.roles[nameRole] += 3
		}
		if c.has(signProcessorLabel) {
			c.roles[RoleProcessor] += 2
		}
		// The sentences around a company the policy keeps naming speak of
		// its providers too; their role counts when it is the rule.
		for role, n := range c.ctxRoles {
			if 3*n >= min(c.signs[signForm], 50) {
				c.roles[role] += n
			}
		}
	}
	var sole *candidate
	for _, c := range r.cands {
		if c.legalForm && len(c.roles) == 0 {
			if sole != nil {
				sole = nil
				break
			}
			sole = c
		}
	}
	if sole != nil {
		sole.signs[signSole]++
	}
	m := currentPartyModel()
	for _, c := range r.cands {
		c.decide(d, m)
	}
	sort.SliceStable(r.cands, func(i, j int) bool { return r.cands[i].score > r.cands[j].score })
	return r.cands
}

// decide gives a candidate its role and, when it is a controller, the
// party model's probability that it is the one (see partymodel.go).
func (c *candidate) decide(d *doc, m *partyModel) {
	top, topN := "", 0
	for role, n := range c.roles {
		if n > topN || n == topN && role < top {
			top, topN = role, n
		}
	}
	self := c.has(signWe) || c.has(signDomain) || c.has(signBlock) || c.has(signIntro)
	switch {
	case c.strong() && (topN < 3 || c.has(signLabel) || c.has(signCopula)):
		c.role = RoleController
	case c.has(signProcessorLabel) && self && top == RoleProcessor && topN <= 2:
		// A company that calls itself "розпорядник" or "töötleja" and is
		// the one the text speaks for: the controller, mislabelled.
		c.role = RoleController
		c.selfProcessor = true
	case topN > 0:
		c.role = top
	case c.has(signIntro) || c.has(signBlock) || c.has(signCopyright) || c.has(signNameLabel) || c.has(signOwner):
		c.role = RoleController
	case c.has(signDefined) || c.has(signSole) || c.has(signRegistration) && c.legalForm || c.has(signDomain) && c.mentions >= 3:
		c.role = RoleController
	default:
		c.role = RoleOther
	}
	if c.role == RoleController && c.heading && !c.legalForm {
		c.role = RoleOther // a heading or a contents entry is never a name
	}
	if c.role == RoleController {
		c.prob = m.prob(c.features())
		c.score = c.prob
	}
}

// inPostalAddress reports whether the name at [start, end) is a street or a
// town rather than a party: it lies in the first line of an address found,
// or a street word and a number follow it ("Kauno g. 3A-104" in an address
// the reader did not take whole). (inAddress is about web and e-mail
// addresses.)
func (r *partyReader) inPostalAddress(start, end int) bool {
	for _, a := range r.addrs {
		if start >= a[0] && start < a[1] {
			return true
		}
	}
	lower := r.d.lower
	if end >= len(lower) || lower[end] != ' ' {
		return false
	}
	p := end + 1
	if p >= len(lower) {
		return false
	}
	w, ok := streetWordSet().at(lower, p)
	if !ok {
		return false
	}
	q := p + len(w)
	if q < len(lower) && lower[q] == ' ' {
		q++
	}
	return q < len(lower) && lower[q] >= '0' && lower[q] <= '9'
}
