package law

import (
	"fmt"
	"strings"
)

// Kind is a kind of request or follow-up.
type Kind string

// The requests Prava writes, and the two follow-ups.
const (
	Access        Kind = "access"
	Erasure       Kind = "erasure"
	Withdrawal    Kind = "withdrawal"
	Rectification Kind = "rectification"
	Objection     Kind = "objection"
	Restriction   Kind = "restriction"
	Portability   Kind = "portability"
	Reminder      Kind = "reminder"
	Complaint     Kind = "complaint"
)

// Kinds lists every kind in the order a person meets them.
var Kinds = []Kind{Access, Erasure, Withdrawal, Rectification, Objection, Restriction, Portability, Reminder, Complaint}

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
