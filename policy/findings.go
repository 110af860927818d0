package policy

// Findings is what Analyze read in one policy. A nil pointer or an empty
// list means the text does not say; Missing names those fields so that the
// app can ask the person instead of guessing.
type Findings struct {
	Language      string   `json:"language"`      // ISO 639-1 code or "unknown"
	Jurisdiction  string   `json:"jurisdiction"`  // primary regime: UA, RU, EU-LV, EU, US, …
	Jurisdictions []string `json:"jurisdictions"` // every regime that may apply, primary first

	Controller       *string  `json:"controller"`        // legal name of the controller as written
	DisplayName      string   `json:"display_name"`      // controller, brand or site: what to call the company
	Brand            *string  `json:"brand"`             // the name the company trades under, when it differs
	LegalEntities    []string `json:"legal_entities"`    // other legal entities the policy names
	OtherControllers []string `json:"other_controllers"` // further parties named as controller
	Registration     *string  `json:"registration"`      // the controller's registration numbers, joined by ", "

	// ControllerConfidence is how sure the reader is of Controller, from 0
	// to 1; below 0.5 the app should ask the person to confirm.
	ControllerConfidence float64 `json:"controller_confidence"`
	// Alternatives are the other parties the text names, strongest first,
	// each with its role: the review screen shows "also named: X —
	// processor" so that the person can pick another.
	Alternatives []Party `json:"alternatives"`

	Emails    []string `json:"emails"`
	Addresses []string `json:"addresses"`
	Websites  []string `json:"websites"` // first-party sites, as registrable domains
	Phones    []string `json:"phones"`   // E.164 where the country is known
	DPO       *Officer `json:"dpo"`      // data protection officer

	Markings     Markings  `json:"markings"`      // subject lines or marks required on requests
	ResponseDays *int      `json:"response_days"` // what the company promises, in days
	Promises     []Promise `json:"promises"`      // every promise found, by kind
	Channels     Channels  `json:"channels"`      // how to send each kind of request

	Rights    []string `json:"rights"`    // rights the policy lists: access, erasure, …
	Processor bool     `json:"processor"` // the company calls itself a processor for some data

	Missing  []string   `json:"missing"`  // fields the text does not give
	Notes    []Note     `json:"notes"`    // things a person should know
	Evidence []Evidence `json:"evidence"` // where each value was read
}

// Party is an organisation or a person the policy names, with the role the
// text gives it and the phrase that says so.
type Party struct {
	Name       string   `json:"name"`
	Role       string   `json:"role"`       // RoleController, RoleProcessor, …
	Confidence float64  `json:"confidence"` // how likely this party is the controller, 0 to 1
	Evidence   Evidence `json:"evidence"`
}

// Officer is a person or office the policy names to write to: the data
// protection officer (record.Contact is a way to reach a company).
type Officer struct {
	Name  string `json:"name,omitempty"`
	Email string `json:"email,omitempty"`
	Phone string `json:"phone,omitempty"`
}

// Markings holds the subject line or mark a policy demands, per request
// kind; Any applies to every request.
type Markings struct {
	Access     *string `json:"access"`
	Erasure    *string `json:"erasure"`
	Withdrawal *string `json:"withdrawal"`
	Any        *string `json:"any"`
}

// For returns how the policy asks for a kind of request to be sent
// ("access", "erasure", "withdrawal"); nil when it does not say.
func (c Channels) For(kind string) *string {
	switch kind {
	case KindAccess:
		return c.Access
	case KindErasure:
		return c.Erasure
	case KindWithdrawal:
		return c.Withdrawal
	}
	return nil
}

// For returns the marking for a request kind ("access", "erasure",
// "withdrawal"), falling back to the one for any request.
func (m Markings) For(kind string) *string {
	if own := m.Own(kind); own != nil {
		return own
	}
	return m.Any
}

// Own returns the marking the policy states for kind itself ("access",
// "erasure", "withdrawal", or "any"), with no fallback; nil when it states
// none.
func (m Markings) Own(kind string) *string {
	switch kind {
	case KindAccess:
		return m.Access
	case KindErasure:
		return m.Erasure
	case KindWithdrawal:
		return m.Withdrawal
	case KindAny:
		return m.Any
	}
	return nil
}

// Channels says how each kind of request should be sent: ChannelEmail,
// ChannelPost, ChannelInPerson or ChannelWebForm; nil when no way is known.
type Channels struct {
	Access     *string `json:"access"`
	Erasure    *string `json:"erasure"`
	Withdrawal *string `json:"withdrawal"`
}

// Request kinds a policy's instructions are sorted into.
const (
	KindAccess     = "access"
	KindErasure    = "erasure"
	KindWithdrawal = "withdrawal"
	KindAny        = "any"
)

// Channels a request can travel by.
const (
	ChannelEmail    = "email"
	ChannelPost     = "post"
	ChannelInPerson = "in person"
	ChannelWebForm  = "web form"
)

// Promise is a response time the company commits to in its policy.
type Promise struct {
	Kind string `json:"kind"` // access, erasure or any
	Days int    `json:"days"`
	Evidence

	answers bool // the sentence says the company will answer in this time
}

// Note is something worth telling the person, as a code the app translates
// and the details it needs.
type Note struct {
	Code   string   `json:"code"`
	Detail []string `json:"detail,omitempty"`
}

// Codes of the notes Analyze can give.
const (
	NoteNoController   = "no_controller"   // no legal name: the site stands in
	NoteNoContact      = "no_contact"      // neither e-mail nor postal address
	NoteDomainMismatch = "domain_mismatch" // site and e-mail domains differ: Detail = site, e-mail domain
	NoteProcessor      = "processor"       // the company is a processor for some data
	NoteLongPromise    = "long_promise"    // the promise is longer than the law allows: Detail = days
	NoteInPerson       = "in_person"       // the policy asks for requests in person
)

// Evidence says where a value was read: the byte offset in the analyzed
// text and the words around it.
type Evidence struct {
	Field   string `json:"field,omitempty"`
	Value   string `json:"value,omitempty"`
	Offset  int    `json:"offset"`
	Snippet string `json:"snippet"`
}

// EvidenceFor returns the evidence recorded for a field.
func (f *Findings) EvidenceFor(field string) []Evidence {
	var out []Evidence
	for _, e := range f.Evidence {
		if e.Field == field {
			out = append(out, e)
		}
	}
	return out
}
