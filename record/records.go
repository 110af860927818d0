package record

import (
	"time"
)

// Data is everything a vault holds. It is plain data: the packages above
// fill and read it, and storage keeps it safe.
type Data struct {
	Profile   Profile         `json:"profile"`
	Companies []Company       `json:"companies"`
	Requests  []Request       `json:"requests"`
	Timeline  []TimelineEntry `json:"timeline"`
	Settings  Settings        `json:"settings"`
	Counters  Counters        `json:"counters"`
	Extra     []Document      `json:"documents,omitempty"` // files kept with no request: scans, replies
	Mail      *MailBox        `json:"mail,omitempty"`      // the person's own mailbox; nil until set up
}

// Profile is the person a letter comes from. Only what letters need.
type Profile struct {
	Name        string `json:"name"`
	Address     string `json:"address"`
	Email       string `json:"email"`
	Phone       string `json:"phone,omitempty"`
	BirthDate   string `json:"birth_date,omitempty"`   // YYYY-MM-DD
	CustomerRef string `json:"customer_ref,omitempty"` // a default account or customer number
	IDDocument  string `json:"id_document,omitempty"`  // only put into letters where the law requires it
	Country     string `json:"country,omitempty"`      // ISO code of the country the person lives in
}

// Company is an organisation that holds the person's data.
type Company struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	LegalName string `json:"legal_name,omitempty"`
	// LegalEntities are the legal persons behind the company as its
	// policy names them ("ООО «Старт»", "ООО «Серверные Решения»" behind
	// the brand NETRACK). When LegalName is only a brand, a letter is
	// addressed to them (letters-review 2, B3). nil in a vault from before
	// the field, which gob and JSON decode without it.
	LegalEntities []string          `json:"legal_entities,omitempty"`
	Registration  string            `json:"registration,omitempty"`
	Jurisdiction  Code              `json:"jurisdiction,omitempty"` // UA, RU, EU-LV, …; "" when not chosen
	Language      string            `json:"language,omitempty"`
	Website       string            `json:"website,omitempty"`
	Contacts      []Contact         `json:"contacts,omitempty"`
	Use           map[string]int    `json:"use,omitempty"`      // request kind → index in Contacts
	Markings      map[string]string `json:"markings,omitempty"` // request kind (or "any") → required subject or mark
	PromisedDays  int               `json:"promised_days,omitempty"`
	// PromisedFor are the kinds of request the promise covers, as the
	// policy words it ("a copy of your data within 14 days"); nil means
	// every kind (a promise for any request, or one the person typed).
	PromisedFor []Kind           `json:"promised_for,omitempty"`
	Notes       string           `json:"notes,omitempty"`
	Policies    []PolicySnapshot `json:"policies,omitempty"` // newest last
	Directory   DirectoryLink    `json:"directory,omitzero"` // set when added from the directory
	Created     time.Time        `json:"created"`
	Updated     time.Time        `json:"updated"`
}

// DirectoryLink ties a company to its entry in the directory of known
// companies, so an update can offer newer data and an export can leave out
// what the directory already has. It is a field rather than a line in Notes
// because the person edits Notes.
type DirectoryLink struct {
	Slug string `json:"slug"`            // the entry's slug, e.g. "google"
	AsOf string `json:"as_of,omitempty"` // the snapshot's date, YYYY-MM-DD
}

// Contact is one way to reach a company.
type Contact struct {
	Kind  Channel `json:"kind"`
	Value string  `json:"value"` // the address, e-mail, URL or number
	Label string  `json:"label,omitempty"`
	// Entity is the legal person whose address this is, when the policy
	// names one other than the company beside it: "Duomenų valdytojas:
	// Sannacode, email: data.controller@…" (review 2, M14). A letter
	// copied to the address names it after the addressee.
	Entity string `json:"entity,omitempty"`
}

// PolicySnapshot is a privacy policy as read on one day.
type PolicySnapshot struct {
	Source    string    `json:"source"` // file path or URL
	Retrieved time.Time `json:"retrieved"`
	SHA256    string    `json:"sha256"`
	Text      Text      `json:"-"`
	Findings  []byte    `json:"findings,omitempty"` // the reader's findings as JSON, kept as read
}

