package files

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// injectFault makes step fail with err for writes to files under dir, for
// the rest of the test.
func injectFault(t *testing.T, dir, step string, err error) {
	t.Helper()
	FaultHook = func(s, path string) error {
		if s == step && strings.HasPrefix(path, dir) {
			return err
		}
		return nil
	}
	t.Cleanup(func() { FaultHook = nil })
}

// TestWriteFileReplaces: an ordinary file is replaced whole, owner-only; a
// link to one stays a link and its target is replaced; a full disk leaves
// the old file as it was.
func TestWriteFileReplaces(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "deadlines.ics")
	os.WriteFile(name, []byte("old calendar, a long one"), 0o644)
	injectFault(t, dir, "write", syscall.ENOSPC)
	if err := WriteFile(name, []byte("new")); err == nil || !strings.Contains(err.Error(), "disk is full") {
		t.Errorf("on a full disk: %v", err)
	}
	FaultHook = nil
	if got, _ := os.ReadFile(name); string(got) != "old calendar, a long one" {
		t.Errorf("a failed write left %q", got)
	}
	if err := WriteFile(name, []byte("new")); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(name)
	if got, _ := os.ReadFile(name); string(got) != "new" || st.Mode().Perm() != 0o600 {
		t.Errorf("got %q, mode %v", got, st.Mode().Perm())
	}
	link := filepath.Join(t.TempDir(), "link.ics")
	os.Symlink(name, link)
	if err := WriteFile(link, []byte("through the link")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if got, _ := os.ReadFile(name); string(got) != "through the link" {
		t.Errorf("the link's target holds %q", got)
	}
}
