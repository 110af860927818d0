package letters

import (
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"prava/law"
)

// replyView is what a company answered, as a complaint lists it: the
// day (when the note starts with one, "2026-12-20: …") and the note.
type replyView struct {
	Date *Date
	Text string
}

func repliesOf(rs []string) []replyView {
	var out []replyView
	for _, s := range rs {
		s = norm.NFC.String(strings.TrimSpace(s))
		rv := replyView{Text: s}
		if len(s) > 10 && s[4] == '-' {
			if d, err := time.Parse(time.DateOnly, s[:10]); err == nil {
				rv.Date = dateOf(d)
				rv.Text = strings.TrimLeft(s[10:], ":–— ")
			}
		}
		if rv.Text != "" {
			out = append(out, rv)
		}
	}
	return out
}

// cleanCorrections drops empty corrections and trims the rest.
func cleanCorrections(cs []Correction) []Correction {
	var out []Correction
	for _, c := range cs {
		c = Correction{norm.NFC.String(strings.TrimSpace(c.Field)), norm.NFC.String(strings.TrimSpace(c.Value)), norm.NFC.String(strings.TrimSpace(c.Was))}
		if c.Field != "" && c.Value != "" {
			out = append(out, c)
		}
	}
	return out
}

// missingOf turns Request.Missing into a set over AccessItems (every item
// has a key, as templates fail on a missing one); nil marks every item.
func missingOf(items []string) map[string]bool {
	m := make(map[string]bool, len(AccessItems))
	for _, it := range AccessItems {
		m[it] = len(items) == 0
	}
	for _, it := range items {
		m[strings.ToLower(strings.TrimSpace(it))] = true
	}
	return m
}

// authorityNames gives the supervisory authority a follow-up names: the
// phrase after "lodge a complaint" in the letter's language and case, or,
// where the directory has no such form, "" and the authority's own name.
func authorityNames(r Input, lang string, j *law.Jurisdiction) (to, own string) {
	given := norm.NFC.String(strings.TrimSpace(r.Authority))
	a, err := law.AuthorityFor(j.Code, "")
	if given != "" {
		var known bool
		a, known = law.AuthorityNamed(given)
		err = nil
		if !known {
			// A name the directory does not know is printed as given.
			return "", given
		}
	}
	if err != nil {
		return "", given
	}
	if n, ok := a.NameIn(lang); ok {
		return n.To, a.NameLocal
	}
	return "", a.NameLocal
}
