package evidencepdf

import (
	"fmt"

	"prava/evidence/dkimcheck"
)

// Langs are the languages the evidence PDF is written in.
var Langs = []string{"en", "uk", "ru", "lv", "lt"}

// words are the evidence PDF's labels in each language, kept here as
// letters keeps its own: the PDF is made outside the app, which holds the
// translation files. Each row is en, uk, ru, lv, lt.
var words = map[string][5]string{
	"title":   {"Evidence for request %s", "Докази щодо запиту %s", "Доказательства по запросу %s", "Pierādījumi pieprasījumam %s", "Įrodymai dėl prašymo %s"},
	"company": {"Company", "Компанія", "Компания", "Uzņēmums", "Įmonė"},
	"request": {"Request", "Запит", "Запрос", "Pieprasījums", "Prašymas"},
	"person":  {"Data subject", "Суб'єкт даних", "Субъект данных", "Datu subjekts", "Duomenų subjektas"},
	"made":    {"Compiled", "Складено", "Составлено", "Sagatavots", "Parengta"},
	"intro": {
		"This file was compiled by Prava from the messages as they were sent and received. The original messages (.eml) and the letter are attached inside this PDF; each annex gives the SHA-256 of its file, so that anyone can check it.",
		"Цей файл склала програма Prava з повідомлень у тому вигляді, у якому їх було надіслано й отримано. Оригінальні повідомлення (.eml) і лист вкладено в цей PDF; кожен додаток наводить SHA-256 свого файлу, щоб будь-хто міг його перевірити.",
		"Этот файл составлен программой Prava из сообщений в том виде, в каком они были отправлены и получены. Исходные сообщения (.eml) и письмо вложены в этот PDF; каждое приложение указывает SHA-256 своего файла, чтобы любой мог его проверить.",
		"Šo failu sagatavoja programma Prava no ziņojumiem tādā veidā, kādā tie tika nosūtīti un saņemti. Oriģinālie ziņojumi (.eml) un vēstule ir pievienoti šī PDF iekšpusē; katrā pielikumā norādīts tā faila SHA-256, lai ikviens to varētu pārbaudīt.",
		"Šį failą parengė programa Prava iš pranešimų tokių, kokie jie buvo išsiųsti ir gauti. Originalūs pranešimai (.eml) ir laiškas pridėti šio PDF viduje; kiekviename priede nurodyta jo failo SHA-256 reikšmė, kad bet kas galėtų ją patikrinti.",
	},
	"timeline": {"Timeline", "Хронологія", "Хронология", "Notikumu hronoloģija", "Įvykių eiga"},
	"when":     {"Date and time (UTC)", "Дата і час (UTC)", "Дата и время (UTC)", "Datums un laiks (UTC)", "Data ir laikas (UTC)"},
	"event":    {"Event", "Подія", "Событие", "Notikums", "Įvykis"},
	"annex":    {"Annex", "Додаток", "Приложение", "Pielikums", "Priedas"},
	"annexN":   {"Annex %d. %s", "Додаток %d. %s", "Приложение %d. %s", "%d. pielikums. %s", "%d priedas. %s"},

	"role.letter":  {"The letter (PDF)", "Лист (PDF)", "Письмо (PDF)", "Vēstule (PDF)", "Laiškas (PDF)"},
	"role.sent":    {"Sent by e-mail", "Надіслано електронною поштою", "Отправлено по электронной почте", "Nosūtīts pa e-pastu", "Išsiųsta el. paštu"},
	"role.receipt": {"Sent by registered post", "Надіслано рекомендованим листом", "Отправлено заказным письмом", "Nosūtīts ierakstītā vēstulē", "Išsiųsta registruotu laišku"},
	"role.reply":   {"Reply received", "Отримано відповідь", "Получен ответ", "Saņemta atbilde", "Gautas atsakymas"},
	"role.signed":  {"The letter signed electronically", "Лист, підписаний електронним підписом", "Письмо, подписанное электронной подписью", "Ar elektronisko parakstu parakstīta vēstule", "Elektroniniu parašu pasirašytas laiškas"},
	"role.other":   {"Document", "Документ", "Документ", "Dokuments", "Dokumentas"},

	"channel":      {"Channel", "Спосіб", "Способ", "Kanāls", "Būdas"},
	"channel.mail": {"e-mail", "електронна пошта", "электронная почта", "e-pasts", "el. paštas"},
	"channel.post": {"registered post", "рекомендований лист", "заказное письмо", "ierakstīta vēstule", "registruotas laiškas"},
	"messageid":    {"Message-ID", "Message-ID", "Message-ID", "Message-ID", "Message-ID"},
	"registered":   {"Registered-mail number", "Номер рекомендованого відправлення", "Номер заказного отправления", "Ierakstītā sūtījuma numurs", "Registruotos siuntos numeris"},
	"sha256":       {"SHA-256 of the file", "SHA-256 файлу", "SHA-256 файла", "Faila SHA-256", "Failo SHA-256"},
	"size":         {"Size", "Розмір", "Размер", "Izmērs", "Dydis"},
	"bytes":        {"%d bytes", "%d байт", "%d байт", "%d baiti", "%d baitai"},
	"server":       {"Mail server's answer", "Відповідь поштового сервера", "Ответ почтового сервера", "Pasta servera atbilde", "Pašto serverio atsakymas"},
	"file":         {"Attached file", "Вкладений файл", "Вложенный файл", "Pievienotais fails", "Pridėtas failas"},
	"nofile":       {"no file kept", "файл не збережено", "файл не сохранён", "fails nav saglabāts", "failas neišsaugotas"},
	"from":         {"From", "Від", "От", "No", "Nuo"},
	"subject":      {"Subject", "Тема", "Тема", "Temats", "Tema"},
	"note":         {"Note", "Примітка", "Примечание", "Piezīme", "Pastaba"},
	"dkim":         {"DKIM signature", "Підпис DKIM", "Подпись DKIM", "DKIM paraksts", "DKIM parašas"},
	"dkimfile":     {"The DKIM check, with the key record used, is attached as %s.", "Перевірку DKIM разом із використаним записом ключа вкладено як %s.", "Проверка DKIM вместе с использованной записью ключа вложена как %s.", "DKIM pārbaude kopā ar izmantoto atslēgas ierakstu pievienota kā %s.", "DKIM patikra kartu su naudotu rakto įrašu pridėta kaip %s."},
	"stamp":        {"Trusted timestamp", "Довірена позначка часу", "Метка доверенного времени", "Uzticams laika zīmogs", "Patikima laiko žyma"},
	"stamp.ok": {"RFC 3161 timestamp over this file's SHA-256: %s by %s; it matches the file. The token is attached as %s; check the authority's certificate with it (openssl ts -verify).",
		"Позначка часу RFC 3161 над SHA-256 цього файлу: %s, видав %s; вона відповідає файлу. Токен вкладено як %s; сертифікат видавця перевірте разом із ним (openssl ts -verify).",
		"Метка времени RFC 3161 над SHA-256 этого файла: %s, выдал %s; она соответствует файлу. Токен вложен как %s; сертификат выдавшего проверьте вместе с ним (openssl ts -verify).",
		"RFC 3161 laika zīmogs par šī faila SHA-256: %s, izdevējs %s; tas atbilst failam. Žetons pievienots kā %s; izdevēja sertifikātu pārbaudiet ar to (openssl ts -verify).",
		"RFC 3161 laiko žyma šio failo SHA-256: %s, išdavė %s; ji atitinka failą. Žetonas pridėtas kaip %s; išdavėjo sertifikatą patikrinkite su juo (openssl ts -verify)."},
	"stamp.bad": {"The timestamp attached as %s does not match this file or cannot be read: do not rely on it.",
		"Позначка часу, вкладена як %s, не відповідає цьому файлу або не читається: не покладайтеся на неї.",
		"Метка времени, вложенная как %s, не соответствует этому файлу или не читается: не полагайтесь на неё.",
		"Laika zīmogs, kas pievienots kā %s, neatbilst šim failam vai nav nolasāms: nepaļaujieties uz to.",
		"Laiko žyma, pridėta kaip %s, neatitinka šio failo arba neperskaitoma: ja nesiremkite."},
	"text": {"Text of the message", "Текст повідомлення", "Текст сообщения", "Ziņojuma teksts", "Pranešimo tekstas"},
	"cut":  {"The text is shortened here; the whole message is in the attached file.", "Тут текст скорочено; повне повідомлення — у вкладеному файлі.", "Здесь текст сокращён; полное сообщение — во вложенном файле.", "Šeit teksts ir saīsināts; pilns ziņojums ir pievienotajā failā.", "Čia tekstas sutrumpintas; visas pranešimas yra pridėtame faile."},

	"dkim." + string(dkimcheck.Verified): {
		"Verified: signed by %[1]s (selector %[2]s), the sender's own domain. Checked %[3]s.",
		"Перевірено: підписано доменом %[1]s (селектор %[2]s), власним доменом відправника. Перевірка: %[3]s.",
		"Проверено: подписано доменом %[1]s (селектор %[2]s), собственным доменом отправителя. Проверка: %[3]s.",
		"Pārbaudīts: parakstījis domēns %[1]s (selektors %[2]s), paša sūtītāja domēns. Pārbaudīts %[3]s.",
		"Patikrinta: pasirašė domenas %[1]s (selektorius %[2]s), paties siuntėjo domenas. Tikrinta %[3]s.",
	},
	"dkim." + string(dkimcheck.VerifiedOther): {
		"Verified, but signed by %[1]s (selector %[2]s), not by the sender's domain %[4]s. Checked %[3]s.",
		"Перевірено, але підписано доменом %[1]s (селектор %[2]s), а не доменом відправника %[4]s. Перевірка: %[3]s.",
		"Проверено, но подписано доменом %[1]s (селектор %[2]s), а не доменом отправителя %[4]s. Проверка: %[3]s.",
		"Pārbaudīts, taču parakstījis domēns %[1]s (selektors %[2]s), nevis sūtītāja domēns %[4]s. Pārbaudīts %[3]s.",
		"Patikrinta, tačiau pasirašė domenas %[1]s (selektorius %[2]s), o ne siuntėjo domenas %[4]s. Tikrinta %[3]s.",
	},
	"dkim." + string(dkimcheck.Broken): {
		"The signature of %[1]s (selector %[2]s) does not verify: the message was changed after it was signed, or the key does not match. Checked %[3]s.",
		"Підпис домену %[1]s (селектор %[2]s) не проходить перевірку: повідомлення змінено після підписання, або ключ не відповідає. Перевірка: %[3]s.",
		"Подпись домена %[1]s (селектор %[2]s) не проходит проверку: сообщение изменено после подписания, или ключ не соответствует. Проверка: %[3]s.",
		"Domēna %[1]s paraksts (selektors %[2]s) neiztur pārbaudi: ziņojums mainīts pēc parakstīšanas, vai atslēga neatbilst. Pārbaudīts %[3]s.",
		"Domeno %[1]s parašas (selektorius %[2]s) nepraeina patikros: pranešimas pakeistas po pasirašymo arba raktas neatitinka. Tikrinta %[3]s.",
	},
	"dkim." + string(dkimcheck.Unknown): {
		"The signature of %[1]s could not be checked: its key could not be fetched or read. Checked %[3]s.",
		"Підпис домену %[1]s не вдалося перевірити: ключ не вдалося отримати або прочитати. Перевірка: %[3]s.",
		"Подпись домена %[1]s не удалось проверить: ключ не удалось получить или прочитать. Проверка: %[3]s.",
		"Domēna %[1]s parakstu nevarēja pārbaudīt: atslēgu neizdevās iegūt vai nolasīt. Pārbaudīts %[3]s.",
		"Domeno %[1]s parašo nepavyko patikrinti: rakto nepavyko gauti arba perskaityti. Tikrinta %[3]s.",
	},
	"dkim." + string(dkimcheck.Unsigned): {
		"The message carries no DKIM signature. Checked %[3]s.",
		"Повідомлення не має підпису DKIM. Перевірка: %[3]s.",
		"Сообщение не содержит подписи DKIM. Проверка: %[3]s.",
		"Ziņojumam nav DKIM paraksta. Pārbaudīts %[3]s.",
		"Pranešimas neturi DKIM parašo. Tikrinta %[3]s.",
	},
}

