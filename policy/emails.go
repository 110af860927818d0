package policy

import (
	"iter"
	"strings"
	"sync"

	"golang.org/x/net/publicsuffix"
)

// emailRe matches an e-mail address written plainly or hidden from spam
// robots: info(at)firma.lv, info [at] firma [dot] lv, info at firma dot lv.
// The groups are the local part, the "at", and the domain. It is anchored:
// findEmails runs it from the start of the local part before each "at" it
// finds, so that each try costs the length of one address, never a scan of
// the text around it.
var emailRe = lazyRegexp(emailExpr())

// dotRe turns the spelled-out dots of a hidden address back into dots.
var dotRe = lazyRegexp(`(?i)` + spelledDotExpr())

// notEmailTLD are endings that make "name@host.png" a file, not an address.
var notEmailTLD = sync.OnceValue(func() map[string]bool {
	return map[string]bool{"png": true, "jpg": true, "jpeg": true, "gif": true, "svg": true, "webp": true, "css": true, "js": true, "ico": true, "bmp": true}
})

// mailProviders are third-party domains whose addresses a small company may
// use as its own.
var mailProviders = sync.OnceValue(func() map[string]bool {
	return map[string]bool{"gmail.com": true, "mail.ru": true, "yandex.ru": true, "yahoo.com": true, "icloud.com": true, "live.com": true, "ukr.net": true, "inbox.lv": true}
})

// placeholderDomains are the domains of sample addresses in templates.
var placeholderDomains = []string{"example.", "domain.com", "yourdomain", "your-domain", "yoursite", "site.com", "email.com", "sentry.io", "wixpress.com", "sentry-next.wixpress.com"}

// findEmails returns every e-mail address in the text, lower-cased and
// de-obfuscated, in order of first appearance. Each trigger is read on its
// own: a plain address by hand, a hidden one by the anchored regexp from
// the start of the local part before it. Work is bounded per trigger, so a
// text of nothing but "@" or of e-mail-like tokens costs one pass. (The
// regexp once ran unanchored over the windows around triggers; on such a
// text they merged into the whole text and the regexp scanned it at about
// 1 MB/s.)
func (d *doc) findEmails() ([]string, []Evidence) {
	var emails []string
	var ev []Evidence
	seenAt := map[int]bool{}
	add := func(addr string, start, end int) {
		seenAt[start] = true
		before := len(emails)
		emails = uniqueAppend(emails, addr)
		if len(emails) > before || len(ev) < 20 {
			ev = append(ev, d.evidence("emails", addr, start, end))
		}
	}
	for _, trig := range emailTriggers() {
		// Occurrences are walked, not collected: a text of nothing but
		// "@" holds millions, and growing their list cost most of its time.
		for p := range d.triggers(trig) {
			if trig == "@" && !nearEmailChar(d.text, p) {
				continue // "@@@" or a lone handle sign: nothing to match
			}
			if trig == "@" {
				// A plain address is read by hand, in time proportional to
				// its length; the regexp is left for hidden ones.
				if start, end, ok := plainEmailAt(d.text, p); ok {
					if !seenAt[start] {
						if addr, ok := cleanEmail(d.text[start:p], "@", d.text[p+1:end]); ok {
							add(addr, start, end)
						}
					}
					continue
				}
			}
			_, to := d.window(p, 0, emailAfter)
			if trig[0] == ' ' && !containsAny(d.lower[p:to], spelledDots()) {
				continue // a bare "at" needs a spelled-out dot to be an address
			}
			from := localPartStart(d.text, p)
			if from < 0 || seenAt[from] {
				continue
			}
			m := emailRe().FindStringSubmatchIndex(d.text[from:to])
			if m == nil || (from > 0 && isEmailChar(d.text[from-1])) {
				continue
			}
			if addr, ok := cleanEmail(d.text[from+m[2]:from+m[3]], d.text[from+m[4]:from+m[5]], d.text[from+m[6]:from+m[7]]); ok {
				add(addr, from, from+m[1])
			}
		}
	}
	return sortByOffset(emails, ev, "emails"), ev
}

// triggers yields where trig starts in the text. "@" is searched for;
// a spelled "at" ("(at", " собака ") is taken from the keyword index, which
// holds every word start of the spelled words already: searching for each
// of some thirty triggers cost a pass over the text apiece, most of the
// e-mail reader's time on a plain policy.
func (d *doc) triggers(trig string) iter.Seq[int] {
	return func(yield func(int) bool) {
		if trig == "@" {
			for p := 0; ; p++ {
				i := strings.IndexByte(d.lower[p:], '@')
				if i < 0 {
					return
				}
				if p += i; !yield(p) {
					return
				}
			}
		}
		word := strings.TrimLeft(trig, "([{< ")
		before, after := trig[:len(trig)-len(word)], ""
		if w, ok := strings.CutSuffix(word, " "); ok {
			word, after = w, " "
		}
		for _, p := range d.find(word) {
			q := p - len(before)
			if q >= 0 && d.lower[q:p] == before && strings.HasPrefix(d.lower[p+len(word):], after) && !yield(q) {
				return
			}
		}
	}
}