// Request is one letter to a company and what followed.
type Request struct {
	ID         string  `json:"id"`
	CompanyID  string  `json:"company_id"`
	Kind       Kind    `json:"kind"` // access, erasure, withdrawal, reminder, complaint, …
	Language   string  `json:"language"`
	Law        Code    `json:"law"` // jurisdiction code the letter cites
	Reference  string  `json:"reference"`
	Channel    Channel `json:"channel"` // how it went: email, post, web form
	Contact    string  `json:"contact"` // the address or e-mail used
	Tracking   string  `json:"tracking,omitempty"`
	ParentID   string  `json:"parent_id,omitempty"` // the request a reminder or complaint follows
	LetterText Text    `json:"-"`
	Subject    string  `json:"subject,omitempty"` // the letter as an e-mail: its subject line
	EmailBody  Text    `json:"-"`                 // and its body
	PDF        []byte  `json:"pdf,omitempty"`
	Status     Status  `json:"status"`
	Dates      Dates   `json:"dates"`
	Replies    []Reply `json:"replies,omitempty"`
	Notes      string  `json:"notes,omitempty"`
	Email      *Email  `json:"email,omitempty"` // what went by e-mail from Prava and came back; nil if none
	// Signature is the letter signed with the person's e-signature; nil
	// until a copy is handed out for signing.
	Signature *Signature `json:"signature,omitempty"`
	// Receipt is the scan or photo of the post office's receipt for a
	// letter sent by registered post; nil until the person attaches it.
	Receipt *Document `json:"receipt,omitempty"`
	// Warnings are what the letter's writer warned of when it was written
	// (letters.Letter.Warnings, in English), kept so that the request's
	// page can say them again, in the person's language, until it is
	// sent.
	Warnings []string `json:"warnings,omitempty"`
}

// Status is where a request stands.
type Status string

// The states of a request.
const (
	StatusDraft    Status = "draft"
	StatusSent     Status = "sent"
	StatusAnswered Status = "answered"
	StatusDone     Status = "done"
	StatusRefused  Status = "refused"
)

// Open reports whether the request still waits for the company.
func (s Status) Open() bool { return s == StatusSent }

// Dates are the events of a request; zero times have not happened.
type Dates struct {
	Created           time.Time `json:"created"`
	Sent              time.Time `json:"sent,omitempty"`
	Delivered         time.Time `json:"delivered,omitempty"`
	IdentityAsked     time.Time `json:"identity_asked,omitempty"`
	IdentityProvided  time.Time `json:"identity_provided,omitempty"`
	ExtensionNotified time.Time `json:"extension_notified,omitempty"`
	Answered          time.Time `json:"answered,omitempty"`
	Closed            time.Time `json:"closed,omitempty"`
}

// Reply is an answer from the company.
type Reply struct {
	Received time.Time  `json:"received"`
	Note     string     `json:"note,omitempty"`
	Files    []Document `json:"files,omitempty"`
}

// Document is a file kept in the vault.
type Document struct {
	Name string `json:"name"`
	Type string `json:"type,omitempty"` // MIME type
	Data []byte `json:"data"`
}

// TimelineEntry is one entry in the timeline: what happened, when, to
// which company or request (casework.Entry names the kinds).
type TimelineEntry struct {
	Time      time.Time `json:"time"`
	What      string    `json:"what"` // company added, letter sent, reply received, …
	CompanyID string    `json:"company_id,omitempty"`
	RequestID string    `json:"request_id,omitempty"`
	Note      string    `json:"note,omitempty"`
}

// Settings are the person's choices that belong with their data.
type Settings struct {
	Language    string `json:"language,omitempty"` // UI language
	MartialLaw  *bool  `json:"martial_law,omitempty"`
	TransitDays int    `json:"transit_days,omitempty"`
	// Timestamps turns on RFC 3161 timestamps over what is sent and
	// received by e-mail, from the time-stamping authority at TSA (a
	// free one when empty).
	Timestamps bool   `json:"timestamps,omitempty"`
	TSA        string `json:"tsa,omitempty"`
}

// Counters number things that need short, unique numbers.
type Counters struct {
	Reference int `json:"reference"`
}
