package policy

import (
	"encoding/json"
	"net/url"
	"strings"

	"golang.org/x/net/publicsuffix"

	"prava/assets"
)

// authoritySites are the registrable domains of every supervisory
// authority in Prava's directory (assets/authorities.json): their web
// sites, forms and e-mail addresses. A policy names them in its complaint
// section, and none of them is the company's. Read from the directory
// itself, so an authority added there is known here too.
func authoritySites() []string {
	var dir struct {
		Authorities []map[string]any `json:"authorities"`
	}
	if err := json.Unmarshal(assets.Authorities, &dir); err != nil {
		return nil
	}
	var out []string
	for _, a := range dir.Authorities {
		for _, field := range []string{"email", "website", "web_form"} {
			if host := hostOf(stringField(a, field)); host != "" {
				if site, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
					out = append(out, site)
				}
			}
		}
	}
	return out
}

// hostOf is the host of a web address or e-mail address, without "www.";
// "" when there is none.
func hostOf(v string) string {
	v = strings.TrimSpace(v)
	if v == "" {
		return ""
	}
	if at := strings.LastIndex(v, "@"); at >= 0 && !strings.Contains(v, "://") {
		return strings.ToLower(strings.TrimPrefix(v[at+1:], "www."))
	}
	if !strings.Contains(v, "://") {
		v = "https://" + v
	}
	u, err := url.Parse(v)
	if err != nil {
		return ""
	}
	return strings.ToLower(strings.TrimPrefix(u.Hostname(), "www."))
}

// stringField is a JSON object's string field, "" when absent.
func stringField(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}
