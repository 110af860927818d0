package snapshot

import (
	"strings"
	"testing"
)

const record = `{"slug": "acme", "relevant-countries": ["de"], "name": "ACME GmbH", "address": "Str. 1\nBerlin\nDeutschland",
 "phone": "+49 30 1234", "email": "privacy@acme.de", "web": "https://acme.de", "sources": ["https://acme.de/privacy"],
 "required-elements": [{"desc": "Customer number", "type": "input", "optional": true}], "quality": "verified"}`

func TestDecodeRecord(t *testing.T) {
	r, err := DecodeRecord([]byte(record), DefaultRules())
	if err != nil {
		t.Fatal(err)
	}
	if r.Slug != "acme" || r.Name != "ACME GmbH" || len(r.RequiredElements) != 1 || !r.RequiredElements[0].Optional {
		t.Errorf("decoded %+v", r)
	}
	bad := []struct{ from, to, want string }{
		{`"slug": "acme"`, `"slug": "ACME"`, `"slug" is "ACME"`},
		{`"name": "ACME GmbH"`, `"name": " ACME"`, `"name" is " ACME"`},
		{`["de"]`, `[]`, `"relevant-countries" is empty`},
		{`["de"]`, `["de", "de"]`, `holds "de" twice`},
		{`["de"]`, `["xx"]`, `"relevant-countries" holds "xx"`},
		{`"+49 30 1234"`, `"030 1234"`, `"phone" is "030 1234"`},
		{`"privacy@acme.de"`, `"privacy"`, `"email" is "privacy"`},
		{`"privacy@acme.de"`, `"privacy@acme.de\r"`, `"email" is "privacy@acme.de\r"`},
		{`"https://acme.de"`, `"acme.de"`, `"web" is "acme.de"`},
		{`["https://acme.de/privacy"]`, `[]`, `"sources" is empty`},
		{`"type": "input"`, `"type": "number"`, `item 1 has type "number"`},
		{`"desc": "Customer number", `, ``, `item 1 has no desc`},
		{`"quality": "verified"`, `"quality": "great"`, `"quality" is "great"`},
		{`"quality": "verified"`, `"quality": "verified", "nsfw": false`, `"nsfw" may only be true`},
		{`"quality": "verified"`, `"quality": "verified", "request-language": "deu"`, `"request-language" is "deu"`},
		{`"quality": "verified"`, `"quality": "verified", "color": "red"`, `unknown field "color"`},
		{`"slug": "acme", `, ``, `required field "slug" is missing`},
		{`"name": "ACME GmbH"`, `"name": 5`, `does not follow the schema`},
	}
	for _, b := range bad {
		in := strings.Replace(record, b.from, b.to, 1)
		if in == record {
			t.Fatalf("test case %q does not change the record", b.from)
		}
		_, err := DecodeRecord([]byte(in), DefaultRules())
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("%s → %s: error %v, want %q", b.from, b.to, err, b.want)
		}
	}
}

func TestReadArrayWithByteOrderMark(t *testing.T) {
	recs, err := ReadArray([]byte("\xef\xbb\xbf\n["+record+"]"), DefaultRules())
	if err != nil || len(recs) != 1 {
		t.Errorf("%v, %d records", err, len(recs))
	}
}

func TestRulesFromSchema(t *testing.T) {
	r, err := RulesFromSchema([]byte(`{"required": ["slug", "name"], "properties": {
		"relevant-countries": {"type": "array", "items": {"type": "string", "enum": ["all", "ua"]}},
		"quality": {"enum": ["verified", "new"]},
		"required-elements": {"items": {"properties": {"type": {"enum": ["input", "iban"]}}}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if !r.allows("relevant-countries", "ua") || r.allows("relevant-countries", "de") || !r.allows("quality", "new") ||
		!r.allows("required-elements.type", "iban") || !r.allows("categories", "finance") || len(r.Required) != 2 {
		t.Errorf("rules: %+v", r)
	}
	for _, bad := range []string{`{`, `{"properties": {}}`, `[]`} {
		if _, err := RulesFromSchema([]byte(bad)); err == nil {
			t.Errorf("schema %s accepted", bad)
		}
	}
}

func TestSplitEntry(t *testing.T) {
	for in, want := range map[string][2]string{
		"companies/a.json":              {"companies", "a.json"},
		"./companies/a.json":            {"companies", "a.json"},
		"data-0a29c3d/companies/a.json": {"companies", "a.json"},
		"data-0a29c3d/schema.json":      {"", "schema.json"},
		"LICENSE":                       {"", "LICENSE"},
		"data/templates/en/x.txt":       {"-", ""},
	} {
		if d, f := splitEntry(in); d != want[0] || f != want[1] {
			t.Errorf("splitEntry(%q) = %q, %q, want %q", in, d, f, want)
		}
	}
}

// FuzzReadArray feeds arbitrary JSON to the record reader: it must accept
// or refuse, never panic, and what it accepts must pass Validate.
func FuzzReadArray(f *testing.F) {
	f.Add([]byte("[" + record + "]"))
	f.Add([]byte(`[{"slug": "a"}]`))
	f.Add([]byte(`[{"slug":"a","relevant-countries":["de"],"name":"AB","address":"x","sources":["https://a"],"quality":"verified","nsfw":true}]`))
	f.Add([]byte(`[null]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		recs, err := ReadArray(data, DefaultRules())
		if err != nil {
			return
		}
		for _, r := range recs {
			if err := Validate(r, DefaultRules()); err != nil {
				t.Errorf("accepted a record Validate refuses: %v", err)
			}
		}
		Encode(&Snapshot{Records: recs})
	})
}
