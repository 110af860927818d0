package gofpdf

// This file is Prava's patch to gofpdf v1.16.2 (see PATCHES.md): parsing a
// TrueType font and hashing its 65,536-entry width table took 60 % of the
// time of a one-page letter, and gofpdf did it again for every document.

import (
	"crypto/sha256"
	"fmt"
	"sync"
)

type utf8FontKey struct {
	fontkey string
	sum     [sha256.Size]byte
}

var utf8Fonts sync.Map // utf8FontKey → fontDefType

// parsedUTF8Font returns the font definition of a UTF-8 TrueType font,
// parsing it on first use. The definition's width table is shared between
// documents and never written to; its utf8File and usedRunes are left for
// the caller to fill per document, since subsetting changes them.
func parsedUTF8Font(fontkey string, utf8Bytes []byte) (fontDefType, error) {
	key := utf8FontKey{fontkey, sha256.Sum256(utf8Bytes)}
	if def, ok := utf8Fonts.Load(key); ok {
		return def.(fontDefType), nil
	}
	utf8File := newUTF8Font(&fileReader{readerPosition: 0, array: utf8Bytes})
	if err := utf8File.parseFile(); err != nil {
		return fontDefType{}, fmt.Errorf("cannot read the font %s: %w", fontkey, err)
	}
	def := fontDefType{
		Tp:   "UTF8",
		Name: fontkey,
		Desc: FontDescType{
			Ascent:       int(utf8File.Ascent),
			Descent:      int(utf8File.Descent),
			CapHeight:    utf8File.CapHeight,
			Flags:        utf8File.Flags,
			FontBBox:     utf8File.Bbox,
			ItalicAngle:  utf8File.ItalicAngle,
			StemV:        utf8File.StemV,
			MissingWidth: round(utf8File.DefaultWidth),
		},
		Up: int(round(utf8File.UnderlinePosition)),
		Ut: round(utf8File.UnderlineThickness),
		Cw: utf8File.CharWidths,
	}
	var err error
	if def.i, err = generateFontID(def); err != nil {
		return fontDefType{}, err
	}
	utf8Fonts.Store(key, def)
	return def, nil
}

// cmapKey names a font by the bytes it was read from.
type cmapKey struct {
	first *byte
	size  int
}

type cmapDictionaries struct {
	symbolChar map[int][]int
	charSymbol map[int]int
}

var cmapCache sync.Map // cmapKey → cmapDictionaries
