package letters

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"prava/law"
	"prava/record"
)

var update = flag.Bool("update", false, "rewrite the golden letters in testdata/golden")

var day = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// jurisdictionFor is the law a letter in each language is tested under:
// the one its readers most often meet.
var jurisdictionFor = map[string]record.Code{"uk": "UA", "ru": "RU", "lv": "EU-LV", "lt": "EU-LT", "en": "EU"}

var allKinds = []record.Kind{record.Access, record.Erasure, record.Withdrawal, record.Rectification, record.Objection, record.Restriction, record.Portability, record.Reminder, record.ReplyToRefusal, record.Complaint}

// refused are the kinds a language's test law does not grant: the letter
// is refused with a message naming the closest right.
var refused = map[string][]record.Kind{"uk": {record.Restriction, record.Portability}, "ru": {record.Portability}}

func sampleRequest(lang string, kind record.Kind) Input {
	sent := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	return Input{
		Kind: kind, Lang: lang, Jurisdiction: jurisdictionFor[lang], Channel: record.ByEmail,
		From: Sender{
			Name: "Олена Іванівна Петренко", Address: "вул. Хрещатик, 1, кв. 5\nм. Київ, 01001", Email: "olena@example.org",
			Phone: "+380 44 000 00 00", BirthDate: "1985-03-04", IDDocument: "паспорт МЕ 123456, виданий 01.02.2010 Печерським РВ ГУ МВС України в м. Києві", CustomerRef: "A-77",
		},
		To:   Recipient{Name: "Šiaurės Žąsų Ķēķis SIA", Registration: "40003052790", Address: "Dzirnavu iela 105, Rīga, LV-1011, Latvija", Email: "privacy@example.lv"},
		Date: day, Reference: "PR-20261123-0001", Marking: "Data request", PromisedDays: 30, Service: "example.lv",
		Options:     law.DefaultOptions(),
		Original:    &Prior{Kind: record.Access, Reference: "PR-20261001-0001", Sent: sent, Due: sampleDue(lang, sent), Channel: record.ByPost, Tracking: "RR123456789LV"},
		Reminder:    &Prior{Kind: record.Reminder, Reference: "PR-20261106-0002", Sent: sent.AddDate(0, 1, 5), Due: sent.AddDate(0, 1, 19)},
		Company:     &Recipient{Name: "Šiaurės Žąsų Ķēķis SIA", Address: "Dzirnavu iela 105, Rīga"},
		Authority:   "",
		Corrections: []Correction{{Field: "address", Value: "Elijas iela 17, Rīga", Was: "Elijas iela 71, Rīga"}},
		Refusal:     RefusalIncomplete, Missing: []string{"recipients", "retention", "automated"},
	}
}

// sampleDue is when the sample access request, received on sent, was
// due under the law a letter in lang is tested under, as Prava counts it:
// the follow-ups quote it, and a day the law moves (one month from 1
// October 2026 is Sunday 1 November) is not the one a company was given
// (issue 23, the lv follow-ups). Counted from receipt that day, so the
// reminder (6 November) and its term (20 November) still come after.
func sampleDue(lang string, sent time.Time) time.Time {
	j, err := law.Lookup(string(jurisdictionFor[lang]), law.DefaultOptions())
	if err != nil {
		panic(err)
	}
	d, err := law.Due(j, record.Access, law.Clock{Sent: sent, Received: sent, Channel: record.ByPost}, law.DefaultOptions())
	if err != nil {
		panic(err)
	}
	return d.Due
}

