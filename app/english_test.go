package app

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2/theme"
)

// englishWords are words that mark a text as English: common in every
// English sentence Prava says, and none a word of Ukrainian, Russian,
// Latvian or Lithuanian written in Latin letters ("no" and "to" are
// Latvian and Lithuanian words, so they are left out).
var englishWords = map[string]bool{
	"the": true, "and": true, "of": true, "your": true, "you": true, "with": true, "from": true, "this": true,
	"that": true, "will": true, "which": true, "when": true, "what": true, "is": true, "are": true, "be": true,
	"for": true, "not": true, "part": true, "art": true, "has": true, "have": true, "was": true, "it": true,
}

// rawKey is what a text looks like when T found no translation and gave
// back its key: "review.name", "basis.gdpr_art_12_3".
var rawKey = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_-]+)+$`)

// templateField is a {{.Name}} a text is filled in at.
var templateField = regexp.MustCompile(`\{\{[^}]*\}\}`)

// englishIn reports the English words in text, lower case.
func englishIn(text string) []string {
	text = templateField.ReplaceAllString(text, "")
	var found []string
	// A run of letters and digits is a code, not words: a recovery code's
	// group "BE68T" holds no "be".
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if englishWords[strings.ToLower(w)] {
			found = append(found, w)
		}
	}
	return found
}

// looksEnglish reports whether a text reads as English: two English words
// or more, or one in a text of three words or fewer.
func looksEnglish(text string) bool {
	found := englishIn(text)
	for _, w := range found {
		if strings.EqualFold(w, "art") {
			return true // "Art. 12(3)": the other languages say ст., pants, straipsnis
		}
	}
	n := len(found)
	return n >= 2 || (n == 1 && len(strings.Fields(text)) <= 3)
}

// TestTranslationsAreNotEnglish: no text in the Ukrainian, Russian,
// Latvian or Lithuanian files is English, or a key, or uses a field the
// English text does not fill.
func TestTranslationsAreNotEnglish(t *testing.T) {
	en := translationKeys(t, "en")
	fields := regexp.MustCompile(`\{\{\s*\.(\w+)`)
	for _, code := range Languages[1:] {
		for k, v := range translationKeys(t, code) {
			if looksEnglish(v) {
				t.Errorf("%s.json %q is English: %q", code, k, v)
			}
			if rawKey.MatchString(strings.TrimSpace(v)) {
				t.Errorf("%s.json %q is a key, not a text: %q", code, k, v)
			}
			for _, m := range fields.FindAllStringSubmatch(v, -1) {
				if !strings.Contains(en[k], "."+m[1]) {
					t.Errorf("%s.json %q uses {{.%s}}, which the English text does not fill", code, k, m[1])
				}
			}
		}
	}
}

// TestLooksEnglish: the check above can fail.
func TestLooksEnglish(t *testing.T) {
	for _, s := range []string{"152-FZ Art. 14 part 3 and Art. 20 part 1", "Cancel the request and try again", "Not known", "GDPR Art. 12(3): 1 mėnuo"} {
		if !looksEnglish(s) {
			t.Errorf("%q is not taken for English", s)
		}
	}
	for _, s := range []string{"ч. 3 ст. 14 і ч. 1 ст. 20 152-ФЗ", "19KQ7-VSQV0-N1BE1-0209Z-BE68T", "Norāde visiem pieprasījumiem", "to paties prašymo", "no 2026. gada", "GDPR: Latvija"} {
		if looksEnglish(s) {
			t.Errorf("%q is taken for English", s)
		}
	}
}

// TestScreensSpeakThePersonsLanguage: every text every screen shows in
// Ukrainian, Russian, Latvian and Lithuanian is in that language: no
// English (the deadline's rule, a language's name, a status) and no raw
// key. The data is the person's (a Lithuanian company); Prava's own words
// are what is checked.
func TestScreensSpeakThePersonsLanguage(t *testing.T) {
	prefixes := map[string]bool{}
	for k := range translationKeys(t, "en") {
		if p, _, ok := strings.Cut(k, "."); ok {
			prefixes[p] = true
		}
	}
	isKey := func(text string) bool {
		p, _, _ := strings.Cut(text, ".")
		return rawKey.MatchString(text) && prefixes[p]
	}
	for _, code := range Languages[1:] {
		t.Run(code, func(t *testing.T) {
			u := homeUIAt(t, filepath.Join(t.TempDir(), "v.vault"), fitVault)
			UseLanguage(code)
			t.Cleanup(func() { UseLanguage("en") })
			u.app.Settings().SetTheme(theme.DefaultTheme())
			u.showHome()
			u.win.Resize(smallWindow)
			fitScreens(t, u, func(name string) {
				for _, text := range texts(u) {
					switch {
					case isKey(strings.TrimSpace(text)):
						t.Errorf("%s shows a raw key: %q", name, text)
					case looksEnglish(text):
						t.Errorf("%s shows English: %q", name, text)
					}
				}
			})
		})
	}
}
