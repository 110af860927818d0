package app

import (
	"strings"
	"testing"
)

// TestOneTermForEachThing: in every language the vault and the keyring
// have different names (Settings shows them one after the other), the law
// is called by one word wherever the company's law is unknown, and the
// Edit button opens a page headed with the same word.
func TestOneTermForEachThing(t *testing.T) {
	lawWord := map[string]string{"en": "law", "uk": "закон", "ru": "закон", "lv": "likum", "lt": "įstatym"}
	t.Cleanup(func() { UseLanguage("en") })
	for _, code := range Languages {
		UseLanguage(code)
		vault, keyring := T("settings.vault"), T("settings.keyring")
		if first := strings.Fields(keyring)[0]; strings.EqualFold(first, vault) || strings.HasPrefix(strings.ToLower(keyring), strings.ToLower(vault)) {
			t.Errorf("%s: the keyring %q is named as the vault %q", code, keyring, vault)
		}
		for _, key := range []string{"company.law_unknown", "dir.law_undecided", "problem.law.company_unknown", "review.jurisdiction", "review.jurisdiction_missing"} {
			if !strings.Contains(strings.ToLower(T(key)), lawWord[code]) {
				t.Errorf("%s: %s %q does not call the law %q", code, key, T(key), lawWord[code])
			}
		}
		if edit, heading := T("company.edit"), T("company.edit_heading", args("Name", "X")); !strings.HasPrefix(heading, edit) {
			t.Errorf("%s: the button %q opens %q", code, edit, heading)
		}
	}
}
