package casework

import (
	"errors"
	"slices"
	"strings"
	"time"

	"prava/letters"
	"prava/record"
)

// WriteRequests composes one letter per draft to a stored company and
// stores them as draft requests; all are written or none.
func (k *Desk) WriteRequests(companyID string, drafts []Draft) ([]Written, error) {
	if len(drafts) == 0 {
		return nil, problem("kind", "empty", "choose at least one kind of request")
	}
	var ws []Written
	err := k.update(func(d *record.Data) error {
		ws = ws[:0]
		// Each letter is kept before the next is written, so that two
		// letters of one day get references of their own.
		for _, dr := range drafts {
			w, err := Write(d, companyID, dr)
			if err != nil {
				return err
			}
			ws = append(ws, w)
			d.Requests = append(d.Requests, w.Request)
			k.log(d, EntryLetterWritten, companyID, w.Request.ID, w.Request.Reference)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ws, nil
}

// FollowUp writes the reminder or the complaint for a request and stores it
// as a draft.
func (k *Desk) FollowUp(requestID string, kind record.Kind) (Written, error) {
	var w Written
	err := k.update(func(d *record.Data) error {
		var err error
		if w, err = FollowUp(d, requestID, kind, k.today()); err != nil {
			return err
		}
		d.Requests = append(d.Requests, w.Request)
		k.log(d, EntryLetterWritten, w.Request.CompanyID, w.Request.ID, w.Request.Reference)
		return nil
	})
	return w, err
}

// Answer writes the reply to a company's refusal of a request (see
// casework.Answer) and stores it as a draft.
func (k *Desk) Answer(requestID string, refusal letters.Refusal) (Written, error) {
	var w Written
	err := k.update(func(d *record.Data) error {
		var err error
		if w, err = Answer(d, requestID, refusal, k.today()); err != nil {
			return err
		}
		d.Requests = append(d.Requests, w.Request)
		k.log(d, EntryLetterWritten, w.Request.CompanyID, w.Request.ID, w.Request.Reference)
		return nil
	})
	return w, err
}

// Detail is what a person adds to an event: how a letter was sent and its
// tracking number, a reply's note, the reason for a refusal.
type Detail struct {
	Channel  record.Channel // for EventSent: how it really went; "" keeps the letter's
	Tracking string         // a registered-mail number
	Note     string         // a reply's gist, a refusal's reason
}

// Record notes an event that happened on day to a request (sent,
// delivered, identity asked or provided, extension, reply, done, refused),
// with its checked date. A refusal needs its reason.
func (k *Desk) Record(requestID string, e Event, on time.Time, det Detail) error {
	if e == EventRefused && strings.TrimSpace(det.Note) == "" {
		return problem("note", "empty", "say why the company refused: it goes into the complaint")
	}
	return k.update(func(d *record.Data) error {
		r := d.Request(requestID)
		if r == nil {
			return notFound("request", requestID)
		}
		next := r.Clone()
		if err := Record(&next, e, on, k.now()); err != nil {
			return err
		}
		if e == EventSent {
			if det.Channel != "" {
				next.Channel = det.Channel
			}
			next.Tracking = strings.TrimSpace(det.Tracking)
		}
		note := on.Format(time.DateOnly)
		if n := strings.TrimSpace(det.Note); n != "" {
			switch e {
			case EventReply:
				next.Replies = append(next.Replies, record.Reply{Received: day(on), Note: n})
			case EventRefused:
				next.Notes = strings.TrimSpace(next.Notes + "\n" + "Refused: " + n)
			}
			note += ": " + n
		} else if e == EventReply {
			next.Replies = append(next.Replies, record.Reply{Received: day(on)})
		}
		*r = next
		k.log(d, Entry(e), r.CompanyID, r.ID, note)
		return nil
	})
}

// ErrNothingToUndo means the request has no recorded event left to undo.
var ErrNothingToUndo = errors.New("nothing to undo: no event was recorded on this request")

// UndoLastEvent takes back the last event recorded on a request (a wrong
// date, a click on the wrong button): its date is cleared, a reply it added
// removed, and the status goes back to what the remaining dates say.
func (k *Desk) UndoLastEvent(requestID string) error {
	return k.update(func(d *record.Data) error {
		r := d.Request(requestID)
		if r == nil {
			return notFound("request", requestID)
		}
		e, ok := lastEvent(d.Timeline, requestID)
		if !ok {
			return ErrNothingToUndo
		}
		next := r.Clone()
		switch e {
		case EventSent:
			next.Dates.Sent, next.Tracking = time.Time{}, ""
		case EventDelivered:
			next.Dates.Delivered = time.Time{}
		case EventIdentityAsked:
			next.Dates.IdentityAsked, next.Dates.IdentityProvided = time.Time{}, time.Time{}
		case EventIdentityProvided:
			next.Dates.IdentityProvided = time.Time{}
		case EventExtension:
			next.Dates.ExtensionNotified = time.Time{}
		case EventReply:
			if n := len(next.Replies); n > 0 {
				next.Replies = next.Replies[:n-1]
			}
			next.Dates.Answered = time.Time{}
			if n := len(next.Replies); n > 0 {
				next.Dates.Answered = next.Replies[n-1].Received
			}
		case EventDone, EventRefused:
			next.Dates.Closed = time.Time{}
		}
		next.Status = statusOf(next)
		*r = next
		k.log(d, EntryEventUndone, r.CompanyID, r.ID, string(e))
		return nil
	})
}

// LastEvent is the event UndoLastEvent would take back on a request, if
// there is one.
func LastEvent(d *record.Data, requestID string) (Event, bool) {
	return lastEvent(d.Timeline, requestID)
}

// lastEvent is the last request event logged for a request and not undone
// since: each "event undone" entry cancels the latest event before it.
func lastEvent(timeline []record.TimelineEntry, requestID string) (Event, bool) {
	undone := 0
	for i := len(timeline) - 1; i >= 0; i-- {
		t := timeline[i]
		if t.RequestID != requestID {
			continue
		}
		if t.What == string(EntryEventUndone) {
			undone++
			continue
		}
		if !slices.Contains(requestEvents, Event(t.What)) {
			continue
		}
		if undone > 0 {
			undone--
			continue
		}
		return Event(t.What), true
	}
	return "", false
}

// requestEvents are the events a person records on a request.
var requestEvents = []Event{EventSent, EventDelivered, EventIdentityAsked, EventIdentityProvided, EventExtension, EventReply, EventDone, EventRefused}

// statusOf is the status a request's dates and replies give.
func statusOf(r record.Request) record.Status {
	switch {
	case r.Dates.Sent.IsZero():
		return record.StatusDraft
	case !r.Dates.Closed.IsZero():
		if r.Status == record.StatusRefused {
			return record.StatusRefused
		}
		return record.StatusDone
	case !r.Dates.Answered.IsZero():
		return record.StatusAnswered
	}
	return record.StatusSent
}

// DeleteRequest removes a request written by mistake, with the reminders
// and complaints that follow it up. The app asks the person first.
func (k *Desk) DeleteRequest(id string) error {
	return k.update(func(d *record.Data) error {
		r := d.Request(id)
		if r == nil {
			return notFound("request", id)
		}
		companyID, ref := r.CompanyID, r.Reference
		gone := map[string]bool{id: true}
		// Follow-ups of follow-ups go too: a complaint follows a request
		// whose reminder follows it.
		for changed := true; changed; {
			changed = false
			for _, o := range d.Requests {
				if gone[o.ParentID] && !gone[o.ID] {
					gone[o.ID], changed = true, true
				}
			}
		}
		d.Requests = slices.DeleteFunc(d.Requests, func(r record.Request) bool { return gone[r.ID] })
		k.log(d, EntryRequestDeleted, companyID, id, ref)
		return nil
	})
}

// EditLetter replaces the body of a draft letter with the person's own
// text (paragraphs separated by blank lines; lines starting with "– " or
// "- " are list items) and renders its PDF and e-mail again. A letter
// already sent cannot change: it is the record of what was sent.
func (k *Desk) EditLetter(requestID, body string) error {
	blocks := parseBlocks(body)
	if len(blocks) == 0 {
		return problem("letter", "empty", "the letter's text cannot be empty")
	}
	return k.update(func(d *record.Data) error {
		r := d.Request(requestID)
		if r == nil {
			return notFound("request", requestID)
		}
		if r.Status != record.StatusDraft {
			return problem("letter", "sent", "the letter was sent, so its text stays as sent: write a new request instead")
		}
		w, err := rewrite(d, r)
		if err != nil {
			return err
		}
		w.Letter.Body = blocks
		pdf, err := w.Letter.PDF()
		if err != nil {
			return err
		}
		next := r.Clone()
		next.LetterText, next.PDF = record.NewText(w.Letter.Text()), pdf
		subject, mail := w.Letter.Email()
		next.Subject, next.EmailBody = subject, record.NewText(mail)
		*r = next
		k.log(d, EntryLetterEdited, r.CompanyID, r.ID, r.Reference)
		return nil
	})
}

// rewrite composes a draft's letter again as it was written: the same
// kind, language, contact, date and reference.
func rewrite(d *record.Data, r *record.Request) (Written, error) {
	if r.ParentID != "" {
		kind, err := record.ParseKind(string(r.Kind))
		if err != nil {
			return Written{}, err
		}
		if kind == record.ReplyToRefusal {
			// Which refusal it answers is not kept: write a new reply.
			return Written{}, problem("letter", "not_editable", "a reply to a refusal cannot be edited: delete it and write it again")
		}
		return followUp(d, r.ParentID, kind, "", r.Dates.Created, r.ID)
	}
	kind, err := record.ParseKind(string(r.Kind))
	if err != nil {
		return Written{}, err
	}
	c := d.Company(r.CompanyID)
	if c == nil {
		return Written{}, errors.New("the request's company was deleted")
	}
	contact := slices.IndexFunc(c.Contacts, func(ct record.Contact) bool { return ct.Value == r.Contact })
	w, err := Write(d, r.CompanyID, Draft{Kind: kind, Lang: r.Language, Contact: contact, Date: r.Dates.Created, replaces: r.ID})
	if err != nil {
		return Written{}, err
	}
	return w, nil
}

// DraftBody is the body of a draft's letter as text to edit: paragraphs
// separated by blank lines, list items starting with "– ", as EditLetter
// reads them back.
func DraftBody(d *record.Data, requestID string) (string, error) {
	r := d.Request(requestID)
	if r == nil {
		return "", notFound("request", requestID)
	}
	w, err := rewrite(d, r)
	if err != nil {
		return "", err
	}
	var parts []string
	for _, b := range w.Letter.Body {
		if b.Text != "" {
			parts = append(parts, b.Text)
			continue
		}
		var items []string
		for _, it := range b.Items {
			items = append(items, "– "+it)
		}
		parts = append(parts, strings.Join(items, "\n"))
	}
	return strings.Join(parts, "\n\n"), nil
}

// parseBlocks splits a letter's body as typed into paragraphs and lists.
func parseBlocks(text string) []letters.Block {
	var out []letters.Block
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		lines := strings.Split(para, "\n")
		var items []string
		for _, l := range lines {
			l = strings.TrimSpace(l)
			if it, ok := strings.CutPrefix(l, "– "); ok {
				items = append(items, it)
			} else if it, ok := strings.CutPrefix(l, "- "); ok {
				items = append(items, it)
			} else {
				items = nil
				break
			}
		}
		if items != nil {
			out = append(out, letters.Block{Items: items})
			continue
		}
		out = append(out, letters.Block{Text: strings.Join(strings.Fields(para), " ")})
	}
	return out
}

// AttachReply keeps a file the company sent with the request's latest
// reply, or with a new reply dated today when none was recorded.
func (k *Desk) AttachReply(requestID string, doc record.Document) error {
	if doc.Name == "" || len(doc.Data) == 0 {
		return problem("file", "empty", "the file is empty: choose the file the company sent")
	}
	if len(doc.Data) > MaxAttachment {
		return problem("file", "too_big", "%s is %d MB; Prava keeps files up to %d MB", doc.Name, len(doc.Data)>>20, MaxAttachment>>20)
	}
	return k.update(func(d *record.Data) error {
		r := d.Request(requestID)
		if r == nil {
			return notFound("request", requestID)
		}
		next := r.Clone()
		if len(next.Replies) == 0 {
			next.Replies = append(next.Replies, record.Reply{Received: k.today()})
		}
		last := &next.Replies[len(next.Replies)-1]
		last.Files = append(last.Files, doc)
		*r = next
		k.log(d, EntryFileAttached, r.CompanyID, r.ID, doc.Name)
		return nil
	})
}

// MaxAttachment bounds a file kept in the vault: the vault is read whole at
// every start.
const MaxAttachment = 20 << 20

// SaveProfile keeps the person's profile after checking its e-mail and
// birth date as letters would.
func (k *Desk) SaveProfile(p record.Profile) error {
	p.Name, p.Email = strings.TrimSpace(p.Name), strings.TrimSpace(p.Email)
	switch {
	case utf8Len(p.Name) > maxName:
		return problem("name", "too_long", "a name of over %d characters is not a name", maxName)
	case p.Email != "" && letters.CheckEmail(p.Email) != nil:
		return problem("email", "bad_email", "%q is not an e-mail address (name@example.com)", p.Email)
	case p.BirthDate != "" && letters.CheckBirthDate(p.BirthDate) != nil:
		return problem("birth_date", "bad_date", "the birth date is written YYYY-MM-DD, as 1990-04-17")
	}
	if p.Phone != "" {
		if err := CheckContact(&record.Contact{Kind: record.ByPhone, Value: p.Phone}); err != nil {
			return problem("phone", "bad_phone", "%q is not a phone number: 7 to 15 digits, with + ( ) - . or spaces", p.Phone)
		}
	}
	return k.update(func(d *record.Data) error {
		d.Profile = p
		k.log(d, EntryProfileSaved, "", "", "")
		return nil
	})
}

// SaveSettings keeps the person's settings.
func (k *Desk) SaveSettings(s record.Settings) error {
	if s.TransitDays < 0 || s.TransitDays > 60 {
		return problem("transit_days", "out_of_range", "postal transit is 0 to 60 days")
	}
	if err := checkTSA(s.TSA); err != nil {
		return err
	}
	return k.update(func(d *record.Data) error {
		d.Settings = s
		k.log(d, EntrySettingsSaved, "", "", "")
		return nil
	})
}

// utf8Len counts characters.
func utf8Len(s string) int { return len([]rune(s)) }
