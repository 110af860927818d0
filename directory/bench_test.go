package directory

import "testing"

// BenchmarkSearchAllNames searches for every record by its name in turn:
// one op is one query over all records in a warm process.
func BenchmarkSearchAllNames(b *testing.B) {
	d := mustDefault(b)
	entries := d.Entries()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d.Search(entries[i%len(entries)].Name, Options{Country: "lv", Limit: 20})
		i++
	}
}

// BenchmarkSearchTyped is what a person types: starts of names, brands,
// domains, diacritics, typos, and a miss.
func BenchmarkSearchTyped(b *testing.B) {
	d := mustDefault(b)
	queries := []string{"goo", "youtube", "tele2", "booking.com", "Müller", "gogle", "telekom deutsche", "xyzzyq", "deutsche bank", "https://www.amazon.de/gp"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d.Search(queries[i%len(queries)], Options{Country: "de", Limit: 20})
		i++
	}
}

// BenchmarkLoad measures loading the embedded snapshot and building its
// index, what the first search in a process pays.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseEmbedded(); err != nil {
			b.Fatal(err)
		}
	}
}
