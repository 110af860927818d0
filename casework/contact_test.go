package casework

import (
	"slices"
	"strings"
	"testing"

	"prava/letters"
	"prava/mail"
	"prava/policy"
	"prava/record"
)

func TestBestContact(t *testing.T) {
	e := func(v, label string) record.Contact {
		return record.Contact{Kind: record.ByEmail, Value: v, Label: label}
	}
	p := func(v string) record.Contact { return record.Contact{Kind: record.ByPost, Value: v} }
	for _, c := range []struct {
		name     string
		contacts []record.Contact
		want     record.Channel
		best     int
	}{
		{"none of the channel", []record.Contact{p("1 Main St, 10115 Berlin")}, record.ByEmail, -1},
		{"the first when no word says privacy", []record.Contact{e("info@x.com", ""), e("sales@x.com", "")}, record.ByEmail, 0},
		{"the privacy address among several", []record.Contact{e("info@x.com", ""), e("privacy@x.com", "")}, record.ByEmail, 1},
		{"the DPO before a privacy address", []record.Contact{e("privacy@x.com", ""), p("a"), e("anna@x.com", "DPO")}, record.ByEmail, 2},
		{"the first postal address", []record.Contact{e("privacy@x.com", ""), p("a"), p("b")}, record.ByPost, 1},
	} {
		if got := bestContact(c.contacts, c.want); got != c.best {
			t.Errorf("%s: bestContact = %d, want %d", c.name, got, c.best)
		}
	}
}

// TestCheckContactTakesRealRecords: what the directory's records hold is
// accepted (an Irish address without a postcode, a phone with its
// extension, a German direct line); what is not a contact is still refused.
func TestCheckContactTakesRealRecords(t *testing.T) {
	for _, c := range []struct {
		kind record.Channel
		v    string
		ok   bool
	}{
		{record.ByPost, "Hollyhill Industrial Estate\nHollyhill, Cork\nIreland", true},
		{record.ByPost, "Corporate Head Office, Airside Business Park, Swords, Co. Dublin, Ireland", true},
		{record.ByPost, "Brīvības iela 1, Rīga, LV-1010", true},
		{record.ByPost, "Somewhere in Ireland", false},
		{record.ByPost, "Dublin, Ireland", false},
		{record.ByPhone, "+1 347 586 9467 ext. 904", true},
		{record.ByPhone, "+49 228 99358681234", true},
		{record.ByPhone, "+7 495 123-45-67 доб. 12", true},
		{record.ByPhone, "call us on weekdays", false},
		{record.ByPhone, "+1 347 586 9467 ext. ", false},
		{record.ByPhone, "123 456", false},
	} {
		ct := record.Contact{Kind: c.kind, Value: c.v}
		if err := CheckContact(&ct); (err == nil) != c.ok {
			t.Errorf("%s %q: error %v, want accepted %v", c.kind, c.v, err, c.ok)
		}
	}
}

// TestLetterToRefusesHeaderInjection is security review 2's `letter --to`
// finding: what the person gives as the addressee is checked as a contact,
// so a line break or a control character never reaches the e-mail's
// header, and a postal address never goes into one.
func TestLetterToRefusesHeaderInjection(t *testing.T) {
	c := record.Company{ID: "c1", Name: "Shop", Jurisdiction: "EU-LV"}
	from := letters.Sender{Name: "Anna Bērziņa", Address: "Elizabetes iela 2, Rīga, LV-1010", Email: "anna@example.lv"}
	for _, to := range []string{
		"privacy@shop.lv\r\nBcc: everyone@example.com",
		"privacy@shop.lv\rBcc: everyone@example.com",
		"privacy@shop.lv\x00",
		"Brīvības iela 1, Rīga, LV-1010\r\nBcc: x@example.com",
		"privacy@shop.lv\u2028Bcc: x@example.com",
		"Brīvības iela 1\u202e, Rīga, LV-1010",
	} {
		if _, err := LetterToCompany(c, from, LetterChoice{Draft: Draft{Kind: "access", Date: testDay}, To: to}); err == nil {
			t.Errorf("--to %q accepted", to)
		}
	}
	in, err := LetterToCompany(c, from, LetterChoice{Draft: Draft{Kind: "access", Date: testDay}, To: "privacy@shop.lv"})
	if err != nil || in.Channel != record.ByEmail {
		t.Errorf("a plain address: %v, channel %s", err, in.Channel)
	}
	in, err = LetterToCompany(c, from, LetterChoice{Draft: Draft{Kind: "access", Date: testDay}, To: "Brīvības iela 1\nRīga, LV-1010"})
	if err != nil || in.Channel != record.ByPost {
		t.Errorf("a postal address: %v, channel %s", err, in.Channel)
	}
}

