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
	pageW, pageH = 210.0, 297.0
	marginL      = 25.0
	marginR      = 20.0
	marginTop    = 20.0
	textBottom   = 272.0 // the last baseline area; the footer sits below
	// soloBottom is where the text of a one-page letter may end: it has
	// no footer, so it may run 11 mm lower, 14 mm above the sheet's edge.
	soloBottom     = 283.0
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
	dateColW       = topRightX - marginL - 6 // uk/ru: the date and reference beside the blocks

	blockPt  = 10.0
	smallPt  = 7.0
	titlePt  = 13.0
	blockMM  = 4.6 // line height for blockPt
	font     = "serif"
	bulletIn = 6.0
)

// metrics are the sizes that decide how much fits on a page. PDF tries
// them from loosest to tightest and keeps the first that fits the letter
// on one page; a letter longer than that is set in the loosest.
type metrics struct {
	bodyPt, lineMM    float64
	paraGap, titleGap float64
	signGap           float64 // room to sign by hand
	bodyFirstY        float64 // window layout: where the text starts, under the window
	dateBeside        bool    // top-right layout: the date and reference beside the address blocks
}

var tightness = []metrics{
	{bodyPt: 11, lineMM: 5.2, paraGap: 2.6, titleGap: 5.2, signGap: 16, bodyFirstY: 100},
	{bodyPt: 11, lineMM: 5.0, paraGap: 2.2, titleGap: 4, signGap: 15, bodyFirstY: 98.5, dateBeside: true},
	{bodyPt: 10.5, lineMM: 4.8, paraGap: 2, titleGap: 3.5, signGap: 14, bodyFirstY: 98.5, dateBeside: true},
	// The floor: 10 pt on 1.2 lines, the smallest a letter is set in
	// (issue #23); the window layout's text still starts under the DIN
	// 5008 address field and information block.
	{bodyPt: 10, lineMM: 4.25, paraGap: 1.2, titleGap: 2.6, signGap: 11, bodyFirstY: 98.5, dateBeside: true},
	// Still 10 pt, on 1.16 lines with the smallest gaps: the long access
	// letters (the full list of what Art. 15 grants) that overflowed the
	// setting above by five to seven lines.
	{bodyPt: 10, lineMM: 4.1, paraGap: 0.8, titleGap: 2.2, signGap: 10, bodyFirstY: 98.5, dateBeside: true},
}

// PDF renders the letter on A4 pages: the address blocks where its
// language puts them, the text wrapped to the page (long words and URLs
// too), page numbers when it runs to more than one page, and the title,
// subject, author, creator and language in the document's metadata. The
// text is drawn in reading order, so a text extractor reads it back as
// written. A letter that overflows by a little is set tighter to fit one
// page; page breaks keep at least two lines of a paragraph together at
// either end, and at least the last two lines of text with the closing
// and the signature.
func (l *Letter) PDF() ([]byte, error) {
	if err := checkLang(l.Lang); err != nil {
		return nil, err
	}
	f := l.document()
	p := l.paginated(f)
	p.draw(l)
	if err := f.Error(); err != nil {
		return nil, fmt.Errorf("letters: writing the PDF: %w", err)
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return nil, fmt.Errorf("letters: writing the PDF: %w", err)
	}
	out, err := nameFonts(buf.Bytes())
	if err != nil {
		return nil, err
	}
	return out, nil
}

// document starts the PDF: its fonts, its metadata.
func (l *Letter) document() *gofpdf.Fpdf {
	f := gofpdf.New("P", "mm", "A4", "")
	f.SetCompression(true)
	// One font file serves both weights: bold is the regular face filled
	// and stroked (see draw), which saves a second embedded subset and
	// keeps a one-page letter under 15 KB (issue #25).
	f.AddUTF8FontFromBytes(font, "", assets.SerifRegular)
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
	f.SetLanguage(l.Lang)
	return f
}

// paginated lays the letter out in the loosest metrics that fit it on
// one page, or in the loosest of all when none does.
func (l *Letter) paginated(f *gofpdf.Fpdf) *pager {
	var p *pager
	for i, m := range tightness {
		try := &pager{f: f, m: m, bottom: soloBottom}
		try.layout(l)
		if try.page > 1 && i == 0 {
			// Over a page in the loosest setting, the one a long letter
			// keeps: lay it out again with room for the footer. A tighter
			// setting is kept only when it fits one page, so it need not be.
			try = &pager{f: f, m: m}
			try.layout(l)
		}
		if i == 0 {
			p = try
		}
		if try.page == 1 {
			p = try
			break
		}
		if try.page > 2 {
			break // a long letter: no squeezing wins a page back
		}
	}
	return p
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
	body       bool   // a line of the letter's text proper (its paragraphs and lists)
}

