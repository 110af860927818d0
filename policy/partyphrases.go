package policy

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

func isCopula(w string) bool {
	for _, c := range lex().copulaWords {
		if w == c {
			return true
		}
	}
	return false
}

// copulaBefore finds "X is the data controller", "X ist verantwortlich",
// "UAB X, įmonės kodas …, yra jūsų asmens duomenų valdytoja": the subject
// that opens the sentence whose verb joins it to a controller word.
func (r *partyReader) copulaBefore() {
	d := r.d
	for _, w := range lex().roleControllerWords {
		for _, p := range d.find(w) {
			if !atWordStart(d.lower, p) {
				continue
			}
			if !d.copulaJustBefore(p, 4) {
				continue
			}
			ss, se := d.sentence(p, 300)
			if strings.ContainsRune(d.text[p:min(len(d.text), se+1)], '?') {
				continue // "Wer ist verantwortlich?" asks, it does not name
			}
			if ns, ne, ok := d.readName(ss, r.ents); ok && ne < p {
				r.add(ns, ne, signCopula)
			}
		}
	}
}

// weDefinitions finds X (hereinafter "we", "us"), X (далі — «ми»), and
// X (далее — «Оператор»).
func (r *partyReader) weDefinitions() {
	d := r.d
	for i := 0; i < len(d.text); {
		k := strings.IndexByte(d.text[i:], '(')
		if k < 0 {
			break
		}
		p := i + k
		i = p + 1
		close := strings.IndexByte(d.text[p:min(len(d.text), p+140)], ')')
		if close < 0 {
			continue
		}
		inner := d.lower[p+1 : p+close]
		if !quotesWe(inner) && !(containsAny(inner, brandCues) && containsAny(inner, lex().roleControllerWords)) {
			continue
		}
		if ns, ne, ok := d.readNameBefore(p, r.ents); ok {
			r.add(ns, ne, signWe)
		}
		// («Сміла Буд», далі — «ми»): the name inside is the one meant.
		if ns, ne, ok := d.readName(p+1, r.ents); ok && ne < p+close && closingQuote([]rune(d.text[ns:ne])[0]) != "" {
			r.add(ns, ne, signWe)
		}
	}
}

// quotesWe reports whether a parenthesis quotes a we-word: "we", «ми».
func quotesWe(inner string) bool {
	for _, part := range strings.FieldsFunc(inner, func(r rune) bool { return closingQuote(r) != "" || openingQuote(r) != "" || r == ',' }) {
		if lex().weWordSet[strings.TrimSpace(part)] {
			return true
		}
	}
	return false
}

// intros finds "X respects your privacy" where X opens the sentence.
func (r *partyReader) intros() {
	d := r.d
	for _, w := range lex().selfIntroWords {
		for _, p := range d.find(w) {
			ns, ne, ok := d.readNameBefore(p, r.ents)
			if !ok || !d.sentenceStart(ns) {
				continue
			}
			r.add(ns, ne, signIntro)
		}
	}
}

// sentenceStart reports whether a sentence or line begins at i.
func (d *doc) sentenceStart(i int) bool {
	j := i
	for j > 0 && (d.text[j-1] == ' ' || d.text[j-1] == '\t') {
		j--
	}
	return j == 0 || d.text[j-1] == '\n' || d.text[j-1] == '.' || d.text[j-1] == '!' || d.text[j-1] == '-' && j == i-1
}

// copyrights finds "© 2026 X" and "Copyright 2026 X".
func (r *partyReader) copyrights() {
	d := r.d
	for _, mark := range []string{"©", "(c) ", "copyright "} {
		for _, p := range indexAll(d.lower, mark) {
			i := p + len(mark)
			for i < len(d.text) && (d.text[i] == ' ' || isDigitByte(d.text[i]) || d.text[i] == '-' || d.text[i] == ',') {
				i++
			}
			if ns, ne, ok := d.readName(i, r.ents); ok {
				r.add(ns, ne, signCopyright)
			}
		}
	}
}

