package letters

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"prava/law"
	"prava/record"
)

// Date is a calendar day as templates print it.
type Date struct{ Day, Month, Year int }

func dateOf(t time.Time) *Date {
	if t.IsZero() {
		return nil
	}
	return &Date{t.Day(), int(t.Month()), t.Year()}
}

// termView is a length of time as templates print it: N and a unit, one of
// "days", "workdays" and "months".
type termView struct {
	N    int
	Unit string
}

func termOf(t *law.Term) *termView {
	if t == nil || t.N == 0 {
		return nil
	}
	u := map[law.Unit]string{law.CalendarDays: "days", law.WorkingDays: "workdays", law.Months: "months"}[t.Unit]
	return &termView{t.N, u}
}

// view is what the templates see. Every field is plain data; see
// assets/letters/README.md for what each means.
type view struct {
	Kind, Lang string
	Regime     string // GDPR, UA, RU or CCPA
	Country    string // the jurisdiction's state: LV, UA …; "" for EU
	From       Sender
	Name       personName
	To         Recipient
	Company    *Recipient
	Date       Date
	Reference  string
	Channel    string    // email, post, web form, in person
	Due        *Date     // the deadline, when the day of receipt is known
	Term       *termView // the term the law (or the letter) sets
	Extended   *termView // the longest the company may extend it to
	Statutory  bool      // false: the law sets no term and the letter asks for one
	Promised   int
	Marking    string
	Service    string
	Extra      string
	Original   *priorView
	Reminder   *priorView
	Replies    []replyView
	Attach     []string
	Born       *Date  // the person's birth date, when the profile gives it
	Authority  string // the supervisory authority a reminder names
	// WithID says the law asks the letter to carry the identity document.
	WithID bool
	// AuthorityName is the authority's own name, for a letter that has no
	// declined form of it (Authority is then ""); it goes in brackets
	// after a generic "the supervisory authority".
	AuthorityName string
	// ToDeclined says To.Name is already the declined addressee line of
	// an authority ("Уповноваженому …", "В Роскомнадзор …").
	ToDeclined bool

	Ground groundView // the Art. 17(1) grounds an erasure states
	// Reasons are the person's particular situation (Art. 21(1) GDPR) or
	// the reasons of a Ukrainian objection; "" when not given.
	Reasons string
	// Evidence is what a Russian rectification encloses.
	Evidence string
	// Site is the web domain of a company known by nothing else: the
	// letter then addresses the controller of that site.
	Site string
	// Entrepreneur is a Russian individual entrepreneur's name in the
	// dative ("Милевскому Александру Александровичу"), "" otherwise.
	Entrepreneur string
	Published    bool
	Corrections  []Correction
	TransferTo   *Recipient
	Refusal      string
	Missing      map[string]bool // the AccessItems a reply says are missing
	Replied      *Date
	// ForEmail is true while the e-mail's body is written: the sender's
	// details then come below the text, not above it.
	ForEmail bool
}

// groundView is the set of Art. 17(1) grounds, as templates test them.
type groundView struct{ Unneeded, Consent, Objection, Unlawful bool }

type priorView struct {
	// Statutory says the law set the request's term (false: the letter
	// asked for one, as Ukrainian erasure letters do).
	Statutory bool
	Kind      string
	Reference string
	Sent      Date
	Received  *Date
	Due       *Date
	Channel   string
	Tracking  string
	// Passed says the deadline ended before the day of this letter.
	Passed bool
}

func priorOf(p *Prior, j *law.Jurisdiction, today time.Time) *priorView {
	if p == nil || p.Sent.IsZero() {
		return nil
	}
	rule, _ := j.Rule(p.Kind)
	return &priorView{rule.Statutory, string(p.Kind), p.Reference, *dateOf(p.Sent), dateOf(p.Received), dateOf(p.Due), string(p.Channel), p.Tracking,
		!p.Due.IsZero() && p.Due.Before(today)}
}

// ErrRequest is wrapped by every error about what a request asks for.
var ErrRequest = errors.New("letter")

