package directory

import "testing"

func TestWithinOne(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"google", "google", true}, {"gogle", "google", true}, {"gooogle", "google", true}, {"goolge", "google", true},
		{"hoogle", "google", true}, {"gogl", "google", false}, {"elgoog", "google", false}, {"a", "", true}, {"ab", "", false},
	} {
		if got := withinOne(tt.a, tt.b); got != tt.want {
			t.Errorf("withinOne(%q, %q) = %v", tt.a, tt.b, got)
		}
		if tt.want && len(tt.a) >= 2 && len(tt.b) >= 2 && !mayBeTypo(tt.a, tt.b) {
			t.Errorf("mayBeTypo(%q, %q) rules out a typo", tt.a, tt.b)
		}
	}
	for _, tt := range []struct {
		q, t string
		want bool
	}{
		{"youtub", "youtube", true}, {"yuotub", "youtube", true}, {"gooogl", "google", true}, {"tele2", "telestream", false}, {"xyz", "google", false},
	} {
		if got := prefixWithinOne(tt.q, tt.t); got != tt.want {
			t.Errorf("prefixWithinOne(%q, %q) = %v", tt.q, tt.t, got)
		}
	}
}
