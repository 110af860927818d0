package mail

import "strings"

// Provider is what is known about one mail provider, so that most people
// type only their address. Settings are from the providers' help pages; none
// were tried from here (no network), and Verified says which were checked
// against a second source.
type Provider struct {
	Name    string
	Domains []string
	IMAP    Server
	SMTP    Server
	// ServerFilesSent: the provider files a Sent copy itself.
	ServerFilesSent bool
	// AppPassword: a normal password is refused for IMAP/SMTP; the person
	// must make an app password (or use OAuth, where offered).
	AppPassword bool
	// OAuthOnly: password logins are switched off (Outlook.com since
	// 2024-09-16); Prava needs OAuth for these.
	OAuthOnly bool
	// Note is shown in Settings beside the password field, in English; the
	// desk translates by provider name.
	Note     string
	Verified bool
}

func tls993(host string) Server { return Server{Host: host, Port: 993, Security: SecurityTLS} }
func tls465(host string) Server { return Server{Host: host, Port: 465, Security: SecurityTLS} }
func starttls587(host string) Server {
	return Server{Host: host, Port: 587, Security: SecuritySTARTTLS}
}

// Providers is the table of known providers, most used first.
var Providers = []Provider{
	{Name: "Gmail", Domains: []string{"gmail.com", "googlemail.com"}, IMAP: tls993("imap.gmail.com"), SMTP: tls465("smtp.gmail.com"),
		ServerFilesSent: true, AppPassword: true, Verified: true,
		Note: "Needs 2-step verification and an app password (Google Account → Security → App passwords)."},
	{Name: "Outlook.com", Domains: []string{"outlook.com", "hotmail.com", "live.com", "msn.com", "outlook.de", "hotmail.de"},
		IMAP: tls993("outlook.office365.com"), SMTP: starttls587("smtp-mail.outlook.com"),
		ServerFilesSent: true, OAuthOnly: true, Verified: true,
		Note: "Microsoft switched off password logins for other mail programs; sign in with Microsoft is needed."},
	{Name: "Yahoo", Domains: []string{"yahoo.com", "yahoo.de", "yahoo.co.uk", "ymail.com"}, IMAP: tls993("imap.mail.yahoo.com"), SMTP: tls465("smtp.mail.yahoo.com"),
		AppPassword: true, Verified: true, Note: "Needs an app password (Account security → Generate app password)."},
	{Name: "iCloud", Domains: []string{"icloud.com", "me.com", "mac.com"}, IMAP: tls993("imap.mail.me.com"), SMTP: starttls587("smtp.mail.me.com"),
		AppPassword: true, Verified: true, Note: "Needs an app-specific password (appleid.apple.com → Sign-In and Security). The user name is the part before @."},
	{Name: "GMX", Domains: []string{"gmx.de", "gmx.net", "gmx.at", "gmx.ch", "gmx.com"}, IMAP: tls993("imap.gmx.net"), SMTP: starttls587("mail.gmx.net"),
		Verified: true, Note: "Switch on \"POP3/IMAP access\" in the GMX settings first."},
	{Name: "WEB.DE", Domains: []string{"web.de"}, IMAP: tls993("imap.web.de"), SMTP: starttls587("smtp.web.de"),
		Verified: true, Note: "Switch on \"POP3/IMAP access\" in the WEB.DE settings first."},
	{Name: "ukr.net", Domains: []string{"ukr.net"}, IMAP: tls993("imap.ukr.net"), SMTP: tls465("smtp.ukr.net"),
		AppPassword: true, Note: "Needs a password for other programs (Settings → Password for external programs)."},
	{Name: "i.ua", Domains: []string{"i.ua"}, IMAP: tls993("imap.i.ua"), SMTP: tls465("smtp.i.ua")},
	{Name: "meta.ua", Domains: []string{"meta.ua"}, IMAP: tls993("imap.meta.ua"), SMTP: tls465("smtp.meta.ua")},
	{Name: "Inbox.lv", Domains: []string{"inbox.lv"}, IMAP: tls993("mail.inbox.lv"), SMTP: starttls587("mail.inbox.lv"),
		Note: "Switch on IMAP in the Inbox.lv settings first."},
	{Name: "one.lt", Domains: []string{"one.lt"}, IMAP: tls993("imap.one.lt"), SMTP: tls465("smtp.one.lt")},
	{Name: "Mail.ru", Domains: []string{"mail.ru", "inbox.ru", "list.ru", "bk.ru"}, IMAP: tls993("imap.mail.ru"), SMTP: tls465("smtp.mail.ru"),
		AppPassword: true, Verified: true, Note: "Needs a password for external apps (Security → Passwords for external applications)."},
	{Name: "Yandex", Domains: []string{"yandex.ru", "yandex.com", "ya.ru", "yandex.ua"}, IMAP: tls993("imap.yandex.com"), SMTP: tls465("smtp.yandex.com"),
		AppPassword: true, Verified: true, Note: "Needs an app password, and IMAP switched on in the mail settings."},
	{Name: "Fastmail", Domains: []string{"fastmail.com", "fastmail.fm"}, IMAP: tls993("imap.fastmail.com"), SMTP: tls465("smtp.fastmail.com"),
		AppPassword: true, Verified: true, Note: "Needs an app password (Settings → Privacy & Security → App passwords)."},
}

// Guess fills an account from the table by the address's domain. The
// account still needs a password; ok is false when the domain is unknown
// and the person must type the servers.
func Guess(address string) (Account, Provider, bool) {
	at := strings.LastIndexByte(address, '@')
	if at < 0 {
		return Account{}, Provider{}, false
	}
	domain := strings.ToLower(strings.TrimSpace(address[at+1:]))
	for _, p := range Providers {
		for _, d := range p.Domains {
			if d == domain {
				a := Account{Address: strings.TrimSpace(address), IMAP: p.IMAP, SMTP: p.SMTP, ServerFilesSent: p.ServerFilesSent}
				if p.Name == "iCloud" {
					a.Username = address[:at]
				}
				return a, p, true
			}
		}
	}
	return Account{}, Provider{}, false
}
