package letters

import (
	"strings"
	"testing"

	"prava/record"
)

// TestDemandTitleDemands: a letter titled a demand (ru ТРЕБОВАНИЕ, uk
// ВИМОГА) demands in its opening sentence under every law, not "прошу"
// (letters-review-2 L6: the GDPR erasure and rectification asked).
func TestDemandTitleDemands(t *testing.T) {
	words := map[string][2]string{"ru": {"ТРЕБОВАНИЕ", "требую"}, "uk": {"ВИМОГА", "вимагаю"}}
	for lang, w := range words {
		for _, code := range []record.Code{"EU-LT", "UA", "RU", "US-CA"} {
			for _, kind := range []record.Kind{record.Erasure, record.Rectification, record.Restriction} {
				r := sampleRequest(lang, kind)
				r.Jurisdiction = code
				l, err := Compose(r)
				if err != nil {
					if strings.Contains(err.Error(), "grants no") || strings.Contains(err.Error(), "knows no") {
						continue
					}
					t.Fatalf("%s %s %s: %v", lang, code, kind, err)
				}
				text := l.Text()
				if !strings.Contains(text, "\n"+w[0]+"\n") {
					continue
				}
				opening := openingParagraph(text, w[0])
				if !strings.Contains(opening, w[1]) || strings.Contains(strings.SplitN(opening, ".", 2)[0], "прошу") {
					t.Errorf("%s %s %s: titled %s, the opening must say %q:\n%s", lang, code, kind, w[0], w[1], opening)
				}
			}
		}
	}
}

// openingParagraph is the first paragraph after the letter's title, whose
// first line is title.
func openingParagraph(text, title string) string {
	_, rest, _ := strings.Cut(text, "\n"+title+"\n")
	paras := strings.Split(rest, "\n\n")
	if len(paras) < 2 {
		return ""
	}
	return paras[1]
}

// TestLithuanianCalendarDays: a term the law counts in calendar days says
// so in Lithuanian, "per 30 kalendorinių dienų", as lv and uk do (review 2,
// L7: the lt UA access said "per 30 dienų").
func TestLithuanianCalendarDays(t *testing.T) {
	for _, c := range []struct {
		code record.Code
		kind record.Kind
	}{{"UA", record.Access}, {"UA", record.Erasure}, {"RU", record.Withdrawal}} {
		r := sampleRequest("lt", c.kind)
		r.Jurisdiction = c.code
		l, err := Compose(r)
		if err != nil {
			t.Fatalf("%s %s: %v", c.code, c.kind, err)
		}
		if text := l.Text(); !strings.Contains(text, "per 30 kalendorinių dienų") || strings.Contains(text, "per 30 dienų") {
			t.Errorf("lt %s %s: want the term as \"per 30 kalendorinių dienų\":\n%s", c.code, c.kind, text)
		}
	}
}

// TestReplyLanguageClaimsNoLaw: under 2297-VI (and the CCPA) no provision
// Prava has checked says how readable an answer must be, so the reply to
// an unreadable answer asserts no rule of its own; it asks again (review
// 2, L17: "Ответ должен быть таким, чтобы его можно было прочитать…").
func TestReplyLanguageClaimsNoLaw(t *testing.T) {
	bare := map[string]string{"en": "An answer must be", "uk": "Відповідь має бути такою", "ru": "Ответ должен быть таким", "lv": "Atbildei jābūt tādai", "lt": "Atsakymas turi būti toks"}
	again := map[string]string{"en": "Please send it again", "uk": "Прошу надіслати відповідь повторно", "ru": "Прошу направить ответ повторно", "lv": "Lūdzu atbildi nosūtīt vēlreiz", "lt": "Prašau atsakymą atsiųsti iš naujo"}
	for lang, sentence := range bare {
		for _, code := range []record.Code{"UA", "US-CA"} {
			r := sampleRequest(lang, record.ReplyToRefusal)
			r.Jurisdiction, r.Refusal, r.Missing = code, RefusalLanguage, nil
			l, err := Compose(r)
			if err != nil {
				t.Fatalf("%s %s: %v", lang, code, err)
			}
			text := l.Text()
			if strings.Contains(text, sentence) || !strings.Contains(text, "\n"+again[lang]) {
				t.Errorf("%s %s reply on language: want no bare %q, and a paragraph opening %q:\n%s", lang, code, sentence, again[lang], text)
			}
		}
	}
}
