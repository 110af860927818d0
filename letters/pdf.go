package letters

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/jung-kurt/gofpdf"

	"prava/assets"
)

// The page, in millimetres. The window layout follows DIN 5008 form B:
// the address field starts 20 mm from the left and 45 mm from the top,
// the information block 125 mm from the left, fold marks at 105 and
// 210 mm.
const (
	pageW, pageH   = 210.0, 297.0
	marginL        = 25.0
	marginR        = 20.0
	marginTop      = 20.0
	textBottom     = 272.0 // the last baseline area; the footer sits below
	footerY        = 282.0
	textW          = pageW - marginL - marginR
	windowX        = 20.0 + 5.0 // the field's left edge plus the inner margin a window needs
	windowW        = 85.0 - 10.0
	windowTop      = 45.0
	windowAddressY = 62.7 // the recipient zone under the 17.7 mm remark zone
	infoX          = 125.0
	infoW          = pageW - marginR - infoX
	topRightX      = 110.0
	topRightW      = pageW - marginR - topRightX
	bodyFirstY     = 100.0 // window layout: where the text starts, under the window

	bodyPt   = 11.0
	blockPt  = 10.0
	smallPt  = 7.0
	titlePt  = 13.0
	lineMM   = 5.2 // line height for bodyPt
	blockMM  = 4.6 // line height for blockPt
	paraGap  = 2.6
	signGap  = 16.0 // room to sign by hand
	font     = "serif"
	bulletIn = 6.0
)

// PDF renders the letter on A4 pages: the address blocks where its
// language puts them, the text wrapped to the page (long words and URLs
// too), page numbers when it runs to more than one page, and the title,
// subject, author, creator and language in the document's metadata. The
// text is drawn in reading order, so a text extractor reads it back as
// written.
func (l *Letter) PDF() ([]byte, error) {
	f := gofpdf.New("P", "mm", "A4", "")
	f.SetCompression(true)
	f.AddUTF8FontFromBytes(font, "", assets.SerifRegular)
	f.AddUTF8FontFromBytes(font, "B", assets.SerifBold)
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(marginL, marginTop, marginR)
	// Fixed dates, and resources written in sorted order rather than in
	// Go's random map order, keep the same letter byte-for-byte the same.
	f.SetCatalogSort(true)
	f.SetCreationDate(l.Date)
	f.SetModificationDate(l.Date)
	f.SetTitle(strings.Join(l.Title, " "), true)
	f.SetSubject(l.Subject, true)
	if len(l.Sender) > 0 {
		f.SetAuthor(l.Sender[0], true)
	}
	f.SetCreator("Prava", true)
	f.SetProducer("Prava", true)
	f.SetKeywords(fmt.Sprintf("%s %s %s %s", l.Kind, l.Jurisdiction, l.Lang, l.Reference), true)

	p := &pager{f: f}
	p.layout(l)
	p.draw(l)
	if err := f.Error(); err != nil {
		return nil, fmt.Errorf("letters: writing the PDF: %w", err)
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return nil, fmt.Errorf("letters: writing the PDF: %w", err)
	}
	return setLanguage(buf.Bytes(), l.Lang)
}

// op is one line of text placed on a page.
type op struct {
	page       int
	x, y, w, h float64 // y is the top of the line, h its height
	text       string
	bold       bool
	pt         float64
	align      string // L, C or R
	rule       bool   // a fold mark, not text
}

// pager lays a letter out into ops, then draws them. Laying out first
// tells the page count before the first footer is drawn.
type pager struct {
	f    *gofpdf.Fpdf
	ops  []op
	page int
	y    float64
}

func (p *pager) measure(bold bool, pt float64) func(string) float64 {
	style := ""
	if bold {
		style = "B"
	}
	p.f.SetFont(font, style, pt)
	return p.f.GetStringWidth
}

// text wraps s at x within w and places its lines in the flow, from p.y
// on, starting a new page when the text area is full.
func (p *pager) text(x, w float64, s string, bold bool, pt, lh float64, align string) {
	for _, line := range wrap(s, w, p.measure(bold, pt)) {
		if p.y+lh > textBottom {
			p.page++
			p.y = marginTop
		}
		p.ops = append(p.ops, op{page: p.page, x: x, y: p.y, w: w, h: lh, text: line, bold: bold, pt: pt, align: align})
		p.y += lh
	}
}

// block places lines at a fixed place on the first page, outside the
// flow, and returns the y under it.
// With boldFirst its first line (the sender's name) is set in bold.
func (p *pager) block(x, y, w float64, label string, lines []string, pt, lh float64, boldFirst bool) float64 {
	save, page := p.y, p.page
	p.y = y
	if label != "" {
		p.text(x, w, label, true, pt, lh, "L")
	}
	for i, s := range lines {
		p.text(x, w, s, i == 0 && boldFirst, pt, lh, "L")
	}
	end := p.y
	p.y, p.page = save, page
	return end
}

