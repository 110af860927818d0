package letters

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"prava/record"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// profiles are the three people the layout test writes for: one with the
// least a letter needs, one with long everything, and one with every
// field and option filled.
var profiles = map[string]func(r *Input){
	"short": func(r *Input) {
		r.From = Sender{Name: "Ivan Ko", Email: "i@ex.lv", IDDocument: "паспорт 4510 123456, выдан 01.02.2010 ОУФМС России по г. Москве"}
		r.Service, r.Marking, r.PromisedDays = "", "", 0
		r.Corrections = r.Corrections[:1]
	},
	"long": func(r *Input) {
		r.From.Name = "Анна-Марія Олександрівна Волошин-Петренко"
		r.From.Address = "вул. Велика Васильківська, 144/2, під’їзд 3, кв. 187\nм. Київ, 03150\nУкраїна"
		r.From.Email = "anna-maria.voloshyn-petrenko@verylongexampledomainname-for-testing.co.uk"
		r.Service = "https://www.example-shop.example.lv/account/settings/privacy?tab=data&lang=lv"
		r.To.Address = "Krišjāņa Valdemāra iela 118, 3. stāvs, biroju centrs “Valdemārs”, Rīga, LV-1013, Latvija"
		r.Extra = strings.Repeat("Šis ir ilgs personīgs teksts par manu situāciju, kas paskaidro, kāpēc es rakstu. ", 14)
	},
	// A London address whose last line holds town, postcode and country:
	// the return line over the window must keep the town and postcode.
	"london": func(r *Input) {
		r.From = Sender{Name: "Alexandra Montgomery", Address: "Flat 3\n27 Kensington Park Gardens\nLondon W11 2QS, United Kingdom", Email: "alexandra.montgomery@example.co.uk", IDDocument: "passport 123456789, issued 01.02.2020 by HM Passport Office"}
	},
	"every": func(r *Input) {
		r.Corrections = append(r.Corrections, Correction{Field: "surname", Value: "Петренко-Коваль"}, Correction{Field: "phone", Value: "+371 20 000 000", Was: "+371 29 999 999"})
		r.Grounds = Grounds
		r.Reasons = "I am a victim of stalking, and my address in your customer records must not be shown to anyone."
		r.Evidence = "a copy of my passport"
		r.BirthDateKnown = true
		r.Published = true
		r.TransferTo = &Recipient{Name: "Jauns Pakalpojums SIA", Email: "dpo@jauns.example.lv"}
		r.Attachments = []string{"Copy of the contract", "Screenshot of the account page"}
		r.Replies = []string{"2026-10-20: the company replied that it keeps the data for accounting"}
		r.Missing = nil
		r.Extra = "Please also delete the data of my old account, which I closed in 2024."
	},
}

// TestLayoutMatrix renders every language × kind × profile and reads each
// PDF back: no last page holds fewer than two lines of the letter's text
// (the signature never stands alone), the fonts are embedded subsets
// with tagged names, and the paragraphs read back in order.
func TestLayoutMatrix(t *testing.T) {
	needPdftotext(t)
	dir := t.TempDir()
	pages, sizes := map[int]int{}, map[int]int{}
	for _, lang := range Languages {
		for _, kind := range allKinds {
			if slices.Contains(refused[lang], kind) {
				continue
			}
			for name, edit := range profiles {
				r := sampleRequest(lang, kind)
				if kind == record.Complaint {
					r.Marking = ""
				}
				edit(&r)
				l, pdf := renderPDF(t, r)
				id := fmt.Sprintf("%s-%s-%s", lang, kind, name)
				path := filepath.Join(dir, id+".pdf")
				if err := os.WriteFile(path, pdf, 0o600); err != nil {
					t.Fatal(err)
				}
				n := checkLastPage(t, id, l, path)
				pages[n]++
				checkOrder(t, id, l, path)
				p := l.paginated(l.document())
				checkFloor(t, id, l, p)
				checkSentenceBreaks(t, id, p)
				checkNumbersWithNouns(t, id, p)
				checkLeadIns(t, id, p)
				checkDashes(t, id, p)
				if l.Layout == Window && name == "london" {
					checkReturnAddress(t, id, path)
				}
				if !regexp.MustCompile(`/BaseFont /[A-Z]{6}\+DejaVuSerif\n`).Match(pdf) {
					t.Errorf("%s: the regular font has no subset tag", id)
				}
				if len(pdf) > 30<<10*n {
					t.Errorf("%s: %d bytes for %d pages, over 30 KB a page", id, len(pdf), n)
				}
				if n == 1 && len(pdf) > 15<<10 {
					t.Errorf("%s: a one-page letter of %d bytes, over 15 KB (issue #25)", id, len(pdf))
				}
				sizes[n] = max(sizes[n], len(pdf))
			}
		}
		// pdffonts, once per language: embedded, subset.
		out, err := exec.Command("pdffonts", filepath.Join(dir, lang+"-access-every.pdf")).CombinedOutput()
		if err != nil {
			t.Fatalf("pdffonts: %v", err)
		}
		for _, row := range strings.Split(strings.TrimSpace(string(out)), "\n")[2:] {
			if f := strings.Fields(row); len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" || !regexp.MustCompile(`^[A-Z]{6}\+DejaVuSerif`).MatchString(f[0]) {
				t.Errorf("%s: pdffonts row %q, want an embedded subset named ABCDEF+DejaVuSerif", lang, row)
			}
		}
	}
	t.Logf("letters by page count: %v; largest PDF by page count: %v bytes", pages, sizes)
}

