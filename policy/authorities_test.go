package policy

import (
	"encoding/json"
	"strings"
	"testing"

	"golang.org/x/net/publicsuffix"

	"prava/assets"
)

// TestAuthorityDomainsAreThirdParties checks that every supervisory
// authority in the directory is known to the readers as not the company.
func TestAuthorityDomainsAreThirdParties(t *testing.T) {
	var dir struct {
		Authorities []map[string]any `json:"authorities"`
	}
	if err := json.Unmarshal(assets.Authorities, &dir); err != nil {
		t.Fatal(err)
	}
	for _, a := range dir.Authorities {
		for _, field := range []string{"email", "website", "web_form"} {
			v, _ := a[field].(string)
			if v == "" {
				continue
			}
			host := v[strings.LastIndex(v, "@")+1:]
			host = strings.TrimPrefix(strings.SplitN(host, "/", 2)[0], "www.")
			site, err := publicsuffix.EffectiveTLDPlusOne(host)
			if err != nil {
				t.Errorf("%s: %v", host, err)
				continue
			}
			if !thirdPartyDomains[site] && !thirdPartyDomains[host] {
				t.Errorf("%s (%s of %s) is not a known third party", site, field, a["country"])
			}
		}
	}
}
