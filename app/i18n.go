package app

import (
	"os"
	"runtime"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"prava/assets"
)

// Languages are the UI languages Prava ships, in the order settings list them.
var Languages = []string{"en", "uk", "ru", "lv", "lt"}

// chosenLanguage is the UI language UseLanguage was given; "" when the
// system's decides.
var chosenLanguage string

// prefLanguage is the preference that keeps the person's UI language; ""
// follows the system.
const prefLanguage = "language"

// UseLanguage loads the UI strings and makes code ("en", "uk", …) the
// language of every screen built afterwards; "" or an unknown code leaves
// the choice to the system's locale.
//
// Fyne picks a translation from the system's locale and offers no switch,
// so the chosen file is registered under every locale Prava ships: which
// ever one Fyne picks, it finds the chosen words. On Linux LANGUAGE is set
// too, so that Fyne's own dialog buttons follow.
func UseLanguage(code string) {
	if err := lang.AddTranslationsFS(assets.Translations, assets.TranslationsDir); err != nil {
		fyne.LogError("loading translations", err)
	}
	if !slices.Contains(Languages, code) {
		chosenLanguage = ""
		return
	}
	chosenLanguage = code
	if runtime.GOOS != "windows" && runtime.GOOS != "darwin" {
		os.Setenv("LANGUAGE", code)
	}
	data, err := assets.Translations.ReadFile(assets.TranslationsDir + "/" + code + ".json")
	if err != nil {
		fyne.LogError("reading translation "+code, err)
		return
	}
	for _, l := range Languages {
		if err := lang.AddTranslationsForLocale(data, fyne.Locale(l)); err != nil {
			fyne.LogError("loading translation "+code, err)
		}
	}
}

// T is the UI text for key in the current language, filled from data
// (a map of names to values) where the text has {{.Name}} fields. Texts
// with numbers put the number after a colon ("Days left: 3"), so they read
// right in every language without plural forms, whose rules would follow
// the system's locale rather than the chosen one on Windows and macOS.
func T(key string, data ...any) string { return lang.L(key, data...) }

// args makes the data map T's templates read, from name/value pairs.
func args(kv ...any) map[string]any {
	m := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	return m
}
