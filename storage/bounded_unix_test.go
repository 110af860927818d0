//go:build unix

package storage

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// within runs do and fails the test when it takes more than a second or
// allocates more than 64 MB: the bounds of security review 2, F2 and F3.
func within(t *testing.T, what string, do func() error) error {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	done := make(chan error, 1)
	go func() { done <- do() }()
	select {
	case err := <-done:
		runtime.ReadMemStats(&after)
		if grown := after.TotalAlloc - before.TotalAlloc; grown > 64<<20 {
			t.Errorf("%s allocated %d MB", what, grown>>20)
		}
		return err
	case <-time.After(time.Second):
		t.Fatalf("%s took more than a second", what)
		return nil
	}
}

// TestHugeAndEndlessFilesRefusedAtOnce: a 64 GB sparse file that starts
// with a real vault header, a 3 GB file that is no vault, /dev/zero and a
// pipe are refused quickly and in little memory, as the vault and as a
// backup to import, and Inspect does not hang on a pipe (F2, F3, F5).
func TestHugeAndEndlessFilesRefusedAtOnce(t *testing.T) {
	v, path, code := newVault(t)
	v.Save()
	v.Close()
	real, _ := os.ReadFile(path)
	dir := t.TempDir()
	sparse := filepath.Join(dir, "sparse.vault")
	os.WriteFile(sparse, real, 0o600)
	os.Truncate(sparse, 64<<30)
	video := filepath.Join(dir, "holiday.mp4")
	os.WriteFile(video, []byte("\x00\x00\x00\x20ftypisom"), 0o600)
	os.Truncate(video, 3<<30)
	fifo := filepath.Join(dir, "pipe.vault")
	syscall.Mkfifo(fifo, 0o600)
	k := testKeyring(t)
	for _, src := range []string{sparse, video, os.DevNull, "/dev/zero", fifo} {
		err := within(t, "import "+src, func() error {
			_, err := Import(src, filepath.Join(dir, "new", "prava.vault"), code, k)
			return err
		})
		if err == nil || !strings.Contains(err.Error(), src) {
			t.Errorf("import %s: %v", src, err)
		}
		err = within(t, "open "+src, func() error {
			_, err := Open(src, Unlock{RecoveryCode: code}, k)
			return err
		})
		if err == nil {
			t.Errorf("open %s: no error", src)
		}
		within(t, "inspect "+src, func() error { _, err := Inspect(src, k); return err })
	}
	if _, err := os.Stat("/dev/zero.lock"); err == nil {
		t.Error("a lock file was made beside /dev/zero")
	}
	if _, err := os.Stat(fifo + ".lock"); err == nil {
		t.Error("a lock file was made beside the pipe")
	}
}

// TestDeviceOrFolderIsNoVault: vault init on a device or a folder says
// what it is, not "a vault already exists", and leaves no .lock (F16).
func TestDeviceOrFolderIsNoVault(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "folder.vault")
	os.Mkdir(folder, 0o700)
	fifo := filepath.Join(dir, "fifo.vault")
	syscall.Mkfifo(fifo, 0o600)
	for path, says := range map[string]string{folder: "is a folder", fifo: "is a pipe"} {
		_, _, err := Create(path, CreateOptions{Keyring: testKeyring(t)})
		if err == nil || errors.Is(err, ErrExists) || !strings.Contains(err.Error(), says) {
			t.Errorf("create at %s: %v; want %q", path, err, says)
		}
		if _, err := os.Lstat(path + ".lock"); err == nil {
			t.Errorf("%s.lock was left", path)
		}
	}
}

// TestFileLargerThanItsHeaderSays: bytes appended to a vault are damage,
// found from the header before the body is read.
func TestFileLargerThanItsHeaderSays(t *testing.T) {
	v, path, code := newVault(t)
	v.Save()
	v.Close()
	f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	f.Write([]byte("trailing"))
	f.Close()
	_, err := Open(path, Unlock{RecoveryCode: code}, nil)
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "not the") {
		t.Errorf("open: %v", err)
	}
}

// TestHeaderHidesCounts: the header read without the key does not say how
// many companies, requests or events the vault holds (F19), and the vault
// still opens with them all.
func TestHeaderHidesCounts(t *testing.T) {
	v, path, code := newVault(t)
	sampleData(v.Data)
	if err := v.Save(); err != nil {
		t.Fatal(err)
	}
	v.Close()
	file, _ := os.ReadFile(path)
	n := binary.BigEndian.Uint32(file[len(magic)+2:])
	var raw map[string]any
	if err := json.Unmarshal(file[prefixLen:prefixLen+int(n)], &raw); err != nil {
		t.Fatal(err)
	}
	hdr := string(file[prefixLen : prefixLen+int(n)])
	if strings.Contains(hdr, `"count"`) {
		t.Errorf("the header names counts: %s", hdr)
	}
	w, err := Open(path, Unlock{RecoveryCode: code}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if len(w.Data.Companies) != 1 || len(w.Data.Requests) != 1 || len(w.Data.Timeline) == 0 {
		t.Errorf("reopened: %d companies, %d requests, %d events", len(w.Data.Companies), len(w.Data.Requests), len(w.Data.Timeline))
	}
}

// TestTempCleanupTakesFolderLiterally: a vault in a folder named "[ab]"
// or "*" removes only its own temporary files (F15).
func TestTempCleanupTakesFolderLiterally(t *testing.T) {
	root := t.TempDir()
	others := []string{
		filepath.Join(root, "a", "prava.vault.tmp-4242"),
		filepath.Join(root, "a", "prava.vault.bak.tmp"),
		filepath.Join(root, "b", "prava.vault.tmp-77"),
	}
	for _, o := range others {
		os.MkdirAll(filepath.Dir(o), 0o700)
		os.WriteFile(o, []byte("another save in progress"), 0o600)
	}
	k := testKeyring(t)
	for _, name := range []string{"[ab]", "*"} {
		path := filepath.Join(root, name, "prava.vault")
		v, code, err := Create(path, CreateOptions{Keyring: k})
		if err != nil {
			t.Fatal(err)
		}
		v.Close()
		own := path + ".tmp-1-2"
		os.WriteFile(own, []byte("left by a crash"), 0o600)
		w, err := Open(path, Unlock{RecoveryCode: code}, k)
		if err != nil {
			t.Fatal(err)
		}
		w.Close()
		if _, err := os.Stat(own); err == nil {
			t.Errorf("%s: the vault's own leftover stayed", name)
		}
	}
	for _, o := range others {
		if _, err := os.Stat(o); err != nil {
			t.Errorf("%s was removed", o)
		}
	}
}
