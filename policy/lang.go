package policy

import (
	"strings"
	"sync"
)

// LangUnknown is the language of a text too short or too mixed to tell.
const LangUnknown = "unknown"

// stopwords are frequent short words, each a strong sign of its language.
// Words shared by two languages (for example "ir" in lv and lt, "на" in uk
// and ru) count for both; the letters and the other words then decide.
var stopwords = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"en": "the and of to in is for that this we you your our with are be or by as on may not it from will have which any at can",
		"uk": "та і й що які яка як це ми ви ваші ваших вашої наш наші нашого або для якщо щодо також від при що до їх його про згідно є був була між",
		"ru": "и в не что как это мы вы ваши ваших ваш наш наши нашего или для если также от при к их его о по является был была между",
		"lv": "un ir ka par kā vai ar uz no mēs jūs jūsu mūsu tiek var lai arī šo šī kas kuri kad tās tā to pēc",
		"lt": "ir kad kaip ar mes jūs jūsų mūsų yra gali tai šios ši su iš arba kurie kuriuos kai bei apie pagal nuo dėl",
		"pl": "i w z na że jest nie się do dla oraz lub przez jak są być danych twoich twoje nasz nasze może od które który",
		"de": "und der die das nicht ist zu den von mit sich des auf für ein eine wir sie ihre ihren unsere oder werden wird bei nach dem",
		"et": "ja on et ei kas või see meie teie teile oma mis kui ka selle need neid ning kuid poolt vastavalt andmeid",
		"fr": "le la les et des du un une est pour que qui dans nous vous vos nos sur par ou pas avec ce cette sont aux",
		"es": "el la los las y de que en un una es por para con no se su sus nuestro nosotros usted o al del como",
		"it": "il lo la gli le e di che un una per non con si sono nostro vostro dei delle della del o al come",
	}
})

// letterHints are letters that occur in only one or two of the languages.
var letterHints = sync.OnceValue(func() map[rune]string {
	return map[rune]string{
		'і': "uk", 'ї': "uk", 'є': "uk", 'ґ': "uk",
		'ы': "ru", 'э': "ru", 'ъ': "ru", 'ё': "ru",
		'ā': "lv", 'ē': "lv", 'ī': "lv", 'ķ': "lv", 'ļ': "lv", 'ņ': "lv", 'ģ': "lv",
		'ą': "lt pl", 'ę': "lt pl", 'ė': "lt", 'į': "lt", 'ų': "lt", 'ū': "lt lv",
		'ł': "pl", 'ś': "pl", 'ź': "pl", 'ż': "pl", 'ń': "pl", 'ć': "pl",
		'ß': "de", 'ä': "de et", 'ö': "de et", 'ü': "de et", 'õ': "et",
		'é': "fr es", 'è': "fr it", 'ç': "fr", 'ñ': "es",
	}
})

// languageSample is how much of a text the detector reads: the first
// pages of a policy tell its language as well as the whole.
const languageSample = 16 << 10

// languageIndex maps a lower-case word to the languages it is frequent in
// (words) and a letter to the languages that use it (hints), each as a bit
// set over languageCodes. Built on first use, not at start.
type languageIndex struct {
	words map[string]uint16
	hints map[rune]uint16
}

var languageIndexOnce = sync.OnceValue(buildLanguageIndex)

func buildLanguageIndex() languageIndex {
	bit := map[string]uint16{}
	for i, c := range languageCodes {
		bit[c] = 1 << i
	}
	words := map[string]uint16{}
	for lang, list := range stopwords() {
		for _, w := range strings.Fields(list) {
			words[w] |= bit[lang]
		}
	}
	hints := map[rune]uint16{}
	for r, langs := range letterHints() {
		for _, l := range strings.Fields(langs) {
			hints[r] |= bit[l]
		}
	}
	return languageIndex{words, hints}
}

// DetectLanguage returns the ISO 639-1 code of the language a text is
// mostly written in, or LangUnknown. It counts frequent function words and
// language-specific letters; it needs a few sentences to be sure.
func DetectLanguage(text string) string {
	return detectLanguage(lowerSameLength(text))
}

// detectLanguage does the work on lower-case text.
func detectLanguage(lower string) string {
	if len(lower) > languageSample {
		lower = lower[:runeStart(lower, languageSample)]
	}
	idx := languageIndexOnce()
	var scores [16]float64
	add := func(set uint16, w float64) {
		for i := 0; set != 0; i, set = i+1, set>>1 {
			if set&1 != 0 {
				scores[i] += w
			}
		}
	}
	start := -1
	for i, r := range lower {
		if r == '\'' || r == '’' || isWordRune(r) && (r > '9' || r < '0') {
			if start < 0 {
				start = i
			}
			if r >= 0xDF {
				if set := idx.hints[r]; set != 0 {
					add(set, 0.5)
				}
			}
			continue
		}
		if start >= 0 {
			if i-start <= 24 {
				add(idx.words[lower[start:i]], 1)
			}
			start = -1
		}
	}
	if start >= 0 && len(lower)-start <= 24 {
		add(idx.words[lower[start:]], 1)
	}
	var best, second float64
	code := ""
	for i, c := range languageCodes {
		switch v := scores[i]; {
		case v > best:
			best, second, code = v, best, c
		case v > second:
			second = v
		}
	}
	if code == "" || best < 3 || best < 1.3*second {
		return LangUnknown
	}
	return code
}

// languageCodes lists the languages in a fixed order, so that ties break
// the same way on every run.
var languageCodes = []string{"en", "uk", "ru", "lv", "lt", "pl", "de", "et", "fr", "es", "it"}
