package files

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPlainCopies: a print copy is owner-only and names its process; one
// left by a process that is gone is removed at the next start, a running
// one's is kept.
func TestPlainCopies(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	path, dir, err := PlainCopy("../letter.pdf", []byte("%PDF-1.4 secret"))
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(path) != dir {
		t.Errorf("the copy %s escaped its folder %s", path, dir)
	}
	st, _ := os.Stat(path)
	dst, _ := os.Stat(dir)
	if st.Mode().Perm() != 0o600 || dst.Mode().Perm() != 0o700 {
		t.Errorf("modes %v %v", st.Mode().Perm(), dst.Mode().Perm())
	}
	// A copy from a process that no longer runs (PID 2^22+1 is beyond
	// Linux's limit), and one from an older Prava without a PID.
	crashed := filepath.Join(os.TempDir(), printPrefix+"4194305-123")
	older := filepath.Join(os.TempDir(), printPrefix+"987654")
	for _, d := range []string{crashed, older} {
		os.Mkdir(d, 0o700)
		os.WriteFile(filepath.Join(d, "letter.pdf"), []byte("%PDF"), 0o600)
	}
	if n := RemoveStalePlainCopies(); n != 2 {
		t.Errorf("removed %d stale copies, want 2", n)
	}
	for _, d := range []string{crashed, older} {
		if _, err := os.Stat(d); err == nil {
			t.Errorf("%s is still there", d)
		}
	}
	if _, err := os.Stat(path); err != nil {
		t.Error("this process's own copy was removed")
	}
	// A 200-letter Cyrillic name is 422 bytes as the app builds it (F12).
	long, _, err := PlainCopy("2026-12-04 "+strings.Repeat("Ж", 200)+" access.pdf", []byte("%PDF"))
	if err != nil || !strings.HasSuffix(long, " access.pdf") && !strings.HasSuffix(long, ".pdf") {
		t.Errorf("long name: %q %v", long, err)
	}
}
