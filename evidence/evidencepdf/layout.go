package evidencepdf

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"strings"

	"github.com/jung-kurt/gofpdf"

	"prava/evidence/tsa"
)

const (
	pageBottom = 297 - 18 // where the automatic page break falls
	lineMM     = 4.6
	labelW     = 48.0
	valueW     = 170 - labelW
)

// layout draws the cover, the timeline and the annexes, and returns the
// PDF as gofpdf writes it.
func layout(c Case, li int, annexes []annex) ([]byte, error) {
	f := newDocument(c, li)
	f.AddPage()
	f.SetFont("serif", "B", 16)
	f.MultiCell(0, 8, say(li, "title", c.Reference), "", "L", false)
	f.Ln(3)
	f.SetFont("serif", "", 10)
	row(f, say(li, "company"), c.Company)
	row(f, say(li, "request"), c.Subject)
	if c.Person != "" {
		row(f, say(li, "person"), c.Person)
	}
	row(f, say(li, "made"), c.Made.UTC().Format(timeLayout))
	f.Ln(3)
	f.MultiCell(0, lineMM, say(li, "intro"), "", "L", false)
	f.Ln(5)

	f.SetFont("serif", "B", 12)
	f.MultiCell(0, 6, say(li, "timeline"), "", "L", false)
	f.Ln(1)
	cols := []float64{44, 108, 18}
	f.SetFont("serif", "B", 9)
	cells(f, cols, say(li, "when"), say(li, "event"), say(li, "annex"))
	f.SetFont("serif", "", 9)
	for _, a := range annexes {
		what := roleWords(li, a.Doc)
		if a.Title != "" {
			what += ": " + a.Title
		}
		cells(f, cols, a.Time.UTC().Format(timeLayout), what, fmt.Sprint(a.n))
	}

	for _, a := range annexes {
		drawAnnex(f, li, a)
	}
	if err := f.Error(); err != nil {
		return nil, fmt.Errorf("evidencepdf: laying out the PDF: %w", err)
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return nil, fmt.Errorf("evidencepdf: writing the PDF: %w", err)
	}
	return buf.Bytes(), nil
}

// drawAnnex starts a page for one document and gives its facts.
func drawAnnex(f *gofpdf.Fpdf, li int, a annex) {
	f.AddPage()
	f.SetFont("serif", "B", 13)
	head := say(li, "annexN", a.n, roleWords(li, a.Doc))
	f.MultiCell(0, 6.5, head, "", "L", false)
	if a.Title != "" {
		f.SetFont("serif", "", 11)
		f.MultiCell(0, 5.5, a.Title, "", "L", false)
	}
	f.Ln(3)
	f.SetFont("serif", "", 10)
	row(f, say(li, "when"), a.Time.UTC().Format(timeLayout))
	switch a.Channel {
	case "email":
		row(f, say(li, "channel"), say(li, "channel.mail"))
	case "post":
		row(f, say(li, "channel"), say(li, "channel.post"))
	}
	if a.parse != nil && a.Role == "reply" {
		from := a.parse.FromAddress
		if a.parse.FromName != "" {
			from = a.parse.FromName + " <" + from + ">"
		}
		row(f, say(li, "from"), from)
	}
	if a.parse != nil {
		row(f, say(li, "subject"), a.parse.Subject)
	}
	if a.MessageID != "" {
		row(f, say(li, "messageid"), "<"+strings.Trim(a.MessageID, "<>")+">")
	}
	if a.ServerReply != "" {
		row(f, say(li, "server"), a.ServerReply)
	}
	if a.Registered != "" {
		row(f, say(li, "registered"), a.Registered)
	}
	if a.file != "" {
		row(f, say(li, "file"), a.file)
		row(f, say(li, "size"), say(li, "bytes", len(a.Data)))
		// 8 pt keeps the 64 digits on one line, so they can be copied whole.
		f.SetFont("serif", "", 8)
		row(f, say(li, "sha256"), a.SHA256())
		f.SetFont("serif", "", 10)
	} else {
		row(f, say(li, "file"), say(li, "nofile"))
	}
	if a.tst != "" {
		row(f, say(li, "stamp"), stampWords(li, a))
	}
	if d, ok := a.DKIMResult(); ok {
		row(f, say(li, "dkim"), dkimWords(li, d.Result))
		row(f, "", say(li, "dkimfile", a.dkim))
	}
	if a.Note != "" {
		row(f, say(li, "note"), a.Note)
	}
	if a.text != "" {
		f.Ln(4)
		f.SetFont("serif", "B", 11)
		f.MultiCell(0, 6, say(li, "text"), "", "L", false)
		f.SetFont("serif", "", 9.5)
		f.MultiCell(0, 4.4, a.text, "", "L", false)
		if a.cut {
			f.Ln(2)
			f.MultiCell(0, 4.4, say(li, "cut"), "", "L", false)
		}
	}
}

// row writes a label and its value side by side, on a new page when the
// value would not fit on this one.
func row(f *gofpdf.Fpdf, label, value string) {
	if value == "" {
		return
	}
	cells(f, []float64{labelW, valueW}, label, value)
}

// cells writes one table row: each text wrapped in its column, the row as
// tall as its tallest cell, kept whole on one page.
func cells(f *gofpdf.Fpdf, widths []float64, texts ...string) {
	lines := 1
	for i, t := range texts {
		lines = max(lines, len(f.SplitText(t, widths[i]-2)))
	}
	h := float64(lines) * lineMM
	if f.GetY()+h > pageBottom {
		f.AddPage()
	}
	left, _, _, _ := f.GetMargins()
	x, y := left, f.GetY()
	bottom := y
	for i, t := range texts {
		f.SetXY(x, y)
		f.MultiCell(widths[i], lineMM, t, "", "L", false)
		bottom = max(bottom, f.GetY())
		x += widths[i]
	}
	f.SetXY(left, bottom+0.8)
}

// stampWords says what the annex's timestamp proves, checked now against
// the file's bytes: the time and the authority, and that the authority's
// certificate chain was not checked here; or that it does not match.
func stampWords(li int, a annex) string {
	sum := sha256.Sum256(a.Data)
	tok, err := tsa.Verify(a.Token, sum[:], nil)
	if err != nil {
		return say(li, "stamp.bad", a.tst)
	}
	return say(li, "stamp.ok", tok.Time.UTC().Format(timeLayout), tok.Authority, a.tst)
}
