package policy

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestKeywordsStartWithWords guards the index's rule: it looks only where
// words start, so a keyword starting with punctuation would never be found.
func TestKeywordsStartWithWords(t *testing.T) {
	for _, w := range keywords().words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			t.Errorf("keyword %q starts with %q", w, r)
		}
	}
}

// TestFindMatchesSearch checks the one-pass index against a plain search.
func TestFindMatchesSearch(t *testing.T) {
	text := "Вул. Хрещатик, вул. Басейна; ul. Marszałkowska, Ūlica; ul.ul. www.a.lt http://x.lt Reģ. Nr. 1; (далее – X)"
	d := newDoc(text)
	for _, w := range []string{"вул.", "ul.", "www.", "http://", "reģ. nr", "далее –"} {
		got := d.find(w)
		var want []int
		for _, p := range indexAll(d.lower, w) {
			if atWordStart(d.lower, p) {
				want = append(want, p)
			}
		}
		if len(got) != len(want) || len(got) == 0 {
			t.Errorf("find(%q) = %v, want %v", w, got, want)
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("find(%q) = %v, want %v", w, got, want)
			}
		}
	}
}
