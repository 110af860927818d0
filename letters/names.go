package letters

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// personName is a full name taken apart, so a letter can print it the way
// its language signs: "Олена ПЕТРЕНКО" (ДСТУ 4163), "И. И. Иванов".
type personName struct {
	Given      string // first name(s)
	Patronymic string // East Slavic patronymic, when there is one
	Surname    string
}

// patronymicEndings are the endings of Ukrainian and Russian patronymics
// (Іванович, Іванівна, Ильич, Кузьминична …).
var patronymicEndings = []string{"ович", "евич", "йович", "ьович", "івна", "ївна", "овна", "евна", "ична", "інічна", "ьич", "ич"}

func isPatronymic(w string) bool {
	l := strings.ToLower(w)
	if utf8.RuneCountInString(l) < 5 {
		return false
	}
	for _, e := range patronymicEndings {
		if strings.HasSuffix(l, e) {
			return true
		}
	}
	return false
}

// parseName reads "Given Surname", "Given Patronymic Surname" and the
// official East Slavic order "Surname Given Patronymic". Anything else is
// taken as given names followed by one surname.
func parseName(full string) personName {
	w := strings.Fields(full)
	switch {
	case len(w) == 0:
		return personName{}
	case len(w) == 1:
		return personName{Surname: w[0]}
	case len(w) == 3 && isPatronymic(w[2]):
		return personName{Surname: w[0], Given: w[1], Patronymic: w[2]}
	case len(w) == 3 && isPatronymic(w[1]):
		return personName{Given: w[0], Patronymic: w[1], Surname: w[2]}
	}
	return personName{Given: strings.Join(w[:len(w)-1], " "), Surname: w[len(w)-1]}
}

// initials turns "Іван Петро" into "І. П.", and a hyphenated
// "Анна-Марія" into "А.-М.".
func initials(names ...string) string {
	var parts []string
	for _, n := range names {
		for _, w := range strings.Fields(n) {
			var b strings.Builder
			for i, seg := range strings.Split(w, "-") {
				r, _ := utf8.DecodeRuneInString(seg)
				if r == utf8.RuneError {
					continue
				}
				if i > 0 {
					b.WriteByte('-')
				}
				b.WriteRune(unicode.ToUpper(r))
				b.WriteByte('.')
			}
			if b.Len() > 0 {
				parts = append(parts, b.String())
			}
		}
	}
	return strings.Join(parts, " ")
}
