package policy

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// The readers look for several hundred keywords. Searching the text once
// per keyword made analysis cost a pass over the text for each, so the
// keywords are registered here and found together in a single pass: at
// every place where a word starts, the first two bytes select the few
// keywords that can start there. Every registered keyword therefore starts
// with a letter or a digit (TestKeywordsStartWithWords checks).

// keywordIndex finds the registered keywords by their first bytes.
type keywordIndex struct {
	ids   map[string]int
	words []string
	head  []uint32        // each word's first four bytes, for a quick reject
	mask  []uint32        // which of those bytes the word has
	slot  [1 << 16]uint16 // first two bytes → 1 + index into pairs
	pairs [][]int         // keyword ids sharing a first-two-byte pair
}

// register adds lower-case keywords to the index.
func (k *keywordIndex) register(words ...string) {
	for _, w := range words {
		w = strings.ToLower(w)
		if len(w) < 2 {
			continue
		}
		if _, ok := k.ids[w]; ok {
			continue
		}
		id := len(k.words)
		k.ids[w] = id
		k.words = append(k.words, w)
		h, m := head4(w)
		k.head = append(k.head, h)
		k.mask = append(k.mask, m)
		pair := uint16(w[0])<<8 | uint16(w[1])
		if k.slot[pair] == 0 {
			k.pairs = append(k.pairs, nil)
			k.slot[pair] = uint16(len(k.pairs))
		}
		i := k.slot[pair] - 1
		k.pairs[i] = append(k.pairs[i], id)
	}
}

// keywords is the index of every word the readers look for, built on
// first use and not at start: a command that reads no policy should not
// pay for it.
var keywords = sync.OnceValue(func() *keywordIndex {
	k := &keywordIndex{ids: map[string]int{}}
	for _, list := range [][]string{streetWords, addressLabels, countryAnchors, markingCues, registrationLabels, dpoCues,
		processorStems, accessStems, erasureStems, withdrawalStems, otherStems, inPersonStems, postStems, emailStems,
		webFormStems, phoneWords, brandCues, prefixForms, suffixForms, nameLabels, leadLabels} {
		k.register(list...)
	}
	k.register("http://", "https://", "www.")
	k.register(spelledAts...) // the e-mail reader's triggers (see doc.triggers)
	for _, u := range timeUnits {
		k.register(u.stem)
	}
	for _, signs := range lawSigns() {
		k.register(signs...)
	}
	for _, r := range rightStems {
		k.register(r.stems...)
	}
	for _, list := range lex().keywords() {
		k.register(list...)
	}
	return k
})

// index finds every registered keyword in d.lower.
func (d *doc) index() {
	kw := keywords()
	d.hits = make([][]int, len(kw.words))
	s := d.lower
	prevWord := false
	for i := 0; i < len(s); {
		var word bool
		n := 1
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			word = 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
		case c == 0xD0 || c == 0xD1: // Cyrillic letters, the bulk of many policies
			word, n = true, 2
		case c >= 0xC4 && c <= 0xC9: // Latin Extended-A and -B: ā, č, ė, ł, š, ž …
			word, n = true, 2
		default:
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			word = isWordRune(r)
		}
		if word && !prevWord && i+1 < len(s) {
			if slot := kw.slot[uint16(s[i])<<8|uint16(s[i+1])]; slot != 0 {
				// Compare four bytes at once first: Cyrillic words share
				// their first two bytes by the dozen.
				t, _ := head4(s[i:min(len(s), i+4)])
				for _, id := range kw.pairs[slot-1] {
					if t&kw.mask[id] != kw.head[id] {
						continue
					}
					if w := kw.words[id]; len(w) <= 4 || strings.HasPrefix(s[i:], w) {
						d.hits[id] = append(d.hits[id], i)
					}
				}
			}
		}
		prevWord = word
		i += n
	}
}

// find returns where a lower-case keyword starts in the text, at the start
// of a word. A keyword that was not registered is searched for directly,
// with the same rule.
func (d *doc) find(word string) []int {
	if id, ok := keywords().ids[word]; ok {
		return d.hits[id]
	}
	var out []int
	for _, p := range indexAll(d.lower, word) {
		if atWordStart(d.lower, p) {
			out = append(out, p)
		}
	}
	return out
}

// anyBetween reports whether any of the words starts in [from, to).
func (d *doc) anyBetween(words []string, from, to int) bool {
	for _, w := range words {
		ps := d.find(w)
		// Binary search for the first hit at or after from.
		lo, hi := 0, len(ps)
		for lo < hi {
			m := (lo + hi) / 2
			if ps[m] < from {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo < len(ps) && ps[lo] < to {
			return true
		}
	}
	return false
}

// kindBetween names the single request kind the text in [from, to) speaks
// of, or KindAny; it is kindOf for a stretch of the document.
func (d *doc) kindBetween(from, to int) string {
	return pickKind(d.anyBetween(accessStems, from, to), d.anyBetween(erasureStems, from, to),
		d.anyBetween(withdrawalStems, from, to), d.anyBetween(otherStems, from, to))
}

// head4 packs the first four bytes of w (fewer if it is shorter) and a
// mask of the bytes present.
func head4(w string) (uint32, uint32) {
	var h, m uint32
	for k := 0; k < 4 && k < len(w); k++ {
		h |= uint32(w[k]) << (8 * k)
		m |= 0xFF << (8 * k)
	}
	return h, m
}
