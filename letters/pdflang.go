package letters

import (
	"fmt"
	"regexp"
	"sync"
)

// langRe is the form of a language tag the PDF's catalog takes ("lv",
// "en-GB"); compiled on first use, as nothing in letters is built before a
// letter is written (issue #25).
var langRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z]{2,3}(-[A-Z]{2})?$`) })

// checkLang refuses a language code the PDF's /Lang entry cannot carry.
// The entry itself is written by the PDF writer (gofpdf's SetLanguage,
// a Prava patch): screen readers and text extractors use it.
func checkLang(lang string) error {
	if !langRe().MatchString(lang) {
		return fmt.Errorf("letters: %q is not a language code", lang)
	}
	return nil
}
