package casework

import (
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"prava/evidence/pdfa"
	"prava/evidence/signed"
	"prava/record"
)

// The timeline's words for signing.
const (
	EntrySigningCopy Entry = "copy made for signing"
	EntrySigned      Entry = "signed letter attached"
)

// SigningCopy is the request's letter as PDF/A-2b, the form the national
// e-signature services sign, and keeps those exact bytes with the request
// so that the signed file can be checked against them. Asked again, it
// gives the same copy, so a file downloaded twice signs the same letter.
// A letter edited since gets a new copy; one already signed keeps its own.
func (k *Desk) SigningCopy(requestID string) (record.Document, error) {
	var out record.Document
	err := k.update(func(d *record.Data) error {
		r := d.Request(requestID)
		if r == nil {
			return notFound("request", requestID)
		}
		if len(r.PDF) == 0 {
			return problem("letter", "no_pdf", "the request has no letter to sign: write it first")
		}
		if s := r.Signature; s != nil && (s.IsSigned() || r.Status != record.StatusDraft) {
			out = s.Copy
			return errUnchanged
		}
		pdf, err := pdfa.Convert(r.PDF, pdfa.Options{Part: 2, Zone: time.Local})
		if err != nil {
			return err
		}
		if s := r.Signature; s != nil && string(s.Copy.Data) == string(pdf) {
			out = s.Copy
			return errUnchanged
		}
		next := r.Clone()
		next.Signature = &record.Signature{Copy: record.Document{
			Name: signingName(r), Type: "application/pdf", Data: pdf}}
		*r = next
		out = next.Signature.Copy
		k.log(d, EntrySigningCopy, r.CompanyID, r.ID, r.Reference)
		return nil
	})
	if errors.Is(err, errUnchanged) {
		err = nil
	}
	return out, err
}

// errUnchanged ends an update that has nothing to change.
var errUnchanged = errors.New("unchanged")

// AttachSigned checks that file (named name, as chosen) is a signature
// container or signed PDF holding exactly the copy SigningCopy gave for the
// request, and keeps it with the request; sending by e-mail then carries
// the signed file. It checks what can be checked offline (see package
// signed) and says in the result what it could not. A file that holds
// another document, or is not a signed file, is refused and nothing is
// stored.
func (k *Desk) AttachSigned(requestID, name string, file []byte) (record.Signature, error) {
	var out record.Signature
	if len(file) == 0 {
		return out, problem("signed", "empty", "the file is empty: choose the signed file the signing service gave you")
	}
	if len(file) > MaxAttachment {
		return out, problem("signed", "too_big", "%s is %d MB; a signed letter is at most %d MB", name, len(file)>>20, MaxAttachment>>20)
	}
	err := k.update(func(d *record.Data) error {
		r := d.Request(requestID)
		if r == nil {
			return notFound("request", requestID)
		}
		if r.Signature == nil || len(r.Signature.Copy.Data) == 0 {
			return problem("signed", "no_copy", "make the copy for signing first (\"Sign…\" or \"prava request sign\"), sign that file, then attach what the signing service gives back")
		}
		m, err := signed.Check(name, file, r.Signature.Copy.Data)
		switch {
		case errors.Is(err, signed.ErrOtherDocument):
			return problem("signed", "other_document", "%s signs another document than this letter: sign the copy Prava made for this request", name)
		case err != nil:
			return problem("signed", "unreadable", "%s", strings.TrimPrefix(err.Error(), "signed: "))
		}
		next := r.Clone()
		s := *next.Signature
		s.Signed = record.Document{Name: fileName(name, "signed"+signedExt(m.Format)), Type: signedType(m.Format), Data: file}
		s.Format, s.Signers, s.Checked, s.Note = string(m.Format), m.Signers, m.SignatureChecked, m.Unchecked
		s.Attached = k.now().UTC()
		next.Signature = &s
		*r = next
		out = s
		k.log(d, EntrySigned, r.CompanyID, r.ID, name+" ("+strings.Join(m.Signers, "; ")+")")
		return nil
	})
	return out, err
}

// signingName is the copy's file name: the reference says which letter it
// is when the person finds it in their downloads.
func signingName(r *record.Request) string {
	return strings.TrimSuffix(pdfName(r), ".pdf") + "-to-sign.pdf"
}

// signedType is the media type a signed file goes by in mail and bundles.
func signedType(f signed.Format) string {
	switch f {
	case signed.PDF:
		return "application/pdf"
	case signed.CMS:
		return "application/pkcs7-signature"
	default:
		return "application/vnd.etsi.asic-e+zip"
	}
}

// signedExt is the extension a signed file of format f is named with when
// its own name is unusable.
func signedExt(f signed.Format) string {
	switch f {
	case signed.PDF:
		return ".pdf"
	case signed.CMS:
		return ".p7s"
	}
	return ".asice"
}

// fileName is a chosen file's name as kept and attached: its last path
// element, without control characters or quotes that would break a mail
// header, at most 100 characters; fallback when nothing is left.
func fileName(name, fallback string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(c rune) rune {
		if c < ' ' || c == 0x7f || c == '"' || c == utf8.RuneError {
			return -1
		}
		return c
	}, name)
	if r := []rune(strings.TrimSpace(name)); len(r) > 100 {
		name = string(r[len(r)-100:])
	}
	if name = strings.TrimSpace(name); name == "" || name == "." || name == ".." {
		return fallback
	}
	return name
}

// Portal is a signing service the person can use without a contract:
// they upload the copy there, sign, and bring the signed file back.
type Portal struct {
	Name string
	URL  string
}

// signingPortals are the free national signing services by the person's
// country (research-mail-evidence.md §3): none can be driven from a
// desktop app without a contract, so the person signs in the browser.
var signingPortals = map[string][]Portal{
	"LV": {{"eParaksts", "https://www.eparaksts.lv/"}},
	"LT": {{"GoSign", "https://www.gosign.lt/"}, {"Dokobit", "https://www.dokobit.com/"}},
	"UA": {{"Дія.Підпис", "https://ca.diia.gov.ua/sign"}, {"ЦЗО", "https://czo.gov.ua/sign"}, {"id.gov.ua", "https://id.gov.ua/sign"}},
	"EE": {{"DigiDoc", "https://www.id.ee/en/article/install-id-software/"}},
}

// SigningPortals lists the signing services for a person living in
// country (an ISO code); every service Prava knows when the country has
// none of its own or is unknown.
func SigningPortals(country string) []Portal {
	if p, ok := signingPortals[strings.ToUpper(strings.TrimSpace(country))]; ok {
		return p
	}
	var all []Portal
	for _, c := range []string{"LV", "LT", "UA", "EE"} {
		all = append(all, signingPortals[c]...)
	}
	return all
}
