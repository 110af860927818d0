package policy

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Reading a name at a place the text points to: after "Controller:",
// before "(hereinafter "we")", on the line under "Verantwortlich ist:".
// A name is a legal entity, a quoted name with an optional descriptor
// (готель «Гелікон»), or a run of capitalised words (Alive Church, Šarūnas
// Valius, Левковец А. И.).

// maxNameWords bounds a name read from capitalised words.
const maxNameWords = 7

// nameConnectors are short lower-case words inside names: Restaurant zur
// Waage, Bank of Ireland, Müller und Söhne.
var nameConnectors = sync.OnceValue(func() map[string]bool {
	return map[string]bool{"zur": true, "zum": true, "der": true, "von": true, "und": true, "of": true, "de": true, "la": true,
		"du": true, "van": true, "den": true, "für": true, "&": true, "and": true, "i": true, "и": true, "та": true, "ir": true, "un": true, "ja": true}
})

// nameArticles stand before a name without being part of it, written in
// lower case inside a sentence.
var nameArticles = sync.OnceValue(func() map[string]bool {
	return map[string]bool{"the": true, "das": true, "die": true, "der": true, "dem": true, "den": true}
})

// initials reports whether w is initials run together: "Е.А", "J.R".
func initials(w string) bool {
	n := 0 // letters at even places, dots between
	for _, r := range w {
		if n%2 == 0 && !unicode.IsUpper(r) || n%2 == 1 && r != '.' {
			return false
		}
		n++
	}
	return n >= 3 && n%2 == 1
}

// isNameStart reports whether r can open a name: a capital, a digit or a
// quotation mark.
func isNameStart(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsDigit(r) || closingQuote(r) != ""
}

// nameWordEnd returns where the word starting at i ends: letters, digits
// and the marks that live inside names (RAD'LIGHT, 24/7, Pricer.lt).
func (d *doc) nameWordEnd(i int) int {
	j := i
	for j < len(d.text) {
		r, n := utf8.DecodeRuneInString(d.text[j:])
		if isWordRune(r) || r == '&' || r == '\'' || r == '’' || r == '/' || r == '+' ||
			(r == '-' || r == '.' || r == '\u2011') && j+n < len(d.text) && isWordRune(rune(d.text[j+n])) {
			j += n
			continue
		}
		if r == '.' && j > i && (utf8.RuneCountInString(d.text[i:j]) == 1 || initials(d.text[i:j])) {
			j += n // an initial: А. И., Е.А.
		}
		break
	}
	return j
}

// readName reads a name that starts at or just after i and reports its
// bounds. ents are the legal entities of the text: one starting here wins.
func (d *doc) readName(i int, ents entityIndex) (int, int, bool) {
	for i < len(d.text) && (d.text[i] == ' ' || d.text[i] == '-' || d.text[i] == '*' || d.text[i] == '\t') {
		i++
	}
	if i >= len(d.text) {
		return 0, 0, false
	}
	if e, ok := ents.at(i); ok {
		return e.start, e.end, true
	}
	// An article is not part of the name: "Verantwortlich ist das
	// Bundesamt für …", "the controller is the University of …".
	for k := 0; k < 2; k++ {
		j := d.nameWordEnd(i)
		if j == i || j >= len(d.text) || d.text[j] != ' ' || !nameArticles()[d.text[i:j]] {
			break
		}
		i = j + 1
	}
	start := i
	// Up to three lower-case descriptors may stand first: "готель «Гелікон»",
	// "физическое лицо Жуковец Игорь", "firma Specroll".
	for k := 0; k < 3 && i < len(d.text); k++ {
		r, _ := utf8.DecodeRuneInString(d.text[i:])
		if !unicode.IsLower(r) {
			break
		}
		j := d.nameWordEnd(i)
		if j == i || j >= len(d.text) || d.text[j] != ' ' || utf8.RuneCountInString(d.text[i:j]) < 4 {
			return 0, 0, false // "handled by Stripe" is a phrase, not a descriptor
		}
		i = j + 1
	}
	r, n := utf8.DecodeRuneInString(d.text[i:])
	if !isNameStart(r) {
		return 0, 0, false
	}
	if e, ok := ents.byStart[i]; ok {
		return e.start, e.end, true // the legal name without "компанія"
	}
	if closeQ := closingQuote(r); closeQ != "" {
		j := i + n
		k := strings.IndexAny(d.text[j:min(len(d.text), j+100)], closeQ)
		if k <= 0 || strings.ContainsRune(d.text[j:j+k], '\n') {
			return 0, 0, false
		}
		_, qn := utf8.DecodeRuneInString(d.text[j+k:])
		return start, j + k + qn, true
	}
	end, words := -1, 0
	for words < maxNameWords && i < len(d.text) {
		r, n := utf8.DecodeRuneInString(d.text[i:])
		if closeQ := closingQuote(r); closeQ != "" && end == i-1 {
			// A kind, capitalised, then the quoted name: "Студия «Печка»",
			// "Hotel „Jūras Krasts“". The quote closes the name.
			k := quoteClose(d.text[i+n:min(len(d.text), i+n+120)], r, closeQ)
			if k > 0 && !strings.ContainsRune(d.text[i+n:i+n+k], '\n') {
				_, qn := utf8.DecodeRuneInString(d.text[i+n+k:])
				return start, i + n + k + qn, true
			}
			break
		}
		j := d.nameWordEnd(i)
		if j == i {
			break
		}
		w := d.text[i:j]
		if !hasUpper(w) && !unicode.IsDigit(r) { // ePaństwo, iPhone count as names
			if !nameConnectors()[strings.ToLower(w)] {
				if end > start {
					// A body's kind in lower case, then its quoted name:
					// "Государственное бюджетное учреждение «Больница № 5»".
					if _, qe := d.quotedAfterWords(end); qe > end {
						return start, qe, true
					}
					if le := d.locativeTown(start, end); le > end {
						return start, le, true
					}
					end = d.toHead(end) // Львівський державний університет
				}
				break
			}
		} else {
			end = j
		}
		words++
		if j+1 >= len(d.text) || d.text[j] != ' ' {
			break
		}
		i = j + 1
	}
	if end <= start {
		return 0, 0, false
	}
	return start, end, true
}

