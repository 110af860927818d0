package letters

import (
	"strings"
	"unicode"
)

// subjectOnce is the e-mail subject, the marking first, saying each thing
// once: a marking the policy demands is often the letter's own subject
// ("отзыв согласия на обработку персональных данных: Отзыв согласия на
// обработку персональных данных", audit 23). When the marking says all
// the subject says, the marking stands for both, word for word as the
// policy wrote it; when the subject opens with the marking, the subject
// alone carries it first. render gives a part of the templates, rendered
// from a view, on one line.
func subjectOnce(v *view, render func(name string, v *view) string) string {
	full := render("email.subject", v)
	if v.Marking == "" {
		return full
	}
	marking, subject := words(v.Marking), words(render("subject", v))
	says := subject != "" && strings.Contains(" "+marking+" ", " "+subject+" ")
	opens := subject != "" && strings.HasPrefix(subject+" ", marking+" ")
	plain := *v
	plain.Marking = ""
	bare := render("email.subject", &plain)
	switch s := render("subject", &plain); {
	case says && strings.HasPrefix(bare, s):
		return strings.TrimSpace(v.Marking) + bare[len(s):]
	case opens:
		return bare
	}
	return full
}

// words is s in lower case with only its letters and digits, one space
// between words, so "Отзыв согласия…" and «отзыв согласия…» compare equal.
func words(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}
