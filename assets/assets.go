// Package assets holds the data Prava embeds in its binary: the UI
// translations, the application icon, the directory of supervisory
// authorities, the letter templates and their fonts. It holds no code
// beyond the embedding, so a translator or a researcher can change a file
// here without touching Go.
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
// complaints, one JSON entry per country (see law).
//
//go:embed authorities.json
var Authorities []byte

// Letters holds the letter templates: for each language a folder with
// common.tmpl (the parts every letter shares: labels, the date, the laws'
// names) and one file per kind of letter (access.tmpl, erasure.tmpl …), in
// Go's text/template language. See letters/README.md for what each file
// defines.
//
//go:embed letters
var Letters embed.FS

// SerifRegular and SerifBold are the letter fonts: DejaVu Serif cut to
// Latin, Cyrillic and punctuation by scripts/make-fonts.sh (licence in
// fonts/LICENSE, which allows embedding).
var (
	//go:embed fonts/DejaVuSerif.ttf
	SerifRegular []byte
	//go:embed fonts/DejaVuSerif-Bold.ttf
	SerifBold []byte
)
