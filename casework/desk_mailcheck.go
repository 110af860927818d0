package casework

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"prava/mail"
	"prava/record"
)

// CheckMail reads the mailbox once for answers to the requests sent and
// keeps what it finds: a certain or likely reply is attached to its
// request (the whole message and its files) and the request moves to
// answered, as when the person records a reply; an answer that only came
// from the company's domain is kept as a suggestion, not attached; an
// automatic answer or a bounce is noted on the timeline. Where the check
// stopped is saved in the same change, so nothing is attached twice and
// a failed save reads the same mail again next time. It returns every
// new message the check saw.
func (k *Desk) CheckMail(ctx context.Context) ([]mail.Message, error) {
	client, err := k.mailClient(ctx)
	if err != nil {
		return nil, err
	}
	snap := k.Data()
	var st mail.State
	if len(snap.Mail.State) > 0 {
		if err := json.Unmarshal(snap.Mail.State, &st); err != nil {
			st = mail.State{} // a state that cannot be read: look again from the start
		}
	}
	res, err := client.Check(ctx, sentByMail(snap), st)
	if err != nil {
		return nil, err
	}
	state, err := json.Marshal(res.State)
	if err != nil {
		return nil, err
	}
	// Timestamps are asked before the change, not inside it: the network
	// must not hold the vault.
	tokens, stampErrs, checks := map[string][]byte{}, map[string]error{}, map[string][]byte{}
	for _, m := range res.Messages {
		if m.Request != "" && m.Match != mail.MatchNone && m.Raw != nil {
			tokens[m.Key], stampErrs[m.Key] = k.stamp(ctx, m.Raw)
			checks[m.Key] = k.checkDKIM(ctx, m)
		}
	}
	err = k.update(func(d *record.Data) error {
		if d.Mail == nil {
			return errors.New("the mail account was removed during the check")
		}
		for _, m := range res.Messages {
			if k.keepMessage(d, m, tokens[m.Key], checks[m.Key]) && stampErrs[m.Key] != nil {
				k.log(d, EntryStampFailed, "", m.Request, clip(stampErrs[m.Key].Error(), 300))
			}
		}
		box := *d.Mail
		box.State, box.LastCheck = state, k.now().UTC()
		d.Mail = &box
		return nil
	})
	if err != nil {
		return nil, err
	}
	return res.Messages, nil
}

// keepMessage attaches, suggests or notes one message matched to a
// request, with token, its timestamp, if one was made, and dkim, the check
// of its signatures on arrival; one already kept, or for a request no
// longer there, is left. It reports whether the message was kept.
func (k *Desk) keepMessage(d *record.Data, m mail.Message, token, dkim []byte) bool {
	if m.Request == "" || m.Match == mail.MatchNone {
		return false
	}
	r := d.Request(m.Request)
	if r == nil || r.Email.HasReply(m.Key) {
		return false
	}
	next := r.Clone()
	if next.Email == nil {
		next.Email = &record.Email{}
	}
	on := k.now()
	if !m.Date.IsZero() && !day(m.Date).After(day(on)) && !day(m.Date).Before(day(r.Dates.Sent)) {
		on = m.Date
	}
	kept := record.EmailReply{Key: m.Key, MessageID: m.MessageID, From: m.From, Subject: m.Subject,
		Match: string(m.Match), Kind: string(m.Kind), Folder: m.Folder, Received: on.UTC(), Token: token, DKIM: dkim}
	if m.Raw != nil {
		kept.Raw = record.Document{Name: "reply.eml", Type: "message/rfc822", Data: m.Raw}
	}
	note := clip(m.From+": "+m.Subject, 200)
	what := Entry(EventReply)
	switch {
	case m.Kind == mail.KindBounce:
		next.Email.Replies = append(next.Email.Replies, kept)
		what = EntryMailBounce
		if m.Parsed != nil {
			note = clip(firstLine(m.Parsed.Text)+" ("+note+")", 300)
		}
	case m.Kind == mail.KindAutoReply:
		next.Email.Replies = append(next.Email.Replies, kept)
		what = EntryMailAutoReply
	case m.Match == mail.MatchSuggested:
		next.Email.Suggested = append(next.Email.Suggested, kept)
		what = EntryMailSuggested
	default:
		if err := Record(&next, EventReply, on, k.now()); err != nil {
			// Not sent yet by the dates (a reply to a request undone):
			// keep it as a suggestion for the person to look at.
			next.Email.Suggested = append(next.Email.Suggested, kept)
			what = EntryMailSuggested
			break
		}
		next.Email.Replies = append(next.Email.Replies, kept)
		reply := record.Reply{Received: day(on), Note: clip(m.Subject, 200)}
		if m.Parsed != nil {
			for _, p := range m.Parsed.Attachments {
				reply.Files = append(reply.Files, record.Document{Name: p.Filename, Type: p.ContentType, Data: p.Data})
			}
		}
		next.Replies = append(next.Replies, reply)
		note = day(on).Format(time.DateOnly) + ": " + note
	}
	if what != EntryMailSuggested {
		next.Email.CaseNumbers = addCaseNumbers(next.Email.CaseNumbers, mail.CaseNumbers(m.Subject, r.Reference))
	}
	*r = next
	k.log(d, what, r.CompanyID, r.ID, note+" <"+m.MessageID+">")
	return true
}

