package law

import (
	"prava/record"
)

// The vocabulary lives in package record, beside the entities that use
// it; these names keep law's callers reading as before.
type (
	// Kind is record.Kind.
	Kind = record.Kind
	// Channel is record.Channel.
	Channel = record.Channel
	// Code is record.Code.
	Code = record.Code
)

// The kinds and channels, as in package record.
const (
	Access        = record.Access
	Erasure       = record.Erasure
	Withdrawal    = record.Withdrawal
	Rectification = record.Rectification
	Objection     = record.Objection
	Restriction   = record.Restriction
	Portability   = record.Portability
	Reminder      = record.Reminder
	Reply         = record.ReplyToRefusal
	Complaint     = record.Complaint
	ByEmail       = record.ByEmail
	ByPost        = record.ByPost
	ByWebForm     = record.ByWebForm
	ByHand        = record.ByHand
)

// Kinds lists every kind in the order a person meets them.
var Kinds = record.Kinds

// ParseKind reads a kind's name, accepting a few common other words.
func ParseKind(s string) (Kind, error) { return record.ParseKind(s) }

func kindList(ks []Kind) string { return record.KindList(ks) }

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
