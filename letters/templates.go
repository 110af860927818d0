package letters

import (
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"text/template"

	"prava/assets"
	"prava/record"
)

// The templates a language's common.tmpl defines, and the ones each kind's
// file defines. Compose fails with a clear message when one is missing.
var (
	commonParts = []string{"email.closing", "layout", "recipient.label", "recipient", "sender.label", "sender", "returnline", "dateline", "marking", "closing", "signature", "attachments.label", "page", "email.subject"}
	kindParts   = []string{"title", "subject", "body", "attachments"}
)

// templateSet is the parsed common.tmpl and KIND.tmpl of one language.
type templateSet = template.Template

var (
	setsMu sync.Mutex
	sets   = map[string]*templateSet{}
)

// templates returns the parsed templates for a language and kind, parsing
// them on first use and keeping them for the life of the process.
func templates(lang string, kind record.Kind) (*templateSet, error) {
	key := lang + "/" + string(kind)
	setsMu.Lock()
	defer setsMu.Unlock()
	if t, ok := sets[key]; ok {
		return t, nil
	}
	t, err := parseTemplates(assets.Letters, lang, kind)
	if err != nil {
		return nil, err
	}
	sets[key] = t
	return t, nil
}

// parseTemplates reads a language's common parts and one kind's file from
// fsys, and checks that every part a letter needs is defined.
func parseTemplates(fsys fs.FS, lang string, kind record.Kind) (*templateSet, error) {
	dir := "letters/" + lang
	common, err := fs.ReadFile(fsys, dir+"/common.tmpl")
	if err != nil {
		return nil, fmt.Errorf("letters: no letters in language %q (Prava writes in %s)", lang, strings.Join(Languages, ", "))
	}
	body, err := fs.ReadFile(fsys, dir+"/"+string(kind)+".tmpl")
	if err != nil {
		return nil, fmt.Errorf("letters: no %s letter in %q yet: write assets/%s/%s.tmpl", kind, lang, dir, kind)
	}
	t := template.New(lang).Funcs(funcs(lang)).Option("missingkey=error")
	if _, err := t.New("common.tmpl").Parse(string(common)); err != nil {
		return nil, fmt.Errorf("letters: assets/%s/common.tmpl: %w", dir, err)
	}
	if _, err := t.New(string(kind) + ".tmpl").Parse(string(body)); err != nil {
		return nil, fmt.Errorf("letters: assets/%s/%s.tmpl: %w", dir, kind, err)
	}
	for _, part := range append(commonParts, kindParts...) {
		if t.Lookup(part) == nil {
			return nil, fmt.Errorf("letters: the %s letter in %q does not define %q", kind, lang, part)
		}
	}
	return t, nil
}

// funcs are the helpers templates may call. They carry grammar, never
// words: the words are all in the templates.
func funcs(lang string) template.FuncMap {
	return template.FuncMap{
		"lines":  splitAddress,
		"isLink": isLink,
		"upper":  strings.ToUpper,
		"join":   strings.Join,
		// last says whether item i ends the list: a list's last item
		// takes the conjunction ("A, B and C").
		"last":     func(i int, list []string) bool { return i == len(list)-1 },
		"plural":   func(n int, forms ...string) string { return plural(lang, n, forms) },
		"name":     parseName,
		"initials": initials,
		"month": func(m int, names string) string {
			f := strings.Fields(names)
			if m < 1 || m > len(f) {
				return fmt.Sprint(m)
			}
			return f[m-1]
		},
		"pad2": func(n int) string { return fmt.Sprintf("%02d", n) },
		// sentence ends the person's own words with a full stop, so a
		// template can go on after them.
		"sentence": func(s string) string {
			if s = strings.TrimSpace(s); s == "" || strings.ContainsRune(".!?…", lastRune(s)) {
				return s
			}
			return s + "."
		},
		"regs": regs,
	}
}

// plural picks the form of a word that goes with the number n, by the
// rules of the language (CLDR plural categories): forms are given as one,
// few, many for uk, ru and lt; one, other for lv and en.
func plural(lang string, n int, forms []string) string {
	if len(forms) == 0 {
		return ""
	}
	i := 0
	n10, n100 := n%10, n%100
	switch lang {
	case "uk", "ru":
		switch {
		case n10 == 1 && n100 != 11:
			i = 0
		case n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14):
			i = 1
		default:
			i = 2
		}
	case "lt":
		switch {
		case n10 == 1 && (n100 < 11 || n100 > 19):
			i = 0
		case n10 >= 2 && (n100 < 11 || n100 > 19):
			i = 1
		default:
			i = 2
		}
	case "lv":
		if !(n10 == 1 && n100 != 11) {
			i = 1
		}
	default:
		if n != 1 {
			i = 1
		}
	}
	if i >= len(forms) {
		i = len(forms) - 1
	}
	return forms[i]
}

// isLink tells a web form's address from an e-mail address: a letter for
// a company's form names the form where an e-mail address would stand.
func isLink(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}