// TestLastPageSweep grows a letter a sentence at a time, so its end falls
// at every height of the page, and checks each layout: the last page
// never holds fewer than two lines of text, and no paragraph leaves a
// single line alone at the foot or the head of a page.
func TestLastPageSweep(t *testing.T) {
	for _, lang := range Languages {
		for _, kind := range []record.Kind{record.Access, record.Withdrawal, record.Complaint} {
			for n := 0; n < 40; n += 2 {
				r := sampleRequest(lang, kind)
				r.Extra = strings.TrimSpace(strings.Repeat("Teksts teksts teksts teksts teksts teksts teksts teksts. ", n))
				l, err := Compose(r)
				if err != nil {
					t.Fatal(err)
				}
				p := l.paginated(l.document())
				if p.page == 1 {
					continue
				}
				body := 0
				for _, o := range p.ops {
					if o.page == p.page && o.body {
						body++
					}
				}
				if body < 2 {
					t.Errorf("%s %s +%d sentences: the last page (%d) holds %d lines of text", lang, kind, n, p.page, body)
				}
				checkWidows(t, fmt.Sprintf("%s %s +%d", lang, kind, n), p)
				checkLeadIns(t, fmt.Sprintf("%s %s +%d", lang, kind, n), p)
				checkDashes(t, fmt.Sprintf("%s %s +%d", lang, kind, n), p)
			}
		}
	}
}

// checkWidows fails when a paragraph leaves one of its lines alone on a
// page.
func checkWidows(t *testing.T, id string, p *pager) {
	t.Helper()
	type key struct{ para, page int }
	lines, onPage := map[int]int{}, map[key]int{}
	for _, ln := range p.flow {
		lines[ln.para]++
		onPage[key{ln.para, ln.page}]++
	}
	for k, n := range onPage {
		if n == 1 && lines[k.para] > 1 {
			t.Errorf("%s: paragraph %d leaves one line alone on page %d", id, k.para, k.page)
		}
	}
}

// checkLastPage reads the last page back and counts the lines that are
// neither the closing, the signature, the attachments nor the footer.
func checkLastPage(t *testing.T, id string, l *Letter, path string) int {
	t.Helper()
	info, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("%s: pdfinfo: %v", id, err)
	}
	var n int
	fmt.Sscanf(regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(string(info))[1], "%d", &n)
	if n == 1 {
		return 1
	}
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", "-f", fmt.Sprint(n), "-l", fmt.Sprint(n), path, "-").Output()
	if err != nil {
		t.Fatalf("%s: pdftotext: %v", id, err)
	}
	var skip []string
	skip = append(skip, l.PageLabel(n, n), l.AttachLabel)
	if l.Closing != "" {
		skip = append(skip, l.Closing)
	}
	for _, s := range l.Signature {
		for _, c := range strings.Split(s, "\t") {
			if c = strings.TrimSpace(c); c != "" {
				skip = append(skip, c)
			}
		}
	}
	text := 0
	for _, row := range strings.Split(string(out), "\n") {
		row = strings.Join(strings.Fields(row), " ")
		if row == "" || regexp.MustCompile(`^\d+\. `).MatchString(row) && slices.ContainsFunc(l.Attachments, func(a string) bool {
			return strings.Contains(row, a) || strings.Contains(a, row[strings.Index(row, " ")+1:])
		}) {
			continue
		}
		if slices.ContainsFunc(skip, func(s string) bool { return s != "" && strings.Contains(row, s) }) {
			continue
		}
		text++
	}
	if text < 2 {
		t.Errorf("%s: the last page (%d) holds %d lines of text:\n%s", id, n, text, out)
	}
	return n
}

// checkOrder reads the whole PDF back and finds every paragraph in order.
func checkOrder(t *testing.T, id string, l *Letter, path string) {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("%s: pdftotext: %v", id, err)
	}
	raw := string(out)
	pages := strings.Count(raw, "\f")
	for n := 1; n <= pages; n++ {
		raw = strings.Replace(raw, l.PageLabel(n, pages), "", 1)
	}
	// Compare without spaces: lines wrap where a word breaks (a URL), and
	// pdftotext may join them without one.
	flat := strings.Join(strings.Fields(raw), "")
	at := 0
	for _, b := range l.Body {
		for _, s := range append([]string{b.Text}, b.Items...) {
			if s == "" {
				continue
			}
			p := strings.Join(strings.Fields(s), "")
			i := strings.Index(flat[at:], p)
			if i < 0 {
				t.Errorf("%s: text missing or out of order: %.80q", id, s)
				continue
			}
			at += i + len(p)
		}
	}
}

