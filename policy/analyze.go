package policy

import (
	"strconv"
	"strings"
	"sync"
)

var usZipRe = lazyRegexp(`\b[A-Z]{2},? \d{5}(?:-\d{4})?\b`)

// callingCodes are the telephone country codes of the jurisdictions, used
// to complete numbers written without one.
var callingCodes = sync.OnceValue(func() map[string]string {
	return map[string]string{"UA": "380", "RU": "7", "EU-LV": "371", "EU-LT": "370", "EU-EE": "372", "EU-PL": "48", "EU-DE": "49",
		"EU-BE": "32", "EU-AT": "43", "EU-CZ": "420", "UK": "44", "BY": "375", "CH": "41", "AU": "61"}
})

// Analyze reads a policy's plain text (as Decode returns it) and reports
// what it found. Offsets in the evidence refer to the text after
// NormalizeText, which leaves Decode's output unchanged.
func Analyze(text string) *Findings {
	d := newDoc(NormalizeText(text))
	f := &Findings{}

	lang := detectLanguage(d.lower)
	f.Language = lang

	emails, emailEv := d.findEmails()
	sites, siteEv := d.findWebsites()
	addrs, addrEv := d.findAddresses()
	f.Emails, f.Websites, f.Addresses = emails, sites, addrs
	f.Evidence = append(f.Evidence, emailEv...)
	f.Evidence = append(f.Evidence, siteEv...)
	f.Evidence = append(f.Evidence, addrEv...)

	ctrl := d.findController(sites, emails, addrEv)
	after := 0
	f.Alternatives = []Party{}
	for _, c := range ctrl.parties {
		if ctrl.controller != nil && c.key == nameKey(ctrl.controller.name) {
			continue
		}
		f.Alternatives = append(f.Alternatives, Party{Name: c.name, Role: c.role, Confidence: partyConfidence(c),
			Evidence: d.evidence("alternatives", c.name, c.start, c.end)})
	}
	if ctrl.controller != nil {
		f.Controller = strPtr(ctrl.controller.name)
		f.ControllerConfidence = ctrl.confidence
		after = ctrl.controller.end
		f.Evidence = append(f.Evidence, d.evidence("controller", ctrl.controller.name, ctrl.controller.start, ctrl.controller.end))
	}
	if ctrl.brand == "" && ctrl.controller != nil {
		// The name the company trades under, when the text gives it as
		// well as the legal name: Vaultie beside MB Živitoma.
		for _, c := range ctrl.parties {
			if c.role == RoleController && !c.legalForm && c.key != nameKey(ctrl.controller.name) && c.prob >= currentPartyModel().Threshold &&
				!strings.Contains(nameKey(ctrl.controller.name), c.key) {
				ctrl.brand, ctrl.brandAt = c.name, c.start
				break
			}
		}
	}
	if ctrl.brand != "" && (f.Controller == nil || *f.Controller != ctrl.brand) {
		f.Brand = strPtr(ctrl.brand)
		f.Evidence = append(f.Evidence, d.evidence("brand", ctrl.brand, ctrl.brandAt, ctrl.brandAt+len(ctrl.brand)))
	}
	for _, e := range ctrl.legalEntities {
		f.LegalEntities = uniqueAppend(f.LegalEntities, e.name)
		f.Evidence = append(f.Evidence, d.evidence("legal_entities", e.name, e.start, e.end))
	}
	for _, e := range ctrl.others {
		f.OtherControllers = uniqueAppend(f.OtherControllers, e.name)
		f.Evidence = append(f.Evidence, d.evidence("other_controllers", e.name, e.start, e.end))
	}
	reg, regEv := d.findRegistration(after)
	f.Registration = reg
	f.Evidence = append(f.Evidence, regEv...)

	// The jurisdiction weighs the controller's register once, by the
	// number nearest its name, however many numbers the block gives.
	codes, jurEv := d.findJurisdiction(jurisdictionSigns{
		language: lang, controller: ctrl.controller, registration: regEv[:min(1, len(regEv))], addresses: addrs, websites: sites, emails: emails,
	})
	f.Jurisdictions = codes
	f.Jurisdiction = "unknown"
	if len(codes) > 0 {
		f.Jurisdiction = codes[0]
	}
	f.Evidence = append(f.Evidence, jurEv...)

	phones, phoneEv := d.findPhones(callingCodes()[f.Jurisdiction])
	f.Phones = phones
	f.Evidence = append(f.Evidence, phoneEv...)
	var dpoEv []Evidence
	f.DPO, dpoEv = d.findDPO(emailEv, phoneEv)
	f.Evidence = append(f.Evidence, dpoEv...)

	markings, markEv := d.findMarkings()
	f.Markings = markings
	f.Evidence = append(f.Evidence, markEv...)

	f.Promises = d.findPromises()
	f.ResponseDays = responseDays(f.Promises)
	for _, p := range f.Promises {
		f.Evidence = append(f.Evidence, p.Evidence)
	}

	f.Channels = d.findChannels(f, emailEv, addrEv)
	f.Rights = d.findRights()
	var procEv []Evidence
	f.Processor, procEv = d.findProcessor()
	f.Evidence = append(f.Evidence, procEv...)

	f.Addresses = d.ownAddresses(f.Addresses, addrEv, ctrl)
	f.DisplayName = displayName(f)
	f.Missing = missing(f)
	f.Notes = notes(f)
	normalizeLists(f)
	return f
}

