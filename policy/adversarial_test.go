package policy

import (
	"testing"
	"time"
)

// TestAdversarialLinear checks that quadrupling an adversarial text at
// most about quadruples the time to read it: a quadratic reader would take
// sixteen times as long.
func TestAdversarialLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	for name, gen := range adversarial {
		small, large := NormalizeText(gen(128<<10)), NormalizeText(gen(512<<10))
		ts, tl := bestOf(3, small), bestOf(3, large)
		if tl > 8*ts+20*time.Millisecond {
			t.Errorf("%s: 128 KB in %v, 512 KB in %v: more than linear", name, ts, tl)
		}
	}
}

func bestOf(n int, text string) time.Duration {
	best := time.Duration(1 << 62)
	for range n {
		start := time.Now()
		Analyze(text)
		best = min(best, time.Since(start))
	}
	return best
}
