package letters

import (
	"testing"

	"prava/record"
)

// TestOnePageSize holds a typical one-page letter in every language to
// 15 KB (issue #25: one font subset for both weights, compressed
// streams).
func TestOnePageSize(t *testing.T) {
	for _, lang := range Languages {
		l, pdf := renderPDF(t, sampleRequest(lang, record.Withdrawal))
		if p := l.paginated(l.document()); p.page != 1 {
			t.Fatalf("%s withdrawal: %d pages, want a one-page letter", lang, p.page)
		}
		if len(pdf) > 15<<10 {
			t.Errorf("%s withdrawal: %d bytes, over 15 KB (issue #25)", lang, len(pdf))
		}
	}
}

// BenchmarkLetter renders the typical one-page letter TestOnePageSize
// bounds (go test -bench Letter -benchmem ./letters).
func BenchmarkLetter(b *testing.B) {
	l := onePage(b)
	pdf, err := l.PDF()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := l.PDF(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(pdf)), "bytes/pdf")
}
