package policy

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// numberedHeadingAt reports whether the line holding p is a short
// numbered or marked-up section heading ("3.1.1. Vārds", "## Overview"):
// a name read there is most likely the heading itself. A numbered
// paragraph ("1.1. Administrator – Fundacja X z siedzibą …") is longer.
func (d *doc) numberedHeadingAt(p int) bool {
	if p < 0 || p > len(d.text) {
		return false
	}
	ls, le := d.lineAround(p)
	line := strings.TrimLeft(d.text[ls:le], " \t")
	if utf8.RuneCountInString(line) > 60 {
		return false
	}
	if strings.HasPrefix(line, "#") {
		return true
	}
	i := 0
	for i < len(line) && (line[i] >= '0' && line[i] <= '9' || line[i] == '.') {
		i++
	}
	return i > 0 && i < len(line) && strings.ContainsRune(line[:i], '.') && line[i] == ' '
}

// listedAsItem reports whether name stands alone on a list line ("- X",
// "• X") anywhere in the text, as section titles do in a table of
// contents. Names of parties are written in sentences and requisites.
func (d *doc) listedAsItem(name string) bool {
	for _, p := range indexAll(d.text, name) {
		end := p + len(name)
		if end < len(d.text) && d.text[end] != '\n' {
			continue
		}
		ls, _ := d.lineAround(p)
		lead := strings.TrimSpace(d.text[ls:p])
		if lead == "-" || lead == "•" || lead == "*" {
			return true
		}
	}
	return false
}

// nameEndsClean reports whether a name read inline ends where a name may:
// at punctuation, a line end, or a word such as "z siedzibą".
func (d *doc) nameEndsClean(end int) bool {
	return end >= len(d.text) || !isWordByte(d.text[end])
}

// lineAround returns the bounds of the line holding p.
//
// The line breaks are found once and searched: scanning back from p on
// every call was quadratic on a text with few breaks (2 MB of pasted prose
// on one line took 12 s).
func (d *doc) lineAround(p int) (int, int) {
	if d.breaks == nil {
		d.breaks = make([]int, 0, strings.Count(d.text, "\n")+1)
		for i := 0; ; {
			j := strings.IndexByte(d.text[i:], '\n')
			if j < 0 {
				break
			}
			d.breaks = append(d.breaks, i+j)
			i += j + 1
		}
	}
	// The first break at or after p ends the line; the one before starts it.
	k, _ := slices.BinarySearch(d.breaks, p)
	ls, le := 0, len(d.text)
	if k > 0 {
		ls = d.breaks[k-1] + 1
	}
	if k < len(d.breaks) {
		le = d.breaks[k]
	}
	return ls, le
}

// headingLike reports whether a line is a heading or ends in a colon: a
// label for the block below it.
func (d *doc) headingLike(ls, le, p int) bool {
	if le-ls > 200 {
		return false // a paragraph, not a heading
	}
	line := strings.TrimLeft(strings.TrimSpace(d.text[ls:le]), "0123456789. ")
	if strings.HasSuffix(line, ":") {
		return true
	}
	return len(line) <= 70 && words(line) <= 7 && !strings.ContainsAny(line, ".,;") || strings.HasSuffix(strings.TrimRight(line, " "), ".") && words(line) <= 5 && p-ls < 12
}

// blockName reads the name on the first lines after a heading that ends at
// le: the first line that is a name, skipping lines that end in a colon.
func (r *partyReader) blockName(le int) (int, int, bool) {
	d := r.d
	i := le
	for lines := 0; lines < 4 && i < len(d.text); {
		for i < len(d.text) && (d.text[i] == '\n' || d.text[i] == ' ') {
			i++
		}
		ls, e := d.lineAround(i)
		if ls >= len(d.text) {
			break
		}
		line := strings.TrimSpace(d.text[ls:e])
		lines++
		if strings.HasSuffix(line, ":") || line == "" {
			i = e
			continue
		}
		if ns, ne, ok := r.lineName(ls, e); ok {
			return ns, ne, true
		}
		return 0, 0, false
	}
	return 0, 0, false
}