// langIndex returns the column of lang in words, or -1.
func langIndex(lang string) int {
	for i, l := range Langs {
		if l == lang {
			return i
		}
	}
	return -1
}

// say returns the label key in language i, filled with args.
func say(i int, key string, args ...any) string {
	row, ok := words[key]
	if !ok {
		panic("evidencepdf: no words for " + key) // a programming error, caught by the tests
	}
	if len(args) == 0 {
		return row[i]
	}
	return fmt.Sprintf(row[i], args...)
}

// dkimWords says a DKIM result in language i: the verdict, the signing
// domain and selector it rests on, and when it was checked.
func dkimWords(i int, r dkimcheck.Result) string {
	v := r.Verdict()
	var pick dkimcheck.Signature
	for k, s := range r.Signatures {
		if k == 0 || (v == dkimcheck.Verified && s.Status == dkimcheck.Pass && s.Aligned) ||
			(v == dkimcheck.VerifiedOther && s.Status == dkimcheck.Pass) || (v == dkimcheck.Broken && s.Status == dkimcheck.Fail) {
			pick = s
			if k > 0 {
				break
			}
		}
	}
	domain, selector := pick.Domain, pick.Selector
	return say(i, "dkim."+string(v), domain, selector, r.Checked.UTC().Format(timeLayout), r.FromDomain)
}
