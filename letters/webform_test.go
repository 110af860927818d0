package letters

import (
	"strings"
	"testing"

	"prava/record"
)

// TestWebFormNamed: a letter for a company's web form names the form
// where an e-mail address would stand, never as an e-mail address.
func TestWebFormNamed(t *testing.T) {
	want := map[string]string{"en": "Web form: ", "uk": "вебформа: ", "ru": "веб-форма: ", "lv": "Tīmekļa veidlapa: ", "lt": "Interneto forma: "}
	mail := map[string]string{"en": "By e-mail: ", "uk": "ел. пошта: ", "ru": "эл. почта: ", "lv": "E-pasts: ", "lt": "El. paštas: "}
	for _, lang := range Languages {
		r := sampleRequest(lang, record.Access)
		r.To.Email = "https://takeout.google.com/"
		l, err := Compose(r)
		if err != nil {
			t.Fatal(err)
		}
		text := l.Text()
		if !strings.Contains(text, want[lang]+"https://takeout.google.com/") || strings.Contains(text, mail[lang]+"https://") {
			t.Errorf("%s: the form is not named as one:\n%s", lang, text[:min(len(text), 600)])
		}
	}
}