// TestGolden composes every kind in every language and compares its text
// with the reviewed copy in testdata/golden (go test -update rewrites them
// after a template change; read the diff before committing it).
func TestGolden(t *testing.T) {
	for _, lang := range Languages {
		for _, kind := range allKinds {
			r := sampleRequest(lang, kind)
			if kind == record.Complaint {
				r.Marking = ""
			}
			l, err := Compose(r)
			if slices.Contains(refused[lang], kind) {
				if err == nil || !strings.Contains(err.Error(), "grants no") || !strings.Contains(err.Error(), "closest") {
					t.Errorf("%s %s: want a refusal naming the closest right, got %v", lang, kind, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%s %s: %v", lang, kind, err)
			}
			subject, body := l.Email()
			got := l.Text() + "\n--- e-mail ---\nSubject: " + subject + "\n\n" + body
			path := filepath.Join("testdata", "golden", lang+"-"+string(kind)+".txt")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./letters -update to write it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the golden letter; run go test ./letters -update and read the diff\n%s", path, firstDiff(got, string(want)))
			}
		}
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "got:  " + al[i] + "\nwant: " + bl[i]
		}
	}
	return "lengths differ"
}

// TestLetterParts checks what each language's letter must carry, whatever
// its wording: the law, the title, the date in local form, the deadline,
// the marking, the reference and the person's name as it is signed.
func TestLetterParts(t *testing.T) {
	want := map[string][]string{
		"uk": {"Закону України «Про захист персональних даних»", "ЗАПИТ", "23.11.2026", "Вих. № PR-20261123-0001", "Олена ПЕТРЕНКО", "З позначкою: «Data request»", "не пізніше ніж 23.12.2026", "документ, що посвідчує особу: паспорт", "пунктів 1–4, 12 і 13 частини другої статті 8"},
		"ru": {"Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных»", "ЗАПРОС", "23.11.2026", "О. І. Петренко", "С пометкой: «Data request»", "не позднее 07.12.2026", "документ, удостоверяющий личность: паспорт", "номер клиента (договора) A-77", "как того требуют часть 3 статьи 14 и часть 1 статьи 20", "Петренко Олена Іванівна"},
		"lv": {"Vispārīgās datu aizsardzības regulas (ES) 2016/679 (turpmāk – Regula) 15. pantu", "Atsauce: PR-20261123-0001", "Datu subjekta pieprasījums", "2026. gada 23. novembris", "līdz 23.12.2026", "Ar cieņu,", "Data request"},
		"lt": {"Pagal Bendrojo duomenų apsaugos reglamento (ES) 2016/679 (BDAR) 15 straipsnį", "Nuoroda: PR-20261123-0001", "PRAŠYMAS", "Data: 2026-11-23", "iki 2026-12-23", "Pagarbiai,"},
		"en": {"Article 15 of the General Data Protection Regulation", "Subject: Data subject access request under Article 15 GDPR", "23 November 2026", "at the latest by 23 December 2026", "Yours faithfully,", "the categories of personal data concerned", "pseudonymised", "lodge a complaint with a supervisory authority"},
	}
	for lang, parts := range want {
		l, err := Compose(sampleRequest(lang, record.Access))
		if err != nil {
			t.Fatal(err)
		}
		text := l.Text()
		for _, p := range parts {
			if !strings.Contains(text, p) {
				t.Errorf("%s access letter lacks %q:\n%s", lang, p, text)
			}
		}
		if lang != "ru" && lang != "uk" && strings.Contains(text, "паспорт") {
			t.Errorf("%s letter under GDPR carries the identity document, which the law does not ask for", lang)
		}
	}
}

// TestDeadlineByPost: a posted letter's day of receipt is unknown, so it
// states the term in words and no date.
func TestDeadlineByPost(t *testing.T) {
	r := sampleRequest("en", record.Access)
	r.Channel = record.ByPost
	l, err := Compose(r)
	if err != nil {
		t.Fatal(err)
	}
	if !l.Due.IsZero() || !strings.Contains(l.Text(), "within one month of receiving this request") {
		t.Errorf("posted letter: due %v, text:\n%s", l.Due, l.Text())
	}
}

