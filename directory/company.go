package directory

import (
	"fmt"
	"prava/record"
	"strings"
	"time"
)

// The request kinds a prefilled company routes to its suggested contact,
// as package policy names them.
var requestKinds = []string{"access", "erasure", "withdrawal"}

// Marker starts the note of a company added from the directory; the rest
// of its first line is the slug and the snapshot's date. Vaults written
// before record.DirectoryLink existed hold the link only there, so
// FromDirectory still reads it back.
const Marker = "From the directory (datarequests.org, CC0)"

// Prefill makes the company record for e, as the person would add it from
// the directory: its name, privacy e-mail, postal address, web form and
// phone as contacts, its web site, the contact its suggested channel
// routes requests to, the language it wants requests in, and the law for a
// person living in residence (left empty when the person must pick; see
// Law). What record.Company has no field for — the identity details the
// company requires, whether it needs an ID document, a fax number, the
// record's comments and where it comes from — goes into Notes, one line
// each, starting with Marker, the slug and "as of" the snapshot's date.
// No policy is attached; the person may read one later.
func (d *Directory) Prefill(e *Entry, residence string, now time.Time) record.Company {
	c := record.Company{
		ID:        record.NewID(),
		Name:      e.Name,
		LegalName: e.Name,
		Language:  e.Language,
		Website:   e.Web,
		Created:   now,
		Updated:   now,
	}
	if choice := Law(e, residence); choice.Decided() {
		c.Jurisdiction = choice.Code
	}
	add := func(kind record.Channel, value, label string) int {
		if value == "" {
			return -1
		}
		c.Contacts = append(c.Contacts, record.Contact{Kind: kind, Value: value, Label: label})
		return len(c.Contacts) - 1
	}
	email := add(record.ByEmail, e.Email, "privacy e-mail")
	post := add(record.ByPost, e.Address, "postal address for privacy requests")
	form := add(record.ByWebForm, e.WebForm, "privacy web form")
	add(record.ByPhone, e.Phone, "")
	use := -1
	switch e.Channel {
	case ChannelEmail:
		use = email
	case ChannelWebForm:
		use = form
	case ChannelLetter, ChannelFax: // Prava sends no faxes: a letter goes to the same office
		use = post
	}
	if use < 0 { // the suggested contact is missing: the first e-mail or address
		use = max(email, post)
		if email >= 0 {
			use = email
		}
	}
	if use >= 0 {
		c.Use = map[string]int{}
		for _, k := range requestKinds {
			c.Use[k] = use
		}
	}
	c.Directory = record.DirectoryLink{Slug: e.Slug, AsOf: d.AsOf()}
	c.Notes = d.notes(e)
	return c
}

// notes are the lines of a prefilled company's Notes.
func (d *Directory) notes(e *Entry) string {
	lines := []string{fmt.Sprintf("%s: %s, as of %s. Source: %s", Marker, e.Slug, d.AsOf(), e.SourceURL())}
	switch e.Channel {
	case ChannelWebForm:
		lines = append(lines, "The company asks for requests through its web form: "+e.WebForm)
	case ChannelFax:
		lines = append(lines, "The company asks for requests by fax: "+e.Fax)
	case ChannelLetter:
		lines = append(lines, "The company asks for requests by post.")
	}
	if e.Fax != "" && e.Channel != ChannelFax {
		lines = append(lines, "Fax: "+e.Fax)
	}
	if len(e.Required) > 0 {
		var need []string
		for _, el := range e.Required {
			s := el.Desc
			if el.Optional {
				s += " (optional)"
			}
			need = append(need, s)
		}
		lines = append(lines, "To identify you it asks for: "+strings.Join(need, "; ")+".")
	}
	if e.NeedsIDDocument {
		lines = append(lines, "It asks for a copy of an ID document with every request.")
	}
	for _, cm := range e.Comments {
		lines = append(lines, "Comment: "+cm)
	}
	if e.Quality == "scraped" {
		lines = append(lines, "This record was collected by a machine and not checked by a person: check the contacts before writing.")
	}
	return strings.Join(lines, "\n")
}

// FromDirectory reports whether c was added from the directory, and its
// slug and snapshot date: from its Directory field, or for a company stored
// before that field existed, from the first line of its note. An update
// uses it to offer newer data, and Export to skip what the directory
// already has.
func FromDirectory(c record.Company) (slug, asOf string, ok bool) {
	if c.Directory.Slug != "" {
		return c.Directory.Slug, c.Directory.AsOf, true
	}
	first, _, _ := strings.Cut(c.Notes, "\n")
	rest, found := strings.CutPrefix(first, Marker+": ")
	if !found {
		return "", "", false
	}
	slug, rest, _ = strings.Cut(rest, ", as of ")
	asOf, _, _ = strings.Cut(rest, ".")
	return slug, asOf, slug != ""
}
