package record

import (
	"strings"
	"testing"
)

// BenchmarkNewText compresses a one-page letter, as writing a request does
// for its text and its e-mail body.
func BenchmarkNewText(b *testing.B) {
	s := strings.Repeat("Відповідно до статті 15 GDPR прошу надати копію моїх персональних даних. ", 40)
	b.ReportAllocs()
	for b.Loop() {
		if NewText(s).IsEmpty() {
			b.Fatal("empty")
		}
	}
}