func TestComposeErrors(t *testing.T) {
	cases := []struct {
		name string
		edit func(*Input)
		want error
		msg  string
	}{
		{"no name", func(r *Input) { r.From.Name = " " }, ErrProfile, "name is missing"},
		{"bad e-mail", func(r *Input) { r.From.Email = "olena@" }, ErrProfile, "not an e-mail address"},
		{"unknown language", func(r *Input) { r.Lang = "de" }, nil, "no letters in language \"de\""},
		{"unknown law", func(r *Input) { r.Jurisdiction = "XX" }, ErrRequest, "XX"},
		{"no e-mail to write to", func(r *Input) { r.To.Email = "" }, ErrRequest, "no e-mail address"},
		{"no postal address", func(r *Input) { r.Channel = record.ByPost; r.To.Address = "" }, ErrRequest, "no postal address"},
		{"reminder without request", func(r *Input) { r.Kind = record.Reminder; r.Original = nil }, ErrRequest, "follows a request"},
		{"RU without passport", func(r *Input) { r.Lang = "ru"; r.Jurisdiction = "RU"; r.From.IDDocument = "" }, ErrProfile, "id_document"},
		{"no date", func(r *Input) { r.Date = time.Time{} }, ErrRequest, "no date"},
	}
	for _, c := range cases {
		r := sampleRequest("en", record.Access)
		c.edit(&r)
		_, err := Compose(r)
		if err == nil || (c.want != nil && !errors.Is(err, c.want)) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: got %v, want %v containing %q", c.name, err, c.want, c.msg)
		}
	}
}

func TestReadProfile(t *testing.T) {
	good := `{"name":"Jānis Bērziņš","address":"Rīga","email":"j@example.lv","birthdate":"1980-01-02"}`
	if p, err := ReadProfile(strings.NewReader(good)); err != nil || p.Name != "Jānis Bērziņš" {
		t.Fatalf("good profile: %v %+v", err, p)
	}
	for in, msg := range map[string]string{
		`{"name":"J","adress":"Rīga","email":"j@example.lv"}`: `unknown field "adress"`,
		`{"address":"Rīga"}`: "name is missing",
		`{"name":"J"}`:       "postal address or an e-mail",
		`{"name":"J","email":"j@x.lv","birthdate":"02.01.1980"}`: "YYYY-MM-DD",
		`[1,2]`: "not a profile",
		`{"name":"J","email":"j@x.lv"} {"name":"K"}`: "more than one",
	} {
		if _, err := ReadProfile(strings.NewReader(in)); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("%s: got %v, want %q", in, err, msg)
		}
	}
}

