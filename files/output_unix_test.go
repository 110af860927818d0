//go:build unix

package files

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// mallory is a uid that owns nothing here: the "other local user" of the
// planted-link attacks (security review 2, F1).
const mallory = 1502

// sharedDir makes a world-writable sticky folder like /tmp, owned by root.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "shared")
	if err := os.Mkdir(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o777|os.ModeSticky)
	return dir
}

func needRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root, to give a link or a file to another uid (scripts/test.sh runs as root)")
	}
}

// TestPlantedLinkInSharedFolder: another user's link in a sticky shared
// folder is not followed (F1), neither to an existing file nor to a new
// one; the person's own link there still is.
func TestPlantedLinkInSharedFolder(t *testing.T) {
	needRoot(t)
	shared := sharedDir(t)
	home := t.TempDir()
	bashrc := filepath.Join(home, ".bashrc")
	os.WriteFile(bashrc, []byte("# my shell\n"), 0o600)
	for name, to := range map[string]string{
		"letter.pdf":   bashrc,
		"backup.vault": filepath.Join(home, "authorized_keys2"), // dangling
	} {
		link := filepath.Join(shared, name)
		os.Symlink(to, link)
		if err := os.Lchown(link, mallory, mallory); err != nil {
			t.Fatal(err)
		}
		err := WriteFile(link, []byte("%PDF-1.3 $(id)"))
		if err == nil || !strings.Contains(err.Error(), "another user (uid 1502)") {
			t.Errorf("%s: %v; want the planted link refused", name, err)
		}
		if err := WriteNew(link, []byte("PRAVAVLT")); err == nil {
			t.Errorf("%s: WriteNew followed the planted link", name)
		}
	}
	// A folder link planted the same way is no way around it.
	dirLink := filepath.Join(shared, "docs")
	os.Symlink(home, dirLink)
	os.Lchown(dirLink, mallory, mallory)
	if err := WriteFile(filepath.Join(dirLink, ".bashrc"), []byte("x")); err == nil {
		t.Error("a planted link to a folder was followed")
	}
	if got, _ := os.ReadFile(bashrc); string(got) != "# my shell\n" {
		t.Errorf(".bashrc now holds %q", got)
	}
	if _, err := os.Lstat(filepath.Join(home, "authorized_keys2")); err == nil {
		t.Error("a file was created through the dangling link")
	}
	// The person's own link in the shared folder is theirs to follow.
	mine := filepath.Join(shared, "mine.ics")
	target := filepath.Join(home, "cal.ics")
	os.WriteFile(target, []byte("old"), 0o600)
	os.Symlink(target, mine)
	if err := WriteFile(mine, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(target); string(got) != "new" {
		t.Errorf("own link's target holds %q", got)
	}
}

// TestDanglingLinkNeverCreates: a link to a file that does not exist is
// refused even in the person's own folder (F1: ~/.profile was created).
func TestDanglingLinkNeverCreates(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "profile")
	link := filepath.Join(dir, "dr.json")
	os.Symlink(missing, link)
	if err := WriteFile(link, []byte("[]")); err == nil || !strings.Contains(err.Error(), "never creates a file through a link") {
		t.Errorf("dangling link: %v", err)
	}
	if _, err := os.Lstat(missing); err == nil {
		t.Error("the link's target was created")
	}
}

// TestOnlyOwnRegularFilesReplaced: a device, a pipe, a folder or another
// user's file is never replaced (F11: root replaced /dev/null).
func TestOnlyOwnRegularFilesReplaced(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	syscall.Mkfifo(fifo, 0o600)
	device := os.DevNull
	if os.Geteuid() == 0 {
		// A copy of /dev/null's node, so that a failing test harms nothing.
		device = filepath.Join(dir, "null")
		if err := syscall.Mknod(device, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
			t.Fatal(err)
		}
	}
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o700)
	for path, says := range map[string]string{fifo: "not a plain file", device: "is a device", sub: "is a folder"} {
		err := WriteFile(path, []byte("%PDF"))
		if err == nil || !strings.Contains(err.Error(), says) {
			t.Errorf("%s: %v; want %q", path, err, says)
		}
	}
	if st, _ := os.Lstat(device); st.Mode()&os.ModeDevice == 0 {
		t.Errorf("%s is no longer a device", device)
	}
	if st, _ := os.Lstat(fifo); st.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the pipe was replaced")
	}
	if os.Geteuid() == 0 {
		theirs := filepath.Join(dir, "theirs.txt")
		os.WriteFile(theirs, []byte("mallory's"), 0o644)
		os.Chown(theirs, mallory, mallory)
		if err := WriteFile(theirs, []byte("x")); err == nil || !strings.Contains(err.Error(), "belongs to another user") {
			t.Errorf("another user's file: %v", err)
		}
		if got, _ := os.ReadFile(theirs); string(got) != "mallory's" {
			t.Error("another user's file was replaced")
		}
	}
}

// TestCheckOutput: an output that is one of the command's inputs or its
// other output, under any name, is refused (F10).
func TestCheckOutput(t *testing.T) {
	dir := t.TempDir()
	me := filepath.Join(dir, "me.json")
	os.WriteFile(me, []byte(`{"name":"A"}`), 0o600)
	hard := filepath.Join(dir, "hard.json")
	os.Link(me, hard)
	soft := filepath.Join(dir, "soft.json")
	os.Symlink(me, soft)
	rel, _ := filepath.Rel(mustWd(t), me)
	for _, out := range []string{me, hard, soft, rel, filepath.Join(dir, ".", "me.json")} {
		if err := CheckOutput(out, "", me); err == nil || !strings.Contains(err.Error(), "choose a different output name") {
			t.Errorf("%s over %s: %v", out, me, err)
		}
	}
	// Two outputs of the same new name.
	pdf := filepath.Join(dir, "same.pdf")
	if err := CheckOutput(pdf, me, pdf); err == nil {
		t.Error("--out X --email X allowed")
	}
	if err := CheckOutput(filepath.Join(dir, "letter.pdf"), me, filepath.Join(dir, "letter.eml")); err != nil {
		t.Errorf("distinct files: %v", err)
	}
}

func mustWd(t *testing.T) string {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}

// TestWriteNewRefusesAnyEntry: an export never replaces anything.
func TestWriteNewRefusesAnyEntry(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "b.vault")
	os.WriteFile(old, []byte("keep"), 0o600)
	if err := WriteNew(old, []byte("new")); err == nil {
		t.Error("WriteNew replaced a file")
	}
	fresh := filepath.Join(dir, "c.vault")
	if err := WriteNew(fresh, []byte("a"), []byte("b")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(fresh); string(got) != "ab" {
		t.Errorf("got %q", got)
	}
}