// regimeOf names a jurisdiction's regime the way templates test for it.
func regimeOf(c record.Code) string {
	switch {
	case c == "UA", c == "RU":
		return string(c)
	case c == "US-CA":
		return "CCPA"
	}
	return "GDPR"
}

// Compose writes the letter a request asks for.
func Compose(r Input) (*Letter, error) {
	if err := r.From.Validate(); err != nil {
		return nil, err
	}
	lang := r.Lang
	if lang == "" {
		lang = "en"
	}
	j, err := law.Lookup(string(r.Jurisdiction), r.Options)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrRequest, err)
	}
	if err := Available(j, r.Kind); err != nil {
		return nil, err
	}
	if r.Date.IsZero() {
		return nil, fmt.Errorf("%w: the letter has no date", ErrRequest)
	}
	if err := checkContact(r); err != nil {
		return nil, err
	}
	if r.Kind.IsFollowUp() && (r.Original == nil || r.Original.Sent.IsZero()) {
		return nil, fmt.Errorf("%w: a %s follows a request: say which request and when it was sent", ErrRequest, r.Kind)
	}
	if r.Kind == record.Complaint && r.Company == nil {
		return nil, fmt.Errorf("%w: a complaint needs the company it is about", ErrRequest)
	}
	if err := checkChoices(r); err != nil {
		return nil, err
	}
	t, err := templates(lang, r.Kind)
	if err != nil {
		return nil, err
	}
	v := newView(r, lang, j)
	if err := checkIDDocument(v, r.From.IDDocument); err != nil {
		return nil, err
	}
	l, err := render(t, v, r)
	if err != nil {
		return nil, err
	}
	l.Warnings = warnings(r, v, j)
	if d := v.Due; d != nil {
		l.Due = time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	}
	return l, nil
}

// checkContact makes sure the letter can reach its recipient by the
// channel chosen.
func checkContact(r Input) error {
	if strings.TrimSpace(r.To.Name) == "" {
		return fmt.Errorf("%w: the recipient has no name: give the company's name", ErrRequest)
	}
	switch r.Channel {
	case record.ByPost:
		if strings.TrimSpace(r.To.Address) == "" {
			return fmt.Errorf("%w: no postal address for %s: give one with --to, or send it by e-mail", ErrRequest, r.To.Name)
		}
	case record.ByEmail:
		if strings.TrimSpace(r.To.Email) == "" {
			return fmt.Errorf("%w: no e-mail address for %s: give one with --to, or send it by post", ErrRequest, r.To.Name)
		}
	}
	return nil
}

