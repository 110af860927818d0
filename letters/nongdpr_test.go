package letters

import (
	"strings"
	"testing"

	"prava/record"
)

// TestRURectificationTermOnce: the RU rectification states its 7 working
// days once, in the deadline line; the body says only that they run from
// receipt with the evidence (read-en F24).
func TestRURectificationTermOnce(t *testing.T) {
	days := map[string]string{"en": "7 working days", "uk": "7 робочих днів", "ru": "7 рабочих дней", "lt": "7 darbo dien", "lv": "7 darba dien"}
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

// TestPromptlyByLaw: "without undue delay" is the GDPR's term; letters
// under 152-FZ and 2297-VI ask for a prompt answer in plain words (review
// 2, L16), and the GDPR letters keep the Regulation's term.
func TestPromptlyByLaw(t *testing.T) {
	gdprTerm := map[string]string{"en": "without undue delay", "uk": "без невиправданої затримки", "ru": "без неоправданной задержки", "lt": "nepagrįstai nedelsiant", "lv": "bez nepamatotas kavēšanās"}
	plain := map[string]string{"en": "Please answer promptly", "uk": "невідкладно", "ru": "незамедлительно", "lt": "Prašau atsakyti nedelsiant", "lv": "Lūdzu atbildēt nekavējoties"}
	for lang, term := range gdprTerm {
		for _, code := range []record.Code{"UA", "RU", "EU-LT"} {
			for _, kind := range []record.Kind{record.Access, record.Withdrawal} {
				r := sampleRequest(lang, kind)
				r.Jurisdiction = code
				l, err := Compose(r)
				if err != nil {
					t.Fatalf("%s %s %s: %v", lang, code, kind, err)
				}
				text := l.Text()
				if gdpr := code == "EU-LT"; strings.Contains(text, term) != gdpr || (!gdpr && !strings.Contains(text, plain[lang])) {
					t.Errorf("%s %s %s: want the GDPR term %q only under GDPR, and %q otherwise:\n%s", lang, code, kind, term, plain[lang], text)
				}
			}
		}
	}
}