// people finds natural persons by the form the text gives them:
// "фізична особа-підприємець Петренко Олена", "Einzelunternehmer Max Muster".
func (r *partyReader) people() {
	d := r.d
	for _, list := range [][]string{lex().soleTraderWords, lex().personWords} {
		for _, w := range list {
			for _, p := range d.find(w) {
				q := p + len(w)
				for q < len(d.text) && isWordByte(d.text[q]) {
					q++
				}
				for q < len(d.text) && (d.text[q] == ' ' || d.text[q] == ',' || d.text[q] == ':') {
					q++
				}
				ns, ne, ok := d.readName(q, r.ents)
				if !ok || ns != q || ne-ns < 4 {
					continue
				}
				if words(w) > 3 || strings.ContainsAny(d.text[p+len(w):ns], ":,") {
					// "osoba prowadząca działalność gospodarczą", "ФОП:
					// Name": a long phrase or a label; keep the name alone.
					p = ns
				}
				r.add(p, ne, signNameLabel)
			}
		}
	}
}

// selfNamed finds a company or a person naming itself at the start of a
// sentence: "We are Smith & Sons Plumbing", "Ми — ТОВ «Х»", "I, Jane Doe,
// run this site", "Я, Іван Петренко, …".
func (r *partyReader) selfNamed() {
	d := r.d
	try := func(words []string, comma bool) {
		for _, w := range words {
			var at []int
			if comma {
				// "I," / "Я," opens the sentence with a capital: search the
				// text for it rather than every "i" of the lower-case copy.
				r, n := utf8.DecodeRuneInString(w)
				at = indexAll(d.text, string(unicode.ToUpper(r))+w[n:]+",")
			} else {
				at = d.find(w)
			}
			for _, p := range at {
				q := p + len(w)
				if !d.sentenceStart(p) || q >= len(d.text) || isWordByte(d.text[q]) {
					continue
				}
				if comma {
					q++ // past the comma
				}
				ns, ne, ok := d.readName(q, r.ents)
				if !ok || comma && (ne >= len(d.text) || d.text[ne] != ',') {
					continue // "I, Name," stands between commas
				}
				r.add(ns, ne, signWe)
			}
		}
	}
	try(lex().weAreWords, false)
	try(lex().iAmWords, true)
}

// copulaJustBefore reports whether one of the n words before p is a
// copula ("is", "yra", "является"), not counting the sentence's first
// word. It reads backwards word by word, never past a line or a sentence
// end.
func (d *doc) copulaJustBefore(p, n int) bool {
	i := p
	for k := 0; k < n && i > 0; k++ {
		for i > 0 && d.lower[i-1] == ' ' {
			i--
		}
		j := i
		for j > 0 && d.lower[j-1] != ' ' && d.lower[j-1] != '\n' {
			j--
		}
		if j == i || j == 0 || d.lower[j-1] == '\n' {
			return false // the first word of a line is the subject, not a verb
		}
		if isCopula(d.lower[j:i]) {
			return true
		}
		if c := d.lower[i-1]; c == '.' || c == '!' || c == '?' || c == ':' {
			return false
		}
		i = j
	}
	return false
}

// owners finds who the text says owns or runs the site: "operated by
// Springfield Books LLC", "сайт належить ФОП Іваненко".
func (r *partyReader) owners() {
	d := r.d
	for _, w := range lex().ownerWords {
		for _, p := range d.find(w) {
			q := p + len(w)
			if q < len(d.text) && isWordByte(d.text[q]) {
				continue
			}
			if ns, ne, ok := d.readName(q, r.ents); ok && ns-q <= 2 && d.nameEndsClean(ne) {
				if c := r.add(ns, ne, signOwner); c != nil {
					r.roleFromContext(c, ns, ne)
				}
			}
		}
	}
}

// sentenceBreak returns where ". X" (a full stop, a space, a capital)
// first ends a sentence in s, or -1.
func sentenceBreak(s string) int {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == '.' && (s[i+1] == ' ' || s[i+1] == '\n') {
			r, _ := utf8.DecodeRuneInString(s[i+2:])
			if unicode.IsUpper(r) {
				return i
			}
		}
	}
	return -1
}
