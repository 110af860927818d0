package policy

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	xunicode "golang.org/x/text/encoding/unicode"
)

// MaxInputBytes is the largest policy Prava reads. Real policies are well
// under 1 MB; the cap keeps a wrong file or a hostile server from filling
// memory.
const MaxInputBytes = 16 << 20

// Errors that Decode, Load and Fetch wrap; test with errors.Is.
var (
	ErrEmpty    = errors.New("the policy is empty")
	ErrBinary   = errors.New("the policy is not text")
	ErrTooLarge = errors.New("the policy is too large")
	ErrFetch    = errors.New("the policy could not be downloaded")
)

// Format says how a policy was written before it became plain text.
type Format string

// The formats Decode understands.
const (
	FormatText Format = "text"
	FormatHTML Format = "html"
)

// Decoded is a policy as plain UTF-8 text, with what was learned while
// decoding it.
type Decoded struct {
	Text     string // plain text, one paragraph or list item a line
	Format   Format // the format it came in
	Encoding string // the character encoding it was written in
}

// Decode turns raw bytes into plain text. contentType is a MIME type such as
// "text/html; charset=windows-1251", or "" to guess from the bytes. Text in
// UTF-8, UTF-16 with a byte-order mark, Windows-1251 and Windows-1257 is
// understood; HTML is reduced to its readable text.
func Decode(data []byte, contentType string) (Decoded, error) {
	if len(data) > MaxInputBytes {
		return Decoded{}, fmt.Errorf("%w: %s, and Prava reads at most %s; save only the policy's own page", ErrTooLarge, sizeString(len(data)), sizeString(MaxInputBytes))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return Decoded{}, fmt.Errorf("%w: there is no text to read; paste the policy or choose the file that holds it", ErrEmpty)
	}
	if kind := sniffBinary(data); kind != "" {
		return Decoded{}, fmt.Errorf("%w: it looks like %s; save the policy as a .txt or .html file, or copy its text", ErrBinary, kind)
	}
	mediaType, charset := splitContentType(contentType)
	text, enc, err := decodeCharset(data, charset)
	if err != nil {
		return Decoded{}, err
	}
	format := FormatText
	if mediaType == "text/html" || mediaType == "application/xhtml+xml" || (mediaType == "" && looksLikeHTML(text)) {
		format = FormatHTML
		text = HTMLToText(text)
	}
	text = NormalizeText(text)
	if strings.TrimSpace(text) == "" {
		return Decoded{}, fmt.Errorf("%w: the page has no readable text (it may be built by JavaScript); open it in a browser and paste the text", ErrEmpty)
	}
	return Decoded{Text: text, Format: format, Encoding: enc}, nil
}

// splitContentType returns the lower-case media type and charset of a
// Content-Type value.
func splitContentType(ct string) (mediaType, charset string) {
	parts := strings.Split(ct, ";")
	mediaType = strings.ToLower(strings.TrimSpace(parts[0]))
	for _, p := range parts[1:] {
		k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
		if ok && strings.EqualFold(strings.TrimSpace(k), "charset") {
			charset = strings.ToLower(strings.Trim(strings.TrimSpace(v), `"'`))
		}
	}
	return mediaType, charset
}

// decodeCharset finds the encoding (byte-order mark first, then a declared
// charset, then the bytes themselves) and returns the text as UTF-8.
func decodeCharset(data []byte, declared string) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return checkUTF8(data[3:])
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeWith(xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), data, "utf-16le")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeWith(xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), data, "utf-16be")
	}
	if declared == "" {
		declared = metaCharset(data)
	}
	if declared != "" && declared != "utf-8" && declared != "utf8" {
		if enc, err := htmlindex.Get(declared); err == nil {
			name, _ := htmlindex.Name(enc)
			return decodeWith(enc, data, name)
		}
	}
	if utf8.Valid(data) {
		return string(data), "utf-8", nil
	}
	if hasMultibyteUTF8(data) {
		// Valid UTF-8 sequences next to broken ones: the file was damaged or
		// cut, and guessing a legacy encoding would garble the good part.
		return checkUTF8(data)
	}
	return decodeLegacy(data)
}

