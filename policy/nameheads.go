package policy

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxHeadWords is how many lower-case words may stand between a name's
// capitalised start and its head: "Jaunimo sporto centras" has two,
// "Latvijas Universitātes Matemātikas un informātikas institūts" three.
const maxHeadWords = 3

// toHead extends a name that ends at end, after its capitalised words, over
// the lower-case words that follow on the same line when one of the next
// maxHeadWords is a head noun of a body's name (see lexicon.headNouns), and
// returns the end of the last such head; else end. "VšĮ Jaunimo" + " sporto
// centras" is one name, and so is "Kauno" + " miesto savivaldybės
// administracija" (two heads: the body is the last); "SIA Tet sniedz
// pakalpojumus" stays "SIA Tet".
func (d *doc) toHead(end int) int {
	i, head := end, end
	for k := 0; k < maxHeadWords; k++ {
		if i+1 >= len(d.text) || d.text[i] != ' ' {
			return head
		}
		ws := i + 1
		we := ws
		for we < len(d.text) {
			r, n := utf8.DecodeRuneInString(d.text[we:])
			if !unicode.IsLetter(r) && r != '\'' && r != '’' {
				break
			}
			we += n
		}
		if we == ws {
			return head
		}
		w := d.text[ws:we]
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) {
			return head
		}
		if isHeadNoun(strings.ToLower(w)) {
			head = we
		}
		i = we
	}
	return head
}

// isHeadNoun reports whether the lower-case word w is a head noun's stem
// with at most three letters of inflection.
func isHeadNoun(w string) bool {
	for _, stem := range lex().headNounStems {
		if strings.HasPrefix(w, stem) && utf8.RuneCountInString(w[len(stem):]) <= 3 {
			return true
		}
	}
	return false
}

// isPronoun reports whether w is a personal pronoun in any language Prava
// reads: after a short legal form it is the sentence going on ("SIA Jums
// nosūtīs"), not a company's name.
func isPronoun(w string) bool {
	return lex().pronounSet[strings.ToLower(w)]
}

// quotedAfterWords finds, after end, at most maxHeadWords lower-case words
// and then a quoted name on the same line, and returns the bounds of what
// the quotes hold and the end of the closing quote; 0, end if there is none.
// "Научно-производственное" + " предприятие «Северный ветер»".
func (d *doc) quotedAfterWords(end int) (int, int) {
	i := end
	for k := 0; k <= maxHeadWords; k++ {
		if i+1 >= len(d.text) || d.text[i] != ' ' {
			return 0, end
		}
		r, n := utf8.DecodeRuneInString(d.text[i+1:])
		if closeQ := closingQuote(r); closeQ != "" && k > 0 {
			j := i + 1 + n
			c := quoteClose(d.text[j:min(len(d.text), j+120)], r, closeQ)
			if c <= 0 || strings.ContainsRune(d.text[j:j+c], '\n') {
				return 0, end
			}
			_, qn := utf8.DecodeRuneInString(d.text[j+c:])
			return j, j + c + qn
		}
		if !unicode.IsLower(r) {
			return 0, end
		}
		we := i + 1
		for we < len(d.text) {
			r, n := utf8.DecodeRuneInString(d.text[we:])
			if !unicode.IsLetter(r) && r != '-' {
				break
			}
			we += n
		}
		i = we
	}
	return 0, end
}
