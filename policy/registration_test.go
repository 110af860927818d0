package policy

import "testing"

// TestRegistrationBlock: every number of the controller's requisites block
// is kept (review 2, M6: ru_planta dropped its ОГРН, ru_pravonaroda its
// ОГРНИП), and nothing of another party's block, a VAT number or a number
// past a blank line.
func TestRegistrationBlock(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"ru inn and ogrn in a sentence",
			"Оператором персональных данных является ООО «Планта и К», ИНН 3906277134, ОГРН 1123926065108. Контакт для обращений: info@planta.example.ru.",
			"3906277134, 1123926065108"},
		{"ru entrepreneur, numbers in brackets",
			"Оператором является индивидуальный предприниматель Солнцев Павел Владимирович (ОГРНИП 326774600300742, ИНН 501815177453).",
			"326774600300742, 501815177453"},
		{"ru requisites lines with a KPP between",
			"Сведения об операторе\n\nПолное наименование: ООО «Альфа»\nИНН: 1644076378\nКПП: 164401001\nОГРН: 1161690050741\nТелефон: +7 8553 440604",
			"1644076378, 1161690050741"},
		{"ru inn/kpp",
			"Наименование: ООО «Гид-Фуд»\nОГРН 1176196046355 от 29 сентября 2017 г.\nИНН/КПП 6164117129/616401001",
			"1176196046355, 6164117129"},
		{"another party's block stays out",
			"Оператор — ООО «Альфа», ИНН 7701234567; хостинг-провайдер ООО «Бета», ИНН 7807654321.",
			"7701234567"},
		{"a blank line ends the block",
			"Оператор — ООО «Альфа», ИНН 7701234567.\n\nОГРН 1027700000000 принадлежит другому лицу.",
			"7701234567"},
		{"lv vat number is none",
			"Personas datu pārzinis ir SIA \"Manessa\" (reģ. nr. 40203720328, PVN reģ. nr. 40203720999), juridiskā adrese: Nurmižu ceļš 8, Sigulda, LV-2150.",
			"40203720328"},
		{"the same number twice is one",
			"Оператор — физическое лицо Жуковец Игорь Валерьевич, ИНН: 470615438771, ИНН 470615438771.",
			"470615438771"},
		{"pl krs and nip",
			"Administratorem danych osobowych jest Fundacja Przykład z siedzibą w Lęborku, pod numerem KRS: 0001033312, NIP: 8411740955.",
			"0001033312, 8411740955"},
		{"markdown label",
			"**Company Name:** Norevia Digital OU\n**Registry Number:** 17221834",
			"17221834"},
		{"lt short label",
			"Internetinė svetainė „UAB Vecticumas“ įm. kodas 304867945, adresas Vilnius.",
			"304867945"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := Analyze(c.text)
			got := ""
			if f.Registration != nil {
				got = *f.Registration
			}
			if got != c.want {
				t.Errorf("registration = %q, want %q", got, c.want)
			}
			if n := len(f.EvidenceFor("registration")); got != "" && n == 0 {
				t.Errorf("no evidence for %q", got)
			}
		})
	}
}