func checkUTF8(data []byte) (string, string, error) {
	if !utf8.Valid(data) {
		at := firstInvalidUTF8(data)
		return "", "", fmt.Errorf("%w: the text is not valid UTF-8 (bad byte at offset %d); open it in an editor and save it again as UTF-8", ErrBinary, at)
	}
	return string(data), "utf-8", nil
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// hasMultibyteUTF8 reports whether data holds at least one well-formed
// multi-byte UTF-8 sequence.
func hasMultibyteUTF8(data []byte) bool {
	for i := 0; i < len(data); i++ {
		if data[i] < 0x80 {
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r != utf8.RuneError && n > 1 {
			return true
		}
	}
	return false
}

func decodeWith(enc encoding.Encoding, data []byte, name string) (string, string, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fmt.Errorf("%w: it could not be read as %s (%v); save it again as UTF-8", ErrBinary, name, err)
	}
	return string(out), name, nil
}

// decodeLegacy chooses between the two single-byte encodings Prava's users
// meet most: Windows-1251 (Cyrillic) and Windows-1257 (Baltic). Cyrillic
// words are runs of high bytes, while Baltic text has single high bytes
// inside mostly ASCII words; that difference decides.
func decodeLegacy(data []byte) (string, string, error) {
	var high, highNextToHigh int
	for i, b := range data {
		if b < 0x80 {
			continue
		}
		high++
		if (i > 0 && data[i-1] >= 0x80) || (i+1 < len(data) && data[i+1] >= 0x80) {
			highNextToHigh++
		}
	}
	enc, name := encoding.Encoding(charmap.Windows1257), "windows-1257"
	if highNextToHigh*2 > high {
		enc, name = charmap.Windows1251, "windows-1251"
	}
	text, _, err := decodeWith(enc, data, name)
	if err != nil {
		return "", "", err
	}
	if !plausibleText(text) {
		return "", "", fmt.Errorf("%w: it is neither UTF-8 nor Windows-1251/1257 text; save it again as UTF-8", ErrBinary)
	}
	return text, name, nil
}

// plausibleText reports whether decoded text reads like prose: mostly
// letters, almost no control characters.
func plausibleText(s string) bool {
	var letters, other, control int
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
		case unicode.IsControl(r):
			control++
		case unicode.IsLetter(r):
			letters++
		case !unicode.IsSpace(r):
			other++
		}
	}
	total := letters + other + control
	return total > 0 && control*100 <= total && letters*2 >= total
}

// sniffBinary names the kind of a non-text file, or returns "".
func sniffBinary(data []byte) string {
	magic := []struct {
		prefix string
		kind   string
	}{
		{"%PDF", "a PDF document"},
		// UTF-32's mark begins like UTF-16's: read as UTF-16, such a file
		// gave nothing found and no error (security review 2, F20).
		{"\xFF\xFE\x00\x00", "UTF-32 text, which Prava does not read (an editor saves it as UTF-8)"},
		{"\x00\x00\xFE\xFF", "UTF-32 text, which Prava does not read (an editor saves it as UTF-8)"},
		{"\x89PNG", "a PNG image"},
		{"\xFF\xD8\xFF", "a JPEG image"},
		{"GIF8", "a GIF image"},
		{"PK\x03\x04", "a ZIP archive or an office document"},
		{"\xD0\xCF\x11\xE0", "an old Microsoft Office document"},
		{"{\\rtf", "an RTF document"},
		{"\x1F\x8B", "a gzip archive"},
		{"\x7FELF", "a program"},
		{"MZ", "a Windows program"},
	}
	for _, m := range magic {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return m.kind
		}
	}
	if bytes.HasPrefix(data, []byte("RIFF")) && len(data) >= 12 && string(data[8:12]) == "WEBP" {
		return "a WebP image"
	}
	// UTF-16 text has NUL bytes too, but Decode only gets here for it
	// without a byte-order mark, which Prava does not guess.
	if bytes.IndexByte(data, 0) >= 0 && !bytes.HasPrefix(data, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return "a binary file (it contains NUL bytes)"
	}
	return ""
}

// metaCharset finds <meta charset=…> or http-equiv in the first 4 KB of a
// page, as browsers do.
func metaCharset(data []byte) string {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	lower := bytes.ToLower(head)
	i := bytes.Index(lower, []byte("charset="))
	if i < 0 || !bytes.Contains(lower[:i], []byte("<meta")) {
		return ""
	}
	rest := lower[i+len("charset="):]
	rest = bytes.TrimLeft(rest, `"' `)
	end := bytes.IndexAny(rest, `"'; />`)
	if end < 0 {
		return ""
	}
	return string(rest[:end])
}

