package casework

import (
	"path/filepath"
	"testing"
	"time"

	"prava/policy"
	"prava/record"
)

func TestCompanyFromPolicy(t *testing.T) {
	src, err := policy.ReadFile(filepath.Join("..", "policy", "testdata", "seeds", "001_a66e4632f88529cc.txt"))
	if err != nil {
		t.Fatal(err)
	}
	c := CompanyFromPolicy(src, policy.Analyze(src.Text), time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC))
	if c.Name != "NETRACK" || c.Jurisdiction != "RU" || c.Language != "ru" || c.Website != "netrack.ru" {
		t.Errorf("company: %+v", c)
	}
	// NETRACK wants written requests by post, each with its own marking.
	access := c.Contacts[c.Use["access"]]
	if access.Kind != record.ByPost || access.Value != "109029, Россия, Москва, ул. Нижегородская, дом 32, стр. А" {
		t.Errorf("access goes to %+v", access)
	}
	if c.Markings["withdrawal"] != "отзыв согласия на обработку персональных данных" {
		t.Errorf("markings: %v", c.Markings)
	}
	if len(c.Policies) != 1 || c.Policies[0].Text.String() != src.Text || len(c.Policies[0].SHA256) != 64 {
		t.Error("the policy snapshot is not kept whole")
	}
}

func TestDeadline(t *testing.T) {
	r := record.Request{Kind: "access", Law: "EU-LV", Channel: "email", Dates: record.Dates{Sent: time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC)}}
	d, err := Deadline(r, record.Settings{})
	// Sent by e-mail on Sat 31 Jan: one month ends Sat 28 Feb → Mon 2 Mar.
	if err != nil || d.Due.Format(time.DateOnly) != "2026-03-02" {
		t.Errorf("due %v, %v", d.Due, err)
	}
	off := false
	r = record.Request{Kind: "access", Law: "UA", Channel: "post", Dates: record.Dates{Sent: time.Date(2026, 12, 10, 0, 0, 0, 0, time.UTC)}}
	d, err = Deadline(r, record.Settings{MartialLaw: &off, TransitDays: 3})
	// Posted Thu 10 Dec, 3 days' transit: received Sun 13 Dec (estimated); +30 = Tue 12 Jan 2027.
	if err != nil || !d.Estimated || d.Due.Format(time.DateOnly) != "2027-01-12" {
		t.Errorf("UA by post: %v %v %v", d.Due, d.Estimated, err)
	}
	if _, err := Deadline(record.Request{Kind: "access", Law: "XX"}, record.Settings{}); err == nil {
		t.Error("unknown law accepted")
	}
}

func TestContactKindOf(t *testing.T) {
	for v, want := range map[string]record.Channel{
		"privacy@example.lv":                 record.ByEmail,
		"https://example.lv/privacy-request": record.ByWebForm,
		"www.example.lt/forma":               record.ByWebForm,
		"+370 5 000 0000":                    record.ByPhone,
		"(044) 123-45-67":                    record.ByPhone,
		"01001, м. Київ, вул. Хрещатик, 22":  record.ByPost,
		"Brīvības iela 1, Rīga, LV-1010":     record.ByPost,
		"":                                   record.ByPost,
	} {
		if got := ContactKindOf(v); got != want {
			t.Errorf("%q → %s, want %s", v, got, want)
		}
	}
}