func newView(r Input, lang string, j *law.Jurisdiction) *view {
	clean := func(s string) string { return norm.NFC.String(strings.TrimSpace(s)) }
	from := r.From
	for _, f := range []*string{&from.Name, &from.Address, &from.Email, &from.Phone, &from.IDDocument, &from.CustomerRef} {
		*f = clean(*f)
	}
	if !r.PhoneGiven {
		from.Phone = ""
	}
	to := r.To
	for _, f := range []*string{&to.Name, &to.Registration, &to.Address, &to.Email, &to.Cc, &to.CcName} {
		*f = clean(*f)
	}
	if r.Kind != record.Complaint {
		to = withControllers(toEntities(to))
	}
	v := &view{
		Kind: string(r.Kind), Lang: lang, Regime: regimeOf(j.Code), Country: j.Country,
		From: from, Name: parseName(from.Name), To: to, Company: r.Company,
		Date: *dateOf(r.Date), Reference: clean(r.Reference), Channel: string(r.Channel),
		Promised: r.PromisedDays, Marking: clean(r.Marking), Service: serviceName(clean(r.Service)), Extra: clean(r.Extra),
		Original: priorOf(r.Original, j, r.Date), Reminder: priorOf(r.Reminder, j, r.Date), Replies: repliesOf(r.Replies), Attach: r.Attachments,
		Published: r.Published, Corrections: cleanCorrections(r.Corrections), TransferTo: r.TransferTo,
		Refusal: string(r.Refusal), Missing: missingOf(r.Missing), Replied: dateOf(r.Replied),
	}
	if v.To.Country == "" {
		v.To.Country = countryOf(v.To.Address, j.Country)
	}
	v.To.Address = dropNameLine(v.To.Name, v.To.Address)
	if c := r.Company; c != nil {
		cc := withControllers(toEntities(*c))
		if cc.Country == "" {
			cc.Country = countryOf(cc.Address, j.Country)
		}
		v.Company = &cc
	}
	v.Reasons, v.Evidence = clean(r.Reasons), clean(r.Evidence)
	for _, g := range groundsOf(r) {
		switch g {
		case GroundUnneeded:
			v.Ground.Unneeded = true
		case GroundConsent:
			v.Ground.Consent = true
		case GroundObjection:
			v.Ground.Objection = true
		case GroundUnlawful:
			v.Ground.Unlawful = true
		}
	}
	if b, err := time.Parse(time.DateOnly, from.BirthDate); err == nil && r.BirthDateKnown {
		v.Born = dateOf(b)
	}
	v.Site, _ = siteOnly(to.Name)
	if p, ok := entrepreneur(to.Name); ok {
		v.Entrepreneur = ruDative(p)
	}
	v.Authority, v.AuthorityName = authorityNames(r, lang, j)
	if r.Kind == record.Complaint {
		// A complaint goes to the authority: print its name in the form
		// the address block takes in this language.
		if a, ok := law.AuthorityNamed(to.Name); ok {
			if n, ok := a.NameIn(lang); ok {
				v.To.Name, v.ToDeclined = n.Addressee, true
			}
		}
	}
	switch v.Regime {
	case "RU":
		v.WithID = !r.Kind.IsFollowUp()
	case "UA":
		v.WithID = r.Kind == record.Access
	}
	rule, _ := j.Rule(r.Kind)
	v.Term, v.Extended, v.Statutory = termOf(&rule.Term), termOf(rule.Extended), rule.Statutory
	// The clock is known when the letter reaches the company the day it
	// is sent; a posted letter states its term in words.
	due, err := law.Due(j, r.Kind, law.Clock{Sent: r.Date, Channel: record.ByEmail}, r.Options)
	if err == nil && r.Channel != record.ByPost && r.Kind != record.Complaint {
		v.Due = dateOf(due.Due)
	}
	// A reply never asks for less time than the request's own deadline
	// still leaves.
	if r.Kind == record.ReplyToRefusal && v.Due != nil && r.Original != nil && r.Original.Due.After(due.Due) {
		v.Due = dateOf(r.Original.Due)
	}
	// A company's own promise is quoted only when it is shorter than the
	// law's term: a longer one would read as a concession.
	promisedKind := r.Kind
	if r.Kind.IsFollowUp() && r.Original != nil {
		promisedKind = r.Original.Kind // a reminder quotes the request's promise
	}
	if r.PromisedDays > 0 && (err != nil || !r.Date.AddDate(0, 0, r.PromisedDays).Before(due.Due) ||
		r.PromisedFor != nil && !slices.Contains(r.PromisedFor, promisedKind)) {
		// Nor is a promise quoted for a kind it does not cover.
		v.Promised = 0
	}
	return v
}

