package directory

import "testing"

// BenchmarkLoad measures loading the embedded snapshot and building its
// index, what the first search in a process pays.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(embedded); err != nil {
			b.Fatal(err)
		}
	}
}
