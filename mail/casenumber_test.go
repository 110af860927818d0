package mail

import (
	"slices"
	"testing"
)

// TestCaseNumbers reads the company's own numbers from subjects as ticket
// systems in Prava's languages write them, and finds none where a subject
// only looks like one.
func TestCaseNumbers(t *testing.T) {
	const ref = "PR-20261206-B9D5"
	for subject, want := range map[string][]string{
		"[Ticket#2026120610000123] Re: [Ref PR-20261206-B9D5] Access request": {"2026120610000123"},
		"Your request has been received [#58213]":                             {"58213"},
		"Case 01234567: Data subject access request":                          {"01234567"},
		"Re: Request #CAS-12345-X7Y8Z9 — GDPR":                                {"CAS-12345-X7Y8Z9"},
		"Ваше звернення №77812 зареєстровано":                                 {"77812"},
		"Заявка № 123456 принята":                                             {"123456"},
		"Обращение №SD-445566 (персональные данные)":                          {"SD-445566"},
		"Jūsu pieprasījums Nr. 4567 ir saņemts":                               {"4567"},
		"Jūsų užklausa Nr. 88123 užregistruota":                               {"88123"},
		"Ihre Anfrage 2026-99812 (Vorgang 2026-99812)":                        {"2026-99812"},
		"Re: [Ref PR-20261206-B9D5] Access request":                           nil,
		"Case closed":                                   nil,
		"Re: #1 priority":                               nil,
		"Request ID: AB":                                nil,
		"Out of office until 12 December":               nil,
		"Ticket PR-20261206-B9D5 received":              nil,
		"Your Netflix request is being processed today": nil,
	} {
		if got := CaseNumbers(subject, ref); !slices.Equal(got, want) {
			t.Errorf("%q: %q, want %q", subject, got, want)
		}
	}
}

// FuzzCaseNumbers: any subject gives at most four numbers, each with three
// digits and none of them ours.
func FuzzCaseNumbers(f *testing.F) {
	f.Add("[Ticket#2026120610000123] Re: [Ref PR-1] x", "PR-1")
	f.Add("Заявка № 123456 #12345 [#99999] Case 1234", "")
	f.Fuzz(func(t *testing.T, subject, ref string) {
		got := CaseNumbers(subject, ref)
		if len(got) > 4 {
			t.Fatalf("%d numbers", len(got))
		}
		for _, n := range got {
			if digits(n) < 3 || n == ref {
				t.Fatalf("%q from %q", n, subject)
			}
		}
	})
}
