package directory

import (
	"time"

	"prava/directory/internal/snapshot"
)

// Entry is one company of the directory, as much of its record as Prava
// uses.
type Entry struct {
	Slug       string
	Name       string   // the official name, with its legal form
	Runs       []string // brands and services it is responsible for
	Address    string   // postal address for privacy requests, country on the last line
	Email      string   // privacy e-mail
	WebForm    string   // privacy web form
	Phone      string
	Fax        string
	Web        string   // main web site
	Countries  []string // lower-case ISO codes the record is relevant for, or "all"
	Categories []string
	// Channel is how the record suggests sending requests: one of the
	// Channel constants, with the schema's default (e-mail when there is
	// an address, else a letter) filled in.
	Channel         string
	Required        []Element // identity details the company requires
	NeedsIDDocument bool      // an ID document for every request
	Language        string    // ISO 639-1 code of the language it wants requests in
	Comments        []string
	Quality         string // tested, verified, imported or scraped
	Facet           string // church or school, for the many small records of those kinds
}

// Element is an identity detail a company requires in a request.
type Element struct {
	Desc     string `json:"desc"` // what to give, in the record's words ("Customer number")
	Type     string `json:"type"` // input, textarea, email, address, name or birthdate
	Optional bool   `json:"optional"`
}

// The channels an entry may suggest.
const (
	ChannelEmail   = "email"
	ChannelLetter  = "letter"
	ChannelFax     = "fax"
	ChannelWebForm = "webform"
)

// Meta says which snapshot a directory comes from.
type Meta struct {
	Source    string    // "datenanfragen/data", or the file an update was read from
	Commit    string    // the data repository's commit
	Date      time.Time // the snapshot's date
	Companies int
}

// Record is a company record in the snapshot's own schema, as Export
// writes it and Update reads it.
type Record = snapshot.Record

// RelevantTo reports whether the entry is relevant for people in country
// (an ISO code, any case), directly rather than through "all".
func (e *Entry) RelevantTo(country string) bool {
	c := lower(country)
	for _, x := range e.Countries {
		if x == c {
			return true
		}
	}
	return false
}

// ForEveryone reports whether the record is relevant in every country.
func (e *Entry) ForEveryone() bool {
	for _, x := range e.Countries {
		if x == "all" {
			return true
		}
	}
	return false
}

// SourceURL is the entry's page on datarequests.org, for crediting and
// checking the source.
func (e *Entry) SourceURL() string {
	return "https://www.datarequests.org/company/" + e.Slug
}
