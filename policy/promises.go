package policy

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// timeUnits are the stems of day, week and month words, with their length
// in days.
var timeUnits = []struct {
	stem string
	days int
}{
	{"днів", 1}, {"дней", 1}, {"дня", 1}, {"дні", 1}, {"дн.", 1}, {"день", 1}, {"суток", 1}, {"діб", 1},
	{"day", 1}, {"dien", 1}, {"tagen", 1}, {"tage", 1}, {"dni", 1}, {"dnia", 1}, {"päeva", 1}, {"jours", 1}, {"días", 1}, {"giorni", 1},
	{"тижн", 7}, {"тиждень", 7}, {"недел", 7}, {"week", 7}, {"nedēļ", 7}, {"savait", 7}, {"woche", 7}, {"tygodni", 7}, {"nädala", 7},
	{"місяц", 30}, {"месяц", 30}, {"month", 30}, {"mēneš", 30}, {"mēnes", 30}, {"mėnes", 30}, {"mėnuo", 30}, {"monat", 30}, {"miesiąc", 30}, {"miesięc", 30}, {"kuu", 30},
}

// withinCues stand before a term ("протягом 30 днів", "per 45 dienas");
// withinAfter stand after it ("divu nedēļu laikā").
var (
	withinCues  = []string{"протягом", "впродовж", "в течение", "в срок", "не позднее", "не позже", "не пізніш", "przed upływem", "у строк", "в строк", "в межах", "within", "no later than", "per", "ne vėliau kaip", "innerhalb", "binnen", "w ciągu", "w terminie", "nie później niż", "ne vēlāk kā", "dans un délai", "en un plazo", "entro"}
	withinAfter = []string{"laikā", "jooksul", "laikotarpyje", "laikotarpiu"}
)

// baseNumberWords are spelled-out numbers common in response times; the
// lexicons add their own (see lex). A function, so that the map is built
// on first use and not at start.
func baseNumberWords() map[string]int {
	return map[string]int{
		"one": 1, "a": 1, "two": 2, "three": 3, "five": 5, "seven": 7, "ten": 10, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30, "forty-five": 45, "sixty": 60, "ninety": 90,
		"один": 1, "одного": 1, "одна": 1, "одну": 1, "одного)": 1, "два": 2, "двох": 2, "дві": 2, "двух": 2, "две": 2, "три": 3, "трьох": 3, "трех": 3, "трёх": 3,
		"п'ять": 5, "п’ять": 5, "п'яти": 5, "п’яти": 5, "пять": 5, "пяти": 5, "сім": 7, "семи": 7, "семь": 7, "десять": 10, "десяти": 10,
		"чотирнадцять": 14, "чотирнадцяти": 14, "четырнадцать": 14, "четырнадцати": 14, "п'ятнадцять": 15, "пятнадцать": 15, "пятнадцати": 15,
		"двадцять": 20, "двадцать": 20, "тридцять": 30, "тридцяти": 30, "тридцать": 30, "тридцати": 30, "шістдесят": 60, "шестьдесят": 60,
		"viena": 1, "viens": 1, "vienu": 1, "divu": 2, "divas": 2, "divi": 2, "trīs": 3, "triju": 3, "piecu": 5, "septiņu": 7, "desmit": 10, "četrpadsmit": 14, "piecpadsmit": 15, "trīsdesmit": 30,
		"vieną": 1, "vieno": 1, "vienas": 1, "dvi": 2, "dviejų": 2, "du": 2, "trijų": 3, "penkių": 5, "septynių": 7, "dešimt": 10, "dešimties": 10, "keturiolika": 14, "penkiolika": 15, "trisdešimt": 30, "trisdešimties": 30,
		"einem": 1, "einer": 1, "zwei": 2, "drei": 3, "fünf": 5, "sieben": 7, "zehn": 10, "vierzehn": 14, "dreißig": 30,
		"jednego": 1, "dwóch": 2, "trzech": 3, "pięciu": 5, "siedmiu": 7, "dziesięciu": 10, "czternastu": 14, "trzydziestu": 30,
		"ühe": 1, "kahe": 2, "kolme": 3, "viie": 5, "seitsme": 7, "kümne": 10, "kolmekümne": 30,
	}
}

// dayQualifiers stand between a number and its unit.
var dayQualifiers = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"календарних": true, "календарних)": true, "робочих": true, "календарных": true, "рабочих": true, "calendar": true, "working": true, "business": true,
		"kalendāro": true, "darba": true, "kalendorinių": true, "darbo": true, "kalendertagen": true, "werktagen": true, "roboczych": true, "kalendarzowych": true,
		"kalendripäeva": true, "tööpäeva": true,
	}
})

