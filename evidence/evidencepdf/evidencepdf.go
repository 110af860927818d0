// Package evidencepdf writes the evidence PDF of a request: one PDF/A-3b
// file a supervisory authority reads without Prava. It opens with a cover
// and a timeline, then gives an annex per document — the request as sent
// (its date, channel, Message-ID or registered number, SHA-256), each
// reply with its DKIM verdict in words, each reminder — and carries the
// original files inside it: the .eml messages as message/rfc822 with
// /AFRelationship /Source, the letter, the DKIM checks with the key
// records they used. Nothing is retyped, so anyone can compare the
// attached bytes with the hashes printed in the annexes.
//
// The labels are in the person's language (en, uk, ru, lv, lt), from a
// table inside the package as letters keeps its own. What a document
// itself says (a subject, a message's text, a server's answer) is shown
// as it was written.
package evidencepdf

import (
	"bytes"
	"fmt"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"prava/assets"
	"prava/evidence"
	"prava/evidence/pdfa"
	"prava/mail"
)

// Doc is one document of a case: what was kept, and its title.
type Doc struct {
	evidence.Item
	// Title says which letter or message it is, as written: a request's
	// or a reply's subject line, "Reminder …".
	Title string
}

// Case is what the evidence PDF is made from.
type Case struct {
	Reference string // the request's reference, e.g. "PR-20261205-0001"
	Company   string // the company's name
	Subject   string // what the request was, e.g. its subject line
	Person    string // the person who made it
	Lang      string // the language of the labels: en, uk, ru, lv, lt
	Made      time.Time
	Docs      []Doc
}

// timeLayout is how the PDF writes a time: in UTC, as the authority's
// reader may be anywhere and the messages' own headers use several zones.
const timeLayout = "2006-01-02 15:04 UTC"

// maxText is how much of a message's text an annex shows; the whole
// message is attached.
const maxText = 12000

// annex is a document with its number and the files it carries.
type annex struct {
	Doc
	n     int
	file  string // the attached copy's name, "" when no bytes were kept
	dkim  string // the attached DKIM check's name, for a reply
	tst   string // the attached timestamp token's name, when stamped
	text  string // the message's text shown in the annex
	cut   bool   // text was shortened
	parse *mail.Parsed
}

// Make writes the evidence PDF of c.
func Make(c Case) ([]byte, error) {
	li := langIndex(c.Lang)
	if li < 0 {
		return nil, fmt.Errorf("evidencepdf: no words for language %q (have %s)", c.Lang, strings.Join(Langs, ", "))
	}
	if len(c.Docs) == 0 {
		return nil, fmt.Errorf("evidencepdf: the case holds no documents")
	}
	if c.Made.IsZero() {
		c.Made = time.Now()
	}
	annexes := number(c.Docs)
	pdf, err := layout(c, li, annexes)
	if err != nil {
		return nil, err
	}
	var files []pdfa.File
	for _, a := range annexes {
		if a.file != "" {
			files = append(files, pdfa.File{Name: a.file, MIME: mimeOf(a.Doc), Data: a.Data, Modified: a.Time,
				Rel: pdfa.Source, Desc: say(li, "annexN", a.n, roleWords(li, a.Doc))})
		}
		if a.dkim != "" {
			files = append(files, pdfa.File{Name: a.dkim, MIME: "application/json", Data: a.DKIM, Modified: a.Time,
				Rel: pdfa.Supplement, Desc: say(li, "annexN", a.n, say(li, "dkim"))})
		}
		if a.tst != "" {
			files = append(files, pdfa.File{Name: a.tst, MIME: "application/timestamp-reply", Data: a.Token, Modified: a.Time,
				Rel: pdfa.Supplement, Desc: say(li, "annexN", a.n, say(li, "stamp"))})
		}
	}
	return pdfa.Convert(pdf, pdfa.Options{Part: 3, Zone: time.UTC, Files: files})
}

