package policy

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestDefinedTermsAreNotParties: a policy's defined term for the people
// it serves is no controller, though the text makes it one ("Цей Клієнт
// є Контролером усієї інформації", seed 004, audit23); the company the
// text names is still read. The texts are invented.
func TestDefinedTermsAreNotParties(t *testing.T) {
	cases := []struct{ name, text, term, controller string }{
		{"uk role noun after a pointing word",
			"Політика конфіденційності\n\nОператором персональних даних є Planfix, Inc. Пишіть: privacy@planfix.example.\n\n2.3. Для кожного Акаунта відповідним Клієнтом є той, кому Оператор дозволяє керувати обліковим записом. Цей Клієнт є Контролером усієї інформації, наданої Користувачами у цей Акаунт.\n\nОператор надає Клієнту інструменти. Клієнт може видалити дані. Клієнта повідомляють.",
			"Цей Клієнт", "Planfix, Inc."},
		{"en role noun",
			"Privacy policy\n\nThe data controller is Quietharbour Ltd. Write to privacy@quietharbour.example.\n\n2.3. For each Account the relevant Client is the one whom the Operator lets manage it. This Client is the Controller of all information that Users enter into the Account.\n\nThe Operator gives the Client tools. The Client may delete data. The Client is told.",
			"This Client", "Quietharbour Ltd."},
		{"lv role noun",
			"Privātuma politika\n\nPārzinis ir SIA “Zaļais Kaķis”, e-pasts info@zalaiskakis.example.\n\nŠis Klients ir pārzinis datiem, ko ievada tā darbinieki.",
			"Šis Klients", "SIA “Zaļais Kaķis”"},
		{"glossary term defined as a person",
			"Політика конфіденційності\n\n• ”Вигодонабувач” — це фізична чи юридична особа, на користь якої укладено договір.\n\nОператором персональних даних є ТОВ «Зелений Кіт», e-mail: info@zelenyi-kit.example.\n\nДані вигодонабувача обробляються за договором. Вигодонабувач є Контролером даних, які він додає.",
			"Вигодонабувач", "ТОВ «Зелений Кіт»"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := Analyze(c.text)
			if f.Controller == nil || *f.Controller != c.controller {
				t.Errorf("controller = %s, want %s", show(f.Controller), c.controller)
			}
			if slices.Contains(f.OtherControllers, c.term) || f.Brand != nil && *f.Brand == c.term {
				t.Errorf("%q read as a party: other controllers %q, brand %s", c.term, f.OtherControllers, show(f.Brand))
			}
			for _, a := range f.Alternatives {
				if a.Name == c.term {
					t.Errorf("%q is an alternative (%s)", c.term, a.Role)
				}
			}
		})
	}
}

// TestSeed004ClientIsNoController: the seed the audit found it in.
func TestSeed004ClientIsNoController(t *testing.T) {
	src, err := ReadFile(filepath.Join("testdata", "seeds", "004_c9271ffe27ce26c1.txt"))
	if err != nil {
		t.Fatal(err)
	}
	f := Analyze(src.Text)
	if len(f.OtherControllers) > 0 || f.Brand != nil {
		t.Errorf("other controllers %q, brand %s: want none (\"Цей Клієнт\" is the policy's term)", f.OtherControllers, show(f.Brand))
	}
}

// TestDefinedBrandStaysAName: a brand the glossary defines as a legal
// person is written in lower case only in its web address, so it is no
// common noun and stays a name.
func TestDefinedBrandStaysAName(t *testing.T) {
	d := newDoc("• “Planfix” — юридична особа, що надає сервіс на сайті planfix.example.\n")
	if d.definedPerson("Planfix") {
		t.Error("Planfix taken for a defined kind of person")
	}
	d = newDoc("• “Вигодонабувач” — це фізична особа, на користь якої укладено договір.\nДані вигодонабувача.\n")
	if !d.definedPerson("Цей Вигодонабувач") || !d.definedPerson("Вигодонабувачем") {
		t.Error("Вигодонабувач not read as a defined kind of person")
	}
}

// TestRoleTailIsNoPartOfTheName: "между … ИП Ванюшкин И.С и Клиентом"
// (ru_vetnasvyazi) read the controller as "ИП Ванюшкин И.С и Клиентом".
func TestRoleTailIsNoPartOfTheName(t *testing.T) {
	for in, want := range map[string]string{
		"ИП Ванюшкин И.С и Клиентом":    "ИП Ванюшкин И.С",
		"Quietharbour Ltd and the User": "Quietharbour Ltd",
		"Ernst and Young":               "Ernst and Young",
		"ТОВ «Кіт» і Партнери":          "ТОВ «Кіт» і Партнери",
	} {
		if got := trimRoleTail(in); got != want {
			t.Errorf("trimRoleTail(%q) = %q, want %q", in, got, want)
		}
	}
	f := Analyze("Политика обработки персональных данных в ветеринарной клинике «Лапа» (ИП Петров И.С.) ИНН 504021177553, адрес: 140109, г. Раменское, ул. Красноармейская, д. 13.\n\n" +
		"6.11. Все споры, возникшие между Ветеринарной клиникой «Лапа» ИП Петров И.С и Клиентом, стороны стараются урегулировать путем переговоров.\n\n" +
		"Срок действия согласия — в течение всего срока договорных обязательств между Ветеринарной клиникой «Лапа» ИП Петров И.С и Клиентом или до отзыва Клиентом согласия.")
	if f.Controller == nil || strings.Contains(*f.Controller, "Клиент") {
		t.Errorf("controller = %s, want ИП Петров И.С. without the Client", show(f.Controller))
	}
}
