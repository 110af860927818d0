package letters

import (
	"fmt"
	"strings"
)

// Ground is one of the grounds of Art. 17(1) GDPR on which an erasure
// request rests. A controller may refuse an erasure that names none, so
// every GDPR erasure letter names at least one.
type Ground string

// The grounds of Art. 17(1) GDPR a person can state.
const (
	GroundUnneeded  Ground = "unneeded"  // (a) no longer necessary for the purposes
	GroundConsent   Ground = "consent"   // (b) consent withdrawn, no other legal ground
	GroundObjection Ground = "objection" // (c) objection under Art. 21(1) or (2)
	GroundUnlawful  Ground = "unlawful"  // (d) unlawfully processed
)

// Grounds lists the grounds in the order of Art. 17(1).
var Grounds = []Ground{GroundUnneeded, GroundConsent, GroundObjection, GroundUnlawful}

// DefaultGrounds are the grounds an erasure letter states when the person
// picks none: consent withdrawn, and an Art. 21(1) objection, which
// between them cover consent and legitimate interest, the two bases a
// company can drop.
var DefaultGrounds = []Ground{GroundConsent, GroundObjection}

// ParseGround reads a ground's name: unneeded, consent, objection or
// unlawful, or the letter of Art. 17(1) (a–d).
func ParseGround(s string) (Ground, error) {
	switch g := strings.ToLower(strings.TrimSpace(s)); g {
	case "a", "unneeded", "not-needed", "purpose":
		return GroundUnneeded, nil
	case "b", "consent":
		return GroundConsent, nil
	case "c", "objection", "object":
		return GroundObjection, nil
	case "d", "unlawful":
		return GroundUnlawful, nil
	}
	return "", fmt.Errorf("%w: unknown erasure ground %q: use unneeded (a), consent (b), objection (c) or unlawful (d)", ErrRequest, s)
}

// Correction is one fix a rectification request asks for: what is wrong
// (the field, in the person's words) and what it should say.
type Correction struct {
	Field string // "address", "surname", "date of birth" …
	Value string // the correct value
	Was   string // what the company holds now, if the person knows it
}

// ParseCorrection reads "FIELD=VALUE" as the command line takes it.
func ParseCorrection(s string) (Correction, error) {
	field, value, ok := strings.Cut(s, "=")
	field, value = strings.TrimSpace(field), strings.TrimSpace(value)
	if !ok || field == "" || value == "" {
		return Correction{}, fmt.Errorf("%w: %q is not a correction: write it as FIELD=VALUE, for example \"address=Elijas iela 17, Rīga\"", ErrRequest, s)
	}
	return Correction{Field: field, Value: value}, nil
}

// Refusal is the kind of refusal a reply (record.ReplyToRefusal) answers.
type Refusal string

// The refusals companies commonly send, each with its reply.
const (
	// RefusalIDCopy: the company demands a copy of an identity document.
	// Art. 12(6) GDPR allows more information only on reasonable doubt,
	// and EDPB Guidelines 01/2022 ask for proportionate means.
	RefusalIDCopy Refusal = "id-copy"
	// RefusalPortal: the company accepts requests only through its portal
	// or form; the GDPR sets no form (Art. 12(2), EDPB 01/2022).
	RefusalPortal Refusal = "portal-only"
	// RefusalExcessive: the company calls the request excessive
	// (Art. 12(5)), which it must prove.
	RefusalExcessive Refusal = "excessive"
	// RefusalIncomplete: the answer lacks parts of what Art. 15 grants.
	RefusalIncomplete Refusal = "incomplete"
	// RefusalLanguage: the answer came in a language or format the person
	// cannot read (Art. 12(1): concise, intelligible, clear and plain).
	RefusalLanguage Refusal = "language"
)

// Refusals lists the refusals a reply can answer.
var Refusals = []Refusal{RefusalIDCopy, RefusalPortal, RefusalExcessive, RefusalIncomplete, RefusalLanguage}

// ParseRefusal reads a refusal's name.
func ParseRefusal(s string) (Refusal, error) {
	r := Refusal(strings.ToLower(strings.TrimSpace(s)))
	for _, k := range Refusals {
		if r == k {
			return r, nil
		}
	}
	names := make([]string, len(Refusals))
	for i, k := range Refusals {
		names[i] = string(k)
	}
	return "", fmt.Errorf("%w: unknown refusal %q: use one of %s", ErrRequest, s, strings.Join(names, ", "))
}

// AccessItems are the parts of an Art. 15 answer, as Request.Missing names
// them for a reply to an incomplete answer.
var AccessItems = []string{"copy", "purposes", "categories", "recipients", "retention", "rights", "complaint", "source", "automated", "transfers"}
