package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"prava/casework"
	"prava/letters"
	"prava/record"
)

// write composes a first letter to a stored company, as the app's writer
// does (the same desk call, so the same channel, recipient and warnings).
func (c requestCmd) write() int {
	if *c.kind == "" {
		return c.fail(errors.New("give the kind of letter: --kind access (or erasure, withdrawal, rectification, objection, restriction, portability)"))
	}
	kind, err := record.ParseKind(*c.kind)
	if err != nil {
		return c.fail(err)
	}
	if kind.IsFollowUp() {
		return c.fail(fmt.Errorf("a %s follows a request: prava request followup REQUEST_ID --kind %s", kind, kind))
	}
	var profile *record.Profile
	if *c.from != "" {
		p, err := readProfile(*c.from)
		if err != nil {
			return c.fail(err)
		}
		profile = &p
	}
	desk, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer desk.Close()
	companyID := c.pos[0]
	co, ok := desk.View().Company(companyID)
	if !ok {
		return c.fail(fmt.Errorf("no company %q in the vault; list them with \"prava company list\"", companyID))
	}
	draft := casework.Draft{Kind: kind, Lang: *c.lang, Contact: -1, Date: time.Now().UTC()}
	if err := c.draft.fill(&draft); err != nil {
		return c.fail(err)
	}
	if *c.to != "" {
		if draft.Contact = contactIndex(co.Contacts, *c.to); draft.Contact < 0 {
			return c.fail(fmt.Errorf("%s has no contact %q: give one \"prava company show %s\" lists", co.Name, *c.to, co.ID))
		}
	}
	if profile != nil {
		if err := desk.SaveProfile(*profile); err != nil {
			return c.fail(fmt.Errorf("the profile in %s: %w", *c.from, err))
		}
	}
	ws, err := desk.WriteRequests(companyID, []casework.Draft{draft})
	if err != nil {
		return c.fail(err)
	}
	printWritten(c.stdout, ws[0])
	return exitOK
}

// contactIndex finds a contact by its value, case and spaces at the ends
// ignored; -1 when there is none.
func contactIndex(list []record.Contact, v string) int {
	for i, ct := range list {
		if strings.EqualFold(strings.TrimSpace(ct.Value), strings.TrimSpace(v)) {
			return i
		}
	}
	return -1
}

// readProfile reads a profile from a JSON file (the fields of "prava
// profile show --json"); unknown fields are refused, so a typo is not
// silently dropped.
func readProfile(path string) (record.Profile, error) {
	f, err := os.Open(path)
	if err != nil {
		return record.Profile{}, fmt.Errorf("cannot read the profile: %w", unwrapPath(err))
	}
	defer f.Close()
	var p record.Profile
	dec := json.NewDecoder(f)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return record.Profile{}, fmt.Errorf("%s is not a profile in JSON (fields: name, address, email, phone, birth_date, customer_ref, id_document, country): %v", path, err)
	}
	return p, nil
}

// requestView is a request as "request show --json" prints it.
type requestView struct {
	requestRow
	Law      string `json:"law"`
	Language string `json:"language"`
	Channel  string `json:"channel"`
	Contact  string `json:"contact"`
	Tracking string `json:"tracking,omitempty"`
	ParentID string `json:"parent_id,omitempty"`
	Next     string `json:"next,omitempty"`
	Basis    string `json:"basis,omitempty"`
	Subject  string `json:"subject,omitempty"`
	Letter   string `json:"letter"`
	Replies  int    `json:"replies"`
	// Email is what went by e-mail from Prava and came back; Events the
	// request's timeline, whose notes carry those Message-IDs too.
	Email  *emailView  `json:"email,omitempty"`
	Events []eventView `json:"events"`
}

func (c requestCmd) show() int {
	desk, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer desk.Close()
	v := desk.View()
	r, ok := v.Request(c.pos[0])
	if !ok {
		return c.fail(fmt.Errorf("no request %q in the vault; list them with \"prava request list\"", c.pos[0]))
	}
	letter, err := r.LetterText.Read()
	if err != nil {
		return c.fail(err)
	}
	out := requestView{requestRow: rowOfRequest(v, r), Law: string(r.Law), Language: r.Language, Channel: string(r.Channel),
		Contact: r.Contact, Tracking: r.Tracking, ParentID: r.ParentID, Subject: r.Subject, Letter: letter, Replies: len(r.Replies)}
	out.Email, out.Events = emailOf(r), eventsOf(v, r.ID)
	if r.ParentID == "" {
		o := v.Next(r, time.Now())
		out.Next, out.Basis = stepName(o.Step), o.Deadline.Basis
		if !o.Due.IsZero() {
			out.Due = o.Due.Format(time.DateOnly)
		}
	}
	if *c.asJSON {
		return printJSON(c.stdout, out)
	}
	line := func(label, s string) {
		if s != "" {
			fmt.Fprintf(c.stdout, "%-10s %s\n", label+":", s)
		}
	}
	line("ID", out.ID)
	line("Company", out.Company)
	line("Kind", out.Kind)
	line("Reference", out.Reference)
	line("Law", out.Law)
	line("Status", out.Status)
	line("To", oneLine(out.Contact)+" ("+out.Channel+")")
	line("Tracking", out.Tracking)
	line("Sent", out.Sent)
	line("Due", out.Due)
	line("Why", out.Basis)
	line("Next", out.Next)
	if e := out.Email; e != nil {
		line("E-mail", "<"+e.MessageID+"> "+e.Outcome)
		for _, rp := range e.Replies {
			line("Answer", fmt.Sprintf("<%s> %s, %s: %s (%s)", rp.MessageID, rp.Kind, rp.From, rp.Subject, rp.Match))
		}
		for _, rp := range e.Suggested {
			line("Maybe", fmt.Sprintf("<%s> %s: %s", rp.MessageID, rp.From, rp.Subject))
		}
	}
	fmt.Fprintf(c.stdout, "\n%s\n", out.Letter)
	return exitOK
}

