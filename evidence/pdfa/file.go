package pdfa

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
)

// parsed is a PDF written in one revision with a classic cross-reference
// table, as gofpdf writes it: its objects' places and its trailer.
type parsed struct {
	data    []byte
	offsets map[int]int // object number → byte offset of "n 0 obj"
	xref    int         // where "xref" starts
	trailer []entry
	root    int
	info    int
}

var startxrefRe = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)

// ErrUnsupported says that a PDF is not in the form Convert reads.
var ErrUnsupported = errors.New("pdfa: this PDF is not in the form Prava's converter reads (one revision, a classic cross-reference table)")

// parse reads the cross-reference table and trailer of b.
func parse(b []byte) (*parsed, error) {
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		return nil, fmt.Errorf("pdfa: not a PDF (no %%PDF- header)")
	}
	m := startxrefRe.FindSubmatch(b[max(0, len(b)-64):])
	if m == nil {
		return nil, fmt.Errorf("%w: no startxref at the end", ErrUnsupported)
	}
	x, _ := strconv.Atoi(string(m[1]))
	if x <= 0 || x >= len(b) || !bytes.HasPrefix(b[x:], []byte("xref")) {
		return nil, fmt.Errorf("%w: startxref does not point to a table", ErrUnsupported)
	}
	p := &parsed{data: b, offsets: map[int]int{}, xref: x}
	i := skipSpace(b, x+4)
	for !bytes.HasPrefix(b[i:], []byte("trailer")) {
		var first, count int
		n, err := fmt.Sscanf(string(b[i:min(len(b), i+40)]), "%d %d", &first, &count)
		if n != 2 || err != nil || first < 0 || count < 0 || count > 1<<20 {
			return nil, fmt.Errorf("%w: a bad cross-reference subsection at byte %d", ErrUnsupported, i)
		}
		i = bytes.IndexByte(b[i:], '\n') + i + 1
		if i+20*count > len(b) {
			return nil, fmt.Errorf("%w: the cross-reference table is cut short", ErrUnsupported)
		}
		for k := 0; k < count; k++ {
			row := b[i+20*k : i+20*k+20]
			if row[17] == 'n' {
				off, err := strconv.Atoi(string(row[:10]))
				if err != nil || off <= 0 || off >= x {
					return nil, fmt.Errorf("%w: a bad cross-reference entry %q", ErrUnsupported, row)
				}
				p.offsets[first+k] = off
			}
		}
		i = skipSpace(b, i+20*count)
	}
	tr, _, err := dictEntries(b, i+len("trailer"))
	if err != nil {
		return nil, fmt.Errorf("%w: the trailer: %v", ErrUnsupported, err)
	}
	p.trailer = tr
	if lookup(tr, "Encrypt") != nil {
		return nil, fmt.Errorf("pdfa: the PDF is encrypted, which PDF/A forbids")
	}
	if lookup(tr, "Prev") != nil {
		return nil, fmt.Errorf("%w: it has more than one revision", ErrUnsupported)
	}
	var ok bool
	if p.root, ok = refNumber(lookup(tr, "Root")); !ok || p.offsets[p.root] == 0 {
		return nil, fmt.Errorf("%w: the trailer has no /Root", ErrUnsupported)
	}
	if p.info, ok = refNumber(lookup(tr, "Info")); !ok || p.offsets[p.info] == 0 {
		p.info = 0 // no Info: Convert writes one
	}
	return p, nil
}

// numbers returns the object numbers in the order they sit in the file.
func (p *parsed) numbers() []int {
	ns := make([]int, 0, len(p.offsets))
	for n := range p.offsets {
		ns = append(ns, n)
	}
	sort.Slice(ns, func(i, j int) bool { return p.offsets[ns[i]] < p.offsets[ns[j]] })
	return ns
}

// span returns an object's bytes from "n 0 obj" up to the next object or
// the table: its end is known from the layout, never searched for, so a
// stream holding the word "endobj" cannot cut it short.
func (p *parsed) span(n int, order []int) []byte {
	start := p.offsets[n]
	end := p.xref
	for i, m := range order {
		if m == n && i+1 < len(order) {
			end = p.offsets[order[i+1]]
		}
	}
	return p.data[start:end]
}

// dict returns the dictionary of object n.
func (p *parsed) dict(n int) ([]entry, error) {
	off := p.offsets[n]
	head := fmt.Sprintf("%d 0 obj", n)
	if !bytes.HasPrefix(p.data[off:], []byte(head)) {
		return nil, fmt.Errorf("%w: object %d is not where the table says", ErrUnsupported, n)
	}
	es, _, err := dictEntries(p.data, off+len(head))
	if err != nil {
		return nil, fmt.Errorf("%w: object %d: %v", ErrUnsupported, n, err)
	}
	return es, nil
}

// objectDicts returns the dictionary of every object whose body starts
// with one (streams included: their dictionary comes first).
func (p *parsed) objectDicts() map[int][]entry {
	out := map[int][]entry{}
	for n := range p.offsets {
		if es, err := p.dict(n); err == nil {
			out[n] = es
		}
	}
	return out
}
