package cli

import (
	"time"

	"prava/casework"
	"prava/record"
)

// emailView is a request's e-mail as "request show --json" prints it.
type emailView struct {
	MessageID string      `json:"message_id"`
	Outcome   string      `json:"outcome"`
	SHA256    string      `json:"sha256,omitempty"`
	Accepted  string      `json:"accepted,omitempty"`
	Response  string      `json:"response,omitempty"`
	Error     string      `json:"error,omitempty"`
	Replies   []replyView `json:"replies"`
	Suggested []replyView `json:"suggested"`
}

// replyView is one message matched to a request.
type replyView struct {
	MessageID string `json:"message_id"`
	From      string `json:"from"`
	Subject   string `json:"subject"`
	Match     string `json:"match"`
	Kind      string `json:"kind"`
	Received  string `json:"received"`
}

// eventView is one timeline entry of a request.
type eventView struct {
	Time string `json:"time"`
	What string `json:"what"`
	Note string `json:"note,omitempty"`
}

func emailOf(r record.Request) *emailView {
	e := r.Email
	if e == nil {
		return nil
	}
	out := &emailView{MessageID: e.MessageID, Outcome: string(e.Outcome), SHA256: e.SHA256, Response: e.Response, Error: e.Error,
		Replies: repliesOf(e.Replies), Suggested: repliesOf(e.Suggested)}
	if !e.Accepted.IsZero() {
		out.Accepted = e.Accepted.UTC().Format(time.RFC3339)
	}
	return out
}

func repliesOf(list []record.EmailReply) []replyView {
	out := []replyView{}
	for _, r := range list {
		out = append(out, replyView{MessageID: r.MessageID, From: r.From, Subject: r.Subject, Match: r.Match, Kind: r.Kind,
			Received: r.Received.UTC().Format(time.RFC3339)})
	}
	return out
}

func eventsOf(v casework.View, requestID string) []eventView {
	out := []eventView{}
	for _, t := range v.Timeline() {
		if t.RequestID == requestID {
			out = append(out, eventView{Time: t.Time.UTC().Format(time.RFC3339), What: t.What, Note: t.Note})
		}
	}
	return out
}