// floor is the tightest setting a letter may take, written here apart
// from the package's own: 10 pt on 1.2 lines, the smallest gaps, the
// text under the DIN 5008 address field. A letter that fits one page so
// must be one page (issue #23).
var floor = metrics{bodyPt: 10, lineMM: 4.25, paraGap: 1.2, titleGap: 2.6, signGap: 11, bodyFirstY: 98.5, dateBeside: true}

// checkFloor fails when a letter of several pages would fit on one at
// the floor.
func checkFloor(t *testing.T, id string, l *Letter, p *pager) {
	t.Helper()
	if p.page == 1 {
		return
	}
	try := &pager{f: l.document(), m: floor, bottom: 280}
	try.layout(l)
	if try.page == 1 {
		t.Errorf("%s: %d pages, though it fits one at 10 pt", id, p.page)
	}
	for _, o := range p.ops {
		if o.body && o.pt < 10 {
			t.Errorf("%s: text set at %.1f pt, under 10 pt", id, o.pt)
			return
		}
	}
}

// checkSentenceBreaks fails when a page ends inside a sentence though one
// of the three lines above could have ended it: a line that ends a
// sentence and is followed by a line that may start a page (not the
// second or the last line of its paragraph, which would leave one alone).
func checkSentenceBreaks(t *testing.T, id string, p *pager) {
	t.Helper()
	text := func(i int) string { return p.flow[i].ops[0].text }
	ends := func(s string) bool {
		s = strings.TrimRight(s, ")»”\" ")
		return s != "" && strings.ContainsAny(s[len(s)-1:], ".!?:;")
	}
	paraLines := map[int][]int{}
	for i, ln := range p.flow {
		paraLines[ln.para] = append(paraLines[ln.para], i)
	}
	canStart := func(i int) bool {
		ls := paraLines[p.flow[i].para]
		return len(ls) < 3 || i != ls[1] && i != ls[len(ls)-1]
	}
	for k := 1; k < len(p.flow); k++ {
		if p.flow[k].page == p.flow[k-1].page || p.flow[k].para != p.flow[k-1].para || ends(text(k-1)) {
			continue
		}
		for b := k - 1; b >= k-3 && b > 1 && p.flow[b-1].page == p.flow[k-1].page; b-- {
			if ends(text(b-1)) && canStart(b) && !p.flow[b].keep {
				t.Errorf("%s: page %d ends mid-sentence (%q) though %q ends a sentence %d lines up", id, p.flow[k-1].page, text(k-1), text(b-1), k-b)
				break
			}
		}
	}
}

// nounsBefore are the words after which a number must not start a line;
// nounsAfter the ones that must not start a line after a number.
var (
	nounsBefore = regexp.MustCompile(`(?i)(^|[ (])(пункт|пункту|пункта|підпункт|підпункту|подпункт|подпункта|Article|Articles|point|straipsnio|straipsnį|статьи|статті|статья|частини|части|dalies|dalį|§|№|Nr\.)$`)
	numberEnd   = regexp.MustCompile(`\d\.?$`)
	nounsAfter  = regexp.MustCompile(`^(panta|pantu|pants|daļa|daļas|daļu|punkts|punktu|punkta|straipsnio|straipsnį|dalies|dalį|punkto|punktas|статті|статьи|робочих|рабочих|календарних|календарных|days|working)\b`)
)

// checkNumbersWithNouns fails when a line break parts a number from the
// word that names what it numbers: "пункт / 6", "Article / 17(1)",
// "12. / panta".
func checkNumbersWithNouns(t *testing.T, id string, p *pager) {
	t.Helper()
	for i := 1; i < len(p.flow); i++ {
		a, b := p.flow[i-1], p.flow[i]
		if a.para != b.para {
			continue
		}
		end, start := a.ops[0].text, b.ops[0].text
		first, _ := utf8.DecodeRuneInString(start)
		if nounsBefore.MatchString(end) && (unicode.IsDigit(first) || strings.HasPrefix(start, "(")) ||
			numberEnd.MatchString(end) && nounsAfter.MatchString(start) {
			t.Errorf("%s: a number parted from its noun: %q / %q", id, end[max(0, len(end)-30):], start[:min(len(start), 30)])
		}
	}
}

// checkReturnAddress reads the PDF back and finds the town and the
// postcode of the London profile over the window.
func checkReturnAddress(t *testing.T, id, path string) {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", "-l", "1", path, "-").Output()
	if err != nil {
		t.Fatalf("%s: pdftotext: %v", id, err)
	}
	for _, row := range strings.Split(string(out), "\n") {
		if strings.Contains(row, "Kensington") || strings.Contains(row, "London W11 2QS") && !strings.Contains(row, "Alexandra Montgomery\n") {
			if strings.Contains(row, "London W11 2QS") && strings.Contains(row, "·") {
				return
			}
		}
	}
	t.Errorf("%s: the return line over the window lost the town or postcode (London W11 2QS):\n%s", id, out)
}
