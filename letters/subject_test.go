package letters

import (
	"strings"
	"testing"

	"prava/record"
)

// TestSubjectSaysItOnce: a marking that repeats the letter's own subject
// is said once, as the policy wrote it (audit 23: NETRACK's withdrawal
// read "отзыв согласия на обработку персональных данных: Отзыв согласия
// на обработку персональных данных (исх. № …)"); a subject that opens
// with the marking goes alone; any other marking still comes first.
func TestSubjectSaysItOnce(t *testing.T) {
	for _, c := range []struct {
		lang    string
		kind    record.Kind
		marking string
		want    string
	}{
		{"ru", record.Withdrawal, "отзыв согласия на обработку персональных данных", "отзыв согласия на обработку персональных данных (исх. № PR-20261123-0001)"},
		{"ru", record.Withdrawal, "«Отзыв согласия на обработку персональных данных» NETRACK", "«Отзыв согласия на обработку персональных данных» NETRACK (исх. № PR-20261123-0001)"},
		{"ru", record.Erasure, "требование", "Требование о прекращении обработки и уничтожении персональных данных (исх. № PR-20261123-0001)"},
		{"ru", record.Withdrawal, "Data request", "Data request: Отзыв согласия на обработку персональных данных (исх. № PR-20261123-0001)"},
		{"en", record.Withdrawal, "Data request", "Data request: "},
	} {
		r := sampleRequest(c.lang, c.kind)
		r.Marking = c.marking
		l, err := Compose(r)
		if err != nil {
			t.Fatal(err)
		}
		subject, _ := l.Email()
		if !strings.HasPrefix(subject, c.want) {
			t.Errorf("%s %s marked %q: subject %q, want %q", c.lang, c.kind, c.marking, subject, c.want)
		}
	}
}