// lastRune is the last character of s.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// render executes every part of the templates into a Letter.
func render(t *templateSet, v *view, r Input) (*Letter, error) {
	var failed error
	exec := func(name string, data any) string {
		if failed != nil {
			return ""
		}
		var b strings.Builder
		if err := t.ExecuteTemplate(&b, name, data); err != nil {
			failed = fmt.Errorf("letters: the %s letter in %q: %w", r.Kind, v.Lang, err)
		}
		return b.String()
	}
	lines := func(name string) []string { return textLines(exec(name, v)) }
	one := func(name string) string { return strings.Join(lines(name), " ") }

	l := &Letter{
		Kind: r.Kind, Lang: v.Lang, Jurisdiction: r.Jurisdiction, Reference: v.Reference, Date: r.Date,
		Layout:         Layout(one("layout")),
		RecipientLabel: one("recipient.label"), Recipient: lines("recipient"),
		SenderLabel: one("sender.label"), Sender: lines("sender"),
		ReturnLine: one("returnline"), Dateline: lines("dateline"),
		Title: lines("title"), Body: blocks(exec("body", v)),
		Closing: one("closing"), Signature: lines("signature"),
		AttachLabel: one("attachments.label"), Attachments: lines("attachments"),
		Subject:       subjectOnce(v, func(name string, v *view) string { return strings.Join(textLines(exec(name, v)), " ") }),
		RecipientName: r.To.Name, RecipientEmail: v.To.Email, CcEmail: ccOf(v.To, r.Channel),
		CcName:     v.To.CcName,
		SenderName: v.From.Name, SenderEmail: v.From.Email,
	}
	if v.Marking != "" {
		l.Marking = one("marking")
	}
	v.ForEmail = true
	l.emailBody = blocks(exec("body", v))
	l.emailClosing = one("email.closing")
	v.ForEmail = false
	l.pageLabel = strings.Join(textLines(exec("page", map[string]string{"Page": pageMark, "Pages": pagesMark, "Reference": v.Reference})), " ")
	if failed != nil {
		return nil, failed
	}
	switch l.Layout {
	case Window:
	case TopRight:
		l.TitleCentred = true
	default:
		return nil, fmt.Errorf("letters: %q names an unknown layout %q (window or top-right)", v.Lang, l.Layout)
	}
	if len(l.Title) == 0 || len(l.Body) == 0 {
		return nil, fmt.Errorf("letters: the %s letter in %q has no title or no body", r.Kind, v.Lang)
	}
	return l, nil
}

// textLines splits a template's output into its non-blank lines, with
// runs of spaces made one. A tab divides a line into columns (date,
// signature, name), which stay apart on paper.
func textLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		cols := strings.Split(l, "\t")
		for i, c := range cols {
			cols[i] = strings.Join(strings.Fields(c), " ")
		}
		if l = strings.Trim(strings.Join(cols, "\t"), "\t"); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// blocks reads a body: paragraphs are separated by blank lines, a line
// starting with "- " starts a list item, and the lines of a paragraph or an
// item are joined, so a template may wrap its text freely.
func blocks(s string) []Block {
	var out []Block
	var para []string
	inList := false
	flush := func() {
		if len(para) > 0 {
			out = append(out, Block{Text: strings.Join(para, " ")})
			para = nil
		}
	}
	for _, raw := range strings.Split(s, "\n") {
		line := strings.Join(strings.Fields(raw), " ")
		switch {
		case line == "":
			flush()
			inList = false
		case strings.HasPrefix(line, "- "):
			flush()
			item := strings.TrimPrefix(line, "- ")
			if inList {
				last := &out[len(out)-1]
				last.Items = append(last.Items, item)
			} else {
				out = append(out, Block{Items: []string{item}})
				inList = true
			}
		case inList:
			last := &out[len(out)-1]
			last.Items[len(last.Items)-1] += " " + line
		default:
			para = append(para, line)
		}
	}
	flush()
	// A list ends with a full stop, whichever of its items a template
	// left out.
	for i := range out {
		if n := len(out[i].Items); n > 0 {
			last := out[i].Items[n-1]
			switch {
			case strings.HasSuffix(last, ";"):
				out[i].Items[n-1] = strings.TrimSuffix(last, ";") + "."
			case !strings.ContainsRune(".!?:)»”", lastRune(last)):
				out[i].Items[n-1] = last + "." // an item the person wrote, such as a reply
			}
		}
	}
	return out
}

// ccOf is the address a letter's e-mail is copied to: to.Cc, unless the
// letter goes by post or the copy would go to the recipient again.
func ccOf(to Recipient, channel record.Channel) string {
	cc := to.Cc
	if channel == record.ByPost || to.Email == "" || strings.EqualFold(cc, to.Email) {
		return ""
	}
	return cc
}
