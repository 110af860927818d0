package letters

import (
	"fmt"
	"strings"
	"testing"

	"prava/record"
)

// TestLeadInSweep pushes the text of letters with lists down a line at a
// time (a sender's address of more and more lines), so each list's
// lead-in falls at every height of the page, and checks that no page
// ends with a lead-in whose list starts on the next (review 1, C3:
// ru_pravonaroda's "Прошу также сообщить (…):" closed page 1).
func TestLeadInSweep(t *testing.T) {
	for _, lang := range Languages {
		for _, kind := range []record.Kind{record.Access, record.Erasure, record.Objection} {
			for n := 0; n < 30; n++ {
				r := sampleRequest(lang, kind)
				r.From.Address = strings.TrimSpace(strings.Repeat("iela 1\n", n+1))
				l, err := Compose(r)
				if err != nil {
					t.Fatal(err)
				}
				checkLeadIns(t, fmt.Sprintf("%s %s +%d lines", lang, kind, n), l.paginated(l.document()))
			}
		}
	}
}

// checkLeadIns fails when a page ends with a paragraph's last line that
// ends in a colon, a list's lead-in, and the next page starts the list;
// unless everything on the page up to it must stay together (the title
// and the opening under a sender's block that fills the page), where
// paginate breaks where it must.
func checkLeadIns(t *testing.T, id string, p *pager) {
	t.Helper()
	top := 0
	for i := 1; i < len(p.flow); i++ {
		a, b := p.flow[i-1], p.flow[i]
		if a.page == b.page {
			continue
		}
		forced := true
		for _, ln := range p.flow[top+1 : i+1] {
			forced = forced && ln.keep
		}
		top = i
		if !forced && a.para != b.para && strings.HasSuffix(strings.TrimSpace(a.ops[0].text), ":") {
			t.Errorf("%s: page %d ends with the lead-in %q, its list starts page %d", id, a.page, a.ops[0].text, b.page)
		}
	}
}
