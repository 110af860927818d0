package policy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzAnalyze feeds arbitrary bytes through Decode and Analyze, as the
// command line does with a file, and checks that nothing panics and that
// every finding points into the text.
func FuzzAnalyze(f *testing.F) {
	for _, dir := range []string{"seeds", "policies"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.*"))
		for _, name := range files {
			if strings.HasSuffix(name, ".json") {
				continue
			}
			data, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			// Seed with a slice of each policy: whole ones make every
			// mutation slow without finding more.
			f.Add(data[:min(len(data), 4000)], "")
		}
	}
	f.Add([]byte("<html><body><p>ООО «Тест», 109029, Москва, ул. Тверская, д. 1, info(at)test.ru</p>"), "text/html")
	f.Add([]byte("SIA \"X\", Reģ. Nr. 40003000000, Elijas iela 17, Rīga, LV-1050; e-pasts: x [at] x [dot] lv"), "text/plain")
	f.Add([]byte("\xff\xfeP\x00o\x00l\x00"), "")
	f.Add([]byte("ИП Малкина О.А. (далее — Оператор), целей:\t一 идентификация; 一 заказ\nКauno g. 3A-104, Vilnius"), "text/plain")
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		d, err := Decode(data, contentType)
		if err != nil {
			return
		}
		if !utf8.ValidString(d.Text) {
			t.Fatalf("Decode returned invalid UTF-8")
		}
		res := Analyze(d.Text)
		text := NormalizeText(d.Text)
		if text != d.Text {
			t.Fatalf("Decode's text is not normal")
		}
		for _, e := range res.Evidence {
			if e.Offset < 0 || e.Offset > len(text) {
				t.Fatalf("evidence %s at %d outside %d bytes", e.Field, e.Offset, len(text))
			}
			if !utf8.ValidString(e.Snippet) || !utf8.ValidString(e.Value) {
				t.Fatalf("evidence %s is not valid UTF-8", e.Field)
			}
		}
		for _, m := range res.Emails {
			if strings.Count(m, "@") != 1 || m != strings.ToLower(m) {
				t.Fatalf("bad e-mail %q", m)
			}
		}
		if res.Language == "" || res.Jurisdiction == "" {
			t.Fatalf("language %q, jurisdiction %q", res.Language, res.Jurisdiction)
		}
	})
}