// lineName reads a name that fills a line, or the line's first comma
// part: "Alive Church", "Ukmergės rajono vartotojų kooperatyvas, Kauno g.
// 17", "- ФИО: Левковец А. И.".
func (r *partyReader) lineName(ls, le int) (int, int, bool) {
	d := r.d
	i := ls
	for i < le && (d.text[i] == ' ' || d.text[i] == '-' || d.text[i] == '*' || d.text[i] == '\t') {
		i++
	}
	if c := strings.IndexByte(d.text[i:le], ':'); c > 0 && c < 40 {
		label := strings.TrimSpace(d.lower[i : i+c])
		if !hasFrom(label, nameLabels) && !containsAny(label, lex().roleControllerWords) && !containsAny(label, lex().roleProcessorWords) {
			return 0, 0, false
		}
		i += c + 1
		for i < le && d.text[i] == ' ' {
			i++
		}
	}
	end := le
	for _, stop := range []string{",", " — ", " – ", " (", ";", " | ", " · "} {
		if k := strings.Index(d.text[i:end], stop); k > 0 {
			end = i + k
		}
	}
	seg := strings.TrimRight(d.text[i:end], " .")
	if strings.HasSuffix(strings.TrimSpace(d.text[ls:le]), "*") {
		return 0, 0, false // a form's required field: "Name *"
	}
	if seg == "" || len(seg) > 120 || words(seg) > 8 || strings.ContainsAny(seg, "@:") || hasDigit(seg) && words(seg) > 3 {
		return 0, 0, false
	}
	if k := classifyPart(seg, d.lower[i:i+len(seg)]); k != 0 && k != pGeneric {
		return 0, 0, false // an address line
	}
	for k := i; k <= i+len(seg); k++ {
		if e, ok := r.ents.byStart[k]; ok && e.end <= i+len(seg)+1 {
			return e.start, e.end, true
		}
	}
	r0, _ := utf8.DecodeRuneInString(seg)
	if !isNameStart(r0) && !hasUpper(seg) {
		return 0, 0, false
	}
	for _, w := range strings.Fields(strings.ToLower(seg)) {
		if lex().weWordSet[w] || isCopula(w) || notNames()[w] {
			return 0, 0, false // a sentence ("Sie erreichen uns unter"), not a name
		}
	}
	if sentenceLine(strings.TrimSpace(d.text[ls:le]), seg) {
		return 0, 0, false
	}
	return i, i + len(seg), true
}

// lowerBrandBlock reads a brand written in lower case ("immajung",
// "kafe.pūce") on the first line of the block after a controller label
// that ends at le. Such a word passes for a name only by the block's
// structure: alone on its line, one or two words, and right above a
// street with its house number, as a requisites block is written.
func (d *doc) lowerBrandBlock(le int) (int, int, bool) {
	i := le
	for i < len(d.text) && (d.text[i] == '\n' || d.text[i] == ' ') {
		i++
	}
	ls, e := d.lineAround(i)
	if ls >= len(d.text) || e >= len(d.text) {
		return 0, 0, false
	}
	seg := strings.TrimSpace(d.text[ls:e])
	if seg == "" || words(seg) > 2 || len(seg) > 40 || !lowerBrand(seg) {
		return 0, 0, false
	}
	for _, w := range strings.Fields(seg) {
		if lex().weWordSet[w] || isCopula(w) || notNames()[w] || lex().pronounSet[w] || startsWithRole(w) {
			return 0, 0, false
		}
	}
	ns := e + 1
	_, ne := d.lineAround(ns)
	next := strings.TrimSpace(d.text[ns:ne])
	if next == "" || classifyPart(next, strings.ToLower(next))&pStreet == 0 || !hasDigit(next) {
		return 0, 0, false
	}
	start := ls + strings.Index(d.text[ls:e], seg)
	return start, start + len(seg), true
}

