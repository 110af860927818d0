package policy

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// samePerson reports whether two names are one person written once in
// full and once with initials: "ИП Малкина Ольга Анатольевна" and
// "ИП Малкина О.А." (ru_alice). The words up to the surname must be the
// same, one name must end in initials only, and the other in as many
// capitalised words with those first letters. Companies' names have no
// initials, so they are never joined this way.
func samePerson(a, b string) bool {
	if !strings.Contains(a, ".") && !strings.Contains(b, ".") {
		return false // no initials: the common case, kept cheap
	}
	ha, ia := splitInitials(a)
	hb, ib := splitInitials(b)
	switch {
	case len(ia) > 0 && len(ib) == 0:
		return initialsMatch(ha, ia, b)
	case len(ib) > 0 && len(ia) == 0:
		return initialsMatch(hb, ib, a)
	}
	return false
}

// splitInitials cuts the initials off the end of a name: "ИП Малкина О.А."
// gives "ИП Малкина" and [О А]; a name without them gives no initials.
func splitInitials(name string) (head string, initials []rune) {
	name = strings.TrimSpace(name)
	i := len(name)
	for i > 0 {
		j := strings.LastIndexAny(name[:i], " .")
		if j < 0 {
			break
		}
		if name[j] == '.' && j+1 == i {
			i = j // the dot after an initial
			continue
		}
		w := name[j+1 : i]
		r, n := utf8.DecodeRuneInString(w)
		if n != len(w) || !unicode.IsUpper(r) || (name[j] == ' ' && len(initials) == 0 && !strings.HasSuffix(name, ".")) {
			break
		}
		initials = append([]rune{r}, initials...)
		i = j
	}
	if len(initials) == 0 || len(initials) > 3 {
		return name, nil
	}
	return strings.TrimSpace(name[:i]), initials
}

// initialsMatch reports whether full is head followed by capitalised words
// whose first letters are the initials.
func initialsMatch(head string, initials []rune, full string) bool {
	if strings.Count(head, " ") < 1 {
		return false // a legal form or a first word alone: too little to join on
	}
	rest, ok := strings.CutPrefix(strings.TrimSpace(full), head+" ")
	if !ok {
		return false
	}
	words := strings.Fields(rest)
	if len(words) != len(initials) {
		return false
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if r != initials[i] || utf8.RuneCountInString(w) < 2 {
			return false
		}
	}
	return true
}
