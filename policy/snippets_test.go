package policy

import (
	"reflect"
	"testing"
)

// TestSnippets checks the readers on short passages written the many ways
// real policies write them: legal forms and quotes, postcode first or
// last, labels, hidden e-mail addresses. Each expectation was written from
// the passage by hand.
func TestSnippets(t *testing.T) {
	cases := []struct {
		name       string
		text       string
		controller string
		emails     []string
		addresses  []string
		reg        string
	}{
		{
			name:       "uk, straight quotes, postcode last",
			text:       "Володільцем ваших персональних даних є ТОВ \"Смарт Рішення\" (код ЄДРПОУ 41234567), місцезнаходження: м. Київ, вул. Велика Васильківська, 72, оф. 5, 03150. Пишіть нам на privacy@smart.ua.",
			controller: "ТОВ \"Смарт Рішення\"",
			emails:     []string{"privacy@smart.ua"},
			addresses:  []string{"м. Київ, вул. Велика Васильківська, 72, оф. 5, 03150"},
			reg:        "41234567",
		},
		{
			name:       "ru, St Petersburg, litera and premises",
			text:       "Оператор — ООО «Ромашка» (ОГРН 1187847000000, ИНН 7800000000), юридический адрес: 190000, г. Санкт-Петербург, Невский пр., д. 1, лит. А, пом. 2-Н. Обращения принимаются по адресу dpo@romashka.spb.ru.",
			controller: "ООО «Ромашка»",
			emails:     []string{"dpo@romashka.spb.ru"},
			addresses:  []string{"190000, г. Санкт-Петербург, Невский пр., д. 1, лит. А, пом. 2-Н"},
			reg:        "1187847000000, 7800000000",
		},
		{
			name:       "en, UK registered office",
			text:       "Example Trading Ltd is a company registered in England and Wales with company number 01234567, whose registered office is at 1 King's Road, London SW3 4RD, United Kingdom. You can contact our data protection officer at DPO@Example-Trading.co.uk.",
			controller: "Example Trading Ltd",
			emails:     []string{"dpo@example-trading.co.uk"},
			addresses:  []string{"1 King's Road, London SW3 4RD, United Kingdom"},
			reg:        "01234567",
		},
		{
			name:       "lt, city before postcode, el. p.",
			text:       "Duomenų valdytojas yra UAB „Pavyzdys LT“, įmonės kodas 300000000, adresas Vilniaus g. 1, Vilnius LT-01100, el. p. info@pavyzdys.lt. Mes tvarkome jūsų asmens duomenis pagal BDAR.",
			controller: "UAB „Pavyzdys LT“",
			emails:     []string{"info@pavyzdys.lt"},
			addresses:  []string{"Vilniaus g. 1, Vilnius LT-01100"},
			reg:        "300000000",
		},
		{
			name:       "et, AS with tn and mnt",
			text:       "Teie isikuandmete vastutav töötleja on AS Näidispank (registrikood 10004252), aadress Tartu mnt 2, 10145 Tallinn. Kirjutage meile andmekaitse@naidispank.ee ja me vastame teile.",
			controller: "AS Näidispank",
			emails:     []string{"andmekaitse@naidispank.ee"},
			addresses:  []string{"Tartu mnt 2, 10145 Tallinn"},
			reg:        "10004252",
		},
		{
			name:       "hidden addresses",
			text:       "For privacy requests write to privacy [at] example-shop [dot] com or to dpo(at)example-shop.com. Invoices go to billing AT example-shop DOT com. Meet us at the office.",
			controller: "",
			emails:     []string{"privacy@example-shop.com", "dpo@example-shop.com", "billing@example-shop.com"},
		},
		{
			name:       "en, a disclaimer in capitals names no company",
			text:       "THE SERVICE IS PROVIDED AS IS AND AS AVAILABLE WITHOUT WARRANTY OF ANY KIND. Questions: hello@tinyapp.io.",
			controller: "",
			emails:     []string{"hello@tinyapp.io"},
		},
		{
			name:       "uk, Western Ukrainian TzOV",
			text:       "Володільцем персональних даних є ТзОВ «Львівська Кава» (код ЄДРПОУ 38123456), адреса: 79008, м. Львів, вул. Руська, 8. Запити надсилайте на dani@lvivkava.com.ua.",
			controller: "ТзОВ «Львівська Кава»",
			emails:     []string{"dani@lvivkava.com.ua"},
			addresses:  []string{"79008, м. Львів, вул. Руська, 8"},
			reg:        "38123456",
		},
		{
			name:       "authority and provider addresses are not the company's",
			text:       "Jautājumus sūtiet uz dati@veikals.lv vai info.veikals@gmail.com. Jums ir tiesības iesniegt sūdzību Datu valsts inspekcijā, e-pasts pasts@dvi.gov.lv. Google Analytics jautājumi: privacy@google.com.",
			controller: "",
			emails:     []string{"dati@veikals.lv", "info.veikals@gmail.com"},
		},
		{
			name:       "address at the end of a sentence, e-mail with a trailing dot",
			text:       "Sie erreichen die Musterladen GmbH unter Musterweg 12, 01067 Dresden. Unsere E-Mail-Adresse lautet kontakt@musterladen.de.",
			controller: "Musterladen GmbH",
			emails:     []string{"kontakt@musterladen.de"},
			addresses:  []string{"Musterweg 12, 01067 Dresden"},
		},
		{
			name:       "en, US single line",
			text:       "This website is operated by Springfield Books LLC, 123 Main St., Springfield, IL 62701. Questions about this policy can be sent to privacy@springfieldbooks.com.",
			controller: "Springfield Books LLC",
			emails:     []string{"privacy@springfieldbooks.com"},
			addresses:  []string{"123 Main St., Springfield, IL 62701"},
		},
		{
			name:       "pl, address in brackets",
			text:       "Administratorem danych jest Księgarnia Przykład S.A. z siedzibą w Krakowie (30-001 Kraków, ul. Floriańska 3), wpisana do KRS pod numerem 0000654321. Kontakt: rodo@ksiegarnia-przyklad.pl.",
			controller: "Księgarnia Przykład S.A.",
			emails:     []string{"rodo@ksiegarnia-przyklad.pl"},
			addresses:  []string{"30-001 Kraków, ul. Floriańska 3"},
			reg:        "0000654321",
		},
		{
			name:       "uk, country first, building range",
			text:       "Поштова адреса: Україна, 04053, м. Київ, вул. Січових Стрільців, буд. 37-41. Ми відповідаємо на запити, надіслані на support@prykladmarket.com.ua.",
			controller: "",
			emails:     []string{"support@prykladmarket.com.ua"},
			addresses:  []string{"Україна, 04053, м. Київ, вул. Січових Стрільців, буд. 37-41"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := Analyze(c.text)
			ctrl := ""
			if f.Controller != nil {
				ctrl = *f.Controller
			}
			if ctrl != c.controller {
				t.Errorf("controller = %q, want %q", ctrl, c.controller)
			}
			if !reflect.DeepEqual(f.Emails, nonNil(c.emails)) {
				t.Errorf("emails = %q, want %q", f.Emails, c.emails)
			}
			if !reflect.DeepEqual(f.Addresses, nonNil(c.addresses)) {
				t.Errorf("addresses = %q, want %q", f.Addresses, c.addresses)
			}
			reg := ""
			if f.Registration != nil {
				reg = *f.Registration
			}
			if reg != c.reg {
				t.Errorf("registration = %q, want %q", reg, c.reg)
			}
		})
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
