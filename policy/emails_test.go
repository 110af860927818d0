package policy

import (
	"slices"
	"strings"
	"testing"
)

// TestHiddenEmails reads addresses written plainly and hidden from spam
// robots, alone and among e-mail-like noise, since findEmails tries its
// regexp from the local part before each "at" rather than over a window.
func TestHiddenEmails(t *testing.T) {
	noise := strings.Repeat("a@b.c a.b@c.d x(at)y(dot)z ", 50)
	cases := []struct {
		text string
		want []string
	}{
		{"Write to info@firma.lv today.", []string{"info@firma.lv"}},
		{"Write to info (at) firma (dot) lv today.", []string{"info@firma.lv"}},
		{"Write to info[at]firma[dot]lv or sales {at} firma.lv.", []string{"info@firma.lv", "sales@firma.lv"}},
		{"Пишите: privacy собака firma точка ru.", []string{"privacy@firma.ru"}},
		{"Contact dpo at acme dot com for data requests.", []string{"dpo@acme.com"}},
		{"Contact us at home. We reply within a day.", nil},
		{"Mail help @ acme.com or ops.team (at) acme.co.uk.", []string{"help@acme.com", "ops.team@acme.co.uk"}},
		{noise + "Write to info(at)firma.lv. " + noise, []string{"info@firma.lv"}},
		{"A file logo@2x.png is not an address.", nil},
		// The "at" and the dot spelled in the reader's other languages,
		// and a domain ending read out letter by letter.
		{"Rakstiet uz e-pastu birojs iekš zalaiskoks punkts lv.", []string{"birojs@zalaiskoks.lv"}},
		{"Rakstiet: birojs (et) zalaiskoks (punkts) elvē, lūdzu.", []string{"birojs@zalaiskoks.lv"}},
		{"Pišite: biuro (małpa) zielonydom (kropka) pl lub biuro [at] zielonydom [dot] eu.", []string{"biuro@zielonydom.pl", "biuro@zielonydom.eu"}},
		{"Rašykite info eta sauleta taškas eltė.", []string{"info@sauleta.lt"}},
		{"Пишіть: office (равлик) sonyashnyk (крапка) ua.", []string{"office@sonyashnyk.ua"}},
		{"Wir sind et cetera erreichbar.", nil},
		// 65 local characters: longer than an address allows.
		{"x" + strings.Repeat("a", 64) + "(at)firma.lv", nil},
	}
	for _, c := range cases {
		got, _ := newDoc(c.text).findEmails()
		if !slices.Equal(got, c.want) {
			t.Errorf("%.60q…: got %q, want %q", c.text, got, c.want)
		}
	}
}
