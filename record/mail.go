package record

import "time"

// MailBox is the person's own mailbox: its settings, the password with
// them, and where the last check of it stopped. It lives only inside the
// encrypted vault. The settings and the state are kept as the JSON the
// mail package writes (mail.Account, mail.State), so record stays plain
// data and a new setting there needs no change here; casework converts.
type MailBox struct {
	Account   []byte    `json:"account"`         // mail.Account as JSON, password included
	State     []byte    `json:"state,omitempty"` // mail.State as JSON; empty before the first check
	LastCheck time.Time `json:"last_check,omitempty"`
}

// EmailOutcome is how far the sending of a request by e-mail got.
type EmailOutcome string

// The outcomes of a sending, in the order they can happen.
const (
	// EmailSending: the message was composed and is being handed to the
	// server. A request left in this state (the program stopped) may have
	// been sent: look in the Sent folder before sending again.
	EmailSending EmailOutcome = "sending"
	// EmailSent: the server accepted the message.
	EmailSent EmailOutcome = "sent"
	// EmailFailed: the server refused it or could not be reached; nothing
	// was sent.
	EmailFailed EmailOutcome = "failed"
	// EmailUnsure: the connection broke after the whole message was handed
	// over: it may have been sent. It is never sent again by itself.
	EmailUnsure EmailOutcome = "unsure"
)

// Email is what a request sent by e-mail holds: the message as sent, the
// server's answer, and the company's messages matched to it.
type Email struct {
	MessageID string       `json:"message_id"` // ours, without angle brackets
	SHA256    string       `json:"sha256"`     // of Sent.Data, hex
	Sent      Document     `json:"sent"`       // the exact bytes handed to the server (message/rfc822)
	Outcome   EmailOutcome `json:"outcome"`
	Started   time.Time    `json:"started"`            // when it was handed to the server
	Accepted  time.Time    `json:"accepted,omitempty"` // when the server said it took it
	Server    string       `json:"server,omitempty"`   // host:port
	Response  string       `json:"response,omitempty"` // the server's final reply
	Receipt   []byte       `json:"receipt,omitempty"`  // mail.Receipt as JSON: TLS, certificate, Sent copy
	Error     string       `json:"error,omitempty"`    // why it failed, or why it may not have been sent
	// Token is an RFC 3161 timestamp over SHA256, made when the server
	// took the message (DER); empty when timestamps are off or failed.
	Token []byte `json:"token,omitempty"`
	// Replies are the messages matched to the request (certain or likely,
	// automatic answers and bounces too); Suggested are those that only
	// came from the company's domain, kept for the person to confirm.
	Replies   []EmailReply `json:"replies,omitempty"`
	Suggested []EmailReply `json:"suggested,omitempty"`
	// CaseNumbers are the company's own numbers for the request, read from
	// the subjects of its matched answers (a ticket system's "[#58213]");
	// later mail that carries only them is matched too.
	CaseNumbers []string `json:"case_numbers,omitempty"`
}

// EmailReply is one message from the company's side matched to a request.
type EmailReply struct {
	Key       string    `json:"key"` // the mail check's key: Message-ID, else a header hash
	MessageID string    `json:"message_id"`
	From      string    `json:"from"`
	Subject   string    `json:"subject"`
	Match     string    `json:"match"` // certain, likely, suggested
	Kind      string    `json:"kind"`  // reply, auto-reply, bounce, other
	Folder    string    `json:"folder,omitempty"`
	Received  time.Time `json:"received"`
	Raw       Document  `json:"raw"` // the whole message as received (message/rfc822); empty if too large
	// Token is an RFC 3161 timestamp over the SHA-256 of Raw's bytes, made
	// when the message was matched (DER); empty when off or failed.
	Token []byte `json:"token,omitempty"`
	// DKIM is the check of the message's DKIM signatures made when it
	// arrived, with the key records the domain published then
	// (evidence.DKIMRecord as JSON). Checked at receipt because domains
	// rotate their keys: months later, at the complaint, the key may be
	// gone and a true signature could no longer be shown to verify.
	DKIM []byte `json:"dkim,omitempty"`
}

// HasReply reports whether the message with key is already kept with the
// e-mail, matched or suggested.
func (e *Email) HasReply(key string) bool {
	if e == nil || key == "" {
		return false
	}
	for _, list := range [][]EmailReply{e.Replies, e.Suggested} {
		for _, r := range list {
			if r.Key == key {
				return true
			}
		}
	}
	return false
}