// findPromises returns the response times a policy promises for requests.
func (d *doc) findPromises() []Promise {
	var out []Promise
	seen := map[int]bool{}
	for _, u := range timeUnits {
		for _, p := range d.find(u.stem) {
			if !atWordStart(d.lower, p) || seen[p] {
				continue
			}
			n, numStart, ok := d.numberBefore(p)
			if !ok {
				continue
			}
			unitEnd := p + len(u.stem)
			for unitEnd < len(d.lower) && isWordByte(d.lower[unitEnd]) {
				unitEnd++
			}
			if !d.withinTerm(numStart, unitEnd) {
				continue
			}
			ss, se := d.sentence(p, 400)
			sentence := d.lower[ss:se]
			if !containsAny(sentence, requestStems) {
				continue // a retention period or a notice term, not an answer
			}
			if containsAny(sentence, notOwedToPerson) || containsAny(sentence, lex().roleAuthorityWords) {
				continue // a breach notice or a term owed to the authority
			}
			seen[p] = true
			days := n * u.days
			out = append(out, Promise{Kind: d.promiseKind(ss, se), Days: days, Evidence: d.evidence("promises", strconv.Itoa(days), numStart, unitEnd),
				answers: containsAny(d.lower[max(ss, runeStart(d.lower, max(0, numStart-90))):numStart], answerStems)})
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Offset < out[j-1].Offset; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// promiseKind names the kind of request the promise in [ss, se) is for.
// A sentence that names none continues the one before it on the same
// line ("You may ask for a copy of your data at our office. The data are
// prepared within two weeks of the request."), so that one's kind holds —
// unless the promise speaks of other requests (questions, corrections).
func (d *doc) promiseKind(ss, se int) string {
	kind := d.kindBetween(ss, se)
	if kind != KindAny || d.anyBetween(otherStems, ss, se) || ss == 0 || d.text[ss-1] == '\n' {
		return kind
	}
	ps, _ := d.sentence(ss-1, 400)
	return d.kindBetween(ps, ss)
}

// numberBefore reads the number before a unit word: "30 днів",
// "тридцять (30) днів", "divu nedēļu"; a unit right after a "within" word
// counts as one ("протягом місяця").
func (d *doc) numberBefore(p int) (int, int, bool) {
	i := p
	for i > 0 && (d.lower[i-1] == ' ' || d.lower[i-1] == '(' || d.lower[i-1] == ')') {
		i--
	}
	j := i
	for j > 0 && isDigitByte(d.lower[j-1]) {
		j--
	}
	if j < i {
		n, err := strconv.Atoi(d.lower[j:i])
		if err != nil || n <= 0 || n > 366 {
			return 0, 0, false
		}
		// "тридцять (30)": start at the words.
		k := j
		for k > 0 && (d.lower[k-1] == '(' || d.lower[k-1] == ' ') {
			k--
		}
		if w, ws := wordBefore(d.lower, k); lex().numberWords[w] == n {
			return n, ws, true
		}
		return n, j, true
	}
	w, ws := wordBefore(d.lower, i)
	if dayQualifiers()[w] {
		// "тридцяти календарних днів", "десяти рабочих дней": the number
		// stands before the qualifier.
		return d.numberBefore(ws)
	}
	if n, ok := lex().numberWords[w]; ok {
		return n, ws, true
	}
	if hasSuffixFrom(strings.TrimRight(d.lower[runeStart(d.lower, max(0, p-20)):p], " "), withinCues) {
		return 1, p, true
	}
	return 0, 0, false
}

// wordBefore returns the word that ends at i and where it starts.
func wordBefore(s string, i int) (string, int) {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !(unicode.IsLetter(r) || r == '\'' || r == '’' || r == '-') {
			break
		}
		j -= n
	}
	return s[j:i], j
}

// withinTerm reports whether a term is introduced as a time limit.
func (d *doc) withinTerm(numStart, unitEnd int) bool {
	before := d.lower[runeStart(d.lower, max(0, numStart-40)):numStart]
	for _, c := range withinCues {
		// Counted in letters, not bytes: "не пізніше, ніж за тридцять"
		// has as many letters between as "no later than a" has bytes.
		if k := strings.LastIndex(before, c); k >= 0 && utf8.RuneCountInString(before[k+len(c):]) < 14 {
			return true
		}
	}
	after := d.lower[unitEnd:runeEnd(d.lower, min(len(d.lower), unitEnd+16))]
	for _, c := range withinAfter {
		if strings.HasPrefix(strings.TrimLeft(after, " "), c) {
			return true
		}
	}
	return false
}

// responseDays picks the promise that answers a request: one for access
// or any request first, else one for erasure.
func responseDays(ps []Promise) *int {
	// A term the company says it will answer in comes before one that
	// merely stands near a request ("send it within 7 days").
	for _, answers := range []bool{true, false} {
		for _, kind := range []string{KindAccess, KindAny, KindErasure, KindWithdrawal} {
			for _, p := range ps {
				if p.Kind == kind && p.answers == answers {
					days := p.Days
					return &days
				}
			}
		}
	}
	return nil
}

// answerStems are the verbs of answering a request: a term next to them
// is the one the company promises.
var answerStems = []string{"ответ", "відпов", "respond", "reply", "answer", "atbild", "atsak", "antwort", "odpowie", "odpowiedź", "vasta", "rozpatr", "розгляд", "рассмотр", "izskat", "išnagrinė"}

// notOwedToPerson mark a term that is not an answer to the person: a
// breach notice, an extension, a deadline for the authority.
var notOwedToPerson = []string{"breach", "утечк", "инцидент", "витік", "інцидент", "pārkāpum", "pažeidim", "verletzung", "naruszeni", "rikkumis", "72 год", "72 час", "72 hours", "72 stund"}
