package policy

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// markingCues introduce a subject line or mark a request must carry.
var markingCues = []string{
	"с пометкой", "с отметкой", "с указанием в теме", "в теме письма", "в теме сообщения", "в теме обращения", "с темой",
	"з позначкою", "з приміткою", "із темою", "під темою", "з поміткою", "у темі листа", "в темі листа", "в темі повідомлення", "з темою", "у темі повідомлення",
	"ar norādi", "ar atzīmi", "tēmā", "ar virsrakstu", "temata laukā",
	"antraštės eilutėje", "temos eilutėje", "laiško temoje", "su žyma", "pažymint", "nurodydami žodžius", "su prierašu", "su nuoroda",
	"subject line", "in the subject", "with the subject", "with subject", "with a subject", "marked", "mark it", "mark your", "with the heading", "labelled", "labeled", "entitled",
	"im betreff", "mit dem betreff", "mit dem vermerk", "w tytule", "z dopiskiem", "w temacie", "z adnotacją", "pealkirjaga", "teemareal", "märkega",
}

// findMarkings returns the quoted words a policy asks requests to carry,
// sorted by the kind of request the sentence speaks of.
func (d *doc) findMarkings() (Markings, []Evidence) {
	var m Markings
	var ev []Evidence
	// The cues are read in the order the text gives them, not the list's:
	// a page in two languages asks first in its own ("mit dem Betreff
	// „Datenschutz“", then "with the subject "Data protection""), and the
	// first request of a kind is the one meant.
	type hit struct{ at, end int }
	var hits []hit
	for _, cue := range markingCues {
		for _, p := range d.find(cue) {
			if atWordStart(d.lower, p) {
				hits = append(hits, hit{p, p + len(cue)})
			}
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		return hits[i].at < hits[j].at || hits[i].at == hits[j].at && hits[i].end > hits[j].end
	})
	for _, h := range hits {
		text, qs, qe, ok := d.quotedAfter(h.end, 140)
		if !ok {
			continue
		}
		kind := kindOf(strings.ToLower(text))
		if kind == KindAny {
			ss, _ := d.sentence(h.at, 500)
			kind = d.kindBetween(ss, h.at)
		}
		slot := m.slot(kind)
		if *slot != nil {
			continue
		}
		*slot = strPtr(text)
		ev = append(ev, d.evidence("markings."+kind, text, qs, qe))
	}
	return m, ev
}

func (m *Markings) slot(kind string) **string {
	switch kind {
	case KindAccess:
		return &m.Access
	case KindErasure:
		return &m.Erasure
	case KindWithdrawal:
		return &m.Withdrawal
	}
	return &m.Any
}

// quotedAfter returns the first quoted text that starts within limit bytes
// of i, before the sentence ends.
func (d *doc) quotedAfter(i, limit int) (string, int, int, bool) {
	end := min(len(d.text), i+limit)
	for j := i; j < end; {
		r, n := utf8.DecodeRuneInString(d.text[j:])
		if r == '\n' {
			return "", 0, 0, false
		}
		if closers := closingQuote(r); closers != "" && r != '\'' {
			start := j + n
			stop := min(len(d.text), start+160)
			k := strings.IndexAny(d.text[start:stop], closers+"\n")
			if k <= 0 || d.text[start+k] == '\n' {
				return "", 0, 0, false
			}
			text := strings.TrimSpace(d.text[start : start+k])
			if text == "" {
				return "", 0, 0, false
			}
			return text, start, start + k, true
		}
		j += n
	}
	return "", 0, 0, false
}
