package directory

import (
	"testing"

	"prava/directory/internal/textkey"
)

func mustDefault(t testing.TB) *Directory {
	t.Helper()
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestEveryRecordFoundByExactName searches each record by its name: it
// must come back ranked as the name, with only records of the same name
// (the snapshot has a few, such as Amazon's country branches) before it.
func TestEveryRecordFoundByExactName(t *testing.T) {
	d := mustDefault(t)
	if d.Len() != 3069 {
		t.Errorf("the snapshot has %d companies, want 3069", d.Len())
	}
	for i := range d.Entries() {
		e := &d.Entries()[i]
		hits := d.Search(e.Name, Options{})
		pos := -1
		for k, h := range hits {
			if h.Entry == e {
				pos = k
				break
			}
			if h.Rank != RankName || textkey.Fold(h.Entry.Name) != textkey.Fold(e.Name) {
				t.Errorf("%q: %q (%s) ranked before the record itself", e.Name, h.Entry.Name, h.Rank)
				break
			}
		}
		if pos < 0 {
			t.Errorf("%q (%s) not found by its name", e.Name, e.Slug)
		} else if hits[pos].Rank != RankName {
			t.Errorf("%q found as %s, want name", e.Name, hits[pos].Rank)
		}
	}
}

func TestSearchRanking(t *testing.T) {
	d := mustDefault(t)
	tests := []struct {
		query, country string
		slug           string // the first hit
		rank           Rank
		via            string
	}{
		{"Google LLC", "", "google", RankName, ""},
		{"google llc", "", "google", RankName, ""},
		{"GOOGLE", "", "google", RankPrefix, "slug"},
		{"goo", "", "google", RankPrefix, ""},
		{"YouTube", "", "google", RankBrand, "YouTube"},
		{"youtube", "lv", "google", RankBrand, "YouTube"},
		{"gmail", "", "google", RankBrand, "Gmail"},
		{"booking.com", "", "booking-com", RankPrefix, "slug"},
		{"https://www.booking.com/index.en-gb.html", "", "booking-com", RankPrefix, "slug"},
		{"dataprotectionoffice@booking.com", "", "booking-com", RankPrefix, "booking.com"},
		{"www.google.com", "", "google", RankPrefix, "google.com"},
		{"tele2", "", "tele2", RankPrefix, "slug"},
		{"Communication Services Tele2 GmbH", "", "tele2", RankName, ""},
		// Diacritics, either way round.
		{"Sudwestrundfunk (SWR)", "", "swr", RankName, ""},
		{"südwestrundfunk", "", "swr", RankPrefix, ""},
		{"SUEDWESTRUNDFUNK", "", "swr", RankTypo, ""},
		{"Stadt Furth", "", "fuerth-de", RankName, ""},
		// Word order.
		{"telekom deutsche", "", "deutsche-telekom-ag", RankWords, ""},
		{"Rohstoffe Geowissenschaften", "", "bgr-bund", RankWords, ""},
		// One typo: replaced, dropped, doubled, swapped letters.
		{"gogle", "", "google", RankTypo, ""},
		{"goolge", "", "google", RankTypo, ""},
		{"youtbue", "", "google", RankTypo, ""},
		{"bokking", "", "booking-com", RankTypo, ""},
		// Country first among equals: Amazon's branches share a name.
		{"Amazon Europe Core SARL", "fr", "amazon-fr", RankName, ""},
		{"Amazon Europe Core SARL", "IT", "amazon-it", RankName, ""},
	}
	for _, tt := range tests {
		hits := d.Search(tt.query, Options{Country: tt.country, Limit: 5})
		if len(hits) == 0 {
			t.Errorf("%q: nothing found, want %s", tt.query, tt.slug)
			continue
		}
		h := hits[0]
		if h.Entry.Slug != tt.slug || h.Rank != tt.rank || h.Via != tt.via {
			t.Errorf("%q (country %q): first hit %s (%s, via %q), want %s (%s, via %q)", tt.query, tt.country,
				h.Entry.Slug, h.Rank, h.Via, tt.slug, tt.rank, tt.via)
		}
		for k := 1; k < len(hits); k++ {
			if hits[k].Rank < hits[k-1].Rank {
				t.Errorf("%q: hit %d (%s) ranked %s after %s", tt.query, k, hits[k].Entry.Slug, hits[k].Rank, hits[k-1].Rank)
			}
		}
	}
}

func TestSearchNoMatch(t *testing.T) {
	d := mustDefault(t)
	for _, q := range []string{"", "   ", "!!!", "xyzzyqw", "qqqqqqqqqq zzzzzzzz", "example.invalid", "ab@nowhere.invalid"} {
		if hits := d.Search(q, Options{}); len(hits) > 0 {
			t.Errorf("%q found %d companies (first %s), want none", q, len(hits), hits[0].Entry.Slug)
		}
	}
}

func TestSearchTwoTyposIsNoMatch(t *testing.T) {
	d := mustDefault(t)
	for _, h := range d.Search("gogle yuotube", Options{}) {
		if h.Entry.Slug == "google" {
			t.Errorf("two mistyped words found Google (%s); only one typo is tolerated", h.Rank)
		}
	}
	if hits := d.Search("google yuotube", Options{}); len(hits) == 0 || hits[0].Entry.Slug != "google" || hits[0].Rank != RankTypo {
		t.Errorf("one mistyped word of two should find Google by typo, got %v", hits)
	}
}

func TestSearchLimitAndOrder(t *testing.T) {
	d := mustDefault(t)
	all := d.Search("kirche", Options{})
	if len(all) < 10 {
		t.Fatalf("kirche: %d hits, want many", len(all))
	}
	five := d.Search("kirche", Options{Limit: 5})
	if len(five) != 5 {
		t.Fatalf("limit 5 gave %d hits", len(five))
	}
	for i := range five {
		if five[i].Entry != all[i].Entry {
			t.Errorf("hit %d with a limit is %s, without %s", i, five[i].Entry.Slug, all[i].Entry.Slug)
		}
	}
}

// FuzzSearch types anything into the search: it must not panic, must
// respect the limit, and must rank best first.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{"goo", "youtube", "booking.com", "Müller", "gogle yuotube", "https://x.y/z", "a@b", "ПриватБанк", "\xff\xfe", "....", "a b c d e f g h i j k l m n o p q r s"} {
		f.Add(q, 5)
	}
	d := mustDefault(f)
	f.Fuzz(func(t *testing.T, q string, limit int) {
		if limit < 0 {
			limit = -limit
		}
		hits := d.Search(q, Options{Limit: limit % 50, Country: "lv"})
		if limit%50 > 0 && len(hits) > limit%50 {
			t.Errorf("%d hits over the limit %d", len(hits), limit%50)
		}
		for k := 1; k < len(hits); k++ {
			if hits[k].Rank < hits[k-1].Rank {
				t.Errorf("%q: ranks out of order", q)
			}
		}
	})
}