// maxCaseNumbers bounds the numbers remembered for one request, so that a
// company that numbers every message does not grow the check's searches.
const maxCaseNumbers = 8

// addCaseNumbers adds the numbers not yet known, up to maxCaseNumbers.
func addCaseNumbers(known, found []string) []string {
	for _, n := range found {
		if len(known) < maxCaseNumbers && !slices.ContainsFunc(known, func(k string) bool { return strings.EqualFold(k, n) }) {
			known = append(slices.Clip(known), n)
		}
	}
	return known
}

// sentSlack is how much earlier than our clock's sending time an answer
// may be stamped by the mail server's clock and still count as after it.
const sentSlack = time.Minute

// sentByMail lists the requests whose answer may come by e-mail: sent
// (from Prava or by hand, to an e-mail address) and not closed.
func sentByMail(d *record.Data) []mail.Sent {
	var out []mail.Sent
	for _, r := range d.Requests {
		if r.Dates.Sent.IsZero() || (r.Status != record.StatusSent && r.Status != record.StatusAnswered) || r.Reference == "" {
			continue
		}
		if r.Email == nil && r.Channel != record.ByEmail {
			continue
		}
		s := mail.Sent{RequestID: r.ID, Reference: r.Reference, SentAt: r.Dates.Sent}
		if r.Email != nil {
			s.CaseNumbers = r.Email.CaseNumbers
		}
		if e := r.Email; e != nil && e.Outcome == record.EmailSent {
			// The server stamps arrivals by its own clock, to the second:
			// a minute's slack keeps a quick answer from looking older
			// than the request.
			s.MessageID, s.SentAt = e.MessageID, e.Accepted.Add(-sentSlack)
		}
		seen := map[string]bool{}
		addDomain := func(addr string) {
			if at := strings.LastIndexByte(addr, '@'); at >= 0 {
				dom := strings.ToLower(strings.TrimSpace(addr[at+1:]))
				if dom != "" && !seen[dom] {
					seen[dom] = true
					s.Domains = append(s.Domains, dom)
				}
			}
		}
		addDomain(r.Contact)
		if c := d.Company(r.CompanyID); c != nil {
			for _, ct := range c.Contacts {
				if ct.Kind == record.ByEmail {
					addDomain(ct.Value)
				}
			}
		}
		out = append(out, s)
	}
	return out
}

// MailChecked is when the mailbox was last checked; zero if never.
func (k *Desk) MailChecked() time.Time {
	if m := k.Data().Mail; m != nil {
		return m.LastCheck
	}
	return time.Time{}
}

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// firstLine is the first line of a text that holds something.
func firstLine(s string) string {
	for l := range strings.SplitSeq(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}

// clip cuts s to at most n bytes, on a character boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return fmt.Sprint(s[:n], "…")
}