// readNameBefore reads a name that ends at or just before p, at most
// maxNameWords words back and never across a line or sentence end.
func (d *doc) readNameBefore(p int, ents entityIndex) (int, int, bool) {
	for p > 0 && (d.text[p-1] == ' ' || d.text[p-1] == ',') {
		p--
	}
	if e, ok := ents.byEnd[p]; ok {
		return e.start, e.end, true
	}
	if e, ok := ents.byEnd[p-1]; ok {
		return e.start, e.end, true
	}
	r, n := utf8.DecodeLastRuneInString(d.text[:p])
	if q := openingQuote(r); q != "" {
		k := strings.LastIndexAny(d.text[max(0, p-n-100):p-n], q)
		if k < 0 {
			return 0, 0, false
		}
		s := max(0, p-n-100) + k
		if strings.ContainsRune(d.text[s:p], '\n') {
			return 0, 0, false
		}
		// A descriptor may open the name: Адвокатське об'єднання «…»,
		// Fundacja „…”. Take it when it reaches back to the sentence start.
		if ds := d.descriptorStart(s); ds < s {
			return ds, p, true
		}
		return s, p, true
	}
	start, words := p, 0
	i := p
	for words < maxNameWords && i > 0 {
		j := i
		for j > 0 {
			r, n := utf8.DecodeLastRuneInString(d.text[:j])
			if !(isWordRune(r) || r == '&' || r == '\'' || r == '’' || r == '-' || r == '/' || r == '.') {
				break
			}
			j -= n
		}
		if j == i {
			break
		}
		raw := d.text[j:i]
		w := strings.TrimRight(raw, ".")
		r, _ := utf8.DecodeRuneInString(w)
		if i < p && strings.HasSuffix(raw, ".") && (isSuffixForm(raw) || utf8.RuneCountInString(raw) > 4) {
			break // "… Parcelway Ltd. Bright Kettle Ltd is": a sentence ended
		}
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			start = j
		} else if !nameConnectors()[strings.ToLower(w)] {
			break
		}
		words++
		if j == 0 || d.text[j-1] != ' ' {
			break
		}
		i = j - 1
	}
	if start == p {
		return 0, 0, false
	}
	return start, p, true
}

// openingQuote returns the marks that open a quotation closed by r.
func openingQuote(r rune) string {
	switch r {
	case '»':
		return "«"
	case '”':
		return "“„\""
	case '“':
		return "„"
	case '"':
		return "\"“„"
	case '’':
		return "‘'"
	}
	return ""
}

