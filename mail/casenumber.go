package mail

import (
	"regexp"
	"strings"
	"sync"
)

// caseNumberRe finds a company's own number for a request in a subject
// line, as ticket systems and service desks write it: after a word that
// names it ("Ticket#2026120610000123", "Case 01234567", "Request #58213",
// "Заявка № 123456", "Звернення №77812", "Pieprasījums Nr. 4567",
// "Užklausa Nr. 8812", "Vorgang 123456") or as "[#12345]". The number must
// hold at least three digits, so that "Case closed" or "Re: #1" give
// nothing. It is compiled on first use, not at start (issue 25): most
// commands of the command line read no mail.
var caseNumberRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:(?:^|[^\p{L}\p{N}])(?:ticket|case|request|incident|inquiry|enquiry|reference|ref|id|` +
		`vorgang|anfrage|ticketnummer|fall|` +
		`заявка|заявки|обращение|обращения|звернення|запит|запиту|запрос|запроса|тикет|справа|дело|` +
		`pieprasījums|pieprasījuma|lieta|užklausa|užklausos|prašymas|prašymo|byla)` +
		`(?:\s*(?:number|no\.?|nr\.?|num\.?))?[\s:#№.-]+|[\[(]#)` +
		`([A-Z0-9][A-Z0-9_-]{2,39})`)
})

// CaseNumbers are the company's own numbers for a request that a subject
// line shows, ours (reference) left out, each once, at most four.
func CaseNumbers(subject, reference string) []string {
	var out []string
	for _, m := range caseNumberRe().FindAllStringSubmatch(subject, 8) {
		n := strings.Trim(m[1], "-_")
		if digits(n) < 3 || strings.EqualFold(n, reference) || strings.Contains(strings.ToLower(reference), strings.ToLower(n)) {
			continue
		}
		seen := false
		for _, o := range out {
			seen = seen || strings.EqualFold(o, n)
		}
		if !seen {
			out = append(out, n)
		}
		if len(out) == 4 {
			break
		}
	}
	return out
}

// digits counts the ASCII digits in s.
func digits(s string) int {
	n := 0
	for i := range len(s) {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}