// line is one line of the text's flow, before it is given a page.
type line struct {
	ops  []op    // what the line draws, at y 0: the text, a bullet, columns
	h    float64 // its height
	gap  float64 // space above it, dropped at the top of a page
	keep bool    // it must stay on the page of the line before it
	para int     // the paragraph it belongs to, counted from 1
	page int     // the page paginate gives it
}

// pager lays a letter out into ops, then draws them. Laying out first
// tells the page count before the first footer is drawn.
type pager struct {
	f      *gofpdf.Fpdf
	m      metrics
	bottom float64 // where the text must end: textBottom when 0
	ops    []op
	page   int
	flow   []line
	paras  int
}

// measure sets the font for text of a size and returns its width
// function. Bold text is drawn with the regular face stroked, which
// keeps the regular advances and spills half the stroke over each end.
func (p *pager) measure(bold bool, pt float64) func(string) float64 {
	p.f.SetFont(font, "", pt)
	if !bold {
		return p.f.GetStringWidth
	}
	return func(s string) float64 {
		return p.f.GetStringWidth(s) + emboldenMM(pt)
	}
}

// emboldenMM is the width of the stroke that makes the regular face read
// as bold at pt points: 4.5 % of the em, in millimetres.
func emboldenMM(pt float64) float64 { return pt * 0.045 * 25.4 / 72 }

// wrapped wraps s into lines of the flow at x within w. Its lines keep
// together as a paragraph does: never one line alone at the foot or the
// head of a page.
func (p *pager) wrapped(x, w float64, s string, bold bool, pt, lh, gap float64, align string) []line {
	texts := wrap(glue(s), w, p.measure(bold, pt))
	out := make([]line, len(texts))
	n := len(texts)
	p.paras++
	for i, t := range texts {
		out[i] = line{ops: []op{{x: x, w: w, h: lh, text: t, bold: bold, pt: pt, align: align}}, h: lh,
			keep: i == 1 || i > 0 && i == n-1, para: p.paras}
	}
	if n > 0 {
		out[0].gap = gap
	}
	return out
}

// block places lines at a fixed place on the first page, outside the
// flow, and returns the y under it. With boldFirst its first line (the
// sender's name) is set in bold.
func (p *pager) block(x, y, w float64, label string, lines []string, pt, lh float64, boldFirst bool) float64 {
	put := func(s string, bold bool) {
		for _, t := range wrap(glue(s), w, p.measure(bold, pt)) {
			p.ops = append(p.ops, op{page: 1, x: x, y: y, w: w, h: lh, text: t, bold: bold, pt: pt, align: "L"})
			y += lh
		}
	}
	if label != "" {
		put(label, true)
	}
	for i, s := range lines {
		put(s, i == 0 && boldFirst)
	}
	return y
}

