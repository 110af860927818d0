package letters

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"

	"prava/law"
	"prava/record"
)

// rightNames are the kinds as a refusal names them.
var rightNames = map[record.Kind]string{
	record.Access: "the right of access (a copy of your data and how they are used)", record.Erasure: "the right to erasure",
	record.Withdrawal: "the withdrawal of consent", record.Rectification: "the right to rectification",
	record.Objection: "the right to object", record.Restriction: "the right to restriction of processing",
	record.Portability: "the right to data portability",
}

// Available reports whether a jurisdiction's law grants the right a kind
// of letter asserts. Where it does not (portability under Ukrainian or
// Russian law, restriction under Ukrainian law), the error names the right
// that comes closest, so nothing is written that the law does not back.
func Available(j *law.Jurisdiction, kind record.Kind) error {
	if _, err := j.Rule(kind); err == nil {
		return nil
	}
	msg := fmt.Sprintf("%s grants no %s", j.Regime.Name, strings.TrimPrefix(rightNames[kind], "the "))
	if rightNames[kind] == "" {
		msg = fmt.Sprintf("%s knows no %s letter", j.Regime.Name, kind)
	}
	if c := j.Regime.Closest(kind); c != "" {
		article := "a"
		if strings.ContainsRune("aeio", rune(c[0])) {
			article = "an"
		}
		msg += fmt.Sprintf("; the closest is %s: write %s %s letter instead (--kind %s)", rightNames[c], article, c, c)
		if kind == record.Portability {
			msg += ", and ask for the copy in a machine-readable format in your own words (--extra)"
		}
	} else {
		msg += fmt.Sprintf(": choose one of %s", kindNames(j.Regime.Granted()))
	}
	return fmt.Errorf("%w: %s", ErrRequest, msg)
}

func kindNames(ks []record.Kind) string {
	var out []string
	for _, k := range ks {
		if !k.IsFollowUp() {
			out = append(out, string(k))
		}
	}
	return strings.Join(out, ", ")
}