// TestLawChoices: what the law asks of each letter, whatever its wording.
func TestLawChoices(t *testing.T) {
	compose := func(edit func(*Input)) (*Letter, error) {
		r := sampleRequest("en", record.Erasure)
		edit(&r)
		return Compose(r)
	}
	text := func(edit func(*Input)) string {
		l, err := compose(edit)
		if err != nil {
			t.Fatal(err)
		}
		return l.Text()
	}
	// Erasure names its grounds: by default consent and objection, the
	// objection resting on direct marketing only until the person gives
	// reasons; only then is restriction under Art. 18(1)(d) asked for.
	if s := text(func(*Input) {}); !strings.Contains(s, "point (b)") || !strings.Contains(s, "point (c)") || strings.Contains(s, "point (a)") || strings.Contains(s, "Article 18(1)(d)") || strings.Contains(s, "Article 21(1)") || strings.Contains(s, "Article 17(2)") {
		t.Errorf("default erasure grounds:\n%s", s)
	}
	why := "my former partner works in your call centre"
	if s := text(func(r *Input) { r.Reasons = why }); !strings.Contains(s, "Article 21(1)") || !strings.Contains(s, why+".") || !strings.Contains(s, "Article 18(1)(d)") {
		t.Errorf("erasure with reasons:\n%s", s)
	}
	// An objection without reasons keeps direct marketing only, and warns.
	l, err := compose(func(r *Input) { r.Kind = record.Objection })
	if err != nil || strings.Contains(l.Text(), "Article 21(1)") || !strings.Contains(l.Text(), "Article 21(2)") || len(l.Warnings) == 0 {
		t.Errorf("objection without reasons (%v):\n%s%q", err, l.Text(), l.Warnings)
	}
	if s := text(func(r *Input) { r.Kind = record.Objection; r.Reasons = why }); !strings.Contains(s, "Article 21(1)") || !strings.Contains(s, "particular situation: "+why) || !strings.Contains(s, "Article 18(1)(d)") {
		t.Errorf("objection with reasons:\n%s", s)
	}
	if got := (Input{Kind: record.Objection, Jurisdiction: "EU-LV"}).Needs(); !slices.Equal(got, []string{NeedReasons}) {
		t.Errorf("an objection without reasons needs %v", got)
	}
	if got := (Input{Kind: record.Objection, Jurisdiction: "EU-LV", Reasons: why}).Needs(); len(got) != 0 {
		t.Errorf("an objection with reasons needs %v", got)
	}
	// A restriction states (a) for corrections and (d) only with reasons;
	// with neither it is refused, asking for them.
	s := text(func(r *Input) { r.Kind = record.Restriction })
	if !strings.Contains(s, "point (a)") || strings.Contains(s, "point (d)") || !strings.Contains(s, "The data I contest are:") {
		t.Errorf("restriction with a correction:\n%s", s)
	}
	if _, err := compose(func(r *Input) { r.Kind = record.Restriction; r.Corrections = nil }); !errors.Is(err, ErrReasons) || !errors.Is(err, ErrRequest) {
		t.Errorf("restriction with no ground: %v", err)
	}
	if s := text(func(r *Input) { r.Kind = record.Restriction; r.Corrections = nil; r.Reasons = why }); !strings.Contains(s, "point (d)") || !strings.Contains(s, why) {
		t.Errorf("restriction on point (d):\n%s", s)
	}
	// The date of birth only where the company holds it.
	if s := text(func(*Input) {}); strings.Contains(s, "1985") {
		t.Errorf("the date of birth is volunteered:\n%s", s)
	}
	if s := text(func(r *Input) { r.BirthDateKnown = true }); !strings.Contains(s, "4 March 1985") {
		t.Errorf("the date of birth the company holds is left out:\n%s", s)
	}
	// The phone number only when asked for (review 2, L11).
	if s := text(func(*Input) {}); strings.Contains(s, "000 00 00") {
		t.Errorf("the phone number is volunteered:\n%s", s)
	}
	if s := text(func(r *Input) { r.PhoneGiven = true }); !strings.Contains(s, "Phone: +380 44 000 00 00") {
		t.Errorf("the phone number asked for is left out:\n%s", s)
	}
	// A promise only for the kinds it covers.
	if s := text(func(r *Input) { r.PromisedDays = 14; r.PromisedFor = []record.Kind{record.Access} }); strings.Contains(s, "14 days") {
		t.Errorf("an access promise is quoted in an erasure:\n%s", s)
	}
	if s := text(func(r *Input) { r.Grounds = []Ground{GroundUnneeded}; r.Published = true }); !strings.Contains(s, "point (a)") || strings.Contains(s, "point (b)") || !strings.Contains(s, "Article 17(2)") || strings.Contains(s, "Article 18(1)(d)") {
		t.Errorf("erasure on ground (a), data published:\n%s", s)
	}
	// A promise is quoted only when shorter than the law's term.
	if s := text(func(r *Input) { r.PromisedDays = 45 }); strings.Contains(s, "45 days") {
		t.Errorf("a 45-day promise is quoted against the one-month term:\n%s", s)
	}
	if s := text(func(r *Input) { r.PromisedDays = 14 }); !strings.Contains(s, "within 14 days") {
		t.Errorf("a 14-day promise is not quoted:\n%s", s)
	}
	// No extension is volunteered.
	if s := text(func(*Input) {}); strings.Contains(s, "extend") {
		t.Errorf("the letter invites an extension:\n%s", s)
	}
	// Withdrawal objects to direct marketing.
	if s := text(func(r *Input) { r.Kind = record.Withdrawal }); !strings.Contains(s, "Article 21(2)") || !strings.Contains(s, "takes effect at once") {
		t.Errorf("withdrawal:\n%s", s)
	}
	// UA access needs the identity document; RU needs number, date and issuer.
	for _, c := range []struct {
		lang, doc, want string
	}{
		{"uk", "", "Art. 16 part 4"},
		{"ru", "паспорт 4510 123456, выдан 01.02.2010", "who issued it"},
		{"ru", "паспорт, выдан ОУФМС России по г. Москве", "its number"},
	} {
		r := sampleRequest(c.lang, record.Access)
		r.From.IDDocument = c.doc
		if _, err := Compose(r); err == nil || !errors.Is(err, ErrProfile) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s access with id_document %q: %v, want %q", c.lang, c.doc, err, c.want)
		}
	}
	// A rectification needs corrections; a reply needs the refusal.
	if _, err := compose(func(r *Input) { r.Kind = record.Rectification; r.Corrections = nil }); err == nil || !strings.Contains(err.Error(), "FIELD=VALUE") {
		t.Errorf("rectification without corrections: %v", err)
	}
	if _, err := compose(func(r *Input) { r.Kind = record.ReplyToRefusal; r.Refusal = "" }); err == nil || !strings.Contains(err.Error(), "refusal") {
		t.Errorf("reply without a refusal: %v", err)
	}
	// A Russian request by e-mail warns that 152-FZ asks for a signature.
	r := sampleRequest("ru", record.Access)
	l, err = Compose(r)
	if err != nil || len(l.Warnings) != 1 || !strings.Contains(l.Warnings[0], "signed") {
		t.Errorf("RU by e-mail: warnings %q (%v)", l.Warnings, err)
	}
	// A complaint to the Latvian authority by e-mail warns it must be signed.
	r = sampleRequest("lv", record.Complaint)
	r.To = Recipient{Name: "Datu valsts inspekcija", Address: "Elijas iela 17, Rīga, LV-1050, Latvija", Email: "pasts@dvi.gov.lv"}
	if l, err := Compose(r); err != nil || len(l.Warnings) != 1 || !strings.Contains(l.Warnings[0], "qualified electronic signature") || l.Recipient[0] != "Datu valsts inspekcijai" {
		t.Errorf("LV complaint by e-mail: %v, warnings %q, recipient %q", err, l.Warnings, l.Recipient)
	}
	// Kinds the law does not grant are refused, naming the closest right.
	r = sampleRequest("uk", record.Restriction)
	if _, err := Compose(r); err == nil || !strings.Contains(err.Error(), "the closest is the right to object") {
		t.Errorf("UA restriction: %v", err)
	}
}