func (p *pager) layout(l *Letter) {
	m := p.m
	lh := m.lineMM
	var start float64
	switch l.Layout {
	case Window:
		for _, y := range []float64{105, 148.5, 210} {
			p.ops = append(p.ops, op{page: 1, x: 4, y: y, w: map[bool]float64{true: 7, false: 5}[y == 148.5], rule: true})
		}
		infoEnd := p.block(infoX, marginTop, infoW, "", l.Sender, blockPt, blockMM, true)
		y := windowTop + 5
		for _, r := range p.returnLines(l.ReturnLine) {
			p.ops = append(p.ops, op{page: 1, x: windowX, y: y, w: windowW, h: 2.6, text: r.text, pt: r.pt, align: "L"})
			y += 2.8
		}
		y += 0.8
		if l.Marking != "" {
			y = p.block(windowX, y, windowW, "", []string{l.Marking}, blockPt-1, blockMM-0.6, true)
		}
		addrEnd := p.block(windowX, max(windowAddressY, y+1), windowW, "", l.Recipient, blockPt+0.5, blockMM+0.2, false)
		dateEnd := p.block(infoX, max(infoEnd+4, windowAddressY), infoW, "", l.Dateline, blockPt-1, blockMM, false)
		start = max(m.bodyFirstY, addrEnd+8, dateEnd+8)
	default:
		// Without a label ("В NETRACK") the first line stands out in bold instead.
		end := p.block(topRightX, marginTop, topRightW, l.RecipientLabel, l.Recipient, blockPt, blockMM, l.RecipientLabel == "")
		end = p.block(topRightX, end+3, topRightW, l.SenderLabel, l.Sender, blockPt, blockMM, l.SenderLabel == "")
		if m.dateBeside {
			dateEnd := p.block(marginL, marginTop, dateColW, "", l.Dateline, blockPt, blockMM, false)
			start = max(end, dateEnd) + 6
		} else {
			start = p.block(marginL, end+8, textW, "", l.Dateline, blockPt, blockMM, false) + 4
		}
	}
	if l.Marking != "" && l.Layout != Window {
		p.flow = append(p.flow, p.wrapped(marginL, textW, l.Marking, true, m.bodyPt, lh, 0, "L")...)
	}
	align := "L"
	if l.TitleCentred {
		align = "C"
	}
	for i, s := range l.Title {
		pt := m.bodyPt
		if i == 0 && l.TitleCentred {
			pt = titlePt
		}
		gap := 0.0
		if i == 0 && len(p.flow) > 0 {
			gap = 3
		}
		ls := p.wrapped(marginL, textW, s, true, pt, lh+0.6, gap, align)
		for j := range ls {
			ls[j].keep = len(p.flow) > 0 || j > 0
		}
		p.flow = append(p.flow, ls...)
	}
	// The title stays with the first two lines of the text.
	titleEnd := len(p.flow)
	gap := m.titleGap
	for _, b := range l.Body {
		if b.Text != "" {
			p.flow = append(p.flow, asBody(p.wrapped(marginL, textW, b.Text, false, m.bodyPt, lh, gap, "L"))...)
			gap = m.paraGap
		}
		for j, it := range b.Items {
			ls := asBody(p.wrapped(marginL+bulletIn, textW-bulletIn, it, false, m.bodyPt, lh, gap, "L"))
			if len(ls) > 0 {
				ls[0].ops = append(ls[0].ops, op{x: marginL + 1.5, w: bulletIn, h: lh, text: "–", pt: m.bodyPt, align: "L"})
				ls[0].keep = ls[0].keep || j == 0 && p.leadIn()
			}
			p.flow = append(p.flow, ls...)
			gap = 0.8
		}
		gap = m.paraGap
	}
	for i := titleEnd; i < len(p.flow) && i < titleEnd+2; i++ {
		p.flow[i].keep = true
	}
	// At least the last two lines of the text go with the closing and the
	// signature: a signature alone on a page could have been detached from
	// any text.
	if n := len(p.flow); n > titleEnd+1 {
		p.flow[n-1].keep = true
	}
	signGap := m.signGap
	if l.Closing != "" {
		c := p.wrapped(marginL, textW, l.Closing, false, m.bodyPt, lh, m.paraGap, "L")
		for i := range c {
			c[i].keep = true
		}
		p.flow = append(p.flow, c...)
	} else {
		signGap += m.paraGap
	}
	for i, s := range l.Signature {
		ln := p.columns(s)
		ln.keep = true
		if i == 0 {
			ln.gap = signGap
		}
		p.flow = append(p.flow, ln)
	}
	if len(l.Attachments) > 0 {
		att := p.wrapped(marginL, textW, l.AttachLabel, true, blockPt, blockMM, m.paraGap*2, "L")
		if len(att) > 0 {
			att[0].keep = true // the list starts under the signature, not alone on a page
		}
		for i, a := range l.Attachments {
			ls := p.wrapped(marginL, textW, fmt.Sprintf("%d. %s", i+1, a), false, blockPt, blockMM, 0, "L")
			if i == 0 && len(ls) > 0 {
				ls[0].keep = true
			}
			att = append(att, ls...)
		}
		p.flow = append(p.flow, att...)
	}
	p.paginate(start)
}

// asBody marks lines as the letter's text proper.
func asBody(ls []line) []line {
	for i := range ls {
		ls[i].ops[0].body = true
	}
	return ls
}

// columns makes a line whose parts are divided by tabs: the first at the
// left margin, the last at the right, one between them centred.
func (p *pager) columns(s string) line {
	lh := p.m.lineMM
	cols := strings.Split(s, "\t")
	if len(cols) == 1 {
		ls := p.wrapped(marginL, textW, s, false, p.m.bodyPt, lh, 0, "L")
		if len(ls) == 1 {
			return ls[0]
		}
		var ops []op
		for i, l := range ls {
			for _, o := range l.ops {
				o.y = float64(i) * lh
				ops = append(ops, o)
			}
		}
		return line{ops: ops, h: float64(len(ls)) * lh}
	}
	w := textW / float64(len(cols))
	var ops []op
	for i, c := range cols {
		align := "C"
		switch i {
		case 0:
			align = "L"
		case len(cols) - 1:
			align = "R"
		}
		ops = append(ops, op{x: marginL + float64(i)*w, w: w, h: lh, text: c, pt: p.m.bodyPt, align: align})
	}
	return line{ops: ops, h: lh}
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
			p.measure(false, o.pt)
			p.f.SetXY(o.x, o.y)
			if o.bold {
				p.f.SetDrawColor(0, 0, 0)
				p.f.SetLineWidth(emboldenMM(o.pt))
				p.f.SetTextRenderingMode(2) // fill, then stroke: bold
				p.f.CellFormat(o.w, o.h, o.text, "", 0, o.align, false, 0, "")
				p.f.SetTextRenderingMode(0)
				continue
			}
			p.f.CellFormat(o.w, o.h, o.text, "", 0, o.align, false, 0, "")
		}
		if pages > 1 {
			p.measure(false, smallPt+1)
			p.f.SetXY(marginL, footerY)
			p.f.CellFormat(textW, blockMM, l.PageLabel(page, pages), "", 0, "C", false, 0, "")
		}
	}
}
