package policy

import (
	"reflect"
	"testing"
)

// TestLexiconsFillEveryField makes sure that every language gives words
// for every field the readers look for, so that adding a language cannot
// silently leave a reader blind in it.
func TestLexiconsFillEveryField(t *testing.T) {
	want := []string{"uk", "ru", "lv", "lt", "en", "pl", "de", "et", "cs"}
	seen := map[string]bool{}
	for _, l := range lex().all {
		seen[l.lang] = true
		v := reflect.ValueOf(*l)
		for i := 0; i < v.NumField(); i++ {
			if v.Field(i).Len() == 0 {
				t.Errorf("lexicon %q has no %s", l.lang, v.Type().Field(i).Name)
			}
		}
	}
	for _, lang := range want {
		if !seen[lang] {
			t.Errorf("no lexicon for %q", lang)
		}
	}
}

// TestLexiconWordsAreFound checks that the role words a lexicon gives are
// found by the keyword index as written in a policy (capitalised).
func TestLexiconWordsAreFound(t *testing.T) {
	for _, l := range lex().all {
		for _, w := range l.controllerRoles {
			d := newDoc("x. " + w + " y")
			if len(d.find(lowerSameLength(w))) != 1 {
				t.Errorf("%s: controller word %q not found", l.lang, w)
			}
		}
	}
}

// TestControllerInEveryLanguage runs the reader over a short requisites
// block in each language: the label names the controller, a processor
// named beside it stays an alternative with its role.
func TestControllerInEveryLanguage(t *testing.T) {
	cases := []struct{ lang, text, want, other string }{
		{"uk", "Володілець персональних даних: ТОВ «Ромашка», вул. Хрещатик, 1, м. Київ, 01001. Хостинг надає Hetzner Online GmbH.", "ТОВ «Ромашка»", "Hetzner Online GmbH"},
		{"ru", "Оператор персональных данных — ООО «Ромашка». Для хостинга мы используем Timeweb LLC.", "ООО «Ромашка»", "Timeweb LLC"},
		{"lv", "Datu pārzinis ir SIA “Rasa”, reģ. Nr. 40003000000. Mēs izmantojam Rapyd Inc. maksājumu apstrādei.", "SIA “Rasa”", "Rapyd Inc."},
		{"lt", "Duomenų valdytojas: UAB „Rasa“. Mokėjimų paslaugas teikia Paysera LT UAB.", "UAB „Rasa“", ""},
		{"en", "Acme Ltd is the data controller. Hosting is provided by Vercel Inc.", "Acme Ltd", "Vercel Inc."},
		{"pl", "Administratorem danych jest Rasa sp. z o.o. z siedzibą w Warszawie. Korzystamy z hostingu OVH SAS.", "Rasa sp. z o.o.", "OVH SAS"},
		{"de", "Verantwortlich für die Datenverarbeitung ist:\n\nRasa GmbH\nHauptstraße 5\n10115 Berlin\n\nWir nutzen Hosting der Hetzner Online GmbH.", "Rasa GmbH", "Hetzner Online GmbH"},
		{"et", "Isikuandmete vastutav töötleja on Rasa OÜ. Kasutame makseteenuseks Montonio Finance OÜ.", "Rasa OÜ", "Montonio Finance OÜ"},
	}
	for _, c := range cases {
		t.Run(c.lang, func(t *testing.T) {
			f := Analyze(c.text)
			if f.Controller == nil || *f.Controller != c.want {
				t.Fatalf("controller = %s, want %q (alternatives %s)", show(f.Controller), c.want, show(f.Alternatives))
			}
			if f.ControllerConfidence <= 0 {
				t.Errorf("confidence %v, want > 0", f.ControllerConfidence)
			}
			if c.other == "" {
				return
			}
			for _, a := range f.Alternatives {
				if a.Name == c.other {
					if a.Role == RoleController {
						t.Errorf("%s has role controller", a.Name)
					}
					return
				}
			}
			t.Errorf("alternatives %s lack %q", show(f.Alternatives), c.other)
		})
	}
}

// TestNoControllerFromWordsOrProviders checks the worst mistake: a word
// that is not a name, or a provider, must not become the controller.
func TestNoControllerFromWordsOrProviders(t *testing.T) {
	for _, text := range []string{
		"Jums ir tiesības iesniegt sūdzību. BDAR nosaka jūsu tiesības.",
		"Mes naudojame Google LLC analitikos paslaugas. Hosting: Hetzner Online GmbH.",
		"Ми використовуємо Telegram FZ-LLC для зв'язку з клієнтами.",
	} {
		f := Analyze(text)
		if f.Controller != nil {
			t.Errorf("%q: controller %q, want none", text, *f.Controller)
		}
	}
}
