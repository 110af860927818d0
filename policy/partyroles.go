package policy

import (
	"strings"
)

// representativeWords name a representative in the EU or the UK, who
// answers for a controller established elsewhere.
var representativeWords = []string{"representative", "представник", "представитель", "pārstāvis", "atstovas", "przedstawiciel", "vertreter", "esindaja"}

// roleFromContext gives c the roles its sentence speaks of: a hosting
// company named beside "hosting", an authority beside "complaint".
func (r *partyReader) roleFromContext(c *candidate, start, end int) {
	d := r.d
	ss, se := d.sentence(start, 200)
	// The sentence reader may end a sentence inside the name ("Str. 25"):
	// the context never starts after the name's start nor ends before its end.
	from := min(start, max(ss, start-120))
	to := max(end, min(se, end+80))
	before, after := d.lower[runeStart(d.lower, from):start], d.lower[end:runeEnd(d.lower, to)]
	// The sentence reader keeps "LLC. Payments are…" together, taking LLC
	// for an abbreviation; a capital after a full stop starts a new one.
	if k := sentenceBreak(d.text[end : end+len(after)]); k >= 0 {
		after = after[:k]
	}
	for k := sentenceBreak(d.text[start-len(before) : start]); k >= 0; k = sentenceBreak(d.text[start-len(before) : start]) {
		before = before[k+1:]
	}
	ctx := before + " " + after
	near := d.lower[runeStart(d.lower, max(from, start-40)):start]
	if containsAny(near, lex().roleControllerWords) {
		return // "Controller: X": the label, not the providers in the sentence
	}
	for _, rw := range []struct {
		role  string
		words []string
	}{{RoleAuthority, lex().roleAuthorityWords}, {RoleRepresentative, representativeWords}, {RoleProcessor, lex().roleProcessorWords}, {RolePlatform, lex().rolePlatformWords}, {RoleRecipient, lex().roleRecipientWords}} {
		if containsAny(ctx, rw.words) {
			c.ctxRoles[rw.role]++
			c.roleAt[rw.role] = start
			return
		}
	}
}

// roleOfName reads a role from the name itself: Datu valsts inspekcija,
// Krajowy Rejestr Sądowy.
func roleOfName(lower string) string {
	switch {
	case containsAny(lower, lex().roleAuthorityWords) || containsAny(lower, authorityWords):
		return RoleAuthority
	case containsAny(lower, lex().roleRegistryWords):
		return RoleRegistry
	}
	return ""
}

// ownAddresses drops the addresses that belong to another party: those the
// text gives right after naming a processor, a platform, an authority or a
// representative ("Hetzner Online GmbH, Industriestr. 25, Gunzenhausen"),
// unless the controller is named closer to the address.
func (d *doc) ownAddresses(addrs []string, ev []Evidence, res controllerResult) []string {
	if len(res.parties) == 0 {
		return addrs
	}
	out := addrs[:0:0]
	for _, a := range addrs {
		owner := ""
		for _, e := range ev {
			if e.Value != a {
				continue
			}
			from := runeStart(d.text, max(0, e.Offset-250))
			window := d.text[from:e.Offset]
			if k := strings.LastIndex(window, "\n\n"); k >= 0 {
				window = window[k:]
			}
			last := -1
			for _, c := range res.parties {
				if k := strings.LastIndex(window, c.name); k > last {
					last, owner = k, c.role
				}
			}
			break
		}
		if owner != "" && owner != RoleController && owner != RoleOther {
			continue
		}
		out = append(out, a)
	}
	return out
}
