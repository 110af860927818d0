package mail

import (
	"crypto/rand"
	"encoding/base32"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// Header values come from the person, the directory, policies and hostile
// mail; these checks are the one place that decides what may reach a header,
// so a CR, LF or other control character can never start a header of its own
// (security review 2, F6).

// isControl is true for characters that must never be in a header value:
// C0 and C1 controls, DEL, and the Unicode line and paragraph separators
// that some parsers treat as line breaks.
func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' || r == utf8.RuneError
}

// checkHeaderText refuses text that cannot go into a header as it is.
func checkHeaderText(s string, max int) error {
	if !utf8.ValidString(s) {
		return errors.New("it is not valid UTF-8 text")
	}
	if strings.ContainsFunc(s, isControl) {
		return errors.New("it holds a line break or another control character; remove it")
	}
	if utf8.RuneCountInString(s) > max {
		return fmt.Errorf("it is longer than %d characters; shorten it", max)
	}
	return nil
}

// CheckAddress says whether s is an address Prava can send from or to: one
// local part and one domain, nothing around them, no control characters.
// Local parts are ASCII because SMTPUTF8 is not offered by every server;
// domains may be internationalised and are sent in their xn-- form.
func CheckAddress(s string) error {
	if s == "" {
		return errors.New("it is empty; give an e-mail address like name@example.com")
	}
	if len(s) > 254 {
		return errors.New("it is longer than 254 characters, the most an address can have")
	}
	if strings.ContainsFunc(s, func(r rune) bool { return isControl(r) || unicode.IsSpace(r) }) {
		return fmt.Errorf("%q holds a space, line break or control character; give only the address", sanitize(s, 80))
	}
	at := strings.LastIndexByte(s, '@')
	if at <= 0 || at == len(s)-1 || strings.Count(s, "@") != 1 {
		return fmt.Errorf("%q is not an e-mail address; it needs one @ between name and domain", sanitize(s, 80))
	}
	local, domain := s[:at], s[at+1:]
	if len(local) > 64 {
		return errors.New("the part before @ is longer than 64 characters")
	}
	if strings.HasPrefix(local, ".") || strings.HasSuffix(local, ".") || strings.Contains(local, "..") {
		return fmt.Errorf("%q has a dot at the start or end of the name, or two dots together", sanitize(s, 80))
	}
	for _, r := range local {
		if !isAtext(r) && r != '.' {
			return fmt.Errorf("%q has %q before the @, which Prava cannot send to; check the address", sanitize(s, 80), r)
		}
	}
	if _, err := asciiDomain(domain); err != nil {
		return fmt.Errorf("%q: the domain %w", sanitize(s, 80), err)
	}
	return nil
}

// asciiDomain gives a domain in the form SMTP servers take.
func asciiDomain(domain string) (string, error) {
	if !strings.Contains(domain, ".") {
		return "", errors.New("has no dot; write the whole domain, e.g. example.com")
	}
	a, err := idna.Lookup.ToASCII(domain)
	if err != nil {
		return "", errors.New("is not a valid domain name")
	}
	return a, nil
}

// asciiAddress is the address with its domain in xn-- form.
func asciiAddress(s string) string {
	at := strings.LastIndexByte(s, '@')
	if at < 0 {
		return s
	}
	d, err := asciiDomain(s[at+1:])
	if err != nil {
		return s
	}
	return s[:at+1] + d
}

// isAtext is RFC 5322's atext: the characters a local part may hold unquoted.
func isAtext(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return true
	}
	return strings.ContainsRune("!#$%&'*+-/=?^_`{|}~", r)
}

// CheckReference says whether ref can go into a subject and a Message-ID:
// 3 to 40 letters, digits and hyphens, starting with a letter or digit.
func CheckReference(ref string) error {
	if len(ref) < 3 || len(ref) > 40 {
		return fmt.Errorf("reference %q must be 3 to 40 characters", sanitize(ref, 50))
	}
	for i, r := range ref {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || (r == '-' && i > 0)
		if !ok {
			return fmt.Errorf("reference %q may hold only letters, digits and hyphens", sanitize(ref, 50))
		}
	}
	return nil
}

// NewMessageID makes a Message-ID of our own, <prava.REF.RANDOM@DOMAIN>, with
// the sender's domain so that it stays unique to the person and Gmail can
// recognise its own Sent copy. It is returned without angle brackets, the
// form every comparison in this package uses.
func NewMessageID(ref, fromAddress string) (string, error) {
	if err := CheckReference(ref); err != nil {
		return "", err
	}
	domain := "prava.invalid"
	if at := strings.LastIndexByte(fromAddress, '@'); at >= 0 {
		if d, err := asciiDomain(fromAddress[at+1:]); err == nil {
			domain = strings.ToLower(d)
		}
	}
	var b [10]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	r := strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b[:]))
	return "prava." + strings.ToLower(ref) + "." + r + "@" + domain, nil
}

// normalizeID turns "<ID@Host>" and "ID@host" into one comparable form: no
// brackets or spaces, the domain in lower case (it is case-insensitive; the
// local part is not).
func normalizeID(id string) string {
	id = strings.TrimSpace(id)
	id = strings.TrimPrefix(id, "<")
	id = strings.TrimSuffix(id, ">")
	id = strings.TrimSpace(id)
	if at := strings.LastIndexByte(id, '@'); at >= 0 {
		id = id[:at+1] + strings.ToLower(id[at+1:])
	}
	return id
}

// sanitize makes text from outside safe to print in a message: controls
// become "?", and it is cut to max characters.
func sanitize(s string, max int) string {
	s = strings.ToValidUTF8(s, "?")
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == max {
			b.WriteString("…")
			break
		}
		if isControl(r) || r == '\u202e' || r == '\u202d' {
			r = '?'
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}
