package letters

import (
	"strings"
	"testing"

	"prava/record"
)

// TestRussianOperatorLanguage: a request under 152-FZ in a language other
// than Russian warns that the operator may ask for Russian (review 2, L15);
// one in Russian does not.
func TestRussianOperatorLanguage(t *testing.T) {
	for _, lang := range []string{"ru", "uk", "lv", "lt", "en"} {
		r := sampleRequest(lang, record.Access)
		r.Jurisdiction = "RU"
		r.Channel = record.ByPost
		l, err := Compose(r)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		warned := strings.Contains(strings.Join(l.Warnings, "\n"), "Russian version")
		if warned != (lang != "ru") {
			t.Errorf("%s letter under 152-FZ: warnings %q", lang, l.Warnings)
		}
	}
}
