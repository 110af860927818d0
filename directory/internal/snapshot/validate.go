package snapshot

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"unicode"
)

// The schema's patterns, as schema.json writes them, compiled on first
// use rather than at start (issue 25): a command that reads no record
// pays nothing for them.
var (
	slugPattern     = lazyPattern(`^[a-z0-9-]+$`)
	namePattern     = lazyPattern(`^\S.*\S$`)
	phonePattern    = lazyPattern(`^\+\d+ \d+ (?:\d+ )*\d+(?: ext\. \d+)?$`)
	pgpPattern      = lazyPattern(`^([0-9A-F]{4} ){5}( [0-9A-F]{4}){5}$`)
	languagePattern = lazyPattern(`^[a-z]{2}$`)
)

// lazyPattern compiles expr once, when the returned function is first called.
func lazyPattern(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// DecodeRecord reads one company record and checks it against the rules:
// no unknown keys, every required key present, each value of the right
// type, pattern and enumeration. The error names the field and what it
// should hold.
func DecodeRecord(data []byte, rules Rules) (Record, error) {
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(data, &keys); err != nil {
		return Record{}, fmt.Errorf("not a JSON object: %v", err)
	}
	for _, k := range rules.Required {
		if _, ok := keys[k]; !ok {
			return Record{}, fmt.Errorf("the required field %q is missing", k)
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var r Record
	if err := dec.Decode(&r); err != nil {
		return Record{}, fmt.Errorf("does not follow the schema: %v", err)
	}
	if v, ok := keys["nsfw"]; ok && string(bytes.TrimSpace(v)) != "true" {
		return Record{}, fmt.Errorf(`"nsfw" may only be true; leave it out otherwise`)
	}
	return r, Validate(r, rules)
}

// Validate checks a record's values against the rules and the schema's
// patterns and formats.
func Validate(r Record, rules Rules) error {
	bad := func(field, format string, args ...any) error {
		return fmt.Errorf("%q %s", field, fmt.Sprintf(format, args...))
	}
	if !slugPattern().MatchString(r.Slug) {
		return bad("slug", "is %q: use only a-z, 0-9 and -", r.Slug)
	}
	if !namePattern().MatchString(r.Name) {
		return bad("name", "is %q: it needs at least two characters and no space at either end", r.Name)
	}
	if err := enumList(rules, "relevant-countries", r.RelevantCountries, true); err != nil {
		return err
	}
	if err := enumList(rules, "categories", r.Categories, false); err != nil {
		return err
	}
	if err := unique("runs", r.Runs); err != nil {
		return err
	}
	for field, v := range map[string]string{"phone": r.Phone, "fax": r.Fax} {
		if v != "" && !phonePattern().MatchString(v) {
			return bad(field, "is %q: write it as +CC NNN NNN, with the country code", v)
		}
	}
	if r.Email != "" && (strings.Count(r.Email, "@") != 1 || strings.HasPrefix(r.Email, "@") || strings.HasSuffix(r.Email, "@") || strings.ContainsFunc(r.Email, func(c rune) bool { return unicode.IsSpace(c) || unicode.IsControl(c) })) {
		return bad("email", "is %q, which is not an e-mail address", r.Email)
	}
	for field, v := range map[string]string{"webform": r.Webform, "web": r.Web, "pgp-url": r.PGPURL} {
		if v != "" && !isURI(v) {
			return bad(field, "is %q: give a full address with its scheme, like https://example.com/", v)
		}
	}
	if r.PGPFingerprint != "" && !pgpPattern().MatchString(r.PGPFingerprint) {
		return bad("pgp-fingerprint", "is %q: ten groups of four capital hex digits", r.PGPFingerprint)
	}
	if len(r.Sources) == 0 {
		return bad("sources", "is empty: give at least one address where the data was found")
	}
	if err := unique("sources", r.Sources); err != nil {
		return err
	}
	for _, s := range r.Sources {
		if !isURI(s) {
			return bad("sources", "holds %q, which is not a full address like https://example.com/", s)
		}
	}
	for i, e := range r.RequiredElements {
		if e.Desc == "" {
			return bad("required-elements", "item %d has no desc", i+1)
		}
		if !rules.allows("required-elements.type", e.Type) {
			return bad("required-elements", "item %d has type %q: use one of %s", i+1, e.Type, strings.Join(rules.Enums["required-elements.type"], ", "))
		}
	}
	if r.RequestLanguage != "" && !languagePattern().MatchString(r.RequestLanguage) {
		return bad("request-language", "is %q: use a two-letter ISO 639-1 code like en", r.RequestLanguage)
	}
	for field, v := range map[string]string{"suggested-transport-medium": r.SuggestedMedium, "quality": r.Quality, "facet-group": r.FacetGroup} {
		if (v != "" || field == "quality") && !rules.allows(field, v) {
			return bad(field, "is %q: use one of %s", v, strings.Join(rules.Enums[field], ", "))
		}
	}
	return nil
}

func enumList(rules Rules, field string, values []string, required bool) error {
	if required && len(values) == 0 {
		return fmt.Errorf("%q is empty: list at least one country code or all", field)
	}
	for _, v := range values {
		if !rules.allows(field, v) {
			return fmt.Errorf("%q holds %q: use one of %s", field, v, strings.Join(rules.Enums[field], ", "))
		}
	}
	return unique(field, values)
}

func unique(field string, values []string) error {
	seen := make(map[string]bool, len(values))
	for _, v := range values {
		if seen[v] {
			return fmt.Errorf("%q holds %q twice", field, v)
		}
		seen[v] = true
	}
	return nil
}

func isURI(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme != "" && (u.Host != "" || u.Opaque != "")
}
