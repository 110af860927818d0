// Package assets holds the data Prava embeds in its binary: the UI
// translations, the application icon and the directory of supervisory
// authorities. It holds no code beyond the embedding, so a translator or a
// researcher can change a file here without touching Go.
package assets

import "embed"

// Translations holds one JSON file of UI strings per language (en, uk, ru,
// lv, lt), in the format fyne's lang package reads.
//
//go:embed translations/*.json
var Translations embed.FS

// TranslationsDir is the folder inside Translations that holds the files.
const TranslationsDir = "translations"

// Icon is the application icon, a 512×512 PNG.
//
//go:embed icon.png
var Icon []byte

// Authorities is the directory of supervisory authorities that hear
// complaints, one JSON entry per country (see letters/law).
//
//go:embed authorities.json
var Authorities []byte
