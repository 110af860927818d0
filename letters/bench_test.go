package letters

import (
	"prava/record"
	"testing"
)

// onePage is a one-page letter: a withdrawal in Latvian.
func onePage(b *testing.B) *Letter {
	r := sampleRequest("lv", record.Withdrawal)
	l, err := Compose(r)
	if err != nil {
		b.Fatal(err)
	}
	return l
}

// BenchmarkPDF renders a one-page letter in a warm process (issue #4:
// ≤ 3 ms, ≤ 30 KB). It reports the CPU time per letter too, which a busy
// machine does not inflate as it does the wall time.
func BenchmarkPDF(b *testing.B) {
	l := onePage(b)
	pdf, err := l.PDF()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	n, start := 0, cpuTime()
	for b.Loop() {
		if _, err := l.PDF(); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if used := cpuTime() - start; used > 0 {
		b.ReportMetric(float64(used.Nanoseconds())/float64(n), "cpu-ns/op")
	}
	b.ReportMetric(float64(len(pdf)), "bytes/pdf")
}

// BenchmarkPDFLong renders a two-page letter: an access request in
// Ukrainian with the long profile.
func BenchmarkPDFLong(b *testing.B) {
	r := sampleRequest("uk", record.Access)
	profiles["long"](&r)
	l, err := Compose(r)
	if err != nil {
		b.Fatal(err)
	}
	pdf, err := l.PDF()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := l.PDF(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(pdf)), "bytes/pdf")
}

// BenchmarkCompose writes a letter's text from its templates.
func BenchmarkCompose(b *testing.B) {
	r := sampleRequest("uk", record.Access)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compose(r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPDFFloor renders a one-page letter that fits only at the
// tightest setting (an English access request), so every looser one is
// tried first: the worst case of the ≤ 3 ms budget.
func BenchmarkPDFFloor(b *testing.B) {
	l, err := Compose(sampleRequest("en", record.Access))
	if err != nil {
		b.Fatal(err)
	}
	pdf, err := l.PDF()
	if err != nil {
		b.Fatal(err)
	}
	if p := l.paginated(l.document()); p.page != 1 || p.m.bodyPt != 10 {
		b.Fatalf("the letter is no longer one page at the floor (%d pages at %.1f pt)", p.page, p.m.bodyPt)
	}
	b.ReportAllocs()
	n, start := 0, cpuTime()
	for b.Loop() {
		if _, err := l.PDF(); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if used := cpuTime() - start; used > 0 {
		b.ReportMetric(float64(used.Nanoseconds())/float64(n), "cpu-ns/op")
	}
	b.ReportMetric(float64(len(pdf)), "bytes/pdf")
}
