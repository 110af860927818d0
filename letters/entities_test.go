package letters

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"prava/law"
	"prava/record"
)

// TestBrandAddressedToEntities: a company known by a brand (NETRACK, seed
// 001) is written to the legal entities its policy names, by their legal
// names, with the brand after them (letters-review 2, B3); a name with a
// legal form stays the addressee.
func TestBrandAddressedToEntities(t *testing.T) {
	entities := []string{"ООО «Старт»", "ООО «Серверные Решения»"}
	want := map[string]string{
		"ru": "В ООО «Старт», ООО «Серверные Решения» (NETRACK)",
		"uk": "ООО «Старт», ООО «Серверные Решения» (NETRACK)",
		"en": "ООО «Старт», ООО «Серверные Решения» (NETRACK)",
	}
	for lang, first := range want {
		r := sampleRequest(lang, record.Access)
		r.Jurisdiction = "RU"
		r.Channel = record.ByPost
		r.To = Recipient{Name: "NETRACK", Address: "109029, Россия, Москва, ул. Нижегородская, дом 32, стр. А", Entities: entities}
		l, err := Compose(r)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if len(l.Recipient) == 0 || l.Recipient[0] != first {
			t.Errorf("%s: the addressee is %q, want %q", lang, l.Recipient, first)
		}
		if !strings.Contains(l.Text(), "ООО «Серверные Решения»") {
			t.Errorf("%s: the letter does not name both entities", lang)
		}
	}
	// A complaint about the brand names the entities too.
	r := sampleRequest("ru", record.Complaint)
	r.Jurisdiction, r.Marking, r.Channel = "RU", "", record.ByPost
	r.To = Recipient{Name: "Роскомнадзор", Address: "Китайгородский проезд, д. 7, стр. 2, Москва, 109992"}
	r.Company = &Recipient{Name: "NETRACK", Entities: entities}
	r.Options = law.DefaultOptions()
	if l, err := Compose(r); err != nil {
		t.Fatal(err)
	} else if !strings.Contains(l.Text(), "ООО «Старт», ООО «Серверные Решения»") {
		t.Errorf("the complaint does not name the entities:\n%s", l.Text())
	}

	for _, tc := range []struct {
		to   Recipient
		name string
	}{
		{Recipient{Name: "Costless Ukraine, LLC", Entities: []string{"Sannacode"}}, "Costless Ukraine, LLC"},
		{Recipient{Name: "ООО «Старт»", Entities: entities}, "ООО «Старт»"},
		{Recipient{Name: "SIA “LatInSoft”", Entities: []string{"Other SIA"}}, "SIA “LatInSoft”"},
		{Recipient{Name: "NETRACK"}, "NETRACK"},
		{Recipient{Name: "NETRACK", Entities: []string{" ", ""}}, "NETRACK"},
		{Recipient{Name: "NETRACK", Entities: []string{"ООО «Старт»", "ООО «Старт»"}}, "ООО «Старт»"},
	} {
		if got := toEntities(tc.to).Name; got != tc.name {
			t.Errorf("toEntities(%q, %q) = %q, want %q", tc.to.Name, tc.to.Entities, got, tc.name)
		}
	}
}

// TestFurtherControllerNamed: seed 003 names Costless Ukraine, LLC as
// controller and, at its end, "Duomenų valdytojas: Sannacode" with its own
// address; the addressee names both, the second with its role in the
// letter's language and law (review 2, M14). A controller the line names
// already is not repeated.
func TestFurtherControllerNamed(t *testing.T) {
	want := map[string]string{
		"lt": "Costless Ukraine, LLC; Sannacode (duomenų valdytojas)",
		"lv": "Costless Ukraine, LLC; Sannacode (pārzinis)",
		"en": "Costless Ukraine, LLC; Sannacode (data controller)",
		"uk": "Costless Ukraine, LLC; Sannacode (контролер)",
		"ru": "В Costless Ukraine, LLC; Sannacode (контролёр)",
	}
	for lang, first := range want {
		r := sampleRequest(lang, record.Access)
		r.Jurisdiction = "EU-LT"
		r.To = Recipient{Name: "Costless Ukraine, LLC", Email: "mail@costless.com.ua", Cc: "data.controller@costless.com.ua",
			Address: "Ukraine, Kyiv city, Timoshenka 29A", Controllers: []string{"Sannacode", " Sannacode ", "costless ukraine, llc"}}
		l, err := Compose(r)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if len(l.Recipient) == 0 || l.Recipient[0] != first {
			t.Errorf("%s: the addressee is %q, want %q", lang, l.Recipient, first)
		}
	}
	// The role is the law's own term: 2297-VI's володілець, 152-FZ's
	// оператор.
	for _, tc := range []struct {
		lang string
		law  record.Code
		want string
	}{
		{"uk", "UA", "Sannacode (володілець персональних даних)"},
		{"ru", "RU", "Sannacode (оператор персональных данных)"},
		{"ru", "UA", "Sannacode (владелец персональных данных)"},
		{"en", "RU", "Sannacode (personal data operator)"},
	} {
		r := sampleRequest(tc.lang, record.Access)
		r.Jurisdiction = tc.law
		r.To.Controllers = []string{"Sannacode"}
		l, err := Compose(r)
		if err != nil {
			t.Fatalf("%s %s: %v", tc.lang, tc.law, err)
		}
		if len(l.Recipient) == 0 || !strings.HasSuffix(l.Recipient[0], "; "+tc.want) {
			t.Errorf("%s %s: the addressee is %q, want it to end %q", tc.lang, tc.law, l.Recipient, tc.want)
		}
	}
}