// TestReplies composes the reply to each refusal in every language under
// each regime: each is its own text, and in English each cites the rule
// it rests on.
func TestReplies(t *testing.T) {
	cites := map[Refusal]string{RefusalIDCopy: "Article 12(6)", RefusalPortal: "Article 12(2)", RefusalExcessive: "Article 12(5)", RefusalIncomplete: "Article 15", RefusalLanguage: "Article 12(1)"}
	for _, lang := range Languages {
		for _, code := range []record.Code{"EU-LV", "UA", "RU"} {
			seen := map[string]Refusal{}
			for _, ref := range Refusals {
				r := sampleRequest(lang, record.ReplyToRefusal)
				r.Jurisdiction, r.Refusal, r.Missing = code, ref, nil
				l, err := Compose(r)
				if err != nil {
					t.Fatalf("%s %s %s: %v", lang, code, ref, err)
				}
				body := l.Body[0].Text + l.Body[1].Text
				if prev, dup := seen[body]; dup {
					t.Errorf("%s %s: the replies to %s and %s read the same", lang, code, prev, ref)
				}
				seen[body] = ref
				if lang == "en" && code == "EU-LV" && !strings.Contains(l.Text(), cites[ref]) {
					t.Errorf("en reply to %s does not cite %s:\n%s", ref, cites[ref], l.Text())
				}
			}
		}
	}
}
