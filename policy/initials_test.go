package policy

import "testing"

// TestSamePerson: a name in full and with its initials are one person; a
// different first letter, another surname, or two companies are not.
func TestSamePerson(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"ИП Малкина Ольга Анатольевна", "ИП Малкина О.А.", true},
		{"ИП Малкина О. А.", "ИП Малкина Ольга Анатольевна", true},
		{"ИП Ванюшкин И.С", "ИП Ванюшкин Иван Сергеевич", true},
		{"ФОП Харківська К.С.", "ФОП Харківська Катерина Сергіївна", true},
		{"ИП Малкина О.А.", "ИП Малкина Ирина Анатольевна", false},
		{"ИП Малкина О.А.", "ИП Малкин Олег Андреевич", false},
		{"ИП Малкина О.А.", "ИП Малкина О.А.", false}, // the same text: nameKey's job
		{"ООО Альфа Бета", "ООО Альфа Бизнес", false},
		{"ИП О.А.", "ИП Ольга Анатольевна", false},
		{"SIA Tet", "SIA T.", false},
	}
	for _, c := range cases {
		if got := samePerson(c.a, c.b); got != c.want {
			t.Errorf("samePerson(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// TestEntrepreneurWithInitials: an entrepreneur named in full in the
// header and with initials in the text is one controller, with no legal
// entity or further controller cut at the first initial ("ИП Соколова М",
// as ru_alice and ru_vetnasvyazi gave). The text is invented on their
// pattern.
func TestEntrepreneurWithInitials(t *testing.T) {
	text := "ИП Соколова Мария Петровна\n\nПолитика конфиденциальности\n\n1. Общие положения\n" +
		"Настоящая Политика применяется ко всей информации, которую ИП Соколова М.П. (далее — Оператор) получает о посетителях сайта sokolova-shop.ru.\n\n" +
		"2. Цели обработки\nОператор обрабатывает персональные данные Пользователя для следующих целей: 一 идентификация Пользователя для оформления заказа; 一 создание личного кабинета.\n\n" +
		"3. Контакты\nПо вопросам обработки персональных данных пишите: info@sokolova-shop.ru\n"
	f := Analyze(text)
	if f.Controller == nil || *f.Controller != "ИП Соколова Мария Петровна" {
		t.Errorf("controller = %s, want ИП Соколова Мария Петровна", show(f.Controller))
	}
	if f.Brand != nil || len(f.LegalEntities) > 0 || len(f.OtherControllers) > 0 || len(f.Alternatives) > 0 {
		t.Errorf("brand %s, legal entities %q, other controllers %q, alternatives %+v: want none", show(f.Brand), f.LegalEntities, f.OtherControllers, f.Alternatives)
	}
	// The initials stay whole where the name is only written so.
	g := Analyze("Оператор: ИП Ванюшкин И.С и К, ИНН 771234567890.\nИП Ванюшкин И.С. обрабатывает персональные данные. Пишите: vet@example.ru")
	for _, e := range g.LegalEntities {
		if e == "ИП Ванюшкин И" {
			t.Errorf("legal entities %q: the name is cut at its first initial", g.LegalEntities)
		}
	}
}

// TestListDashes: a list dash typed as the Han "one" or a full-width
// hyphen becomes an em dash of the same length; the same characters in
// Chinese or Japanese text stay.
func TestListDashes(t *testing.T) {
	for in, want := range map[string]string{
		"целей: 一 идентификация; 一 создание": "целей: — идентификация; — создание",
		"список\n－ пункт":                    "список\n— пункт",
		"一个人 统一 一":                           "一个人 统一 一",
		"サーバー 一覧":                            "サーバー 一覧",
	} {
		got := NormalizeText(in)
		if got != want {
			t.Errorf("NormalizeText(%q) = %q, want %q", in, got, want)
		}
		if len(got) != len(in) {
			t.Errorf("NormalizeText(%q) moved the offsets: %d bytes, was %d", in, len(got), len(in))
		}
	}
	// A dash that stands alone only once the spaces are settled is
	// replaced in the same call: Decode's text must be normal.
	for _, in := range []string{"список\t一 пункт", "целей:\u200B一\u00A0пункт", "a\r一 b"} {
		once := NormalizeText(in)
		if twice := NormalizeText(once); twice != once {
			t.Errorf("NormalizeText(%q) = %q, but normalizing it again gives %q", in, once, twice)
		}
	}
}
