package casework

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"prava/evidence"
	"prava/evidence/dkimcheck"
	"prava/evidence/evidencepdf"
	"prava/record"
)

// EvidenceOptions says how the evidence PDF of a request is written.
type EvidenceOptions struct {
	// Lang is the language of its labels (en, uk, ru, lv, lt); "" means
	// the person's language in the settings, else the letter's.
	Lang string
	// Lookup fetches the DKIM keys of the replies that carry no check
	// made on arrival (imported by hand, or kept before Prava checked on
	// arrival); nil means the system's resolver. Those are checked now,
	// against the keys published now.
	Lookup dkimcheck.LookupTXT
}

// Evidence writes the evidence PDF of a request for the supervisory
// authority (evidencepdf): the request as sent, its reminders and
// complaint, every reply kept with it, and the original messages and
// letters attached inside. It reads only: nothing stored changes. A
// request that was never sent is refused, as there is nothing to prove.
func (k *Desk) Evidence(ctx context.Context, requestID string, o EvidenceOptions) ([]byte, error) {
	v := k.View()
	r, ok := v.Request(requestID)
	if !ok {
		return nil, notFound("request", requestID)
	}
	if !wasSent(r) {
		return nil, problem("id", "not_sent", "request %s has not been sent, so there is no sending to prove: send it (prava mail send %s) or record how it went (prava request record %s --event sent --channel post --tracking N)", r.ID, r.ID, r.ID)
	}
	company, _ := v.Company(r.CompanyID)
	c := evidencepdf.Case{
		Reference: r.Reference, Company: company.Name, Subject: r.Subject, Person: v.Profile().Name,
		Lang: evidenceLang(o.Lang, v.Settings().Language, r.Language), Made: k.now(),
	}
	if c.Subject == "" {
		letter, err := r.LetterText.Read()
		if err != nil {
			return nil, err
		}
		c.Subject = strings.TrimSpace(strings.SplitN(letter, "\n", 2)[0])
	}
	if !slices.Contains(evidencepdf.Langs, c.Lang) {
		return nil, problem("language", "unknown", "the evidence PDF is written in %s, not %q", strings.Join(evidencepdf.Langs, ", "), o.Lang)
	}
	docs, err := k.evidenceOf(ctx, r, o.Lookup, "")
	if err != nil {
		return nil, err
	}
	c.Docs = docs
	// The reminders and the complaint that followed it, when sent.
	for _, f := range v.Requests() {
		if f.ParentID == r.ID && wasSent(f) {
			more, err := k.evidenceOf(ctx, f, o.Lookup, string(f.Kind)+"-")
			if err != nil {
				return nil, err
			}
			c.Docs = append(c.Docs, more...)
		}
	}
	return evidencepdf.Make(c)
}

// wasSent tells whether a request went out: Prava's mail server took it,
// or the person recorded its sending.
func wasSent(r record.Request) bool {
	return !r.Dates.Sent.IsZero() || r.Email != nil && r.Email.Outcome == record.EmailSent
}

// evidenceLang picks the labels' language: the one asked for, else the
// person's, else the letter's, else English.
func evidenceLang(asked, person, letter string) string {
	if asked != "" {
		return asked
	}
	for _, l := range []string{person, letter} {
		if slices.Contains(evidencepdf.Langs, l) {
			return l
		}
	}
	return "en"
}

