package record

import (
	"fmt"
	"strings"
)

// Kind is a kind of request or follow-up.
type Kind string

// The requests Prava writes, and the follow-ups: a reminder, a reply to a
// company's refusal, and a complaint to the authority.
const (
	Access        Kind = "access"
	Erasure       Kind = "erasure"
	Withdrawal    Kind = "withdrawal"
	Rectification Kind = "rectification"
	Objection     Kind = "objection"
	Restriction   Kind = "restriction"
	Portability   Kind = "portability"
	Reminder      Kind = "reminder"
	// ReplyToRefusal answers a company that refused or stalled a request
	// (an ID copy demanded, portal only, "excessive", an incomplete answer,
	// a language the person cannot read); letters.Input.Refusal says which.
	ReplyToRefusal Kind = "reply"
	Complaint      Kind = "complaint"
	// AnyKind keys a company's marking or contact choice that holds for
	// every kind without one of its own.
	AnyKind Kind = "any"
)

// Kinds lists every kind in the order a person meets them.
var Kinds = []Kind{Access, Erasure, Withdrawal, Rectification, Objection, Restriction, Portability, Reminder, ReplyToRefusal, Complaint}

// FirstKinds lists the kinds that start a case, in the order a person
// meets them: every list of "what to ask for" shows these.
var FirstKinds = []Kind{Access, Erasure, Withdrawal, Rectification, Objection, Restriction, Portability}

// ParseKind reads a kind's name, accepting a few common other words.
func ParseKind(s string) (Kind, error) {
	k := Kind(strings.ToLower(strings.TrimSpace(s)))
	switch k {
	case "deletion", "delete", "erase":
		k = Erasure
	case "withdraw", "consent", "withdrawal-of-consent":
		k = Withdrawal
	}
	for _, known := range Kinds {
		if k == known {
			return k, nil
		}
	}
	return "", fmt.Errorf("unknown request kind %q: use one of %s", s, KindList(Kinds))
}

// KindList names kinds for a message or a command's help: "access, erasure".
func KindList(ks []Kind) string {
	names := make([]string, len(ks))
	for i, k := range ks {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// IsFollowUp says whether a kind follows an earlier request (a reminder, a
// reply to a refusal, a complaint) rather than starting one.
func (k Kind) IsFollowUp() bool { return k == Reminder || k == ReplyToRefusal || k == Complaint }

// Channel is how a company is reached and how a request travelled; it
// decides when a request counts as received.
type Channel string

// The channels. A contact is one of the first four; a request travels by
// e-mail, post, web form or by hand.
const (
	ByEmail   Channel = "email"
	ByPost    Channel = "post"
	ByWebForm Channel = "web form"
	ByPhone   Channel = "phone"
	ByHand    Channel = "in person"
)

// Code names a jurisdiction: UA, RU, US-CA, EU (GDPR with no member state
// known) or EU-XX for a member state of the EU or EEA.
type Code string
