package letters

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"prava/law"
)

// Date is a calendar day as templates print it.
type Date struct{ Day, Month, Year int }

func dateOf(t time.Time) *Date {
	if t.IsZero() {
		return nil
	}
	return &Date{t.Day(), int(t.Month()), t.Year()}
}

// Term is a length of time as templates print it: N and a unit, one of
// "days", "workdays" and "months".
type Term struct {
	N    int
	Unit string
}

func termOf(t *law.Term) *Term {
	if t == nil || t.N == 0 {
		return nil
	}
	u := map[law.Unit]string{law.CalendarDays: "days", law.WorkingDays: "workdays", law.Months: "months"}[t.Unit]
	return &Term{t.N, u}
}

// view is what the templates see. Every field is plain data; see
// assets/letters/README.md for what each means.
type view struct {
	Kind, Lang string
	Regime     string // GDPR, UA, RU or CCPA
	Country    string // the jurisdiction's state: LV, UA …; "" for EU
	From       Profile
	Name       personName
	To         Recipient
	Company    *Recipient
	Date       Date
	Reference  string
	Channel    string // email, post, web form, in person
	Due        *Date  // the deadline, when the day of receipt is known
	Term       *Term  // the term the law (or the letter) sets
	Extended   *Term  // the longest the company may extend it to
	Statutory  bool   // false: the law sets no term and the letter asks for one
	Promised   int
	Marking    string
	Service    string
	Extra      string
	Original   *priorView
	Reminder   *priorView
	Replies    []string
	Attach     []string
	Born       *Date  // the person's birth date, when the profile gives it
	Authority  string // the supervisory authority a reminder names
	// WithID says the law asks the letter to carry the identity document.
	WithID bool
}

type priorView struct {
	Kind      string
	Reference string
	Sent      Date
	Received  *Date
	Due       *Date
	Channel   string
	Tracking  string
}

func priorOf(p *Prior) *priorView {
	if p == nil {
		return nil
	}
	return &priorView{string(p.Kind), p.Reference, *dateOf(p.Sent), dateOf(p.Received), dateOf(p.Due), string(p.Channel), p.Tracking}
}

var cyrillic = map[string]bool{"uk": true, "ru": true}

// ErrRequest is wrapped by every error about what a request asks for.
var ErrRequest = errors.New("letter")

// regimeOf names a jurisdiction's regime the way templates test for it.
func regimeOf(c law.Code) string {
	switch {
	case c == "UA", c == "RU":
		return string(c)
	case c == "US-CA":
		return "CCPA"
	}
	return "GDPR"
}

// Compose writes the letter a request asks for.
func Compose(r Request) (*Letter, error) {
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
	if _, err := j.Rule(r.Kind); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrRequest, err)
	}
	if r.Date.IsZero() {
		return nil, fmt.Errorf("%w: the letter has no date", ErrRequest)
	}
	if err := checkContact(r); err != nil {
		return nil, err
	}
	if (r.Kind == law.Reminder || r.Kind == law.Complaint) && (r.Original == nil || r.Original.Sent.IsZero()) {
		return nil, fmt.Errorf("%w: a %s follows a request: say which request and when it was sent", ErrRequest, r.Kind)
	}
	if r.Kind == law.Complaint && r.Company == nil {
		return nil, fmt.Errorf("%w: a complaint needs the company it is about", ErrRequest)
	}
	t, err := templates(lang, r.Kind)
	if err != nil {
		return nil, err
	}
	v := newView(r, lang, j)
	if v.WithID && strings.TrimSpace(r.From.IDDocument) == "" && v.Regime == "RU" {
		return nil, fmt.Errorf("%w: 152-FZ Art. 14 part 3 asks a request to carry the identity document: add id_document (passport series and number, date of issue, issuer) to the profile", ErrProfile)
	}
	l, err := render(t, v, r)
	if err != nil {
		return nil, err
	}
	if d := v.Due; d != nil {
		l.Due = time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	}
	return l, nil
}

// checkContact makes sure the letter can reach its recipient by the
// channel chosen.
func checkContact(r Request) error {
	if strings.TrimSpace(r.To.Name) == "" {
		return fmt.Errorf("%w: the recipient has no name: give the company's name", ErrRequest)
	}
	switch r.Channel {
	case law.ByPost:
		if strings.TrimSpace(r.To.Address) == "" {
			return fmt.Errorf("%w: no postal address for %s: give one with --to, or send it by e-mail", ErrRequest, r.To.Name)
		}
	case law.ByEmail:
		if strings.TrimSpace(r.To.Email) == "" {
			return fmt.Errorf("%w: no e-mail address for %s: give one with --to, or send it by post", ErrRequest, r.To.Name)
		}
	}
	return nil
}

func newView(r Request, lang string, j *law.Jurisdiction) *view {
	clean := func(s string) string { return norm.NFC.String(strings.TrimSpace(s)) }
	from := r.From
	for _, f := range []*string{&from.Name, &from.Address, &from.Email, &from.Phone, &from.IDDocument, &from.CustomerRef} {
		*f = clean(*f)
	}
	to := r.To
	for _, f := range []*string{&to.Name, &to.Registration, &to.Address, &to.Email} {
		*f = clean(*f)
	}
	v := &view{
		Kind: string(r.Kind), Lang: lang, Regime: regimeOf(j.Code), Country: j.Country,
		From: from, Name: parseName(from.Name), To: to, Company: r.Company,
		Date: *dateOf(r.Date), Reference: clean(r.Reference), Channel: string(r.Channel),
		Promised: r.PromisedDays, Marking: clean(r.Marking), Service: clean(r.Service), Extra: clean(r.Extra),
		Original: priorOf(r.Original), Reminder: priorOf(r.Reminder), Replies: r.Replies, Attach: r.Attachments,
	}
	if b, err := time.Parse(time.DateOnly, from.BirthDate); err == nil {
		v.Born = dateOf(b)
	}
	v.Authority = clean(r.Authority)
	if v.Authority == "" {
		if a, err := law.AuthorityFor(j.Code, ""); err == nil {
			v.Authority = a.NameEn
			// Cyrillic names read well in either Cyrillic language.
			if a.Language == lang || cyrillic[lang] && cyrillic[a.Language] {
				v.Authority = a.NameLocal
			}
		}
	}
	switch v.Regime {
	case "RU":
		v.WithID = r.Kind != law.Complaint
	case "UA":
		v.WithID = r.Kind == law.Access
	}
	rule, _ := j.Rule(r.Kind)
	v.Term, v.Extended, v.Statutory = termOf(&rule.Term), termOf(rule.Extended), rule.Statutory
	// The clock is known when the letter reaches the company the day it
	// is sent; a posted letter states its term in words.
	if r.Channel != law.ByPost && r.Kind != law.Complaint {
		if d, err := law.Due(j, r.Kind, law.Clock{Sent: r.Date, Channel: r.Channel}, r.Options); err == nil {
			v.Due = dateOf(d.Due)
		}
	}
	return v
}

// render executes every part of the templates into a Letter.
func render(t *templateSet, v *view, r Request) (*Letter, error) {
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
		Subject: one("email.subject"),
	}
	if v.Marking != "" {
		l.Marking = one("marking")
	}
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
	return out
}
