// Package snapshot reads a snapshot of the datarequests.org company
// database (the datenanfragen/data repository's tarball, or a JSON array of
// company records in its schema), checks every record against the schema,
// and writes the compact form that package directory embeds. Both the
// generator (directory/internal/gen) and the in-app update use it, so a
// record is checked the same way wherever it comes from.
package snapshot

import "time"

// Record is one company record in the snapshot's schema (schema.json of
// datenanfragen/data). Field names and JSON keys follow the schema exactly,
// so a Record written back out is a valid contribution.
type Record struct {
	Slug              string    `json:"slug"`
	RelevantCountries []string  `json:"relevant-countries"`
	Categories        []string  `json:"categories,omitempty"`
	Name              string    `json:"name"`
	Runs              []string  `json:"runs,omitempty"`
	Address           string    `json:"address"`
	Phone             string    `json:"phone,omitempty"`
	Fax               string    `json:"fax,omitempty"`
	Email             string    `json:"email,omitempty"`
	Webform           string    `json:"webform,omitempty"`
	PGPFingerprint    string    `json:"pgp-fingerprint,omitempty"`
	PGPURL            string    `json:"pgp-url,omitempty"`
	Web               string    `json:"web,omitempty"`
	Sources           []string  `json:"sources"`
	RequiredElements  []Element `json:"required-elements,omitempty"`
	RequestLanguage   string    `json:"request-language,omitempty"`
	CustomAccess      string    `json:"custom-access-template,omitempty"`
	CustomErasure     string    `json:"custom-erasure-template,omitempty"`
	CustomRectify     string    `json:"custom-rectification-template,omitempty"`
	CustomObjection   string    `json:"custom-objection-template,omitempty"`
	NeedsIDDocument   bool      `json:"needs-id-document,omitempty"`
	SuggestedMedium   string    `json:"suggested-transport-medium,omitempty"`
	Comments          []string  `json:"comments,omitempty"`
	Quality           string    `json:"quality"`
	FacetGroup        string    `json:"facet-group,omitempty"`
	NSFW              bool      `json:"nsfw,omitempty"`
}

// Element is one identification element a company requires
// ("required-elements" in the schema).
type Element struct {
	Desc     string `json:"desc"`
	Type     string `json:"type"`
	Optional bool   `json:"optional,omitempty"`
}

// Pack is a company pack: companies worth asking, for people in one
// country ("all" for everyone).
type Pack struct {
	Country   string   `json:"-"` // from the pack file's name: "de", "at", "all"
	Slug      string   `json:"slug"`
	Type      string   `json:"type"` // "add-all" or "choose"
	Companies []string `json:"companies"`
}

// Meta says which snapshot the data comes from.
type Meta struct {
	Source string    // where it was read from: "datenanfragen/data" or a file name
	Commit string    // the data repository's commit, when the tarball names it
	Date   time.Time // the commit's date, or the file's when unknown
}

// Snapshot is a checked snapshot: its records in slug order and its packs.
type Snapshot struct {
	Meta    Meta
	Records []Record
	Packs   []Pack
	License string // the snapshot's licence text, kept next to the asset
}
