package record

import "time"

// Signature is a request's letter signed by the person outside Prava, with
// their national e-signature (eParaksts, Smart-ID, Diia): the archival copy
// Prava handed out for signing and the signed file that came back.
type Signature struct {
	// Copy is the letter as PDF/A-2b, exactly the bytes handed out for
	// signing; the signed file must hold these bytes.
	Copy Document `json:"copy"`
	// Signed is the signed file as chosen (.edoc, .asice, .adoc, .p7s or a
	// signed .pdf); empty until it is attached.
	Signed   Document  `json:"signed,omitzero"`
	Format   string    `json:"format,omitempty"`  // signed.Format: asic-e, pdf, cms
	Signers  []string  `json:"signers,omitempty"` // the signing certificates' subjects, as they say
	Checked  bool      `json:"checked,omitempty"` // the signature value was checked against its certificate
	Attached time.Time `json:"attached,omitzero"` // when the signed file was attached
	Note     string    `json:"note,omitempty"`    // what Prava could not check, in English
}

// IsSigned reports whether a signed file is attached.
func (s *Signature) IsSigned() bool { return s != nil && len(s.Signed.Data) > 0 }