// TestFurtherControllerKeepsOnePage: seed 003's letters, every request
// kind in every language, take as many pages naming Sannacode beside
// Costless Ukraine, LLC as without it (issue 23, C2: one page when it
// fits).
func TestFurtherControllerKeepsOnePage(t *testing.T) {
	needPdftotext(t)
	dir := t.TempDir()
	for _, lang := range Languages {
		for _, kind := range requestKinds {
			pages := [2]int{}
			for i, named := range [][]string{nil, {"Sannacode"}} {
				r := sampleRequest(lang, kind)
				r.Jurisdiction, r.Marking, r.Service = "EU-LT", "Privatumo politika", "costless.lt"
				if kind == record.Objection || kind == record.Restriction {
					r.Reasons = ownReasons[lang]
				}
				r.To = Recipient{Name: "Costless Ukraine, LLC", Address: "Ukraine, Kyiv city, Timoshenka 29A", Email: "mail@costless.com.ua",
					Cc: "data.controller@costless.com.ua", Controllers: named, Country: "UA"}
				l, err := Compose(r)
				if err != nil {
					t.Fatalf("%s %s: %v", lang, kind, err)
				}
				pdf, err := l.PDF()
				if err != nil {
					t.Fatal(err)
				}
				path := filepath.Join(dir, lang+string(kind)+".pdf")
				if err := os.WriteFile(path, pdf, 0o600); err != nil {
					t.Fatal(err)
				}
				pages[i] = pdfPages(t, path)
			}
			if pages[1] != pages[0] {
				t.Errorf("%s %s: %d pages naming both controllers, %d naming one", lang, kind, pages[1], pages[0])
			}
		}
	}
}

// TestComplaintNamesFurtherControllers: a complaint names the further
// controllers beside the company in the sentence that lodges it, each
// with the role a request letter's addressee gives it in that language
// and law, the last joined by the language's "and", once each, in every
// language under each law.
func TestComplaintNamesFurtherControllers(t *testing.T) {
	and := map[string]string{"en": "and", "uk": "та", "ru": "и", "lv": "un", "lt": "ir"}
	for _, lang := range Languages {
		for _, code := range []record.Code{"EU-LT", "UA", "RU", "US-CA"} {
			req := sampleRequest(lang, record.Access)
			req.Jurisdiction, req.To.Controllers = code, []string{"Sannacode"}
			rl, err := Compose(req)
			if err != nil {
				if strings.Contains(err.Error(), "grants no") || strings.Contains(err.Error(), "knows no") {
					continue
				}
				t.Fatalf("%s %s: %v", lang, code, err)
			}
			_, role, _ := strings.Cut(rl.Recipient[0], "; Sannacode ")
			r := sampleRequest(lang, record.Complaint)
			r.Jurisdiction, r.Marking = code, ""
			r.Company.Controllers = []string{"Sannacode", "Beta OÜ", " sannacode", r.Company.Name}
			l, err := Compose(r)
			if err != nil {
				t.Fatalf("%s %s: %v", lang, code, err)
			}
			text := l.Text()
			want := r.Company.Address + ", Sannacode " + role + ", " + and[lang] + " Beta OÜ " + role
			if role == "" || !strings.Contains(text, want) || strings.Count(text, "Sannacode") != 1 || strings.Contains(text, "SIA "+role) {
				t.Errorf("%s %s: the complaint does not name the further controllers as %q once each:\n%s", lang, code, want, text)
			}
			if lang == "en" && !strings.Contains(text, role+", which have not acted") {
				t.Errorf("%s %s: the verb does not agree with the companies:\n%s", lang, code, text)
			}
		}
	}
}