// displayName is what to call the company: its legal name, else its
// brand, else its site.
func displayName(f *Findings) string {
	switch {
	case f.Controller != nil:
		return *f.Controller
	case f.Brand != nil:
		return *f.Brand
	case len(f.Websites) > 0:
		return f.Websites[0]
	case len(f.Emails) > 0:
		_, domain, _ := strings.Cut(f.Emails[0], "@")
		return domain
	}
	return ""
}

// missing names the fields a person will want and the text does not give.
func missing(f *Findings) []string {
	var out []string
	add := func(name string, absent bool) {
		if absent {
			out = append(out, name)
		}
	}
	add("language", f.Language == LangUnknown)
	add("jurisdiction", f.Jurisdiction == "unknown")
	add("controller", f.Controller == nil)
	add("registration", f.Registration == nil)
	add("emails", len(f.Emails) == 0)
	add("addresses", len(f.Addresses) == 0)
	add("websites", len(f.Websites) == 0)
	add("phones", len(f.Phones) == 0)
	add("dpo", f.DPO == nil)
	add("response_days", f.ResponseDays == nil)
	return out
}

// notes gathers what a person should be told about this policy.
func notes(f *Findings) []Note {
	var out []Note
	if f.Controller == nil {
		out = append(out, Note{Code: NoteNoController, Detail: []string{f.DisplayName}})
	}
	if len(f.Emails) == 0 && len(f.Addresses) == 0 {
		detail := []string{}
		if f.Registration != nil {
			detail = append(detail, *f.Registration)
		}
		out = append(out, Note{Code: NoteNoContact, Detail: detail})
	}
	if len(f.Websites) > 0 && len(f.Emails) > 0 {
		if site, mail, ok := nearMiss(f.Websites, f.Emails); ok {
			out = append(out, Note{Code: NoteDomainMismatch, Detail: []string{site, mail}})
		}
	}
	if f.Processor {
		out = append(out, Note{Code: NoteProcessor})
	}
	for _, ch := range []*string{f.Channels.Access, f.Channels.Erasure, f.Channels.Withdrawal} {
		if ch != nil && *ch == ChannelInPerson {
			out = append(out, Note{Code: NoteInPerson})
			break
		}
	}
	if f.ResponseDays != nil && strings.HasPrefix(f.Jurisdiction, "EU") {
		for _, p := range f.Promises {
			if p.Days > 30 {
				out = append(out, Note{Code: NoteLongPromise, Detail: []string{strconv.Itoa(p.Days)}})
				break
			}
		}
	}
	return out
}

// nearMiss finds a site whose name differs from an e-mail domain's by one
// letter (lantrase.com.ua and lantrace.net): often a typo in the policy,
// worth showing rather than silently fixing.
func nearMiss(sites, emails []string) (string, string, bool) {
	for _, s := range sites {
		sName, _, _ := strings.Cut(s, ".")
		for _, e := range emails {
			_, domain, _ := strings.Cut(e, "@")
			eName, _, _ := strings.Cut(domain, ".")
			if sName != eName && len(sName) == len(eName) && len(sName) > 3 && differsByOne(sName, eName) {
				return s, domain, true
			}
		}
	}
	return "", "", false
}

func differsByOne(a, b string) bool {
	diff := 0
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			diff++
		}
	}
	return diff == 1
}

// normalizeLists makes empty lists [] rather than null in JSON, so that
// "none found" and "not looked for" cannot be confused.
func normalizeLists(f *Findings) {
	for _, l := range []*[]string{&f.Jurisdictions, &f.LegalEntities, &f.OtherControllers, &f.Emails, &f.Addresses, &f.Websites, &f.Phones, &f.Rights, &f.Missing} {
		if *l == nil {
			*l = []string{}
		}
	}
	if f.Promises == nil {
		f.Promises = []Promise{}
	}
	if f.Notes == nil {
		f.Notes = []Note{}
	}
	if f.Evidence == nil {
		f.Evidence = []Evidence{}
	}
}