func looksLikeHTML(s string) bool {
	head := s
	if len(head) > 2048 {
		head = head[:2048]
	}
	head = strings.ToLower(head)
	for _, tag := range []string{"<!doctype html", "<html", "<body", "<head", "<p>", "<div", "<br"} {
		if strings.Contains(head, tag) {
			return true
		}
	}
	return false
}

// NormalizeText unifies line ends, spaces, invisible characters and list
// dashes, and replaces invalid UTF-8, so that offsets in findings point
// into one canonical text. Text that Decode returned is already normal.
func NormalizeText(s string) string {
	if isNormal(s) {
		return s
	}
	// The dashes go second: whether one stands alone depends on the
	// spaces and line ends the first pass settles.
	return listDashes(normalizeChars(s))
}

// normalizeChars is NormalizeText's first pass, character by character.
func normalizeChars(s string) string {
	b := make([]byte, 0, len(s))
	last := 0 // s[last:i] is copied unchanged when a change is due
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf || c == '\n' {
			i++
			continue
		}
		if n := plainRuneLen(s, i); n > 0 {
			i += n
			continue
		}
		r, n := rune(c), 1
		if c >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		var repl string
		switch {
		case r == '\r' && i+1 < len(s) && s[i+1] == '\n':
			repl, n = "\n", 2
		case r == '\r', r == '\u2028', r == '\u2029':
			repl = "\n"
		case r == '\u200B', r == '\u200C', r == '\u200D', r == '\uFEFF', r == '\u00AD':
			repl = "" // zero-width characters and soft hyphens break words apart
		case r == '\u00A0', r == '\u2007', r == '\u202F', r == '\u2009', r == '\u200A', r == '\t', r == utf8.RuneError, r < 0x20:
			repl = " "
		default:
			i += n
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, repl...)
		i += n
		last = i
	}
	b = append(b, s[last:]...)
	return string(b)
}

// plainRuneLen returns the length of the two-byte rune at i when it is one
// NormalizeText keeps as it is (every well-formed rune from U+00C0 to
// U+07FF: Latin letters with diacritics, Greek, Cyrillic), or 0 when the
// rune needs a closer look. It spares decoding the bulk of most policies.
func plainRuneLen(s string, i int) int {
	if c := s[i]; c >= 0xC3 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return 2
	}
	return 0
}

// isNormal reports whether NormalizeText would leave s as it is.
func isNormal(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' {
				return false
			}
			i++
			continue
		}
		if n := plainRuneLen(s, i); n > 0 {
			i += n
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch r {
		case utf8.RuneError, '\u00A0', '\u2007', '\u202F', '\u2009', '\u200A', '\u200B', '\u200C', '\u200D', '\uFEFF', '\u00AD', '\u2028', '\u2029':
			return false
		}
		if dashLike(r) && standsAlone(s, i, n) {
			return false
		}
		i += n
	}
	return true
}

// listDashes replaces each dash-like character standing alone with an em
// dash: a Word export's list dash typed as the Han "one" or a full-width
// hyphen, "целей: 一 идентификация…" (ru_alice). The em dash has the same
// length, so no offset moves.
func listDashes(s string) string {
	// Three byte searches: ContainsAny would decode every rune of the text.
	if !strings.Contains(s, "\u4E00") && !strings.Contains(s, "\u30FC") && !strings.Contains(s, "\uFF0D") {
		return s
	}
	var b []byte
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if dashLike(r) && standsAlone(s, i, n) {
			if b == nil {
				b = []byte(s)
			}
			copy(b[i:], "—")
		}
		i += n
	}
	if b == nil {
		return s
	}
	return string(b)
}

// dashLike reports whether r is a character of three UTF-8 bytes that
// non-CJK texts use as a list dash: the Han "one" (U+4E00), the katakana
// long vowel mark (U+30FC) and the full-width hyphen-minus (U+FF0D).
func dashLike(r rune) bool {
	return r == '\u4E00' || r == '\u30FC' || r == '\uFF0D'
}

// standsAlone reports whether the n-byte rune at i stands as a word of its
// own, with a space after it and a space, a line break, a colon or the
// text's start before it; in Chinese or Japanese text the same character
// sits between letters with no space.
func standsAlone(s string, i, n int) bool {
	if i+n >= len(s) || s[i+n] != ' ' {
		return false
	}
	return i == 0 || s[i-1] == ' ' || s[i-1] == '\n' || s[i-1] == ':'
}

func sizeString(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
