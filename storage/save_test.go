package storage

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"prava/files"
	"strings"
	"syscall"
	"testing"
)

// injectFault makes step fail with err for writes to files under dir, for
// the rest of the test.
func injectFault(t *testing.T, dir, step string, err error) {
	t.Helper()
	files.FaultHook = func(s, path string) error {
		if s == step && strings.HasPrefix(path, dir) {
			return err
		}
		return nil
	}
	t.Cleanup(func() { files.FaultHook = nil })
}

// TestFailedSaveKeepsVaultAndBackup makes each step of a save fail as a
// full disk, exhausted inodes or a read-only folder would, and checks that
// the vault and its previous version are byte for byte as they were, and
// no temporary file is left.
func TestFailedSaveKeepsVaultAndBackup(t *testing.T) {
	cases := []struct {
		step string
		err  error
		says string
	}{
		{"create", syscall.ENOSPC, "disk is full"},
		{"create", &fs.PathError{Op: "open", Path: "x", Err: syscall.EACCES}, "permission denied"},
		{"write", syscall.ENOSPC, "free some space"},
		{"write", syscall.EDQUOT, "quota"},
		{"sync", syscall.EIO, "nothing was changed"},
		{"rename", syscall.EROFS, "read-only"},
		{"link", syscall.EPERM, ""}, // falls back to a copy: the save succeeds
	}
	for _, c := range cases {
		t.Run(c.step+" "+c.err.Error(), func(t *testing.T) {
			v, path, _ := newVault(t)
			v.Data.Profile.Name = "first"
			v.Save()
			v.Data.Profile.Name = "second"
			v.Save()
			vault, _ := os.ReadFile(path)
			bak, _ := os.ReadFile(path + ".bak")
			injectFault(t, filepath.Dir(path), c.step, c.err)
			v.Data.Profile.Name = "third"
			err := v.Save()
			files.FaultHook = nil
			if c.says == "" {
				if err != nil {
					t.Fatalf("save without hard links: %v", err)
				}
				if got, _ := os.ReadFile(path + ".bak"); !bytes.Equal(got, vault) {
					t.Error("the copied .bak is not the previous version")
				}
				v.Close()
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.says) {
				t.Errorf("save: %v; want a message saying %q", err, c.says)
			}
			if got, _ := os.ReadFile(path); !bytes.Equal(got, vault) {
				t.Error("the failed save changed the vault")
			}
			if got, _ := os.ReadFile(path + ".bak"); !bytes.Equal(got, bak) {
				t.Error("the failed save changed the previous version")
			}
			if left, _ := filepath.Glob(path + ".*tmp*"); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
			// The next save, with the disk free again, works.
			if err := v.Save(); err != nil {
				t.Fatal(err)
			}
			v.Close()
			if got, _ := os.ReadFile(path + ".bak"); !bytes.Equal(got, vault) {
				t.Error("after the retry the .bak is not the version before it")
			}
		})
	}
}

// TestWriteFileRefusesVaultFiles: the writer behind ics, letters and every
// other file Prava writes refuses a vault, its .bak, its lock file, a copy
// of a vault under another name, and links to any of them; it leaves each
// exactly as it was.
func TestWriteFileRefusesVaultFiles(t *testing.T) {
	v, path, _ := newVault(t)
	v.Save()
	dir := t.TempDir()
	copyOf := filepath.Join(dir, "backup-2026.dat")
	data, _ := os.ReadFile(path)
	os.WriteFile(copyOf, data, 0o600)
	link := filepath.Join(dir, "calendar.ics")
	os.Symlink(path, link)
	lockLink := filepath.Join(dir, "notes.txt")
	os.Symlink(path+".lock", lockLink)
	for _, target := range []string{path, path + ".bak", path + ".lock", copyOf, link, lockLink} {
		before, _ := os.ReadFile(target)
		err := files.WriteFile(target, []byte("BEGIN:VCALENDAR\r\n"))
		if !errors.Is(err, files.ErrVaultFile) || !strings.Contains(err.Error(), "choose another file name") {
			t.Errorf("%s: %v", target, err)
		}
		if after, _ := os.ReadFile(target); !bytes.Equal(before, after) {
			t.Errorf("%s was changed", target)
		}
	}
	v.Close()
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*tmp*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
