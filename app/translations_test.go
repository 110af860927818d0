package app

import (
	"encoding/json"
	"testing"

	"prava/assets"
)

func translationKeys(t *testing.T, code string) map[string]string {
	t.Helper()
	data, err := assets.Translations.ReadFile(assets.TranslationsDir + "/" + code + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s.json: %v", code, err)
	}
	return m
}
