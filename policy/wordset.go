package policy

import (
	"strings"
	"sync"
)

// wordSet answers hasWordFrom for one fixed word list in time that grows
// with the text, not with the list: the words are grouped by their first
// byte, and only those that begin with the byte at a word start are tried.
// classifyPart asks it of every part of every address segment, and the
// street list alone holds about a hundred words.
type wordSet [256][]string

func newWordSet(words []string) *wordSet {
	var s wordSet
	for _, w := range words {
		if w != "" {
			s[w[0]] = append(s[w[0]], w)
		}
	}
	return &s
}

// has reports whether lower holds one of the words at a word start, ending
// at a word end unless the word ends in a dot (wordAt), as hasWordFrom
// does.
func (s *wordSet) has(lower string) bool {
	for p := 0; p < len(lower); p++ {
		if len(s[lower[p]]) == 0 || !atWordStart(lower, p) {
			continue
		}
		if _, ok := s.at(lower, p); ok {
			return true
		}
	}
	return false
}

// at returns the word of the set that lower holds at p, ending at a word
// end unless it ends in a dot (wordAt).
func (s *wordSet) at(lower string, p int) (string, bool) {
	for _, w := range s[lower[p]] {
		if strings.HasPrefix(lower[p:], w) && wordAt(lower, p, w) {
			return w, true
		}
	}
	return "", false
}

// streetWordSet and regionWordSet index streetWords and regionWords.
var (
	streetWordSet = sync.OnceValue(func() *wordSet { return newWordSet(streetWords) })
	regionWordSet = sync.OnceValue(func() *wordSet { return newWordSet(regionWords) })
)
