package law

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
	// Reply answers a company that refused or stalled a request (an ID
	// copy demanded, portal only, "excessive", an incomplete answer, a
	// language the person cannot read); letters.Input.Refusal says which.
	Reply     Kind = "reply"
	Complaint Kind = "complaint"
)

// Kinds lists every kind in the order a person meets them.
var Kinds = []Kind{Access, Erasure, Withdrawal, Rectification, Objection, Restriction, Portability, Reminder, Reply, Complaint}

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
	return "", fmt.Errorf("unknown request kind %q: use one of %s", s, kindList(Kinds))
}

func kindList(ks []Kind) string {
	names := make([]string, len(ks))
	for i, k := range ks {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// IsFollowUp says whether a kind follows an earlier request (a reminder, a
// reply to a refusal, a complaint) rather than starting one.
func (k Kind) IsFollowUp() bool { return k == Reminder || k == Reply || k == Complaint }

// Closest names the right that comes nearest to a kind a regime does not
// grant, so a refusal can point the person somewhere useful: portability
// falls back on access (a copy of the data), restriction on objection
// where the law knows it, else on erasure. It returns "" when the regime
// grants the kind or knows no fallback.
func (r *Regime) Closest(k Kind) Kind {
	if _, ok := r.Rules[k]; ok {
		return ""
	}
	var try []Kind
	switch k {
	case Portability:
		try = []Kind{Access}
	case Restriction:
		try = []Kind{Objection, Erasure}
	default:
		try = []Kind{Access}
	}
	for _, t := range try {
		if _, ok := r.Rules[t]; ok {
			return t
		}
	}
	return ""
}