func (p *pager) layout(l *Letter) {
	p.page = 1
	switch l.Layout {
	case Window:
		for _, y := range []float64{105, 148.5, 210} {
			p.ops = append(p.ops, op{page: 1, x: 4, y: y, w: map[bool]float64{true: 7, false: 5}[y == 148.5], rule: true})
		}
		infoEnd := p.block(infoX, marginTop, infoW, "", l.Sender, blockPt, blockMM, true)
		p.y = windowTop + 6
		ret, pt := p.oneLine(l.ReturnLine, windowW, smallPt)
		p.ops = append(p.ops, op{page: 1, x: windowX, y: p.y, w: windowW, h: 3, text: ret, pt: pt, align: "L"})
		p.y += 3.6
		if l.Marking != "" {
			p.text(windowX, windowW, l.Marking, true, blockPt-1, blockMM-0.6, "L")
		}
		addrEnd := p.block(windowX, max(windowAddressY, p.y+1), windowW, "", l.Recipient, blockPt+0.5, blockMM+0.2, false)
		dateEnd := p.block(infoX, max(infoEnd+4, windowAddressY), infoW, "", l.Dateline, blockPt-1, blockMM, false)
		p.y = max(bodyFirstY, addrEnd+8, dateEnd+8)
	default:
		// Without a label ("В NETRACK") the first line stands out in bold instead.
		end := p.block(topRightX, marginTop, topRightW, l.RecipientLabel, l.Recipient, blockPt, blockMM, l.RecipientLabel == "")
		end = p.block(topRightX, end+3, topRightW, l.SenderLabel, l.Sender, blockPt, blockMM, l.SenderLabel == "")
		p.y = end + 8
		for _, s := range l.Dateline {
			p.text(marginL, textW, s, false, blockPt, blockMM, "L")
		}
		p.y += 4
		if l.Marking != "" {
			p.text(marginL, textW, l.Marking, true, bodyPt, lineMM, "L")
			p.y += 3
		}
	}
	align := "L"
	if l.TitleCentred {
		align = "C"
	}
	for i, s := range l.Title {
		pt := bodyPt
		if i == 0 && l.TitleCentred {
			pt = titlePt
		}
		p.text(marginL, textW, s, true, pt, lineMM+0.6, align)
	}
	p.y += paraGap * 2
	for _, b := range l.Body {
		if b.Text != "" {
			p.text(marginL, textW, b.Text, false, bodyPt, lineMM, "L")
		}
		for _, it := range b.Items {
			p.keep(lineMM)
			p.ops = append(p.ops, op{page: p.page, x: marginL + 1.5, y: p.y, w: bulletIn, h: lineMM, text: "–", pt: bodyPt, align: "L"})
			p.text(marginL+bulletIn, textW-bulletIn, it, false, bodyPt, lineMM, "L")
			p.y += 0.8
		}
		p.y += paraGap
	}
	// The closing, the room to sign and the name stay on one page.
	p.keep(lineMM*float64(2+len(l.Signature)) + signGap)
	if l.Closing != "" {
		p.text(marginL, textW, l.Closing, false, bodyPt, lineMM, "L")
	}
	p.y += signGap
	for _, s := range l.Signature {
		p.columns(s)
	}
	if len(l.Attachments) > 0 {
		p.y += paraGap * 2
		p.keep(lineMM * 2)
		p.text(marginL, textW, l.AttachLabel, true, blockPt, blockMM, "L")
		for i, a := range l.Attachments {
			p.text(marginL, textW, fmt.Sprintf("%d. %s", i+1, a), false, blockPt, blockMM, "L")
		}
	}
}

// oneLine fits s on one line of width w: in a smaller size if need be,
// and cut short with an ellipsis when even that is too wide. The return
// address over a window must not run into the address below it.
func (p *pager) oneLine(s string, w, pt float64) (string, float64) {
	for _, size := range []float64{pt, pt - 1} {
		if p.measure(false, size)(s) <= w {
			return s, size
		}
	}
	pt--
	measure := p.measure(false, pt)
	r := []rune(s)
	for len(r) > 0 && measure(string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return strings.TrimSpace(string(r)) + "…", pt
}

// columns places a line whose parts are divided by tabs: the first at
// the left margin, the last at the right, one between them centred.
func (p *pager) columns(s string) {
	cols := strings.Split(s, "\t")
	if len(cols) == 1 {
		p.text(marginL, textW, s, false, bodyPt, lineMM, "L")
		return
	}
	p.keep(lineMM)
	w := textW / float64(len(cols))
	for i, c := range cols {
		align := "C"
		switch i {
		case 0:
			align = "L"
		case len(cols) - 1:
			align = "R"
		}
		p.ops = append(p.ops, op{page: p.page, x: marginL + float64(i)*w, y: p.y, w: w, h: lineMM, text: c, pt: bodyPt, align: align})
	}
	p.y += lineMM
}

// keep starts a new page unless h millimetres fit on this one.
func (p *pager) keep(h float64) {
	if p.y+h > textBottom {
		p.page++
		p.y = marginTop
	}
}

func (p *pager) draw(l *Letter) {
	pages := p.page
	sort.SliceStable(p.ops, func(i, j int) bool { return p.ops[i].page < p.ops[j].page })
	i := 0
	for page := 1; page <= pages; page++ {
		p.f.AddPage()
		for ; i < len(p.ops) && p.ops[i].page <= page; i++ {
			o := p.ops[i]
			if o.rule {
				p.f.SetDrawColor(150, 150, 150)
				p.f.SetLineWidth(0.2)
				p.f.Line(o.x, o.y, o.x+o.w, o.y)
				continue
			}
			p.measure(o.bold, o.pt)
			p.f.SetXY(o.x, o.y)
			p.f.CellFormat(o.w, o.h, o.text, "", 0, o.align, false, 0, "")
		}
		if pages > 1 {
			p.measure(false, smallPt+1)
			p.f.SetXY(marginL, footerY)
			p.f.CellFormat(textW, blockMM, l.PageLabel(page, pages), "", 0, "C", false, 0, "")
		}
	}
}
