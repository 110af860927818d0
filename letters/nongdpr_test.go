package letters

import (
	"strings"
	"testing"

	"prava/record"
)

// TestRURectificationTermOnce: the RU rectification states its 7 working
// days once, in the deadline line; the body says only that they run from
// receipt with the evidence (read-en F24). lv is left out: its templates
// have another owner.
func TestRURectificationTermOnce(t *testing.T) {
	days := map[string]string{"en": "7 working days", "uk": "7 робочих днів", "ru": "7 рабочих дней", "lt": "7 darbo dien"}
	for lang, term := range days {
		r := sampleRequest(lang, record.Rectification)
		r.Jurisdiction = "RU"
		l, err := Compose(r)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if n := strings.Count(l.Text(), term); n != 1 {
			t.Errorf("%s RU rectification states %q %d times:\n%s", lang, term, n, l.Text())
		}
	}
}
