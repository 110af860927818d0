package directory

import (
	"strings"

	"prava/directory/internal/textkey"
	"prava/record"
)

// Difference is one thing the directory and a company record say
// differently, for the person to choose between.
type Difference struct {
	Field     string // "name", "e-mail", "postal address", "web form", "phone", "web site", "language"
	Directory string // what the directory says
	Company   string // what the company record says ("" when it has none)
}

// Differences compares a directory entry with a company record — one made
// from the company's privacy policy (casework.CompanyFromPolicy), or one
// the person added from an older directory and may have edited since. It
// lists each field where they disagree; the person picks, and nothing is
// overwritten without them. Case, spacing and punctuation do not count as
// differences, and a field the directory leaves empty is not compared.
func Differences(e *Entry, c record.Company) []Difference {
	var out []Difference
	values := func(kind record.Channel) []string {
		var vs []string
		for _, ct := range c.Contacts {
			if ct.Kind == kind {
				vs = append(vs, ct.Value)
			}
		}
		return vs
	}
	differ := func(field, dir string, have []string, same func(a, b string) bool) {
		if dir == "" {
			return
		}
		for _, h := range have {
			if same(dir, h) {
				return
			}
		}
		out = append(out, Difference{Field: field, Directory: dir, Company: strings.Join(have, "\n")})
	}
	folded := func(a, b string) bool { return textkey.Fold(a) == textkey.Fold(b) }
	if c.LegalName != "" {
		differ("name", e.Name, []string{c.LegalName}, folded)
	}
	differ("e-mail", e.Email, values(record.ByEmail), strings.EqualFold)
	differ("postal address", e.Address, values(record.ByPost), folded)
	differ("web form", e.WebForm, values(record.ByWebForm), sameURL)
	differ("phone", e.Phone, values(record.ByPhone), func(a, b string) bool { return digits(a) == digits(b) })
	if c.Website != "" {
		differ("web site", e.Web, []string{c.Website}, func(a, b string) bool { return textkey.Host(a) == textkey.Host(b) })
	}
	if c.Language != "" {
		differ("language", e.Language, []string{c.Language}, strings.EqualFold)
	}
	return out
}

// sameURL compares two web addresses without their scheme, "www." and a
// trailing slash.
func sameURL(a, b string) bool {
	trim := func(s string) string {
		s = strings.ToLower(strings.TrimSpace(s))
		if _, rest, ok := strings.Cut(s, "://"); ok {
			s = rest
		}
		return strings.TrimSuffix(strings.TrimPrefix(s, "www."), "/")
	}
	return trim(a) == trim(b)
}

func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
