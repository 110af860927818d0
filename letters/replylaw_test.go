package letters

import (
	"strings"
	"testing"

	"prava/record"
)

// TestReplyLanguageCitesTheLaw: the reply to an unreadable answer under
// 152-FZ rests on Art. 14(2) ("in an accessible form"), not on a bare
// view (letters-review-2 L17), in every language.
func TestReplyLanguageCitesTheLaw(t *testing.T) {
	for lang, want := range map[string]string{"en": "Article 14(2)", "lv": "14. panta 2. daļu", "lt": "14 straipsnio 2 dalį", "uk": "частиною 2 статті 14", "ru": "части 2 статьи 14"} {
		r := sampleRequest(lang, record.ReplyToRefusal)
		r.Jurisdiction, r.Refusal, r.Missing = "RU", RefusalLanguage, nil
		l, err := Compose(r)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if !strings.Contains(l.Text(), want) {
			t.Errorf("%s: the RU reply on language does not cite %q:\n%s", lang, want, l.Text())
		}
	}
}
