package policy

import (
	"strings"
	"testing"
)

// TestPeopleAndSoleTraders reads controllers written in layouts the
// development set does not have: natural persons, sole traders in each
// language, an Impressum block, a company introducing itself.
func TestPeopleAndSoleTraders(t *testing.T) {
	cases := []struct{ name, text, want, jurisdiction string }{
		{"en issued by", "Privacy notice\n\nThis privacy notice is issued by Example Widgets Ltd (company number 01234567), 10 Downing Street, London SW1A 2AA. We use Mailchimp to send newsletters.", "Example Widgets Ltd", "UK"},
		{"uk ФОП", "Політика конфіденційності\n\nФОП Іваненко Іван Іванович, РНОКПП 1234567890, м. Київ, вул. Хрещатик, 1.\nПишіть нам: info@ivanenko.com.ua", "ФОП Іваненко Іван Іванович", "UA"},
		{"ru ИП", "Оператор: ИП Петров Петр Петрович, ОГРНИП 312345678901234. Хостинг: ООО «Бегет».", "ИП Петров Петр Петрович", "RU"},
		{"uk private person", "Я, Іван Петренко, як власник цього блогу, обробляю ваші дані лише для відповіді на листи.", "Іван Петренко", "UA"},
		{"de Impressum", "Impressum\n\nAngaben gemäß § 5 TMG:\n\nMax Mustermann\nMusterstraße 1\n12345 Musterstadt\n\nDatenschutz\n\nWir nutzen Hosting der IONOS SE.", "Max Mustermann", "EU-DE"},
		{"lv IK", "Privātuma politika\n\nIndividuālais komersants “Zvaigzne”, reģ. Nr. 40001234567, Brīvības iela 1, Rīga, LV-1010. Jums ir tiesības iesniegt sūdzību Datu valsts inspekcijā.", "Individuālais komersants “Zvaigzne”", "EU-LV"},
		{"pl JDG", "Administratorem Twoich danych jest Jan Kowalski prowadzący działalność gospodarczą pod firmą Kowalski Design, ul. Długa 5, 00-001 Warszawa.", "Jan Kowalski", "EU-PL"},
		{"et FIE", "Isikuandmete vastutav töötleja on FIE Mari Maasikas, registrikood 12345678, Tartu mnt 1, 10115 Tallinn.", "FIE Mari Maasikas", "EU-EE"},
		{"lt individuali veikla", "Duomenų valdytojas – Jonas Jonaitis, vykdantis individualią veiklą pagal pažymą Nr. 123456, Vilnius.", "Jonas Jonaitis", "EU-LT"},
		{"uk footer", "Політика конфіденційності інтернет-магазину\n\nМи використовуємо сервіси Google LLC для аналітики. Для доставки замовлень ми передаємо ваше ім'я та телефон ТОВ «Нова Пошта».\n\nПишіть: shop@magazyn.ua\n\n© 2024 ТОВ «Магазин»", "ТОВ «Магазин»", "UA"},
		{"en requisites after providers", "Privacy Policy\n\nAt Bright Bakery we take your privacy seriously. Orders are paid via Stripe, Inc. and delivered by DPD UK Ltd.\n\nContact: hello@brightbakery.co.uk\nBright Bakery Ltd, 12 High Street, Bristol BS1 4DJ", "Bright Bakery Ltd", "UK"},
		{"ru processor in the operator's sentence", "Политика обработки персональных данных\n\nНастоящая политика составлена в соответствии с 152-ФЗ и определяет порядок обработки персональных данных ООО «Вектор» (далее – Оператор).\n\nОператор поручает обработку ООО «Яндекс» и АО «Тинькофф Банк».", "ООО «Вектор»", "RU"},
		{"en operated by", "This website is operated by Springfield Books LLC. Payments are processed by Rapyd Ltd, our payment processor. Questions: books@springfield-books.com", "Springfield Books LLC", "unknown"},
		{"uk належить", "Сайт належить ФОП Іваненко Іван Іванович. Хостинг надає ТОВ «Хмара Плюс».", "ФОП Іваненко Іван Іванович", "UA"},
		{"en we are", "We are Smith & Sons Plumbing, a sole trader business run by John Smith. Contact us at hello@smithplumbing.co.uk.", "Smith & Sons Plumbing", "UK"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := Analyze(c.text)
			if f.Controller == nil || *f.Controller != c.want {
				t.Errorf("controller = %s, want %q (alternatives %s)", show(f.Controller), c.want, show(f.Alternatives))
			}
			if f.Jurisdiction != c.jurisdiction {
				t.Errorf("jurisdiction = %s, want %s", f.Jurisdiction, c.jurisdiction)
			}
			for _, a := range f.Alternatives {
				if a.Role != RoleController && a.Confidence != 0 {
					t.Errorf("%s is a %s but has controller confidence %v", a.Name, a.Role, a.Confidence)
				}
			}
		})
	}
}

// TestProcessorNeverController: a processor or an authority named in a
// policy, with its address, must not become the controller even when the
// company itself is named only once.
func TestProcessorNeverController(t *testing.T) {
	text := "Datenschutzerklärung\n\nVerantwortlich ist die Muster GmbH, Hauptstraße 1, 10115 Berlin.\n\n" +
		"Hosting\n\nWir hosten bei der Hetzner Online GmbH, Industriestr. 25, 91710 Gunzenhausen. Hetzner Online GmbH ist unser Auftragsverarbeiter. Hetzner Online GmbH speichert Logdateien.\n\n" +
		"Beschwerde\n\nSie können sich bei der Aufsichtsbehörde beschweren: Berliner Beauftragte für Datenschutz, Alt-Moabit 59-61, 10555 Berlin."
	f := Analyze(text)
	if f.Controller == nil || *f.Controller != "Muster GmbH" {
		t.Fatalf("controller = %s, want Muster GmbH (alternatives %s)", show(f.Controller), show(f.Alternatives))
	}
	for _, a := range f.Alternatives {
		if a.Name == "Hetzner Online GmbH" && a.Role != RoleProcessor {
			t.Errorf("Hetzner role %q, want processor", a.Role)
		}
	}
	for _, a := range f.Addresses {
		if strings.Contains(a, "Alt-Moabit") || strings.Contains(a, "Industriestr") {
			t.Errorf("another party's address %q is among the controller's", a)
		}
	}
	if len(f.Addresses) != 1 || !strings.Contains(f.Addresses[0], "Hauptstraße 1") {
		t.Errorf("addresses %q, want only the controller's", f.Addresses)
	}
}

// TestDomainMatchesTransliteration: a Cyrillic name matches the Latin
// domain or mailbox it is usually spelled with, and only that.
func TestDomainMatchesTransliteration(t *testing.T) {
	for _, c := range []struct {
		name, domain string
		want         bool
	}{
		{"«Гелікон»", "helikonjanosi", true},
		{"Фундація", "fundatsiia", true},
		{"Specroll", "specroll", true},
		{"«Гелікон»", "karpaty", false},
		{"ООО «Ромашка»", "yandex", false},
	} {
		if got := matchesDomain(nameKey(c.name), []string{c.domain}); got != c.want {
			t.Errorf("matchesDomain(%q, %q) = %v, want %v", c.name, c.domain, got, c.want)
		}
	}
}
