package policy

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

// bareTLDs are the endings that make a word such as "lantrase.com.ua" a
// site name even without http:// or www. Longer or rarer endings need a
// scheme to be believed, so "file.txt" or "v1.2" do not become sites.
var bareTLDs = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"com": true, "net": true, "org": true, "info": true, "biz": true, "io": true, "app": true, "dev": true, "eu": true,
		"ua": true, "ru": true, "lv": true, "lt": true, "ee": true, "pl": true, "de": true, "by": true, "kz": true, "md": true,
		"uk": true, "fr": true, "es": true, "it": true, "nl": true, "be": true, "at": true, "ch": true, "cz": true, "sk": true,
		"fi": true, "se": true, "no": true, "dk": true, "ro": true, "bg": true, "hu": true, "pt": true, "ie": true, "us": true,
		"co": true, "me": true, "online": true, "shop": true, "store": true, "site": true, "рф": true, "укр": true, "pro": true,
	}
})

// thirdPartyDomains are services a policy mentions but that are not the
// company: analytics, social networks, app stores, payment and delivery
// firms, browsers, and the sites of laws and authorities (authorityDomains
// and Prava's directory, see authoritySites). Built on first use, not at
// start, because reading the directory parses JSON.
var thirdPartyDomains = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{
		"google.com": true, "google-analytics.com": true, "googletagmanager.com": true, "googleadservices.com": true, "doubleclick.net": true,
		"gstatic.com": true, "googleapis.com": true, "youtube.com": true, "youtu.be": true, "g.co": true, "goo.gl": true, "withgoogle.com": true,
		"facebook.com": true, "facebook.net": true, "fb.com": true, "instagram.com": true, "whatsapp.com": true, "messenger.com": true, "meta.com": true,
		"twitter.com": true, "x.com": true, "t.co": true, "linkedin.com": true, "tiktok.com": true, "pinterest.com": true, "snapchat.com": true,
		"vk.com": true, "vk.ru": true, "ok.ru": true, "yandex.ru": true, "yandex.com": true, "yandex.net": true, "ya.ru": true, "mail.ru": true, "rambler.ru": true,
		"telegram.org": true, "t.me": true, "viber.com": true, "skype.com": true, "zoom.us": true, "discord.com": true,
		"apple.com": true, "icloud.com": true, "microsoft.com": true, "live.com": true, "bing.com": true, "amazon.com": true, "amazonaws.com": true,
		"cloudflare.com": true, "akamai.com": true, "hotjar.com": true, "adobe.com": true, "mozilla.org": true, "opera.com": true, "wikipedia.org": true,
		"allaboutcookies.org": true, "aboutcookies.org": true, "youronlinechoices.com": true, "youronlinechoices.eu": true, "aboutads.info": true,
		"networkadvertising.org": true, "optout.aboutads.info": true, "w3.org": true,
		"paypal.com": true, "stripe.com": true, "liqpay.ua": true, "privatbank.ua": true, "monobank.ua": true, "wayforpay.com": true, "fondy.eu": true,
		"novaposhta.ua": true, "ukrposhta.ua": true, "pochta.ru": true, "cdek.ru": true, "omniva.lv": true, "omniva.lt": true, "dpd.com": true, "dhl.com": true,
		"mailchimp.com": true, "hubspot.com": true, "zendesk.com": true, "intercom.com": true, "criteo.com": true, "yahoo.com": true, "gmail.com": true,
		"europa.eu": true, "coe.int": true, "consultant.ru": true, "garant.ru": true, "likumi.lv": true, "e-tar.lt": true, "ada.lt": true, "lrv.lt": true,
		"rada.gov.ua": true, "rkn.gov.ru": true, "dvi.gov.lv": true, "uodo.gov.pl": true, "bfdi.bund.de": true, "aki.ee": true, "ombudsman.gov.ua": true,
		"edpb.europa.eu": true, "ico.org.uk": true, "cnil.fr": true, "appsflyer.com": true, "adjust.com": true, "firebase.google.com": true, "sentry.io": true,
	}
	for _, d := range authorityDomains {
		m[d] = true
	}
	for _, d := range authoritySites() {
		m[d] = true
	}
	return m
})

// authorityDomains are supervisory authorities' domains a policy may name
// in its complaint section beside those of Prava's own directory (see
// authoritySites): neither their sites nor their e-mail addresses are the
// company's.
var authorityDomains = []string{
	"ada.lt", "aepd.es", "aki.ee", "apd-gba.be", "autoriteitpersoonsgegevens.nl", "autoriteprotectiondonnees.be", "azop.hr",
	"bfdi.bund.de", "cnil.fr", "cnpd.lu", "cnpd.pt", "public.lu", "cpdp.bg", "ca.gov", "dataprotection.gov.cy", "dataprotection.gov.sk",
	"dataprotection.ie", "dataprotection.ro", "datatilsynet.dk", "datatilsynet.no", "datenschutzstelle.li", "dpa.gr", "dsb.gv.at",
	"dvi.gov.lv", "garanteprivacy.it", "gpdp.it", "idpc.org.mt", "imy.se", "ip-rs.si", "llv.li", "naih.hu", "om.fi", "ombudsman.gov.ua",
	"rkn.gov.ru", "pdp.gov.sk", "personuvernd.is", "sedeagpd.gob.es", "tietosuoja.fi", "uodo.gov.pl", "uoou.cz", "lrv.lt",
}