// checkChoices checks what a kind needs beyond the profile: the
// corrections a rectification makes, the refusal a reply answers.
func checkChoices(r Input) error {
	switch r.Kind {
	case record.Rectification:
		if len(cleanCorrections(r.Corrections)) == 0 {
			return fmt.Errorf("%w: a rectification letter says what to correct: give each correction as FIELD=VALUE (--correction \"address=Elijas iela 17, Rīga\")", ErrRequest)
		}
	case record.ReplyToRefusal:
		if _, err := ParseRefusal(string(r.Refusal)); err != nil {
			return fmt.Errorf("%w: a reply answers a refusal: say which (%v)", ErrRequest, err)
		}
	}
	for _, g := range r.Grounds {
		if _, err := ParseGround(string(g)); err != nil {
			return err
		}
	}
	if err := checkReasons(r); err != nil {
		return err
	}
	for _, m := range r.Missing {
		if !contains(AccessItems, strings.ToLower(strings.TrimSpace(m))) {
			return fmt.Errorf("%w: %q is not a part of an access answer: use %s", ErrRequest, m, strings.Join(AccessItems, ", "))
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// The identity document's parts, compiled on first use (issue #25).
// idIssuerRe finds a word that names an issuing body; idIssuedRe the word
// "issued", after which the issuer must follow. Both know the Latvian and
// Lithuanian words, so a Latvian or Lithuanian document is not refused
// for want of a Russian "выдан" (review 2, M11).
var (
	idNumberRe = lazyRe(`\d{4,}|\d{2}\s?\d{2}\s?\d{6}`)
	idDateRe   = lazyRe(`\b\d{1,2}[./]\d{1,2}[./]\d{4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\s+\p{L}+\s+\d{4}\b`)
	idIssuerRe = lazyRe(`(?i)(орган|отдел|відділ|управлінн|управлен|мвд|мвс|умвд|гунм|уфмс|фмс|дмс|рву|ру гу|код подразделения|authority|office|ministry|department|police|pmlp|pilsonības|migracijos|departament|policij)`)
	idIssuedRe = lazyRe(`(?i)(выдан|видан|issued|izdota|izdots|izdevējs|izsniegt|išduota|išduotas|išdavė)\p{L}*`)
)

// lazyRe compiles a regular expression the first time it is used.
func lazyRe(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// ErrIDDocument is wrapped (beside ErrProfile) by every refusal of a
// letter for want of the identity document the law asks it to carry.
var ErrIDDocument = errors.New("identity document")

// checkIDDocument makes sure a letter that must carry the identity
// document does, with what the law asks of it: 152-FZ Art. 14 part 3 asks
// for the document's number, its date of issue and its issuer; 2297-VI
// Art. 16 part 4 asks a Ukrainian access request for the document's
// details.
func checkIDDocument(v *view, doc string) error {
	if !v.WithID {
		return nil
	}
	doc = strings.TrimSpace(doc)
	switch v.Regime {
	case "RU":
		if doc == "" {
			return fmt.Errorf("%w: %w: 152-FZ Art. 14 part 3 asks a request to carry the identity document: add id_document (passport series and number, date of issue, issuer) to the profile", ErrProfile, ErrIDDocument)
		}
		var lacks []string
		if !idNumberRe().MatchString(doc) {
			lacks = append(lacks, "its number")
		}
		if !idDateRe().MatchString(doc) {
			lacks = append(lacks, "its date of issue (DD.MM.YYYY)")
		}
		if !hasIssuer(doc) {
			lacks = append(lacks, "who issued it (\"выдан …\")")
		}
		if len(lacks) > 0 {
			return fmt.Errorf("%w: %w: id_document %q lacks %s; 152-FZ Art. 14 part 3 asks for the number, the date of issue and the issuer, for example \"паспорт 45 10 123456, выдан 01.02.2010 ОУФМС России по г. Москве\"", ErrProfile, ErrIDDocument, doc, strings.Join(lacks, " and "))
		}
	case "UA":
		if doc == "" {
			return fmt.Errorf("%w: %w: Law 2297-VI Art. 16 part 4 asks an access request for the identity document's details: add id_document (type, series and number, date of issue, issuer) to the profile", ErrProfile, ErrIDDocument)
		}
	}
	return nil
}

// hasIssuer says whether an identity document's description names who
// issued it: a word for an issuing body, or some words after "выдан"
// besides the date.
func hasIssuer(doc string) bool {
	if idIssuerRe().MatchString(doc) {
		return true
	}
	loc := idIssuedRe().FindStringIndex(doc)
	if loc == nil {
		return false
	}
	rest := idDateRe().ReplaceAllString(doc[loc[1]:], "")
	letters := 0
	for _, r := range rest {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3 && !strings.EqualFold(strings.Trim(strings.TrimSpace(rest), ".,"), "by")
}

// warnings are what the person should know before sending the letter, in
// English for the command line and the app to show.
func warnings(r Input, v *view, j *law.Jurisdiction) []string {
	var out []string
	if v.Regime == "RU" && r.Channel == record.ByEmail && !r.Kind.IsFollowUp() {
		out = append(out, "152-FZ Art. 14 part 3 asks for a signed request: a plain e-mail may be refused. Print the PDF, sign it and send it by registered post, or attach a scan of the signed PDF, or sign it with a qualified electronic signature.")
	}
	if v.Regime == "RU" && v.Lang != "ru" && !r.Kind.IsFollowUp() {
		out = append(out, "The letter goes to a Russian operator in a language other than Russian: 152-FZ names no language for a request, but the operator may ask for a Russian version and so delay the answer. Write it in Russian if you can.")
	}
	if v.Site != "" && r.Kind != record.Complaint {
		out = append(out, fmt.Sprintf("The company is named only by its website (%s), so the letter goes to \"the controller of the website\". A controller is a legal or natural person, and a complaint will need its name: look for it in the policy or the site's imprint, and give it.", v.Site))
	}
	out = append(out, reasonWarnings(r)...)
	if r.Kind == record.Complaint && r.Channel == record.ByEmail {
		if a, ok := law.AuthorityNamed(r.To.Name); ok && a.SignedOnly {
			out = append(out, fmt.Sprintf("%s examines a complaint only when it is signed: post the signed PDF, or send it by e-mail signed with a qualified electronic signature (a plain e-mail is not examined).", a.NameEn))
		}
	}
	return out
}

// countries maps the last line of an address to its state, for the
// registration number's label.
var countries = map[string]string{
	"latvija": "LV", "latvia": "LV", "латвия": "LV", "латвія": "LV",
	"lietuva": "LT", "lithuania": "LT", "литва": "LT",
	"україна": "UA", "ukraine": "UA", "украина": "UA", "ukraina": "UA", "ukrainas": "UA",
	"россия": "RU", "российская федерация": "RU", "russia": "RU", "росія": "RU",
	"eesti": "EE", "estonia": "EE", "polska": "PL", "poland": "PL", "deutschland": "DE", "germany": "DE",
	"ireland": "IE", "usa": "US", "united states": "US", "united kingdom": "GB", "uk": "GB",
}

// countryOf reads a company's state from its address, or falls back on
// the jurisdiction's.
func countryOf(address, fallback string) string {
	lines := splitAddress(address)
	for i := len(lines) - 1; i >= 0 && i >= len(lines)-2; i-- {
		for _, part := range strings.Split(lines[i], ",") {
			if c, ok := countries[strings.ToLower(strings.TrimSpace(part))]; ok {
				return c
			}
		}
	}
	for _, p := range []string{"LV-", "LT-"} {
		if strings.Contains(address, p) {
			return p[:2]
		}
	}
	return fallback
}
