package policy

import (
	"fmt"
	"io"
	"strings"
	"sync"
)

// languageNames are English names of the languages Analyze reports.
var languageNames = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"en": "English", "uk": "Ukrainian", "ru": "Russian", "lv": "Latvian", "lt": "Lithuanian", "pl": "Polish",
		"de": "German", "et": "Estonian", "fr": "French", "es": "Spanish", "it": "Italian", LangUnknown: "not recognised",
	}
})

// WriteSummary writes the findings for a person to read, in English, saying
// plainly what the policy does not give.
func (f *Findings) WriteSummary(w io.Writer) error {
	var b strings.Builder
	line := func(label, value string) { fmt.Fprintf(&b, "%-22s %s\n", label+":", value) }
	none := func(what string) string { return "none found in the policy — " + what }

	line("Company", f.DisplayName)
	if f.Controller != nil {
		sure := ""
		if f.ControllerConfidence < 0.5 {
			sure = " (unsure — please confirm)"
		}
		line("Controller", *f.Controller+sure)
	} else {
		line("Controller", none("confirm the company's legal name"))
	}
	if f.Brand != nil {
		line("Trades as", *f.Brand)
	}
	if len(f.LegalEntities) > 0 {
		line("Other legal entities", strings.Join(f.LegalEntities, "; "))
	}
	if len(f.OtherControllers) > 0 {
		line("Also named controller", strings.Join(f.OtherControllers, "; "))
	}
	if also := alsoNamed(f.Alternatives, 5); also != "" {
		line("Also named", also)
	}
	if f.Registration != nil {
		line("Registration", *f.Registration)
	}
	line("Language", languageNames()[f.Language]+" ("+f.Language+")")
	jur := f.Jurisdiction
	if len(f.Jurisdictions) > 1 {
		jur += " (also " + strings.Join(f.Jurisdictions[1:], ", ") + ")"
	}
	line("Law", jur)
	list := func(label string, values []string, what string) {
		if len(values) == 0 {
			line(label, none(what))
			return
		}
		line(label, strings.Join(values, "; "))
	}
	list("E-mail", f.Emails, "add one if you know it")
	list("Postal address", f.Addresses, "add one if you know it")
	list("Website", f.Websites, "add the site you use")
	list("Phone", f.Phones, "not needed for a letter")
	if f.DPO != nil {
		line("Data protection officer", strings.TrimSpace(f.DPO.Name+" "+f.DPO.Email+" "+f.DPO.Phone))
	}
	for _, k := range []struct {
		name string
		v    *string
	}{{"access", f.Markings.Access}, {"erasure", f.Markings.Erasure}, {"withdrawal", f.Markings.Withdrawal}, {"any request", f.Markings.Any}} {
		if k.v != nil {
			line("Marking ("+k.name+")", "“"+*k.v+"”")
		}
	}
	if f.ResponseDays != nil {
		line("Promised answer", fmt.Sprintf("within %d days", *f.ResponseDays))
	} else {
		line("Promised answer", "no promise — the law's deadline applies")
	}
	for _, k := range []struct {
		name string
		v    *string
	}{{"access", f.Channels.Access}, {"erasure", f.Channels.Erasure}, {"withdrawal", f.Channels.Withdrawal}} {
		v := "no way to send it was found — add a contact"
		if k.v != nil {
			v = *k.v
		}
		line("Send "+k.name+" by", v)
	}
	if len(f.Rights) > 0 {
		line("Rights listed", strings.Join(f.Rights, ", "))
	}
	for _, n := range f.Notes {
		b.WriteString("Note: " + n.English() + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// English says a note in English, for the command line.
func (n Note) English() string {
	arg := func(i int) string {
		if i < len(n.Detail) {
			return n.Detail[i]
		}
		return ""
	}
	switch n.Code {
	case NoteNoController:
		return "the policy gives no legal name; " + quoteOr(arg(0), "the site") + " stands in until you confirm the company's name."
	case NoteNoContact:
		s := "the policy gives neither an e-mail nor a postal address; add a contact before writing."
		if arg(0) != "" {
			s += " Registration number " + arg(0) + " identifies the company in its country's register."
		}
		return s
	case NoteDomainMismatch:
		return "the site " + arg(0) + " and the e-mail domain " + arg(1) + " differ by one letter; check which is right."
	case NoteProcessor:
		return "the company says it is only a processor for some data; requests about that data may belong with its client."
	case NoteLongPromise:
		return "the policy promises " + arg(0) + " days, longer than the law's one month; the letter cites the law's deadline."
	case NoteInPerson:
		return "the policy asks for some requests in person; a written request is valid too."
	}
	return n.Code
}

func quoteOr(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// alsoNamed lists up to n other parties with their roles: "Hetzner Online
// GmbH — processor; Telegram FZ-LLC — platform".
func alsoNamed(parties []Party, n int) string {
	var out []string
	for _, p := range parties {
		if len(out) == n {
			break
		}
		out = append(out, p.Name+" — "+p.Role)
	}
	return strings.Join(out, "; ")
}