// findWebsites returns the company's own sites as registrable domains
// ("planfix.ua"), from URLs, www. names and bare domain names.
func (d *doc) findWebsites() ([]string, []Evidence) {
	var sites []string
	var ev []Evidence
	add := func(host string, start, end int) {
		site, ok := firstPartySite(host)
		if !ok {
			return
		}
		before := len(sites)
		sites = uniqueAppend(sites, site)
		if len(sites) > before {
			ev = append(ev, d.evidence("websites", site, start, end))
		}
	}
	for _, scheme := range []string{"http://", "https://"} {
		for _, p := range d.find(scheme) {
			start := p + len(scheme)
			host := hostAt(d.text, start)
			add(host, p, start+len(host))
		}
	}
	for _, p := range d.find("www.") {
		if p > 0 && (d.text[p-1] == '/' || isWordByte(d.text[p-1]) || d.text[p-1] == '.') {
			continue // part of a URL already read, or of a longer word
		}
		host := hostAt(d.text, p)
		add(host, p, p+len(host))
	}
	for i := 0; i < len(d.text); i++ {
		if d.text[i] != '.' || i == 0 || !isWordByte(d.text[i-1]) || i+1 >= len(d.text) || !isWordByte(d.text[i+1]) {
			continue
		}
		start, end := bareDomainBounds(d.text, i)
		host := d.text[start:end]
		if start > 0 && strings.ContainsRune("@/.:", rune(d.text[start-1])) {
			i = max(i, end)
			continue // an e-mail domain, or part of a URL
		}
		if end < len(d.text) && (d.text[end] == '@' || d.text[end] == '/' && start > 0 && d.text[start-1] == '/') {
			i = max(i, end)
			continue
		}
		if looksLikeBareDomain(host) {
			add(host, start, end)
		}
		i = max(i, end)
	}
	return sortByOffset(sites, ev, "websites"), ev
}

// hostAt reads a host name starting at i.
func hostAt(s string, i int) string {
	j := i
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-') {
			break
		}
		j += n
	}
	return strings.TrimRight(s[i:j], ".-")
}

// bareDomainBounds expands the dot at i to the whole word around it.
func bareDomainBounds(s string, i int) (int, int) {
	start := i
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-') {
			break
		}
		start -= n
	}
	end := i
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-') {
			break
		}
		end += n
	}
	for end > start && (s[end-1] == '.' || s[end-1] == '-') {
		end--
	}
	return start, end
}

// looksLikeBareDomain accepts lower-case names with a known ending. A
// capitalised "Pricer.lt" or "Booking.com" is a brand name in a sentence.
func looksLikeBareDomain(host string) bool {
	if host != strings.ToLower(host) || strings.Count(host, ".") > 4 {
		return false
	}
	labels := strings.Split(host, ".")
	if len(labels) < 2 || !bareTLDs()[labels[len(labels)-1]] {
		return false
	}
	for _, l := range labels {
		if l == "" || isDigits(l) {
			return false
		}
	}
	first := labels[0]
	return len(first) >= 2
}

// firstPartySite returns the registrable domain of host, or false for a
// third party or a name that is not a public site.
func firstPartySite(host string) (string, bool) {
	host = strings.ToLower(strings.TrimPrefix(strings.ToLower(host), "www."))
	if host == "" || !strings.Contains(host, ".") {
		return "", false
	}
	ascii, err := idna.Lookup.ToASCII(host)
	if err != nil {
		return "", false
	}
	site, err := publicsuffix.EffectiveTLDPlusOne(ascii)
	if err != nil {
		return "", false
	}
	if suffix, icann := publicsuffix.PublicSuffix(ascii); !icann || suffix == ascii {
		return "", false
	}
	if thirdPartyDomains()[site] || thirdPartyDomains()[ascii] || isGovernmentDomain(site) {
		return "", false
	}
	if host != ascii {
		// Show a Cyrillic domain as people write it.
		if uni, err := idna.Lookup.ToUnicode(site); err == nil {
			site = uni
		}
	}
	return site, true
}

func isGovernmentDomain(site string) bool {
	return strings.Contains(site, ".gov.") || strings.HasSuffix(site, ".gov") || strings.Contains(site, ".gouv.") ||
		strings.HasSuffix(site, ".bund.de") || strings.HasSuffix(site, "europa.eu")
}
