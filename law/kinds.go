package law

import (
	"prava/record"
)

func kindList(ks []record.Kind) string { return record.KindList(ks) }

// Closest names the right that comes nearest to a kind a regime does not
// grant, so a refusal can point the person somewhere useful: portability
// falls back on access (a copy of the data), restriction on objection
// where the law knows it, else on erasure. It returns "" when the regime
// grants the kind or knows no fallback.
func (r *Regime) Closest(k record.Kind) record.Kind {
	if _, ok := r.Rules[k]; ok {
		return ""
	}
	var try []record.Kind
	switch k {
	case record.Portability:
		try = []record.Kind{record.Access}
	case record.Restriction:
		try = []record.Kind{record.Objection, record.Erasure}
	default:
		try = []record.Kind{record.Access}
	}
	for _, t := range try {
		if _, ok := r.Rules[t]; ok {
			return t
		}
	}
	return ""
}
