package mail

import "testing"

func TestProvidersAreValid(t *testing.T) {
	seen := map[string]string{}
	for _, p := range Providers {
		for _, d := range p.Domains {
			if other, dup := seen[d]; dup {
				t.Errorf("domain %s is in both %s and %s", d, other, p.Name)
			}
			seen[d] = p.Name
			a, got, ok := Guess("someone@" + d)
			if !ok || got.Name != p.Name {
				t.Errorf("Guess(%s) = %s, %v", d, got.Name, ok)
				continue
			}
			a.Password = "x"
			if err := a.Validate(); err != nil {
				t.Errorf("%s: the guessed account is not valid: %v", p.Name, err)
			}
		}
	}
	if _, _, ok := Guess("someone@unknown-provider.example"); ok {
		t.Error("an unknown domain was guessed")
	}
	if a, _, _ := Guess("Someone@GMAIL.com"); !a.ServerFilesSent || a.IMAP.Host != "imap.gmail.com" {
		t.Errorf("Gmail by an upper-case domain: %+v", a)
	}
}
