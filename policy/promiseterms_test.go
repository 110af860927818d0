package policy

import "testing"

// TestPromiseTerms reads response times written with the limit words
// further from the number than "within 30 days" puts them, and a Polish
// request noun in the genitive plural. The wording is invented.
func TestPromiseTerms(t *testing.T) {
	cases := []struct {
		name, text string
		want       int
	}{
		{"uk не пізніше, ніж за", "Ви маєте право отримувати не пізніше, ніж за тридцять календарних днів з дня надходження запиту, відповідь про те, чи обробляються ваші персональні дані.", 30},
		{"uk не пізніш як за", "Ви можете отримувати не пізніш як за тридцять календарних днів з дня надходження запиту відповідь щодо ваших даних.", 30},
		{"pl przed upływem miesiąca", "Administrator informuje o podjętych działaniach przed upływem miesiąca od otrzymania jednego z żądań opisanych powyżej.", 30},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := Analyze(c.text)
			if f.ResponseDays == nil || *f.ResponseDays != c.want {
				t.Errorf("response days = %s, want %d", show(f.ResponseDays), c.want)
			}
		})
	}
}
