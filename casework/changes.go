package casework

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"prava/policy"
	"prava/record"
)

// Change is one finding that differs between two readings of a policy.
// Field names the finding as Findings' JSON does ("emails", "markings.access").
type Change struct {
	Field    string
	Old, New string // "" when the reading does not give it
}

// PolicyChanges lists what a newer reading of a policy says differently
// from an older one, in a fixed field order.
func PolicyChanges(old, cur *policy.Findings) []Change {
	if old == nil {
		old = &policy.Findings{}
	}
	var out []Change
	add := func(field, o, n string) {
		if o != n {
			out = append(out, Change{Field: field, Old: o, New: n})
		}
	}
	add("display_name", old.DisplayName, cur.DisplayName)
	add("controller", deref(old.Controller), deref(cur.Controller))
	add("registration", deref(old.Registration), deref(cur.Registration))
	add("legal_entities", strings.Join(old.LegalEntities, "\n"), strings.Join(cur.LegalEntities, "\n"))
	add("jurisdiction", old.Jurisdiction, cur.Jurisdiction)
	add("language", old.Language, cur.Language)
	add("emails", strings.Join(old.Emails, "\n"), strings.Join(cur.Emails, "\n"))
	add("addresses", strings.Join(old.Addresses, "\n"), strings.Join(cur.Addresses, "\n"))
	add("dpo", dpoEmail(old.DPO), dpoEmail(cur.DPO))
	for _, k := range []string{policy.KindAccess, policy.KindErasure, policy.KindWithdrawal, policy.KindAny} {
		add("markings."+k, deref(old.Markings.Own(k)), deref(cur.Markings.Own(k)))
	}
	add("response_days", days(old.ResponseDays), days(cur.ResponseDays))
	return out
}

// SnapshotFindings decodes the findings kept with a policy snapshot; nil
// when there are none or they cannot be read.
func SnapshotFindings(s record.PolicySnapshot) *policy.Findings {
	if len(s.Findings) == 0 {
		return nil
	}
	var f policy.Findings
	if json.Unmarshal(s.Findings, &f) != nil {
		return nil
	}
	return &f
}

// AddSnapshot keeps a newer reading of the company's policy: the snapshot
// goes last, contacts the policy now names are added (none the person
// entered is removed; the controller's own address is marked as such),
// its markings and promise replace the old ones
// where it gives them, and its legal entities fill an empty list.
func AddSnapshot(c *record.Company, src policy.Source, f *policy.Findings, now time.Time) {
	fresh := CompanyFromPolicy(src, f, now)
	for _, ct := range fresh.Contacts {
		i := slices.IndexFunc(c.Contacts, func(o record.Contact) bool { return o.Kind == ct.Kind && strings.EqualFold(o.Value, ct.Value) })
		switch {
		case i < 0:
			c.Contacts = append(c.Contacts, ct)
		case c.Contacts[i].Label == "" && ct.Label == labelController:
			// A record from before the label learns which address is
			// the controller's own (ccFor), and whose.
			c.Contacts[i].Label, c.Contacts[i].Entity = ct.Label, ct.Entity
		case c.Contacts[i].Label == labelController && c.Contacts[i].Entity == "":
			// One from before Entity learns whose it is.
			c.Contacts[i].Entity = ct.Entity
		}
	}
	if c.Markings == nil {
		c.Markings = map[string]string{}
	}
	for k, m := range fresh.Markings {
		c.Markings[k] = m
	}
	if fresh.PromisedDays > 0 {
		c.PromisedDays, c.PromisedFor = fresh.PromisedDays, fresh.PromisedFor
	}
	// The legal entities are taken from the policy while the company has
	// none; a list the person kept or edited stays.
	if len(c.LegalEntities) == 0 {
		c.LegalEntities = fresh.LegalEntities
	}
	c.Policies = append(c.Policies, fresh.Policies...)
	c.Updated = now
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func dpoEmail(c *policy.Officer) string {
	if c == nil {
		return ""
	}
	return c.Email
}

func days(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

// PolicyHash is the SHA-256 of a policy's text, as snapshots keep it.
func PolicyHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}
