package app

import (
	"strings"
	"time"

	"prava/law"
)

// reasonsText words how a due date was worked out, step by step, in the
// person's language ("Why: …"), from the law's reasons as data.
func reasonsText(rs []law.Reason) string {
	var parts []string
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	for _, r := range rs {
		data := args("Rule", basisText(r.Rule), "Term", termText(r.Term), "From", day(r.From), "To", day(r.To),
			"Days", r.Days, "Sent", day(r.Sent), "Notice", day(r.Notice))
		key := "why." + string(r.Code)
		if r.Code == law.ReasonTerm && r.Asked {
			key = "why.term_asked"
		}
		parts = append(parts, T(key, data))
	}
	return strings.Join(parts, "; ")
}

// termText is a term in words, with the plural form the number takes in
// the person's language: "1 month", "10 working days", "10 робочих днів".
func termText(t law.Term) string {
	unit := "days"
	switch t.Unit {
	case law.Months:
		unit = "months"
	case law.WorkingDays:
		unit = "working_days"
	}
	return T("term."+unit+"_"+pluralForm(t.N), args("N", t.N))
}

// pluralForm is which of the three forms the translation files keep (one,
// few, many) a number takes in the UI's language. English and Latvian use
// two of them (one, and many for the rest); Ukrainian, Russian and
// Lithuanian all three.
func pluralForm(n int) string {
	n10, n100 := n%10, n%100
	teen := n100 >= 11 && n100 <= 19
	switch uiLanguageCode() {
	case "uk", "ru":
		switch {
		case n10 == 1 && n100 != 11:
			return "one"
		case n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14):
			return "few"
		}
		return "many"
	case "lt":
		switch {
		case n10 == 1 && !teen:
			return "one"
		case n10 >= 2 && !teen:
			return "few"
		}
		return "many"
	case "lv":
		if n10 == 1 && n100 != 11 {
			return "one"
		}
		return "many"
	}
	if n == 1 {
		return "one"
	}
	return "many"
}

// basisText is the rule a deadline rests on ("GDPR Art. 12(3)", as the law
// package cites it, in English) in the person's language. Each rule the
// law package knows has its text (a test checks every one); a rule added
// there without one shows as the law package wrote it.
func basisText(rule string) string {
	if rule == "" {
		return ""
	}
	key := basisKey(rule)
	if t := T(key); t != key {
		return t
	}
	return rule
}

// basisKey is the translation key of a rule: "basis." and the rule's
// letters and digits, lower case, the rest as "_".
func basisKey(rule string) string {
	var b strings.Builder
	b.WriteString("basis.")
	gap := false
	for _, r := range strings.ToLower(rule) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if gap && b.Len() > len("basis.") {
				b.WriteByte('_')
			}
			b.WriteRune(r)
			gap = false
		} else {
			gap = true
		}
	}
	return b.String()
}