// emailAfter bounds how far past its "at" a hidden address is read.
const emailAfter = 280

// localPartStart returns where the local part of an address whose "at"
// begins at p starts, as the unanchored regexp would have found it: back
// over the spaces and bracket before the "at", then over at most 64 local
// characters, forward to the first letter or digit. It returns -1 when
// there is no local part.
func localPartStart(s string, p int) int {
	end := p
	for k := 0; end > 0 && k < 8 && strings.IndexByte(" \t\n\r\f([{<", s[end-1]) >= 0; k++ {
		end--
	}
	from := end
	for from > 0 && end-from < 64 && isLocalChar(s[from-1]) {
		from--
	}
	for from < end && !isAlnum(s[from]) {
		from++
	}
	if from == end {
		return -1
	}
	return from
}

// isLocalChar reports whether c may stand in the local part of an address.
func isLocalChar(c byte) bool {
	return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

// nearEmailChar reports whether an "@" at p has an address character on
// each side, within a space.
func nearEmailChar(s string, p int) bool {
	left := p > 0 && isEmailChar(s[p-1]) || p > 1 && s[p-1] == ' ' && isEmailChar(s[p-2])
	right := p+1 < len(s) && isEmailChar(s[p+1]) || p+2 < len(s) && s[p+1] == ' ' && isEmailChar(s[p+2])
	return left && right
}

func isEmailChar(c byte) bool {
	return isWordByte(c) && c < 0x80 || c == '.' || c == '-' || c == '+'
}

// cleanEmail rebuilds an address from its matched parts and rejects what
// only looks like one.
func cleanEmail(local, at, domain string) (string, bool) {
	if bareAt(at) {
		// "write to us at example dot com" needs the spelled-out dot too,
		// or ordinary English ("us at home.") would pass.
		if !dotRe().MatchString(domain) || strings.Contains(domain, ".") {
			return "", false
		}
	}
	domain = unspellTLD(strings.ToLower(dotRe().ReplaceAllString(domain, ".")))
	local = strings.ToLower(strings.Trim(local, "."))
	if local == "" || strings.Contains(local, "..") || strings.Contains(domain, "..") {
		return "", false
	}
	tld := domain[strings.LastIndexByte(domain, '.')+1:]
	if notEmailTLD()[tld] || !strings.Contains(domain, ".") {
		return "", false
	}
	for _, p := range placeholderDomains {
		if strings.Contains(domain, p) {
			return "", false
		}
	}
	if site, err := publicsuffix.EffectiveTLDPlusOne(domain); err == nil && thirdPartyDomains()[site] && !mailProviders()[site] {
		// A supervisory authority's or a service provider's address, named
		// in the policy's complaint or cookie sections, is not the
		// company's. Mail providers are kept: small firms use gmail.com.
		return "", false
	}
	if len(local) >= 20 && isHex(local) {
		return "", false // a tracking identifier, not a mailbox
	}
	return local + "@" + domain, true
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// sortByOffset orders values by the offset of their first evidence, so
// that lists read in the order of the text whatever order triggers ran in.
func sortByOffset(values []string, ev []Evidence, field string) []string {
	first := map[string]int{}
	for _, e := range ev {
		if e.Field != field {
			continue
		}
		if o, ok := first[e.Value]; !ok || e.Offset < o {
			first[e.Value] = e.Offset
		}
	}
	out := append([]string(nil), values...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && first[out[j]] < first[out[j-1]]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// plainEmailAt reads the address around an "@" at p written plainly,
// name@host.tld with nothing around the "@", and returns its bounds. It
// reports false for anything else (spaces, hidden dots, a long run of
// address characters), which the regular expression then reads.
func plainEmailAt(s string, p int) (int, int, bool) {
	start := p
	for start > 0 && isEmailChar(s[start-1]) && p-start <= 64 {
		start--
	}
	if start > 0 && isEmailChar(s[start-1]) || start == p {
		return 0, 0, false
	}
	for start < p && !isAlnum(s[start]) {
		start++
	}
	end := p + 1
	for end < len(s) && (isAlnum(s[end]) || s[end] == '-' || s[end] == '.') && end-p <= 253 {
		end++
	}
	if end < len(s) && (isEmailChar(s[end]) || s[end] >= 0x80) {
		return 0, 0, false
	}
	for end > p+1 && (s[end-1] == '.' || s[end-1] == '-') {
		end--
	}
	domain := s[p+1 : end]
	dot := strings.LastIndexByte(domain, '.')
	if start == p || dot <= 0 {
		return 0, 0, false
	}
	tld := domain[dot+1:]
	if len(tld) < 2 || len(tld) > 24 {
		return 0, 0, false
	}
	for i := 0; i < len(tld); i++ {
		if c := tld[i] | 0x20; c < 'a' || c > 'z' {
			return 0, 0, false
		}
	}
	for _, label := range strings.Split(domain, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return 0, 0, false
		}
	}
	return start, end, true
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
