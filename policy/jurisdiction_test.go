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
