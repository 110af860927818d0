package dkimcheck

import "fmt"

// Verdict is what a Result means for the evidence, in one word a screen or
// an annex can translate.
type Verdict string

// The verdicts, from strongest to weakest evidence.
const (
	// Verified: a signature of the From domain (or its parent) verifies.
	Verified Verdict = "verified"
	// VerifiedOther: a signature verifies, but of another domain (a ticket
	// system signing for the company), which is weaker evidence.
	VerifiedOther Verdict = "verified-other-domain"
	// Broken: there are signatures and none verifies; the message was
	// changed after signing, or the key does not match.
	Broken Verdict = "does-not-verify"
	// Unknown: the keys could not be fetched or read, so nothing could be
	// said either way.
	Unknown Verdict = "unknown"
	// Unsigned: the message carries no DKIM signature.
	Unsigned Verdict = "unsigned"
)

// Verdict sums the signatures up: the best passing one wins, because one
// valid signature of the From domain is enough (RFC 6376 §6.1).
func (r Result) Verdict() Verdict {
	if len(r.Signatures) == 0 {
		return Unsigned
	}
	best := Unknown
	failed := false
	for _, s := range r.Signatures {
		switch {
		case s.Status == Pass && s.Aligned:
			return Verified
		case s.Status == Pass:
			best = VerifiedOther
		case s.Status == Fail:
			failed = true
		}
	}
	if best == Unknown && failed {
		return Broken
	}
	return best
}

// Words says the verdict in English, with the domain and selector and the
// time of the check, for the evidence annex; the desk translates the
// Verdict itself for screens.
func (r Result) Words() string {
	at := r.Checked.Format("2006-01-02 15:04 UTC")
	v := r.Verdict()
	s := r.strongest(v)
	switch v {
	case Verified:
		return fmt.Sprintf("DKIM signature of %s (selector %s) verified on receipt, %s", s.Domain, s.Selector, at)
	case VerifiedOther:
		return fmt.Sprintf("DKIM signature verified on receipt, %s, but it is of %s (selector %s), not of the sender's domain %s", at, s.Domain, s.Selector, r.FromDomain)
	case Broken:
		return fmt.Sprintf("DKIM signature of %s (selector %s) does not verify (checked %s): %s", s.Domain, s.Selector, at, s.Reason)
	case Unknown:
		return fmt.Sprintf("DKIM signature of %s could not be checked on receipt, %s: %s", s.Domain, at, s.Reason)
	default:
		return fmt.Sprintf("the message carries no DKIM signature (checked %s)", at)
	}
}

// strongest returns the signature the verdict rests on.
func (r Result) strongest(v Verdict) Signature {
	for _, s := range r.Signatures {
		switch v {
		case Verified:
			if s.Status == Pass && s.Aligned {
				return s
			}
		case VerifiedOther:
			if s.Status == Pass {
				return s
			}
		case Broken:
			if s.Status == Fail {
				return s
			}
		default:
			return s
		}
	}
	return Signature{}
}
