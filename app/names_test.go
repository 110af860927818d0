package app

import (
	"slices"
	"testing"
)

// TestCountriesInTheAlphabet: a country list in the Ukrainian UI follows
// the Ukrainian alphabet (І after И, not after Я), in the Lithuanian one
// the Lithuanian (Č after C), and Ukrainian names are spelled as the state
// writes them (Бельгія, not Бельґія).
func TestCountriesInTheAlphabet(t *testing.T) {
	defer UseLanguage("en")
	codes := []string{"", "SE", "IE", "ES", "IT", "FR", "FI", "DE", "BE", "CZ", "NO", "NL", "LU", "LI", "PT"}
	order := func(lang string) []string {
		UseLanguage(lang)
		c := newChoice(codes, countryName, "")
		return c.Options[1:] // after "", none
	}
	uk := order("uk")
	want := []string{"Бельгія", "Ірландія", "Іспанія", "Італія", "Ліхтенштейн", "Люксембург", "Нідерланди", "Німеччина", "Норвегія", "Португалія", "Фінляндія", "Франція", "Чехія", "Швеція"}
	if !slices.Equal(uk, want) {
		t.Errorf("the uk list:\n%q\nwant\n%q", uk, want)
	}
	lt := order("lt")
	ci, vi := slices.Index(lt, "Čekija"), slices.Index(lt, "Vokietija")
	if ci < 0 || vi < 0 || ci > vi {
		t.Errorf("the lt list puts Čekija after Vokietija: %q", lt)
	}
}