// number puts the documents in time order and names their attached
// copies after their annex, so two files called "reply.eml" stay apart.
func number(docs []Doc) []annex {
	out := make([]annex, len(docs))
	for i, d := range docs {
		out[i] = annex{Doc: d}
	}
	// At the same time, a letter comes before its sending, a sending
	// before its receipt and anything received.
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Time.Equal(out[j].Time) {
			return out[i].Time.Before(out[j].Time)
		}
		return roleOrder[out[i].Role] < roleOrder[out[j].Role]
	})
	for i := range out {
		a := &out[i]
		a.n = i + 1
		base := path.Base(strings.ReplaceAll(a.Name, "\\", "/"))
		if base == "." || base == "/" || base == "" {
			base = "document"
		}
		if len(a.Data) > 0 {
			a.file = fmt.Sprintf("annex%d-%s", a.n, base)
		}
		if len(a.DKIM) > 0 {
			a.dkim = fmt.Sprintf("annex%d-dkim.json", a.n)
		}
		if len(a.Token) > 0 && len(a.Data) > 0 {
			a.tst = fmt.Sprintf("annex%d-%s.tst", a.n, base)
		}
		if isMessage(a.Doc) {
			if p, err := mail.ParseMessage(a.Data, int64(len(a.Data))+1); err == nil {
				a.parse = p
				r := []rune(strings.TrimSpace(p.Text))
				if len(r) > maxText {
					r, a.cut = r[:maxText], true
				}
				a.text = string(r)
			}
		}
	}
	return out
}

var roleOrder = map[evidence.Role]int{evidence.RoleLetter: 0, evidence.RoleSigned: 1, evidence.RoleSent: 2,
	evidence.RoleReceipt: 3, evidence.RoleReply: 4, evidence.RoleOther: 5}

func isMessage(d Doc) bool {
	return len(d.Data) > 0 && (d.Role == evidence.RoleSent || d.Role == evidence.RoleReply ||
		strings.HasSuffix(strings.ToLower(d.Name), ".eml"))
}

// mimeOf is the media type an attached copy is declared with.
func mimeOf(d Doc) string {
	switch {
	case isMessage(d):
		return "message/rfc822"
	case bytes.HasPrefix(d.Data, []byte("%PDF-")):
		return "application/pdf"
	case bytes.HasPrefix(d.Data, []byte("\x89PNG")):
		return "image/png"
	case bytes.HasPrefix(d.Data, []byte("\xFF\xD8\xFF")):
		return "image/jpeg"
	}
	return "application/octet-stream"
}

// roleWords says what a document is, in language li.
func roleWords(li int, d Doc) string {
	switch d.Role {
	case evidence.RoleLetter:
		return say(li, "role.letter")
	case evidence.RoleSigned:
		return say(li, "role.signed")
	case evidence.RoleSent:
		return say(li, "role.sent")
	case evidence.RoleReceipt:
		return say(li, "role.receipt")
	case evidence.RoleReply:
		return say(li, "role.reply")
	}
	return say(li, "role.other")
}

// newDocument starts the PDF with its font and metadata.
func newDocument(c Case, li int) *gofpdf.Fpdf {
	f := gofpdf.New("P", "mm", "A4", "")
	f.SetCompression(true)
	f.AddUTF8FontFromBytes("serif", "", assets.SerifRegular)
	f.AddUTF8FontFromBytes("serif", "B", assets.SerifBold)
	f.SetMargins(20, 20, 20)
	f.SetAutoPageBreak(true, 18)
	f.SetCatalogSort(true)
	made := c.Made.UTC()
	f.SetCreationDate(made)
	f.SetModificationDate(made)
	f.SetTitle(say(li, "title", c.Reference), true)
	f.SetSubject(c.Subject, true)
	if c.Person != "" {
		f.SetAuthor(c.Person, true)
	}
	f.SetCreator("Prava", true)
	f.SetProducer("Prava", true)
	f.SetKeywords("evidence "+c.Reference, true)
	f.SetLanguage(c.Lang)
	f.AliasNbPages("{nb}")
	f.SetFooterFunc(func() {
		f.SetY(-13)
		f.SetFont("serif", "", 8)
		f.CellFormat(0, 5, fmt.Sprintf("%s · %d / {nb}", c.Reference, f.PageNo()), "", 0, "C", false, 0, "")
	})
	return f
}
