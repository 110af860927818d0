package policy

import "testing"

// TestJurisdictionFromAddressAndRegistry: the country of the controller's
// address or register decides over the language of the text (issue 22:
// KZ, BY, CZ, US policies read as unknown or as the language's country).
// The companies and addresses are invented.
func TestJurisdictionFromAddressAndRegistry(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"ru text, Kazakh company", "Политика конфиденциальности\n\nОператор: ТОО «Степной Ветер», БИН 180840012345, адрес: 050000, Республика Казахстан, г. Алматы, пр. Абая, 10. Email: info@stepwind.kz", "KZ"},
		{"ru text, Kazakh BIN only", "Оператор персональных данных — ТОО «Жёлтый Парус» (БИН 200140098765). Пишите: hello@zheltyparus.com", "KZ"},
		{"ru text, Belarusian UNP", "Оператор — ЧУП «Зелёный Луг», УНП 191234567. Email: info@zelenyilug.com", "BY"},
		{"cz registry", "Správcem osobních údajů je Modrý Pták s.r.o., IČO 12345678, se sídlem Vinohradská 1511/230, 100 00 Praha 10.", "EU-CZ"},
		{"en, Swedish address with NNN NN", "Privacy policy\n\nThe controller is Nordljus AB, Storgatan 5, 114 55 Stockholm, Sweden. Email: info@nordljus.example", "EU-SE"},
		{"en, Greek address with NNN NN", "Privacy policy\n\nThe controller is Helios Travel S.A., Ermou 10, 105 63 Athens, Greece. Email: info@helios.example", "EU-GR"},
		{"sk address with NNN NN", "Prevádzkovateľ: Horský Potok s.r.o., IČO 55667788, Hlavná 8, 040 01 Košice, Slovensko.", "EU-SK"},
		{"ru text, Kazakh sole trader by IIN", "Политика конфиденциальности\n\nОператор: ИП Ахметова Айгерим Сериковна, ИИН 880101400123. Email: aigerim.shop@gmail.com", "KZ"},
		{"ru text, Russian sole trader by OGRNIP", "Политика конфиденциальности\n\nОператор: ИП Смирнова Ольга Петровна, ОГРНИП 321774600012345. Email: olga.shop@gmail.com", "RU"},
		{"en, US address only", "Privacy Policy\n\nCopper Finch LLC, 2200 Maple Avenue, Denver, CO 80205, is responsible for your information. Contact privacy@copperfinch.com", "US"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Analyze(c.text).Jurisdiction; got != c.want {
				t.Errorf("jurisdiction = %s, want %s", got, c.want)
			}
		})
	}
}