// evidenceOf makes the documents of one request: its letter, its sending
// and its replies. prefix keeps a reminder's files apart from the
// request's.
func (k *Desk) evidenceOf(ctx context.Context, r record.Request, lookup dkimcheck.LookupTXT, prefix string) ([]evidencepdf.Doc, error) {
	var docs []evidencepdf.Doc
	title := r.Subject
	if len(r.PDF) > 0 {
		// A sending recorded by hand is dated by its day, which may be
		// earlier than the hour the letter was written on that day.
		written := r.Dates.Created
		if !r.Dates.Sent.IsZero() && r.Dates.Sent.Before(written) {
			written = r.Dates.Sent
		}
		docs = append(docs, evidencepdf.Doc{Title: title, Item: evidence.Item{
			Name: prefix + "letter.pdf", Role: evidence.RoleLetter, Data: r.PDF, Time: written.UTC()}})
	}
	if s := r.Signature; s.IsSigned() {
		note := strings.Join(s.Signers, "; ")
		if s.Note != "" {
			note = strings.TrimPrefix(note+". "+s.Note, ". ")
		}
		docs = append(docs, evidencepdf.Doc{Title: title, Item: evidence.Item{
			Name: prefix + "signed-" + s.Signed.Name, Role: evidence.RoleSigned, Data: s.Signed.Data,
			Time: s.Attached.UTC(), Note: note}})
	}
	if e := r.Email; e != nil && e.Outcome == record.EmailSent {
		at := e.Accepted
		if at.IsZero() {
			at = e.Started
		}
		it, _ := evidence.Sent(ctx, prefix+"request.eml", e.Sent.Data, at, e.MessageID, e.Response, nil)
		it.Token = e.Token
		docs = append(docs, evidencepdf.Doc{Item: it, Title: title})
		for i, m := range e.Replies {
			name := fmt.Sprintf("%sreply-%d.eml", prefix, i+1)
			d, err := k.checkedReply(ctx, name, m, lookup)
			if err != nil {
				return nil, err
			}
			d.Title, d.Token = m.Subject, m.Token
			if m.Kind != "" && m.Kind != "reply" {
				d.Note = m.Kind
			}
			docs = append(docs, d)
		}
	} else {
		it := evidence.Item{Name: prefix + "sending", Role: evidence.RoleSent, Time: r.Dates.Sent.UTC(), Channel: string(r.Channel)}
		if r.Channel == record.ByPost {
			it.Role, it.Registered = evidence.RoleReceipt, r.Tracking
			if r.Receipt != nil {
				it.Name, it.Data = prefix+r.Receipt.Name, r.Receipt.Data
			}
		}
		docs = append(docs, evidencepdf.Doc{Item: it, Title: title})
	}
	for i, rep := range r.Replies {
		if fromMail(rep, r.Email) {
			continue // the message itself is above, its attachments inside it
		}
		if len(rep.Files) == 0 {
			docs = append(docs, evidencepdf.Doc{Item: evidence.Item{Name: fmt.Sprintf("%sanswer-%d", prefix, i+1),
				Role: evidence.RoleReply, Time: rep.Received.UTC(), Note: rep.Note}})
		}
		for j, f := range rep.Files {
			d := evidencepdf.Doc{Item: evidence.Item{Name: prefix + f.Name, Role: evidence.RoleReply, Data: f.Data,
				Time: rep.Received.UTC(), Note: rep.Note}, Title: f.Name}
			if f.Type == "message/rfc822" || strings.HasSuffix(strings.ToLower(f.Name), ".eml") {
				var err error
				if d, err = k.keptReply(ctx, fmt.Sprintf("%sanswer-%d-%d.eml", prefix, i+1, j+1), f.Data, rep.Received, "", lookup); err != nil {
					return nil, err
				}
				d.Title, d.Note = f.Name, rep.Note
			}
			docs = append(docs, d)
		}
	}
	return docs, nil
}

// fromMail tells whether a reply is the one the mail check recorded for
// a kept message (the same day, its subject as the note), so the evidence
// shows that answer once.
func fromMail(rep record.Reply, e *record.Email) bool {
	if e == nil {
		return false
	}
	for _, m := range e.Replies {
		// The reply is dated by the local day of its arrival, the kept
		// message in UTC: they may be a day apart.
		if rep.Note == clip(m.Subject, 200) && rep.Received.Sub(day(m.Received)).Abs() <= 24*time.Hour {
			return true
		}
	}
	return false
}

// checkedReply is a reply kept by the mail check, with the check of its
// DKIM signatures made on its arrival; one kept before Prava checked on
// arrival is checked now.
func (k *Desk) checkedReply(ctx context.Context, name string, m record.EmailReply, lookup dkimcheck.LookupTXT) (evidencepdf.Doc, error) {
	if len(m.DKIM) == 0 || len(m.Raw.Data) == 0 {
		return k.keptReply(ctx, name, m.Raw.Data, m.Received, m.MessageID, lookup)
	}
	it := evidence.Item{Name: name, Role: evidence.RoleReply, Data: m.Raw.Data, Time: m.Received.UTC(),
		Channel: "email", MessageID: m.MessageID, DKIM: m.DKIM}
	return evidencepdf.Doc{Item: it}, nil
}

// keptReply checks a kept message's DKIM signatures now. A message too
// large to have been kept, or one that cannot be read as a message, is
// shown without a verdict rather than failing the whole PDF.
func (k *Desk) keptReply(ctx context.Context, name string, raw []byte, received time.Time, messageID string, lookup dkimcheck.LookupTXT) (evidencepdf.Doc, error) {
	if len(raw) == 0 {
		return evidencepdf.Doc{Item: evidence.Item{Name: name, Role: evidence.RoleReply, Time: received.UTC(), Channel: "email", MessageID: messageID}}, nil
	}
	it, err := evidence.Kept(ctx, name, raw, received, k.now(), messageID, lookup)
	if err != nil {
		if ctx.Err() != nil {
			return evidencepdf.Doc{}, ctx.Err()
		}
		it = evidence.Item{Name: name, Role: evidence.RoleReply, Data: raw, Time: received.UTC(), Channel: "email", MessageID: messageID}
	}
	return evidencepdf.Doc{Item: it}, nil
}