// plausibleName rejects what is not a name: a pronoun or law acronym, a
// word the text also writes in lower case (Оператор/оператор), numbers
// and abbreviations only.
func (d *doc) plausibleName(name string) bool {
	if strings.HasSuffix(strings.TrimSpace(name), "*") {
		return false // "Name *", "Назва *": a form's required field
	}
	bare := strings.Trim(name, " «»“”„\"'‘’.,:;-–—")
	if bare == "" || utf8.RuneCountInString(bare) < 2 || strings.ContainsAny(bare, "@\n") || utf8.RuneCountInString(bare) > 90 {
		return false
	}
	lower := strings.ToLower(bare)
	if notNames()[lower] || isCountryName(lower) || sectionNumbered(bare) || startsWithRole(lower) || onlyRoleWords(bare) || d.definedPerson(bare) || listItem(name) {
		return false
	}
	hasWord := false
	for _, w := range strings.Fields(bare) {
		w = strings.Trim(w, "«»“”„\"'‘’.,")
		r, _ := utf8.DecodeRuneInString(w)
		if utf8.RuneCountInString(w) >= 3 && unicode.IsUpper(r) || utf8.RuneCountInString(w) >= 2 && strings.ToUpper(w) == w && !isDigits(w) && hasLetter(w) {
			if !notNames()[strings.ToLower(w)] {
				hasWord = true
			}
		}
	}
	if !hasWord {
		return false
	}
	if !strings.ContainsAny(bare, " «»“”„\"") && lower != bare {
		// One word: a name is not also written in lower case as a word.
		// The search is bounded per text, so that a text of thousands of
		// capitalised words stays linear; past the budget a single word
		// is not taken for a name.
		if d.wordChecks++; d.wordChecks > maxWordChecks {
			return false
		}
		for _, p := range indexAll(d.text, lower) {
			if atWordStart(d.text, p) && atWordEnd(d.text, p+len(lower)) && !inAddress(d.text, p, p+len(lower)) {
				return false
			}
		}
	}
	return true
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// nameKey folds a name for comparison: lower case, no diacritics, letters
// and digits only, legal forms and quotes dropped.
func nameKey(name string) string {
	if key, ok := asciiNameKey(name); ok {
		return key
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(name)) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// asciiNameKey is nameKey's short path for a name all in ASCII, where
// there are no marks to strip: lower-case letters and digits, nothing else.
func asciiNameKey(name string) (string, bool) {
	b := make([]byte, 0, len(name))
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= utf8.RuneSelf:
			return "", false
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			b = append(b, c)
		}
	}
	return string(b), true
}

// inAddress reports whether text[start:end] is part of a web or e-mail
// address (netrack.ru, info@netrack.ru), where names are written in lower
// case.
func inAddress(text string, start, end int) bool {
	if start > 0 && strings.ContainsRune("./@", rune(text[start-1])) {
		return true
	}
	return end+1 < len(text) && (text[end] == '.' || text[end] == '@' || text[end] == '-') && isWordByte(text[end+1])
}

// descriptorStart returns where up to three words before a quoted name
// begin, when they open the sentence; otherwise s.
func (d *doc) descriptorStart(s int) int {
	i := s
	for n := 0; n < 3; n++ {
		for i > 0 && d.text[i-1] == ' ' {
			i--
		}
		if d.sentenceStart(i) {
			break
		}
		j := i
		for j > 0 {
			r, n := utf8.DecodeLastRuneInString(d.text[:j])
			if !(isWordRune(r) || r == '\'' || r == '’' || r == '-') {
				break
			}
			j -= n
		}
		if j == i {
			return s
		}
		i = j
	}
	if i < s && d.sentenceStart(i) {
		return i
	}
	return s
}

// entityIndex finds the legal entities starting or ending at an offset.
type entityIndex struct {
	byStart, byEnd map[int]entity
}

func newEntityIndex(ents []entity) entityIndex {
	x := entityIndex{byStart: map[int]entity{}, byEnd: map[int]entity{}}
	for _, e := range ents {
		x.byStart[e.start] = e
		x.byEnd[e.end] = e
	}
	return x
}

// at returns an entity starting at i or one byte later.
func (x entityIndex) at(i int) (entity, bool) {
	if e, ok := x.byStart[i]; ok {
		return e, true
	}
	e, ok := x.byStart[i+1]
	return e, ok
}

// maxWordChecks bounds the text searches plausibleName makes per text.
const maxWordChecks = 150

// locativeTown returns where a town in the locative ends when it follows,
// after "w"/"we", the name of a body at [start, end): public bodies carry
// their town in the name ("Uniwersytet Nadmorski w Gdyni", "Szkoła
// Podstawowa nr 5 we Wrocławiu"). A company's seat is written "z siedzibą
// w …" and a company has no head noun: it gets end back.
func (d *doc) locativeTown(start, end int) int {
	rest := d.text[end:min(len(d.text), end+4)]
	var i int
	switch {
	case strings.HasPrefix(rest, " w "):
		i = end + 3
	case strings.HasPrefix(rest, " we "):
		i = end + 4
	default:
		return end
	}
	head := false
	for _, w := range strings.Fields(strings.ToLower(d.text[start:end])) {
		head = head || isHeadNoun(w)
	}
	if r, _ := utf8.DecodeRuneInString(d.text[i:]); !head || !unicode.IsUpper(r) {
		return end
	}
	if j := d.nameWordEnd(i); j > i {
		return j
	}
	return end
}
