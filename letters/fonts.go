package letters

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// fontNames are the PostScript names of the letter fonts, by the name the
// PDF writer gives them ("utf8" and its font family and style).
var fontNames = map[string]string{"utf8serif": "DejaVuSerif", "utf8serifB": "DejaVuSerif-Bold"}

// The cross-reference table and the startxref line, compiled on first use
// (issue #25: no package initialiser builds anything).
var (
	xrefRe      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)\nxref\n0 (\d+)\n(.*?)trailer`) })
	startxrefRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`) })
)

// fontNameAt finds the writer's font names, "/utf8serif" and
// "/utf8serifB", followed by a delimiter; bytes.Index is much faster than
// a regular expression over the font streams.
func fontNameAt(pdf []byte) [][2]int {
	var out [][2]int
	key := []byte("/utf8serif")
	for at := 0; ; {
		i := bytes.Index(pdf[at:], key)
		if i < 0 {
			return out
		}
		start, end := at+i, at+i+len(key)
		if end < len(pdf) && pdf[end] == 'B' {
			end++
		}
		if end == len(pdf) || strings.IndexByte(" \n\r\t/>]", pdf[end]) >= 0 {
			out = append(out, [2]int{start, end})
		}
		at = end
	}
}

// nameFonts gives the embedded fonts their real PostScript names with a
// subset tag, "ABCDEF+DejaVuSerif", as ISO 32000-1 §9.6.4 asks of a
// subset font: gofpdf embeds subsets but names them "utf8serif", which
// preflight and PDF/A checks flag and pdffonts reports as "sub no". The
// names are replaced in place and the cross-reference table is moved to
// match, so the file stays a single revision.
func nameFonts(pdf []byte) ([]byte, error) {
	// Only the tail is searched for the table: see tail.
	base := bytes.LastIndex(pdf, []byte("\nxref\n"))
	sx := startxrefRe().FindSubmatchIndex(pdf[max(base, 0):])
	xr := xrefRe().FindSubmatchIndex(pdf[max(base-1, 0):])
	if base < 0 || sx == nil || xr == nil {
		return nil, fmt.Errorf("letters: the PDF writer's output is not in the expected form; cannot name its fonts")
	}
	for i := range sx {
		sx[i] += base
	}
	for i := range xr {
		xr[i] += base - 1
	}
	tags := map[string]string{}
	for name, real := range fontNames {
		h := fnv.New32a()
		h.Write(pdf)
		h.Write([]byte(name))
		n := h.Sum32()
		tag := make([]byte, 6)
		for i := range tag {
			tag[i] = byte('A' + n%26)
			n /= 26
		}
		tags[name] = "/" + string(tag) + "+" + real
	}
	// Each replacement's place and how much longer it makes the file.
	type shift struct{ at, by int }
	var shifts []shift
	var out bytes.Buffer
	out.Grow(len(pdf) + 256)
	last := 0
	for _, m := range fontNameAt(pdf[:xr[0]]) {
		tag := tags[string(pdf[m[0]+1:m[1]])]
		out.Write(pdf[last:m[0]])
		out.WriteString(tag)
		shifts = append(shifts, shift{m[0], len(tag) - (m[1] - m[0])})
		last = m[1]
	}
	if len(shifts) == 0 {
		return pdf, nil
	}
	moved := func(off int) int {
		by := 0
		for _, s := range shifts {
			if s.at < off {
				by += s.by
			}
		}
		return off + by
	}
	out.Write(pdf[last:xr[4]])
	// The table: entries of 20 bytes, "oooooooooo ggggg n \n".
	table := pdf[xr[4]:xr[5]]
	count, _ := strconv.Atoi(string(pdf[xr[2]:xr[3]]))
	if len(table) != 20*count {
		return nil, fmt.Errorf("letters: the PDF's cross-reference table is not in the expected form; cannot name its fonts")
	}
	for i := 0; i < count; i++ {
		e := table[20*i : 20*i+20]
		if e[17] == 'n' {
			off, err := strconv.Atoi(string(e[:10]))
			if err != nil {
				return nil, fmt.Errorf("letters: a damaged cross-reference entry %q", e)
			}
			fmt.Fprintf(&out, "%010d%s", moved(off), e[10:])
		} else {
			out.Write(e)
		}
	}
	out.Write(pdf[xr[5]:sx[2]])
	xrefAt, _ := strconv.Atoi(string(pdf[sx[2]:sx[3]]))
	out.WriteString(strconv.Itoa(moved(xrefAt)))
	out.Write(pdf[sx[3]:])
	return out.Bytes(), nil
}
