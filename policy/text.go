package policy

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// doc is the text under analysis with a lower-case copy of the same byte
// length, so that an offset found in one is valid in the other.
type doc struct {
	text  string
	lower string
	hits  [][]int // offsets of each registered keyword, see keywords.go

	wordChecks int // searches plausibleName has made, see maxWordChecks

	breaks []int // offsets of the line breaks, made on first use by lineAround

	glossary     []string // terms defined as kinds of persons, see glossaryPersons
	glossaryRead bool
}

func newDoc(text string) *doc {
	d := &doc{text: text, lower: lowerSameLength(text)}
	d.index()
	return d
}

// lowerSameLength lower-cases s, leaving alone the few letters whose
// lower-case form has another UTF-8 length (such as 'İ'). It is the first
// step of every analysis, so ASCII and Cyrillic take a short path.
func lowerSameLength(s string) string {
	b := []byte(s)
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
			i++
			continue
		}
		if c == 0xD0 && i+1 < len(b) {
			// Cyrillic capitals U+0400–U+042F, byte by byte.
			switch c2 := b[i+1]; {
			case c2 >= 0x90 && c2 <= 0x9F: // А–П → а–п
				b[i+1] = c2 + 0x20
			case c2 >= 0xA0 && c2 <= 0xAF: // Р–Я → р–я
				b[i], b[i+1] = 0xD1, c2-0x20
			case c2 >= 0x80 && c2 <= 0x8F: // Ѐ–Џ → ѐ–џ
				b[i], b[i+1] = 0xD1, c2+0x10
			}
			i += 2
			continue
		}
		if c == 0xD1 {
			i += 2 // Cyrillic small letters
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if l := lowerRune(r); l != r && utf8.RuneLen(l) == n {
			utf8.EncodeRune(b[i:], l)
		}
		i += n
	}
	return string(b)
}

// lowerRune is unicode.ToLower with the common Cyrillic cases inline.
func lowerRune(r rune) rune {
	switch {
	case r >= 0x430 && r <= 0x45F:
		return r
	case r >= 0x410 && r <= 0x42F:
		return r + 0x20
	case r >= 0x400 && r <= 0x40F:
		return r + 0x50
	}
	return unicode.ToLower(r)
}

// isWordRune reports whether r is a letter or a digit, without a table
// look-up for ASCII, Latin-1, Latin Extended and Cyrillic.
func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case r >= 0xC0 && r <= 0x24F:
		return r != 0xD7 && r != 0xF7
	case r >= 0x400 && r <= 0x4FF:
		return r <= 0x481 || r >= 0x48A
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// snippetRadius is how many bytes of context a snippet shows on each side.
const snippetRadius = 70

// snippet returns the words around text[start:end] on one line.
func (d *doc) snippet(start, end int) string {
	from := runeStart(d.text, max(0, start-snippetRadius))
	to := runeEnd(d.text, min(len(d.text), end+snippetRadius))
	s := strings.Join(strings.Fields(d.text[from:to]), " ")
	if from > 0 {
		s = "…" + s
	}
	if to < len(d.text) {
		s += "…"
	}
	return s
}

func (d *doc) evidence(field, value string, start, end int) Evidence {
	return Evidence{Field: field, Value: value, Offset: start, Snippet: d.snippet(start, end)}
}