// stepName says a request's next step in words.
func stepName(s casework.Step) string {
	return map[casework.Step]string{
		casework.StepClosed: "nothing: the request is closed", casework.StepSend: "send it, then: prava request record ID --event sent",
		casework.StepWait: "wait for the answer", casework.StepRemind: "the company is late: prava request followup ID --kind reminder",
		casework.StepWaitReminder: "wait: the reminder's term runs", casework.StepComplain: "complain to the authority: prava request followup ID --kind complaint",
		casework.StepComplained: "wait for the authority", casework.StepSendFollowUp: "send the reminder or complaint written for it",
		casework.StepAnswered: "the company answered: record done, or answer it: prava request followup ID --kind reply --refusal incomplete",
	}[s]
}

// events are the names "request record --event" takes.
var events = map[string]casework.Event{
	"sent": casework.EventSent, "delivered": casework.EventDelivered, "identity-asked": casework.EventIdentityAsked,
	"identity-provided": casework.EventIdentityProvided, "extended": casework.EventExtension,
	"answered": casework.EventReply, "refused": casework.EventRefused, "done": casework.EventDone,
}

func (c requestCmd) record() int {
	e, ok := events[strings.TrimSpace(*c.event)]
	if !ok {
		return c.fail(fmt.Errorf("--event %q: use sent, delivered, identity-asked, identity-provided, extended, answered, refused or done", *c.event))
	}
	on, err := parseDay(*c.date)
	if err != nil {
		return c.fail(err)
	}
	det := casework.Detail{Channel: record.Channel(strings.TrimSpace(*c.channel)), Tracking: strings.TrimSpace(*c.track), Note: strings.TrimSpace(*c.reason)}
	desk, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer desk.Close()
	if err := desk.Record(c.pos[0], e, on, det); err != nil {
		return c.fail(err)
	}
	v := desk.View()
	r, _ := v.Request(c.pos[0])
	row := rowOfRequest(v, r)
	fmt.Fprintf(c.stdout, "Recorded %s on %s for %s: now %s", e, on.Format(time.DateOnly), r.Reference, r.Status)
	if row.Due != "" {
		fmt.Fprintf(c.stdout, ", due %s", row.Due)
	}
	fmt.Fprintln(c.stdout)
	return exitOK
}

func (c requestCmd) followUp() int {
	kind, err := record.ParseKind(*c.kind)
	if err != nil || !kind.IsFollowUp() {
		return c.fail(fmt.Errorf("--kind %q: a follow-up is a reminder, a complaint or a reply", *c.kind))
	}
	var refusal letters.Refusal
	if kind == record.ReplyToRefusal {
		if refusal, err = letters.ParseRefusal(*c.refusal); err != nil {
			return c.fail(err)
		}
	} else if *c.refusal != "" {
		return c.fail(errors.New("--refusal goes with --kind reply only"))
	}
	desk, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer desk.Close()
	var w casework.Written
	if kind == record.ReplyToRefusal {
		w, err = desk.Answer(c.pos[0], refusal)
	} else {
		w, err = desk.FollowUp(c.pos[0], kind)
	}
	if err != nil {
		return c.fail(err)
	}
	printWritten(c.stdout, w)
	return exitOK
}

func (c requestCmd) pdf() int {
	if *c.out == "" {
		return c.fail(errors.New("give the file to write: --out FILE.pdf"))
	}
	desk, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer desk.Close()
	r, ok := desk.View().Request(c.pos[0])
	if !ok {
		return c.fail(fmt.Errorf("no request %q in the vault; list them with \"prava request list\"", c.pos[0]))
	}
	if err := writeNew(*c.out, r.PDF); err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.stdout, "Wrote %s (%d bytes)\n", *c.out, len(r.PDF))
	return exitOK
}