// TestPolicyAddressKeptWithoutSecrets is security review 2's F9: a policy
// read from an address with a password and a session token kept both, and
// "company export --datarequests" published them.
func TestPolicyAddressKeptWithoutSecrets(t *testing.T) {
	src := policy.Source{Location: "http://alice:S3cretPw@shop.example/privacy?session=TOKEN123&utm_source=mail&lang=lv"}
	src.Text = "Privacy policy of Shop SIA."
	c := CompanyFromPolicy(src, policy.Analyze(src.Text), testDay)
	got := c.Policies[0].Source
	if strings.Contains(got, "S3cretPw") || strings.Contains(got, "alice") || strings.Contains(got, "TOKEN123") || strings.Contains(got, "utm_") {
		t.Errorf("the policy's address is kept as %q", got)
	}
	if !strings.Contains(got, "shop.example/privacy") || !strings.Contains(got, "lang=lv") {
		t.Errorf("the page's own address was lost: %q", got)
	}
}

// TestControllerCopied: seed 003's requests go to mail@costless.com.ua,
// the address its policy names for them, and are copied to the address it
// gives beside the controller, data.controller@… (review 2, M14): in the
// letter, in a stored request's message and in a reminder. A company
// whose request contact is the controller's own gets no copy.
func TestControllerCopied(t *testing.T) {
	d, id := seedData(t, "003_667823663de3ed12.txt")
	w, err := Write(d, id, Draft{Kind: record.Access, Contact: -1, Date: testDay})
	if err != nil {
		t.Fatal(err)
	}
	const cc = "data.controller@costless.com.ua"
	if w.Request.Contact != "mail@costless.com.ua" || w.Letter.CcEmail != cc {
		t.Fatalf("to %q, copied to %q", w.Request.Contact, w.Letter.CcEmail)
	}
	w.Request.PDF = w.PDF
	raw, err := EmailMessage(d, w.Request)
	if err != nil || !strings.Contains(string(raw), "\r\nCc: \"Sannacode\" <"+cc+">\r\n") {
		t.Errorf("the stored request's message (%v):\n%.400s", err, raw)
	}
	d.Requests = append(d.Requests, w.Request)
	// The e-mail sent from the person's mailbox carries the copy too, in
	// its header, in Sannacode's name, and its envelope.
	out, err := composeRequest(d, &d.Requests[0], mail.Account{Address: "olena@example.org"}, testDay)
	if err != nil || !strings.Contains(string(out.Bytes), "\r\nCc: \"Sannacode\" <"+cc+">\r\n") || !slices.Contains(out.To, cc) {
		t.Errorf("the message sent (%v): envelope %q\n%.400s", err, out.To, out.Bytes)
	}
	if err := Record(&d.Requests[0], EventSent, testDay, testDay); err != nil {
		t.Fatal(err)
	}
	rem, err := FollowUp(d, d.Requests[0].ID, record.Reminder, testDay.AddDate(0, 2, 0))
	if err != nil || rem.Letter.CcEmail != cc {
		t.Errorf("the reminder is copied to %q (%v)", rem.Letter.CcEmail, err)
	}
	c := d.Company(id)
	if got, _ := ccFor(c, cc); got != "" {
		t.Errorf("a request to the controller's own address is copied to %q", got)
	}
	// A record from before the label learns it when the policy is read
	// again.
	for i := range c.Contacts {
		c.Contacts[i].Label = ""
	}
	if got, _ := ccFor(c, "mail@costless.com.ua"); got != "" {
		t.Errorf("a company with no controller's address: copied to %q", got)
	}
	src := readSeed(t, "003_667823663de3ed12.txt")
	AddSnapshot(c, src, policy.Analyze(src.Text), testDay)
	if got, _ := ccFor(c, "mail@costless.com.ua"); got != cc {
		t.Errorf("after a re-read: copied to %q", got)
	}
}

