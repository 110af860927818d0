package files

import (
	"net/url"
	"strings"
)

// PublicURL returns a policy's address as it may be stored and exported
// for publication ("company export --datarequests"): without a user name
// or password, without query parameters that track the reader or carry a
// session, token or signature, and without a fragment that holds
// parameters (#access_token=…). What identifies the page stays. A text
// that is no URL is returned as it is, for the caller's own check to word.
func PublicURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return raw
	}
	u.User = nil
	if u.RawQuery != "" {
		q := u.Query()
		for key := range q {
			if privateParam(key) {
				q.Del(key)
			}
		}
		u.RawQuery = q.Encode()
	}
	if strings.Contains(u.Fragment, "=") {
		u.Fragment, u.RawFragment = "", ""
	}
	return u.String()
}

// privateParam reports whether a query parameter tracks, identifies or
// authorises the reader rather than naming the page.
func privateParam(key string) bool {
	k := strings.ToLower(key)
	for _, p := range []string{"utm_", "mc_", "_hs", "pk_", "hsa_", "_ga", "_gl"} {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	switch k {
	case "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "twclid", "ttclid",
		"li_fat_id", "mkt_tok", "ref", "ref_src", "referrer", "sid", "uid", "user", "email", "e", "code", "state",
		"expires", "exp":
		return true
	}
	for _, w := range []string{"session", "token", "auth", "sig", "key", "pass", "pwd", "secret", "jwt", "ticket", "nonce", "otp", "login", "credential"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}
