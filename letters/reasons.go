package letters

import (
	"errors"
	"fmt"
	"prava/record"
	"strings"
)

// ErrReasons is wrapped (beside ErrRequest) by the refusal of a letter
// that would rest on the person's reasons and has none: a restriction on
// point (d) of Art. 18(1) GDPR, which presupposes an Art. 21(1)
// objection, or with no point at all; a Russian blocking demand that is
// not about inaccurate data. A desk asks for Input.Reasons (or the
// corrections) and writes the letter again; Input.Needs tells beforehand.
var ErrReasons = errors.New("reasons")

// The fields Needs names.
const (
	NeedReasons  = "reasons"  // Input.Reasons
	NeedEvidence = "evidence" // Input.Evidence
)

// Needs lists what a letter would be stronger with but the input
// lacks, for a desk to ask before writing it: NeedReasons where an
// objection (Art. 21(1) GDPR; 2297-VI Art. 8(2) item 5) or a ground
// resting on one has no reasons, NeedEvidence where a Russian
// rectification names nothing it encloses. Compose still writes those
// letters (a GDPR objection without reasons keeps direct marketing only,
// and says so in Letter.Warnings) except where Missing's need is a
// refusal: see ErrReasons. (Input.Missing is another thing: the parts an
// incomplete access answer lacks.)
func (r Input) Needs() []string {
	var out []string
	regime := regimeOf(r.Jurisdiction)
	if strings.TrimSpace(r.Reasons) == "" {
		switch {
		case r.Kind == record.Objection && (regime == "GDPR" || regime == "UA"),
			r.Kind == record.Erasure && regime == "GDPR" && hasGround(groundsOf(r), GroundObjection),
			r.Kind == record.Restriction && restrictionWants(r):
			out = append(out, NeedReasons)
		}
	}
	if r.Kind == record.Rectification && regime == "RU" && strings.TrimSpace(r.Evidence) == "" {
		out = append(out, NeedEvidence)
	}
	return out
}

// groundsOf are the grounds a letter states: the person's, or by default
// consent and objection for an erasure, and for a restriction point (d)
// only when the person gave reasons (point (a) comes with corrections).
func groundsOf(r Input) []Ground {
	if len(r.Grounds) > 0 {
		return r.Grounds
	}
	switch r.Kind {
	case record.Erasure:
		return DefaultGrounds
	case record.Restriction:
		if strings.TrimSpace(r.Reasons) != "" {
			return []Ground{GroundObjection}
		}
	}
	return nil
}

func hasGround(gs []Ground, g Ground) bool {
	for _, x := range gs {
		if x == g {
			return true
		}
	}
	return false
}

// restrictionWants says whether a restriction needs the person's
// reasons: it states point (d), or no point at all.
func restrictionWants(r Input) bool {
	gs := groundsOf(r)
	if regimeOf(r.Jurisdiction) == "RU" {
		return len(cleanCorrections(r.Corrections)) == 0
	}
	if hasGround(gs, GroundObjection) {
		return true
	}
	return len(cleanCorrections(r.Corrections)) == 0 && !hasGround(gs, GroundUnlawful) && !hasGround(gs, GroundUnneeded)
}

// checkReasons refuses a restriction that rests on reasons not given.
func checkReasons(r Input) error {
	if r.Kind != record.Restriction || strings.TrimSpace(r.Reasons) != "" || !restrictionWants(r) {
		return nil
	}
	if regimeOf(r.Jurisdiction) == "RU" {
		return fmt.Errorf("%w: %w: a demand to block data (152-FZ Art. 21(1)) says why: give the data to correct (--correction FIELD=VALUE) or why the processing is unlawful (--reasons)", ErrRequest, ErrReasons)
	}
	return fmt.Errorf("%w: %w: a restriction (Art. 18(1) GDPR) needs a ground: give the data you contest (--correction FIELD=VALUE), the ground unlawful or unneeded (--ground), or, for point (d), your reasons for objecting (--reasons)", ErrRequest, ErrReasons)
}

// reasonWarnings tell the person what a letter left out for want of
// their reasons or evidence.
func reasonWarnings(r Input) []string {
	var out []string
	for _, m := range r.Needs() {
		switch {
		case m == NeedReasons && r.Kind == record.Objection && regimeOf(r.Jurisdiction) == "GDPR":
			out = append(out, "No reasons given: the letter objects only to direct marketing (Art. 21(2)–(3) GDPR). To object to other processing under Art. 21(1), say what about your situation makes it wrong for you (--reasons).")
		case m == NeedReasons && r.Kind == record.Erasure:
			out = append(out, "No reasons given: the erasure's objection ground (Art. 17(1)(c)) rests on the direct-marketing objection only. Give your reasons (--reasons) to object to other processing under Art. 21(1).")
		case m == NeedReasons && r.Kind == record.Objection:
			out = append(out, "The objection gives the standard reasons (no consent, not needed for a contract with you); your own (--reasons) make it harder to refuse as unreasoned (2297-VI Art. 8(2) item 5).")
		case m == NeedEvidence:
			out = append(out, "152-FZ Art. 20(3) runs the 7 working days from the evidence of the correct data: enclose a copy of a document that shows it, and name it (--evidence).")
		}
	}
	return out
}
