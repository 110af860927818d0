package policy

import (
	"encoding/json"
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
			host := hostOf(v)
			site, err := publicsuffix.EffectiveTLDPlusOne(host)
			if err != nil {
				t.Errorf("%s: %v", host, err)
				continue
			}
			// The reader must never take an authority's site or mail
			// domain for the company's own.
			if own, ok := firstPartySite(host); ok {
				t.Errorf("%s (%s of %s) is read as the company's own site %s", site, field, a["country"], own)
			}
		}
	}
}
