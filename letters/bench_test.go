package letters

import (
	"testing"

	"prava/law"
)

// onePage is a one-page letter: a withdrawal in Latvian.
func onePage(b *testing.B) *Letter {
	r := sampleRequest("lv", law.Withdrawal)
	l, err := Compose(r)
	if err != nil {
		b.Fatal(err)
	}
	return l
}

// BenchmarkPDF renders a one-page letter in a warm process (issue #4:
// ≤ 3 ms, ≤ 30 KB).
func BenchmarkPDF(b *testing.B) {
	l := onePage(b)
	pdf, err := l.PDF()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(pdf)), "bytes/pdf")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := l.PDF(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompose writes a letter's text from its templates.
func BenchmarkCompose(b *testing.B) {
	r := sampleRequest("uk", law.Access)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compose(r); err != nil {
			b.Fatal(err)
		}
	}
}
