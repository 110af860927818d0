package letters

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSplitAddress: any address splits into non-empty lines that hold all
// its parts, and wrapping any text never loses a character.
func FuzzSplitAddress(f *testing.F) {
	for _, s := range []string{"Elijas iela 17, Rīga, LV-1050, Latvija", "109029, Россия, Москва, ул. Нижегородская, дом 32", "San Diego, CA, 92121, USA", "09201, Україна, Київська область, Обухівський район, м. Кагарлик, вул. Сергієнка, буд. 20", ",,, ,", "1, 2, 3", "LV-1050"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		lines := splitAddress(s)
		joined := strings.Join(lines, ",")
		for _, part := range strings.Split(s, ",") {
			// A district or a region may be written short ("обл.").
			if p := strings.TrimSpace(part); p != "" && !strings.Contains(joined, p) && !strings.Contains(joined, shortArea(p)) && !strings.Contains(s, "\n") {
				t.Fatalf("%q lost part %q: %q", s, p, lines)
			}
		}
		for _, l := range lines {
			if strings.TrimSpace(l) == "" {
				t.Fatalf("%q gave an empty line: %q", s, lines)
			}
		}
		measure := func(x string) float64 { return float64(utf8.RuneCountInString(x)) }
		wrapped := wrap(glue(s), 12, measure)
		if strings.Join(strings.Fields(strings.Join(wrapped, "")), "") != strings.Join(strings.Fields(strings.ReplaceAll(s, nbsp, " ")), "") {
			t.Fatalf("wrap lost text: %q -> %q", s, wrapped)
		}
	})
}

// FuzzParseCorrection: a correction either parses into a field and a
// value, both non-empty, or is refused with a message that says how to
// write it.
func FuzzParseCorrection(f *testing.F) {
	for _, s := range []string{"address=Elijas iela 17", "=x", "x=", "a=b=c", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCorrection(s)
		if err != nil {
			if !strings.Contains(err.Error(), "FIELD=VALUE") {
				t.Fatalf("%q: %v", s, err)
			}
			return
		}
		if c.Field == "" || c.Value == "" {
			t.Fatalf("%q parsed to %+v", s, c)
		}
	})
}
