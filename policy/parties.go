package policy

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
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
var signWeights = map[sign]float64{
	signForm: 1, signLabel: 6, signCopula: 6, signWe: 5, signIntro: 3, signBlock: 3, signCopyright: 2, signDomain: 2,
	signRegistration: 2, signNameLabel: 2, signDefined: 2, signSole: 2, signOwner: 3,
}

// nameLabels introduce a name in a list of requisites: "ФИО: Левковец А. И.".
var nameLabels = []string{"фио", "піб", "name", "nosaukums", "pavadinimas", "vardas, pavardė", "vārds, uzvārds", "firma", "uzņēmums", "company",
	"nazwa", "nimi", "наименование", "найменування", "назва", "название", "įmonė", "ettevõte", "unternehmen", "betreiber", "operator", "inhaber"}

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
}

// maxCandidates bounds the parties one text can name: real policies name
// a few dozen; beyond this only repeats of known names count, so that a
// hostile text cannot make the reader quadratic.
const maxCandidates = 120

// add records a sign for the name at [start, end).
func (r *partyReader) add(start, end int, s sign) *candidate {
	name := strings.TrimSpace(r.d.text[start:end])
	name = strings.TrimRight(name, ",;:")
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
		if c.key == key || len(key) >= 4 && len(c.key) >= 4 && (strings.Contains(c.key, key) || strings.Contains(key, c.key)) {
			r.byKey[key] = c
			c.signs[s]++
			if signWeights[s] > bestWeight(c) || c.start < 0 {
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
		w = max(w, signWeights[s])
	}
	return w
}

// findParties reads every party the text names, with its role.
func (d *doc) findParties(ents []entity, domains []string, addrEv []Evidence, brand string, brandAt int) []*candidate {
	r := &partyReader{d: d, ents: newEntityIndex(ents), byKey: map[string]*candidate{}, names: map[string]bool{}}
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

// numberedHeadingAt reports whether the line holding p is a short
// numbered or marked-up section heading ("3.1.1. Vārds", "## Overview"):
// a name read there is most likely the heading itself. A numbered
// paragraph ("1.1. Administrator – Fundacja X z siedzibą …") is longer.
func (d *doc) numberedHeadingAt(p int) bool {
	if p < 0 || p > len(d.text) {
		return false
	}
	ls, le := d.lineAround(p)
	line := strings.TrimLeft(d.text[ls:le], " \t")
	if utf8.RuneCountInString(line) > 60 {
		return false
	}
	if strings.HasPrefix(line, "#") {
		return true
	}
	i := 0
	for i < len(line) && (line[i] >= '0' && line[i] <= '9' || line[i] == '.') {
		i++
	}
	return i > 0 && i < len(line) && strings.ContainsRune(line[:i], '.') && line[i] == ' '
}

// listedAsItem reports whether name stands alone on a list line ("- X",
// "• X") anywhere in the text, as section titles do in a table of
// contents. Names of parties are written in sentences and requisites.
func (d *doc) listedAsItem(name string) bool {
	for _, p := range indexAll(d.text, name) {
		end := p + len(name)
		if end < len(d.text) && d.text[end] != '\n' {
			continue
		}
		ls, _ := d.lineAround(p)
		lead := strings.TrimSpace(d.text[ls:p])
		if lead == "-" || lead == "•" || lead == "*" {
			return true
		}
	}
	return false
}

// representativeWords name a representative in the EU or the UK, who
// answers for a controller established elsewhere.
var representativeWords = []string{"representative", "представник", "представитель", "pārstāvis", "atstovas", "przedstawiciel", "vertreter", "esindaja"}

// roleFromContext gives c the roles its sentence speaks of: a hosting
// company named beside "hosting", an authority beside "complaint".
func (r *partyReader) roleFromContext(c *candidate, start, end int) {
	d := r.d
	ss, se := d.sentence(start, 200)
	// The sentence reader may end a sentence inside the name ("Str. 25"):
	// the context never starts after the name's start nor ends before its end.
	from := min(start, max(ss, start-120))
	to := max(end, min(se, end+80))
	before, after := d.lower[runeStart(d.lower, from):start], d.lower[end:runeEnd(d.lower, to)]
	// The sentence reader keeps "LLC. Payments are…" together, taking LLC
	// for an abbreviation; a capital after a full stop starts a new one.
	if k := sentenceBreak(d.text[end : end+len(after)]); k >= 0 {
		after = after[:k]
	}
	for k := sentenceBreak(d.text[start-len(before) : start]); k >= 0; k = sentenceBreak(d.text[start-len(before) : start]) {
		before = before[k+1:]
	}
	ctx := before + " " + after
	near := d.lower[runeStart(d.lower, max(from, start-40)):start]
	if containsAny(near, lex().roleControllerWords) {
		return // "Controller: X": the label, not the providers in the sentence
	}
	for _, rw := range []struct {
		role  string
		words []string
	}{{RoleAuthority, lex().roleAuthorityWords}, {RoleRepresentative, representativeWords}, {RoleProcessor, lex().roleProcessorWords}, {RolePlatform, lex().rolePlatformWords}, {RoleRecipient, lex().roleRecipientWords}} {
		if containsAny(ctx, rw.words) {
			c.ctxRoles[rw.role]++
			c.roleAt[rw.role] = start
			return
		}
	}
}

// roleOfName reads a role from the name itself: Datu valsts inspekcija,
// Krajowy Rejestr Sądowy.
func roleOfName(lower string) string {
	switch {
	case containsAny(lower, lex().roleAuthorityWords) || containsAny(lower, authorityWords):
		return RoleAuthority
	case containsAny(lower, lex().roleRegistryWords):
		return RoleRegistry
	}
	return ""
}

// labelled finds "Label: Name", "Label — Name", "Label is Name" and a label
// heading a block whose first line is the name.
func (r *partyReader) labelled(words []string, s sign) {
	d := r.d
	for _, w := range words {
		for _, p := range d.find(w) {
			if !atWordStart(d.lower, p) {
				continue
			}
			q := p + len(w)
			for q < len(d.text) && isWordByte(d.text[q]) && d.text[q] != '_' {
				q++ // verantwortlich → verantwortlicher
			}
			if at, ok := d.afterSeparator(q); ok {
				if ns, ne, ok := d.readName(at, r.ents); ok && d.nameEndsClean(ne) {
					r.add(ns, ne, s)
					continue
				}
			}
			if ls, le := d.lineAround(p); s != signProcessorLabel && d.headingLike(ls, le, p) {
				if ns, ne, ok := r.blockName(le); ok {
					r.add(ns, ne, s)
				}
			}
		}
	}
}

// afterSeparator skips from a label's end over at most five qualifying
// words ("персональних даних", "für die Datenverarbeitung") to a colon,
// a dash or a copula, and returns where the name may start.
func (d *doc) afterSeparator(q int) (int, bool) {
	i := q
	for words := 0; words <= 6 && i < len(d.text); {
		for i < len(d.text) && d.text[i] == ' ' {
			i++
		}
		if i >= len(d.text) || d.text[i] == '\n' {
			return 0, false
		}
		r, n := utf8.DecodeRuneInString(d.text[i:])
		switch {
		case r == ':' || r == '–' || r == '—' || r == '-' && i+1 < len(d.text) && d.text[i+1] == ' ':
			i += n
			for i < len(d.text) && (d.text[i] == ' ' || d.text[i] == ':') {
				i++
			}
			return i, i < len(d.text) && d.text[i] != '\n'
		case r == '(':
			k := strings.IndexByte(d.text[i:min(len(d.text), i+80)], ')')
			if k < 0 {
				return 0, false
			}
			i += k + 1
			continue
		case !isWordRune(r) && r != '/':
			return 0, false
		}
		j := d.nameWordEnd(i)
		if j == i {
			return 0, false
		}
		for _, c := range lex().copulaWords {
			if d.lower[i:j] == c {
				k := j
				for k < len(d.text) && (d.text[k] == ' ' || d.text[k] == ':') {
					k++
				}
				return k, k < len(d.text) && d.text[k] != '\n'
			}
		}
		i = j
		words++
	}
	return 0, false
}

// nameEndsClean reports whether a name read inline ends where a name may:
// at punctuation, a line end, or a word such as "z siedzibą".
func (d *doc) nameEndsClean(end int) bool {
	return end >= len(d.text) || !isWordByte(d.text[end])
}

// lineAround returns the bounds of the line holding p.
//
// The line breaks are found once and searched: scanning back from p on
// every call was quadratic on a text with few breaks (2 MB of pasted prose
// on one line took 12 s).
func (d *doc) lineAround(p int) (int, int) {
	if d.breaks == nil {
		d.breaks = make([]int, 0, strings.Count(d.text, "\n")+1)
		for i := 0; ; {
			j := strings.IndexByte(d.text[i:], '\n')
			if j < 0 {
				break
			}
			d.breaks = append(d.breaks, i+j)
			i += j + 1
		}
	}
	// The first break at or after p ends the line; the one before starts it.
	k, _ := slices.BinarySearch(d.breaks, p)
	ls, le := 0, len(d.text)
	if k > 0 {
		ls = d.breaks[k-1] + 1
	}
	if k < len(d.breaks) {
		le = d.breaks[k]
	}
	return ls, le
}

// headingLike reports whether a line is a heading or ends in a colon: a
// label for the block below it.
func (d *doc) headingLike(ls, le, p int) bool {
	if le-ls > 200 {
		return false // a paragraph, not a heading
	}
	line := strings.TrimLeft(strings.TrimSpace(d.text[ls:le]), "0123456789. ")
	if strings.HasSuffix(line, ":") {
		return true
	}
	return len(line) <= 70 && words(line) <= 7 && !strings.ContainsAny(line, ".,;") || strings.HasSuffix(strings.TrimRight(line, " "), ".") && words(line) <= 5 && p-ls < 12
}

// blockName reads the name on the first lines after a heading that ends at
// le: the first line that is a name, skipping lines that end in a colon.
func (r *partyReader) blockName(le int) (int, int, bool) {
	d := r.d
	i := le
	for lines := 0; lines < 4 && i < len(d.text); {
		for i < len(d.text) && (d.text[i] == '\n' || d.text[i] == ' ') {
			i++
		}
		ls, e := d.lineAround(i)
		if ls >= len(d.text) {
			break
		}
		line := strings.TrimSpace(d.text[ls:e])
		lines++
		if strings.HasSuffix(line, ":") || line == "" {
			i = e
			continue
		}
		if ns, ne, ok := r.lineName(ls, e); ok {
			return ns, ne, true
		}
		return 0, 0, false
	}
	return 0, 0, false
}

// lineName reads a name that fills a line, or the line's first comma
// part: "Alive Church", "Ukmergės rajono vartotojų kooperatyvas, Kauno g.
// 17", "- ФИО: Левковец А. И.".
func (r *partyReader) lineName(ls, le int) (int, int, bool) {
	d := r.d
	i := ls
	for i < le && (d.text[i] == ' ' || d.text[i] == '-' || d.text[i] == '*' || d.text[i] == '\t') {
		i++
	}
	if c := strings.IndexByte(d.text[i:le], ':'); c > 0 && c < 40 {
		label := strings.TrimSpace(d.lower[i : i+c])
		if !hasFrom(label, nameLabels) && !containsAny(label, lex().roleControllerWords) && !containsAny(label, lex().roleProcessorWords) {
			return 0, 0, false
		}
		i += c + 1
		for i < le && d.text[i] == ' ' {
			i++
		}
	}
	end := le
	for _, stop := range []string{",", " — ", " – ", " (", ";", " | ", " · "} {
		if k := strings.Index(d.text[i:end], stop); k > 0 {
			end = i + k
		}
	}
	seg := strings.TrimRight(d.text[i:end], " .")
	if seg == "" || len(seg) > 120 || words(seg) > 8 || strings.ContainsAny(seg, "@:") || hasDigit(seg) && words(seg) > 3 {
		return 0, 0, false
	}
	if k := classifyPart(seg, d.lower[i:i+len(seg)]); k != 0 && k != pGeneric {
		return 0, 0, false // an address line
	}
	for k := i; k <= i+len(seg); k++ {
		if e, ok := r.ents.byStart[k]; ok && e.end <= i+len(seg)+1 {
			return e.start, e.end, true
		}
	}
	r0, _ := utf8.DecodeRuneInString(seg)
	if !isNameStart(r0) && !hasUpper(seg) {
		return 0, 0, false
	}
	for _, w := range strings.Fields(strings.ToLower(seg)) {
		if lex().weWordSet[w] || isCopula(w) || notNames[w] {
			return 0, 0, false // a sentence ("Sie erreichen uns unter"), not a name
		}
	}
	return i, i + len(seg), true
}

func isCopula(w string) bool {
	for _, c := range lex().copulaWords {
		if w == c {
			return true
		}
	}
	return false
}

// hasFrom reports whether s equals or starts with one of the words.
func hasFrom(s string, words []string) bool {
	for _, w := range words {
		if s == w || strings.HasPrefix(s, w+" ") {
			return true
		}
	}
	return false
}

// copulaBefore finds "X is the data controller", "X ist verantwortlich",
// "UAB X, įmonės kodas …, yra jūsų asmens duomenų valdytoja": the subject
// that opens the sentence whose verb joins it to a controller word.
func (r *partyReader) copulaBefore() {
	d := r.d
	for _, w := range lex().roleControllerWords {
		for _, p := range d.find(w) {
			if !atWordStart(d.lower, p) {
				continue
			}
			if !d.copulaJustBefore(p, 4) {
				continue
			}
			ss, se := d.sentence(p, 300)
			if strings.ContainsRune(d.text[p:min(len(d.text), se+1)], '?') {
				continue // "Wer ist verantwortlich?" asks, it does not name
			}
			if ns, ne, ok := d.readName(ss, r.ents); ok && ne < p {
				r.add(ns, ne, signCopula)
			}
		}
	}
}

// weDefinitions finds X (hereinafter "we", "us"), X (далі — «ми»), and
// X (далее — «Оператор»).
func (r *partyReader) weDefinitions() {
	d := r.d
	for i := 0; i < len(d.text); {
		k := strings.IndexByte(d.text[i:], '(')
		if k < 0 {
			break
		}
		p := i + k
		i = p + 1
		close := strings.IndexByte(d.text[p:min(len(d.text), p+140)], ')')
		if close < 0 {
			continue
		}
		inner := d.lower[p+1 : p+close]
		if !quotesWe(inner) && !(containsAny(inner, brandCues) && containsAny(inner, lex().roleControllerWords)) {
			continue
		}
		if ns, ne, ok := d.readNameBefore(p, r.ents); ok {
			r.add(ns, ne, signWe)
		}
		// («Сміла Буд», далі — «ми»): the name inside is the one meant.
		if ns, ne, ok := d.readName(p+1, r.ents); ok && ne < p+close && closingQuote([]rune(d.text[ns:ne])[0]) != "" {
			r.add(ns, ne, signWe)
		}
	}
}

// quotesWe reports whether a parenthesis quotes a we-word: "we", «ми».
func quotesWe(inner string) bool {
	for _, part := range strings.FieldsFunc(inner, func(r rune) bool { return closingQuote(r) != "" || openingQuote(r) != "" || r == ',' }) {
		if lex().weWordSet[strings.TrimSpace(part)] {
			return true
		}
	}
	return false
}

// intros finds "X respects your privacy" where X opens the sentence.
func (r *partyReader) intros() {
	d := r.d
	for _, w := range lex().selfIntroWords {
		for _, p := range d.find(w) {
			ns, ne, ok := d.readNameBefore(p, r.ents)
			if !ok || !d.sentenceStart(ns) {
				continue
			}
			r.add(ns, ne, signIntro)
		}
	}
}

// sentenceStart reports whether a sentence or line begins at i.
func (d *doc) sentenceStart(i int) bool {
	j := i
	for j > 0 && (d.text[j-1] == ' ' || d.text[j-1] == '\t') {
		j--
	}
	return j == 0 || d.text[j-1] == '\n' || d.text[j-1] == '.' || d.text[j-1] == '!' || d.text[j-1] == '-' && j == i-1
}

// requisites finds the name standing right before an address: on the line
// above it, or before it on the same line ("Name, Street 1, City").
func (r *partyReader) requisites(addrEv []Evidence) {
	d := r.d
	for _, e := range addrEv {
		ls, _ := d.lineAround(e.Offset)
		if ls < e.Offset {
			if ns, ne, ok := r.lineName(ls, e.Offset); ok && strings.Trim(d.text[ne:e.Offset], " ,") == "" {
				r.add(ns, ne, signBlock)
			}
			continue
		}
		// The lines above: the name, perhaps with a person or an order line
		// between it and the address.
		i := ls
		for back := 0; back < 2 && i > 0; back++ {
			pls, _ := d.lineAround(i - 1)
			if strings.TrimSpace(d.text[pls:i-1]) == "" {
				break
			}
			if ns, ne, ok := r.lineName(pls, i-1); ok {
				r.add(ns, ne, signBlock)
				break
			}
			i = pls
		}
	}
}

// copyrights finds "© 2026 X" and "Copyright 2026 X".
func (r *partyReader) copyrights() {
	d := r.d
	for _, mark := range []string{"©", "(c) ", "copyright "} {
		for _, p := range indexAll(d.lower, mark) {
			i := p + len(mark)
			for i < len(d.text) && (d.text[i] == ' ' || isDigitByte(d.text[i]) || d.text[i] == '-' || d.text[i] == ',') {
				i++
			}
			if ns, ne, ok := d.readName(i, r.ents); ok {
				r.add(ns, ne, signCopyright)
			}
		}
	}
}

// registrationAfter reports whether a registration label follows a name
// closely: "SIA X, reģ. Nr. …", "ИП Иванов (ОГРНИП …)".
func (d *doc) registrationAfter(end int) bool {
	to := runeEnd(d.lower, min(len(d.lower), end+60))
	return d.anyBetween(registrationLabels, end, to)
}

// matchesDomain reports whether a name is the site's or e-mail's name:
// Specroll and specroll.pl, MigRent AI and migrent.au.
func matchesDomain(key string, domains []string) bool {
	if len(key) < 4 {
		return false
	}
	if lat := transliterate(key); lat != key && matchesDomain(lat, domains) {
		return true // «Гелікон» and helikon.janosi@gmail.com
	}
	for _, dom := range domains {
		label := nameKey(dom)
		if len(label) < 4 {
			continue
		}
		if strings.Contains(label, key) || strings.Contains(key, label) {
			return true
		}
	}
	return false
}

// ownDomains are the names a company's own addresses show: its site, its
// e-mail domains, and the local part of an address at a mail provider
// (klaipedosdziudo@gmail.com).
func ownDomains(sites, emails []string) []string {
	var out []string
	ownMail := false
	for _, e := range emails {
		local, domain, _ := strings.Cut(e, "@")
		if mailProviders[domain] {
			out = append(out, local)
			continue
		}
		out = append(out, strings.Split(domain, ".")[0])
		ownMail = true
	}
	// The sites a policy links to include its providers' (unsplash.com).
	// A company with its own mail domain has named itself there; else
	// the first site is the one the policy is most likely about.
	if !ownMail && len(sites) > 0 {
		out = append(out, strings.Split(sites[0], ".")[0])
	}
	return out
}

// domainPhrases finds the capitalised phrase of one to three words that
// spells the site's or e-mail's name: "Bombay Duck" for bombayduck.co.uk.
// It is one pass over the words of the text.
func (r *partyReader) domainPhrases(domains []string) {
	d := r.d
	want := map[string]bool{}
	for _, dom := range domains {
		if k := nameKey(dom); len(k) >= 4 {
			want[k] = true
		}
	}
	if len(want) == 0 {
		return
	}
	var firsts [256]bool
	for k := range want {
		firsts[k[0]] = true
	}
	type word struct{ start, end int }
	var last [3]word
	n, found := 0, 0
	for i := 0; i < len(d.text) && found < 3; {
		r0, size := utf8.DecodeRuneInString(d.text[i:])
		if !isWordRune(r0) {
			if r0 != ' ' {
				n = 0 // a phrase does not cross punctuation
			}
			i += size
			continue
		}
		j := d.nameWordEnd(i)
		if j == i {
			j = i + size
		}
		if !unicode.IsUpper(r0) {
			n = 0
			i = j
			continue
		}
		last[0], last[1], last[2] = last[1], last[2], word{i, j}
		n = min(n+1, 3)
		for k := 1; k <= n; k++ {
			s := last[3-k].start
			if c := d.lower[s]; c < 0x80 && !firsts[c] {
				continue // no wanted name starts with this letter
			}
			if want[nameKey(d.text[s:j])] && (k > 1 || utf8.RuneCountInString(d.text[s:j]) >= 4) {
				if r.add(s, j, signDomain) != nil {
					found++
				}
				break
			}
		}
		i = j
	}
}

// people finds natural persons by the form the text gives them:
// "фізична особа-підприємець Петренко Олена", "Einzelunternehmer Max Muster".
func (r *partyReader) people() {
	d := r.d
	for _, list := range [][]string{lex().soleTraderWords, lex().personWords} {
		for _, w := range list {
			for _, p := range d.find(w) {
				q := p + len(w)
				for q < len(d.text) && isWordByte(d.text[q]) {
					q++
				}
				for q < len(d.text) && (d.text[q] == ' ' || d.text[q] == ',' || d.text[q] == ':') {
					q++
				}
				ns, ne, ok := d.readName(q, r.ents)
				if !ok || ns != q || ne-ns < 4 {
					continue
				}
				if words(w) > 3 {
					p = ns // "osoba prowadząca działalność gospodarczą": keep the name alone
				}
				r.add(p, ne, signNameLabel)
			}
		}
	}
}

// selfNamed finds a company or a person naming itself at the start of a
// sentence: "We are Smith & Sons Plumbing", "Ми — ТОВ «Х»", "I, Jane Doe,
// run this site", "Я, Іван Петренко, …".
func (r *partyReader) selfNamed() {
	d := r.d
	try := func(words []string, comma bool) {
		for _, w := range words {
			var at []int
			if comma {
				// "I," / "Я," opens the sentence with a capital: search the
				// text for it rather than every "i" of the lower-case copy.
				r, n := utf8.DecodeRuneInString(w)
				at = indexAll(d.text, string(unicode.ToUpper(r))+w[n:]+",")
			} else {
				at = d.find(w)
			}
			for _, p := range at {
				q := p + len(w)
				if !d.sentenceStart(p) || q >= len(d.text) || isWordByte(d.text[q]) {
					continue
				}
				if comma {
					q++ // past the comma
				}
				ns, ne, ok := d.readName(q, r.ents)
				if !ok || comma && (ne >= len(d.text) || d.text[ne] != ',') {
					continue // "I, Name," stands between commas
				}
				r.add(ns, ne, signWe)
			}
		}
	}
	try(lex().weAreWords, false)
	try(lex().iAmWords, true)
}

// ownAddresses drops the addresses that belong to another party: those the
// text gives right after naming a processor, a platform, an authority or a
// representative ("Hetzner Online GmbH, Industriestr. 25, Gunzenhausen"),
// unless the controller is named closer to the address.
func (d *doc) ownAddresses(addrs []string, ev []Evidence, res controllerResult) []string {
	if len(res.parties) == 0 {
		return addrs
	}
	out := addrs[:0:0]
	for _, a := range addrs {
		owner := ""
		for _, e := range ev {
			if e.Value != a {
				continue
			}
			from := runeStart(d.text, max(0, e.Offset-250))
			window := d.text[from:e.Offset]
			if k := strings.LastIndex(window, "\n\n"); k >= 0 {
				window = window[k:]
			}
			last := -1
			for _, c := range res.parties {
				if k := strings.LastIndex(window, c.name); k > last {
					last, owner = k, c.role
				}
			}
			break
		}
		if owner != "" && owner != RoleController && owner != RoleOther {
			continue
		}
		out = append(out, a)
	}
	return out
}

// cyrillicLatin spells Ukrainian and Russian letters the way domain names
// usually do.
var cyrillicLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "h", 'ґ': "g", 'д': "d", 'е': "e", 'є': "ie", 'ж': "zh", 'з': "z", 'и': "y", 'і': "i",
	'ї': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ь': "", 'ю': "iu", 'я': "ia", 'ё': "e", 'ы': "y",
	'э': "e", 'ъ': "",
}

// transliterate writes a folded Cyrillic name in Latin letters; names in
// other scripts come back unchanged.
func transliterate(key string) string {
	var b strings.Builder
	changed := false
	for _, r := range key {
		if l, ok := cyrillicLatin[r]; ok {
			b.WriteString(l)
			changed = true
			continue
		}
		b.WriteRune(r)
	}
	if !changed {
		return key
	}
	return b.String()
}

// copulaJustBefore reports whether one of the n words before p is a
// copula ("is", "yra", "является"), not counting the sentence's first
// word. It reads backwards word by word, never past a line or a sentence
// end.
func (d *doc) copulaJustBefore(p, n int) bool {
	i := p
	for k := 0; k < n && i > 0; k++ {
		for i > 0 && d.lower[i-1] == ' ' {
			i--
		}
		j := i
		for j > 0 && d.lower[j-1] != ' ' && d.lower[j-1] != '\n' {
			j--
		}
		if j == i || j == 0 || d.lower[j-1] == '\n' {
			return false // the first word of a line is the subject, not a verb
		}
		if isCopula(d.lower[j:i]) {
			return true
		}
		if c := d.lower[i-1]; c == '.' || c == '!' || c == '?' || c == ':' {
			return false
		}
		i = j
	}
	return false
}

// owners finds who the text says owns or runs the site: "operated by
// Springfield Books LLC", "сайт належить ФОП Іваненко".
func (r *partyReader) owners() {
	d := r.d
	for _, w := range lex().ownerWords {
		for _, p := range d.find(w) {
			q := p + len(w)
			if q < len(d.text) && isWordByte(d.text[q]) {
				continue
			}
			if ns, ne, ok := d.readName(q, r.ents); ok && ns-q <= 2 && d.nameEndsClean(ne) {
				if c := r.add(ns, ne, signOwner); c != nil {
					r.roleFromContext(c, ns, ne)
				}
			}
		}
	}
}

// sentenceBreak returns where ". X" (a full stop, a space, a capital)
// first ends a sentence in s, or -1.
func sentenceBreak(s string) int {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == '.' && (s[i+1] == ' ' || s[i+1] == '\n') {
			r, _ := utf8.DecodeRuneInString(s[i+2:])
			if unicode.IsUpper(r) {
				return i
			}
		}
	}
	return -1
}
