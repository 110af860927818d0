package snapshot

import (
	"encoding/json"
	"fmt"
)

// Rules are the parts of the schema that change between snapshots: the
// required keys and the allowed values of each enumerated field. A newer
// tarball carries its own schema.json, and its rules replace these, so a
// snapshot that adds a country (say "ua") is accepted without a new Prava.
type Rules struct {
	Required []string
	// Enums maps a field to its allowed values; for array fields, the
	// values of its items. "required-elements.type" is the element type.
	Enums map[string][]string
}

// DefaultRules are the rules of the schema of commit 0a29c3d6 (2026-07-21).
func DefaultRules() Rules {
	return Rules{
		Required: []string{"slug", "relevant-countries", "name", "address", "sources", "quality"},
		Enums: map[string][]string{
			"relevant-countries":         {"all", "at", "be", "bg", "hr", "cy", "cz", "dk", "ee", "fi", "fr", "de", "gr", "hu", "ie", "it", "lv", "lt", "lu", "mt", "nl", "pl", "pt", "ro", "sk", "si", "es", "se", "gb", "no", "is", "li", "ch"},
			"categories":                 {"addresses", "ads", "church", "collection agency", "commerce", "credit agency", "entertainment", "finance", "health", "insurance", "nonprofit", "political party", "public body", "school", "social media", "telecommunication", "travel", "utility"},
			"required-elements.type":     {"input", "textarea", "email", "address", "name", "birthdate"},
			"suggested-transport-medium": {"fax", "letter", "email", "webform"},
			"quality":                    {"tested", "verified", "imported", "scraped"},
			"facet-group":                {"church", "school"},
		},
	}
}

// schemaProperty is the part of a JSON-schema property the rules need.
type schemaProperty struct {
	Enum  []any `json:"enum"`
	Items *struct {
		Enum       []any                     `json:"enum"`
		Properties map[string]schemaProperty `json:"properties"`
	} `json:"items"`
}

// RulesFromSchema reads the rules from a snapshot's schema.json, starting
// from DefaultRules for anything the file does not say.
func RulesFromSchema(data []byte) (Rules, error) {
	var s struct {
		Required   []string                  `json:"required"`
		Properties map[string]schemaProperty `json:"properties"`
	}
	if err := json.Unmarshal(data, &s); err != nil {
		return Rules{}, fmt.Errorf("schema.json is not a JSON schema: %v", err)
	}
	if len(s.Properties) == 0 {
		return Rules{}, fmt.Errorf("schema.json lists no properties: is it the company schema?")
	}
	r := DefaultRules()
	if len(s.Required) > 0 {
		r.Required = s.Required
	}
	strs := func(vs []any) []string {
		var out []string
		for _, v := range vs {
			if str, ok := v.(string); ok {
				out = append(out, str)
			}
		}
		return out
	}
	for field := range r.Enums {
		if field == "required-elements.type" {
			if p, ok := s.Properties["required-elements"]; ok && p.Items != nil {
				if t, ok := p.Items.Properties["type"]; ok && len(t.Enum) > 0 {
					r.Enums[field] = strs(t.Enum)
				}
			}
			continue
		}
		p, ok := s.Properties[field]
		if !ok {
			continue
		}
		if len(p.Enum) > 0 {
			r.Enums[field] = strs(p.Enum)
		} else if p.Items != nil && len(p.Items.Enum) > 0 {
			r.Enums[field] = strs(p.Items.Enum)
		}
	}
	return r, nil
}

func (r Rules) allows(field, value string) bool {
	for _, v := range r.Enums[field] {
		if v == value {
			return true
		}
	}
	return false
}