// lowerBrand reports whether s is written like a brand in lower case:
// words of lower-case letters and digits, with dots and hyphens only
// inside, and at least three letters.
func lowerBrand(s string) bool {
	letters := 0
	for _, w := range strings.Fields(s) {
		for k, r := range w {
			switch {
			case unicode.IsLower(r):
				letters++
			case unicode.IsDigit(r):
			case (r == '.' || r == '-') && k > 0 && k < len(w)-1:
			default:
				return false
			}
		}
	}
	return letters >= 3
}

// maxNamingWords bounds the sentence under a controller heading whose end
// is read as the name: "Duomenis tvarko Music.lt administracija." is
// short; a longer sentence is the section's prose.
const maxNamingWords = 7

// sentenceEndName reads the name that ends the first sentence of the
// block after a controller heading that ends at le, when a verb phrase in
// lower case leads to it: "Duomenis tvarko Music.lt administracija.",
// "Your data is handled by Bluewren Studio Ltd." The name must carry
// the marks of one (a legal form, a body's head noun, a dotted brand, or
// two capitalised words), as a heading's own section text ends in plain
// words too.
func (r *partyReader) sentenceEndName(le int) (int, int, bool) {
	d := r.d
	i := le
	for i < len(d.text) && (d.text[i] == '\n' || d.text[i] == ' ') {
		i++
	}
	ls, e := d.lineAround(i)
	if ls >= len(d.text) {
		return 0, 0, false
	}
	end := e
	if k := sentenceBreak(d.text[ls:e] + " X"); k >= 0 {
		end = ls + k
	}
	p := len(strings.TrimRight(d.text[:end], " ."))
	sent := d.text[ls:p]
	if p <= ls || words(sent) > maxNamingWords || strings.ContainsAny(sent, ":;?!") {
		return 0, 0, false
	}
	for _, w := range strings.Fields(d.lower[ls:p]) {
		if lex().weWordSet[w] || lex().pronounSet[w] {
			return 0, 0, false
		}
	}
	ns, ne, ok := d.readNameBefore(p, r.ents)
	headed := false
	if !ok {
		// A body's head noun in lower case ends the name: "Music.lt
		// administracija", "Kauno miesto savivaldybės administracija".
		// The words between the capitalised start and the head are in
		// lower case too: "Vilniaus jaunimo centras".
		ws := strings.LastIndexByte(d.text[ls:p], ' ')
		if ws < 0 || !isHeadNoun(d.lower[ls+ws+1:p]) {
			return 0, 0, false
		}
		for k := 0; k < maxHeadWords && !ok; k++ {
			if ns, _, ok = d.readNameBefore(ls+ws, r.ents); !ok {
				prev := strings.LastIndexByte(d.text[ls:ls+ws], ' ')
				if prev < 0 || !lowerWordBefore(d.text[ls+prev:ls+ws]) {
					return 0, 0, false
				}
				ws = prev
			}
		}
		if !ok {
			return 0, 0, false
		}
		ne, headed = p, true
	}
	if ns <= ls || !lowerWordBefore(d.text[ls:ns]) {
		return 0, 0, false // the name opens the sentence: a copula's job
	}
	name := d.text[ns:ne]
	_, isEnt := r.ents.byStart[ns]
	if !isEnt && !headed && !strings.Contains(strings.TrimRight(name, "."), ".") && words(name) < 2 {
		return 0, 0, false
	}
	return ns, ne, true
}

// sentenceLine reports whether a line whose name part is seg is a
// sentence: it ends in a full stop and its second word is in lower case
// and no connector ("Please write to Support."), unless the last word is
// a body's head noun ("Kauno miesto savivaldybės administracija.").
func sentenceLine(line, seg string) bool {
	f := strings.Fields(seg)
	if !strings.HasSuffix(line, ".") || len(f) < 3 || isSuffixForm(f[len(f)-1]) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(f[1])
	return unicode.IsLower(r) && !nameConnectors()[f[1]] && !isHeadNoun(strings.ToLower(strings.TrimRight(f[len(f)-1], ".")))
}