// runeStart moves i back to the start of the rune it falls in.
func runeStart(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// runeEnd moves i forward to the end of the rune it falls in.
func runeEnd(s string, i int) int {
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}

// window returns [from, to) around i, snapped to rune boundaries.
func (d *doc) window(i, before, after int) (int, int) {
	return runeStart(d.text, max(0, i-before)), runeEnd(d.text, min(len(d.text), i+after))
}

// sentence returns the bounds of the sentence around offset i: from the
// previous sentence end or line break to the next, at most limit bytes away
// on each side. Abbreviations make this approximate, which is enough for
// deciding what a sentence is about.
func (d *doc) sentence(i, limit int) (int, int) {
	s := d.text
	from := i
	for from > 0 && i-from < limit {
		c := s[from-1]
		if c == '\n' || ((c == '.' || c == '!' || c == '?' || c == ';') && from < len(s) && s[from] == ' ' && sentenceEndsBefore(s, from-1)) {
			break
		}
		from--
	}
	to := i
	for to < len(s) && to-i < limit {
		c := s[to]
		if c == '\n' || ((c == '.' || c == '!' || c == '?' || c == ';') && (to+1 == len(s) || s[to+1] == ' ' || s[to+1] == '\n') && sentenceEndsBefore(s, to)) {
			break
		}
		to++
	}
	return runeStart(s, from), runeEnd(s, to)
}

// sentenceEndsBefore reports whether the punctuation at i ends a sentence,
// rather than an abbreviation such as "ул." or "Reg." or a number "5.".
func sentenceEndsBefore(s string, i int) bool {
	if s[i] != '.' {
		return true
	}
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		j -= n
	}
	word := s[j:i]
	if word == "" {
		return true
	}
	if isDigits(word) {
		// "5.2.1." at the start of a line numbers a clause; "LV-1011." or
		// "art. 12." ends a sentence.
		k := j
		for k > 0 && (s[k-1] == '.' || isDigitByte(s[k-1]) || s[k-1] == ' ') {
			k--
		}
		return !(k == 0 || s[k-1] == '\n')
	}
	if abbreviations()[strings.ToLower(word)] {
		return false
	}
	if isSuffixForm(word+".") && i+2 < len(s) && s[i+1] == ' ' {
		// "… with Parcelway Ltd. Bright Kettle Ltd is the controller": a
		// legal form's dot before a capitalised word that is no legal
		// form itself ends the sentence.
		next := s[i+2:]
		if sp := strings.IndexAny(next, " ,\n"); sp >= 0 {
			next = next[:sp]
		}
		r, _ := utf8.DecodeRuneInString(next)
		if unicode.IsUpper(r) && !isSuffixForm(next) && !isSuffixForm(strings.TrimRight(next, ".")) {
			return true
		}
	}
	if strings.HasSuffix(strings.ToLower(word), "str") && i+2 < len(s) && s[i+1] == ' ' && isDigitByte(s[i+2]) {
		return false // "Industriestr. 25": a German street, not a sentence end
	}
	if utf8.RuneCountInString(word) > 3 {
		return true
	}
	// A short word is an abbreviation ("ул.", "Inc.") unless the token
	// around it holds a digit: "2-Н." or "12а." end a sentence.
	k := j
	for k > 0 && s[k-1] != ' ' && s[k-1] != '\n' {
		k--
	}
	return hasDigit(s[k:i])
}

// abbreviations are words longer than three letters that are written with
// a dot inside addresses and citations and never end a sentence there.
var abbreviations = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"просп": true, "бульв": true, "пров": true, "пл": true, "наб": true, "корп": true, "пом": true, "обл": true, "смт": true,
		"пгт": true, "прим": true, "кварт": true, "мкр": true, "каб": true, "skg": true, "corp": true, "blvd": true, "apdo": true,
		"tel": true, "tālr": true, "telef": true, "ste": true,
	}
})

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// containsAny reports whether s contains any of the words.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// indexAll returns every offset of sub in s.
func indexAll(s, sub string) []int {
	var out []int
	for i := 0; ; {
		j := strings.Index(s[i:], sub)
		if j < 0 {
			return out
		}
		out = append(out, i+j)
		i += j + len(sub)
	}
}

// isWordByte reports whether the byte at i continues a word (letter or
// digit, counting every non-ASCII byte as a letter).
func isWordByte(c byte) bool {
	return c >= 0x80 || c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

// atWordStart reports whether offset i in s begins a word.
func atWordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// atWordEnd reports whether offset i in s ends a word.
func atWordEnd(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// uniqueAppend appends v unless list holds it already.
func uniqueAppend(list []string, v string) []string {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}

func strPtr(s string) *string { return &s }

// lazyRegexp compiles expr on first use and not at start, so that a
// command that reads no policy does not pay for the package's patterns.
// The pattern is a constant: a bad one panics in the first test that
// reads a policy.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