// TestFurtherControllerNamed: seed 003's policy names Sannacode as
// controller beside data.controller@…, the address its requests are
// copied to; the letter names it after Costless Ukraine, LLC, with its
// role, whether the company is stored or read from the policy only, and
// so does the reminder (review 2, M14). A record from before the field
// learns the name when the policy is read again.
func TestFurtherControllerNamed(t *testing.T) {
	const both = "Costless Ukraine, LLC; Sannacode (duomenų valdytojas)"
	d, id := seedData(t, "003_667823663de3ed12.txt")
	w, err := Write(d, id, Draft{Kind: record.Access, Contact: -1, Date: testDay})
	if err != nil {
		t.Fatal(err)
	}
	if got := w.Letter.Recipient; len(got) == 0 || got[0] != both {
		t.Errorf("the stored company's letter is addressed to %q", got)
	}
	// The copy to Sannacode's address goes in its name.
	if w.Letter.CcEmail != "data.controller@costless.com.ua" || w.Letter.CcName != "Sannacode" {
		t.Errorf("the letter is copied to %q <%s>", w.Letter.CcName, w.Letter.CcEmail)
	}
	src := readSeed(t, "003_667823663de3ed12.txt")
	in, err := LetterFromPolicy(src, policy.Analyze(src.Text), LetterProfile(d.Profile), LetterChoice{Draft: Draft{Kind: record.Access, Date: testDay}})
	if err != nil {
		t.Fatal(err)
	}
	if l, err := letters.Compose(in); err != nil || len(l.Recipient) == 0 || l.Recipient[0] != both {
		t.Errorf("the policy's letter is addressed to %q (%v)", l.Recipient, err)
	}
	d.Requests = append(d.Requests, w.Request)
	if err := Record(&d.Requests[0], EventSent, testDay, testDay); err != nil {
		t.Fatal(err)
	}
	rem, err := FollowUp(d, d.Requests[0].ID, record.Reminder, testDay.AddDate(0, 2, 0))
	if err != nil || len(rem.Letter.Recipient) == 0 || rem.Letter.Recipient[0] != both {
		t.Errorf("the reminder is addressed to %q (%v)", rem.Letter.Recipient, err)
	}
	c := d.Company(id)
	for i := range c.Contacts {
		c.Contacts[i].Entity = ""
	}
	if got := recipientOf(c).Controllers; len(got) != 0 {
		t.Errorf("with no entity kept, the letter names %q", got)
	}
	AddSnapshot(c, src, policy.Analyze(src.Text), testDay)
	if got := recipientOf(c).Controllers; !slices.Equal(got, []string{"Sannacode"}) {
		t.Errorf("after a re-read the letter names %q", got)
	}
	// The company's own controller is no further one, and the name a
	// contact keeps is checked as any legal entity's.
	for _, ct := range c.Contacts {
		if ct.Entity != "" && ct.Value != "data.controller@costless.com.ua" {
			t.Errorf("%q is given to %q", ct.Value, ct.Entity)
		}
	}
	bad := record.Contact{Kind: record.ByEmail, Value: "a@example.org", Entity: "Sanna\x00code"}
	if err := CheckContact(&bad); err == nil {
		t.Error("a contact's entity with a control character is kept")
	}
}
