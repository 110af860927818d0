package storage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"prava/keyringtest"
	"strings"
	"testing"
	"time"
)

// editHeader returns file with its header changed by edit and written back
// with a valid checksum, as someone crafting a vault would.
func editHeader(t *testing.T, file []byte, edit func(*header)) []byte {
	t.Helper()
	p, err := parse(file)
	if err != nil {
		t.Fatal(err)
	}
	h := p.header
	edit(&h)
	hdr, err := encodeHeader(h)
	if err != nil {
		t.Fatal(err)
	}
	out := append([]byte(magic), file[len(magic):len(magic)+2]...)
	out = binary.BigEndian.AppendUint32(out, uint32(len(hdr)))
	out = append(out, hdr...)
	return append(out, p.body...)
}

// TestHostileKDFParameters gives Open and Import vaults whose headers ask
// for key derivation that panics argon2 (zero rounds or threads), eats all
// memory, or never ends, and many slots. Each must be refused as damaged
// within a second, and the file left as it was.
func TestHostileKDFParameters(t *testing.T) {
	v, path, code := newVault(t)
	v.Close()
	good, _ := os.ReadFile(path)
	setKDF := func(f func(*kdfParams)) func(*header) {
		return func(h *header) {
			for i := range h.Slots {
				if h.Slots[i].KDF != nil {
					k := *h.Slots[i].KDF
					f(&k)
					h.Slots[i].KDF = &k
				}
			}
		}
	}
	cases := map[string]func(*header){
		"time 0":             setKDF(func(k *kdfParams) { k.Time = 0 }),
		"threads 0":          setKDF(func(k *kdfParams) { k.Threads = 0 }),
		"threads 255":        setKDF(func(k *kdfParams) { k.Threads = 255 }),
		"memory 2 GiB":       setKDF(func(k *kdfParams) { k.Memory = 2 << 20 }),
		"memory 4 TiB":       setKDF(func(k *kdfParams) { k.Memory = 1<<32 - 1 }),
		"memory 1 KiB":       setKDF(func(k *kdfParams) { k.Memory = 1 }),
		"time 2^32-1":        setKDF(func(k *kdfParams) { k.Time = 1<<32 - 1 }),
		"1 GiB × 16 rounds":  setKDF(func(k *kdfParams) { k.Time, k.Memory = 16, 1<<20 }),
		"empty kdf":          setKDF(func(k *kdfParams) { *k = kdfParams{} }),
		"no salt":            setKDF(func(k *kdfParams) { k.Salt = nil }),
		"recovery, no kdf":   func(h *header) { h.Slots[0].KDF = nil },
		"keyring with a kdf": func(h *header) { h.Slots[1].KDF = kdfFor(slotRecovery) },
		"unknown kind":       func(h *header) { h.Slots[1].Kind = "keyrinf" },
		"4526 slots": func(h *header) {
			for len(h.Slots) < 4526 {
				h.Slots = append(h.Slots, h.Slots[0])
			}
		},
		"3 recovery slots":  func(h *header) { h.Slots = append(h.Slots, h.Slots[0], h.Slots[0]) },
		"short wrapped key": func(h *header) { h.Slots[0].Wrapped = h.Slots[0].Wrapped[:20] },
	}
	for name, edit := range cases {
		t.Run(name, func(t *testing.T) {
			bad := editHeader(t, good, edit)
			os.WriteFile(path, bad, 0o600)
			timed := func(what string, call func() error) error {
				start := time.Now()
				err := call()
				if d := time.Since(start); d > time.Second*raceSlowdown {
					t.Errorf("%s took %v to refuse", what, d)
				}
				return err
			}
			err := timed("open with the recovery code", func() error { _, err := Open(path, Unlock{RecoveryCode: code}, v.keyring); return err })
			if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), ".bak") && !strings.Contains(err.Error(), "vault import") {
				t.Errorf("open: %v; want damaged, with the way back", err)
			}
			err = timed("open with a passphrase", func() error { _, err := Open(path, Unlock{Passphrase: "a long passphrase"}, v.keyring); return err })
			if !errors.Is(err, ErrDamaged) {
				t.Errorf("open with a passphrase: %v", err)
			}
			if err := timed("inspect", func() error { _, err := Inspect(path, v.keyring); return err }); !errors.Is(err, ErrDamaged) {
				t.Errorf("inspect: %v", err)
			}
			elsewhere := filepath.Join(t.TempDir(), "imported.vault")
			if err := timed("import", func() error { _, err := Import(path, elsewhere, code, v.keyring); return err }); !errors.Is(err, ErrDamaged) {
				t.Errorf("import: %v", err)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, bad) {
				t.Error("the file was changed")
			}
			if _, err := os.Stat(elsewhere); err == nil {
				t.Error("a refused import wrote a vault")
			}
		})
	}
	// The bounds let through what Prava writes.
	os.WriteFile(path, editHeader(t, good, func(*header) {}), 0o600)
	w, err := Open(path, Unlock{RecoveryCode: code}, v.keyring)
	if err != nil {
		t.Fatalf("the vault rewritten unchanged: %v", err)
	}
	w.Close()
}

// TestHeaderFlipsAreDamage flips two bits of every byte of a vault's
// header (a different pair from byte to byte), one at a time: each must be reported as damage (or a newer format), never as a
// missing or wrong key, which would send the person to their recovery code
// instead of the previous version.
func TestHeaderFlipsAreDamage(t *testing.T) {
	v, path, _ := newVault(t)
	v.Save() // so that a .bak exists
	v.Close()
	good, _ := os.ReadFile(path)
	hdrLen := int(binary.BigEndian.Uint32(good[10:14]))
	counts := map[string]int{}
	for i := prefixLen; i < prefixLen+hdrLen; i++ {
		for _, bit := range []int{i % 8, (i + 3) % 8} {
			bad := bytes.Clone(good)
			bad[i] ^= 1 << bit
			os.WriteFile(path, bad, 0o600)
			_, err := Open(path, Unlock{}, v.keyring)
			switch {
			case errors.Is(err, ErrDamaged) && strings.Contains(err.Error(), ".bak"):
				counts["damaged"]++
			case errors.Is(err, ErrTooNew):
				counts["too new"]++
			default:
				t.Fatalf("flip of bit %d in byte %d (%q): %v", bit, i, good[i], err)
			}
		}
	}
	os.WriteFile(path, good, 0o600)
	t.Logf("%d header bytes flipped: %v", hdrLen, counts)
}

// TestTinyFilePointsToBackup: a vault cut to nothing says where the
// previous version is.
func TestTinyFilePointsToBackup(t *testing.T) {
	v, path, _ := newVault(t)
	v.Save()
	v.Close()
	for _, n := range []int{0, 5, 13} {
		good, _ := os.ReadFile(path)
		os.WriteFile(path, good[:n], 0o600)
		_, err := Open(path, Unlock{}, v.keyring)
		if !errors.Is(err, ErrNotAVault) || !strings.Contains(err.Error(), path+".bak") {
			t.Errorf("%d bytes: %v", n, err)
		}
		os.WriteFile(path, good, 0o600)
	}
}

// TestLockHolders: a lock held by this program names the process; one held
// by a program that is not Prava (here: the lock file names PID 1) says so
// instead of blaming "Prava process 1".
func TestLockHolders(t *testing.T) {
	v, path, _ := newVault(t)
	v.Close()
	for _, c := range []struct {
		pid   int
		words string
	}{{os.Getpid(), fmt.Sprintf("Prava process %d", os.Getpid())}, {1, "another program holds the lock file"}, {0, "another program"}} {
		f, err := os.OpenFile(path+".lock", os.O_RDWR, 0)
		if err != nil {
			t.Fatal(err)
		}
		if ok, err := tryLock(f); !ok || err != nil {
			t.Fatal("cannot take the lock:", err)
		}
		f.Truncate(0)
		f.WriteAt([]byte(fmt.Sprintln(c.pid)), 0)
		_, err = Open(path, Unlock{}, v.keyring)
		f.Close()
		if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), c.words) {
			t.Errorf("lock naming %d: %v; want %q", c.pid, err, c.words)
		}
	}
}

// TestLockFileNotFollowed: a lock file that is a link to someone's file is
// refused, and that file is not touched.
func TestLockFileNotFollowed(t *testing.T) {
	v, path, _ := newVault(t)
	v.Close()
	victim := filepath.Join(t.TempDir(), "victim.txt")
	os.WriteFile(victim, []byte("precious"), 0o600)
	os.Remove(path + ".lock")
	if err := os.Symlink(victim, path+".lock"); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path, Unlock{}, v.keyring)
	if err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("open with a linked lock file: %v", err)
	}
	if got, _ := os.ReadFile(victim); string(got) != "precious" {
		t.Errorf("the linked file now holds %q", got)
	}
}

// TestSymlinkedVaultStaysOne opens a vault through a link and saves: the
// link stays a link, its target gets the change, and the previous version
// lies beside the target.
func TestSymlinkedVaultStaysOne(t *testing.T) {
	v, path, code := newVault(t)
	v.Data.Profile.Name = "first"
	v.Save()
	v.Close()
	link := filepath.Join(t.TempDir(), "link.vault")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	w, err := Open(link, Unlock{}, v.keyring)
	if err != nil {
		t.Fatal(err)
	}
	w.Data.Profile.Name = "second"
	if err := w.Save(); err != nil {
		t.Fatal(err)
	}
	// The same vault by its real name is locked while the link has it open.
	if _, err := Open(path, Unlock{}, v.keyring); !errors.Is(err, ErrInUse) {
		t.Errorf("open by the real name while open through the link: %v", err)
	}
	w.Close()
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", st.Mode(), err)
	}
	if _, err := os.Lstat(link + ".bak"); err == nil {
		t.Error("a .bak appeared beside the link")
	}
	for file, want := range map[string]string{path: "second", path + ".bak": "first"} {
		r, err := Open(file, Unlock{RecoveryCode: code}, v.keyring)
		if err != nil {
			t.Fatal(err)
		}
		if r.Data.Profile.Name != want {
			t.Errorf("%s holds %q, want %q", file, r.Data.Profile.Name, want)
		}
		r.Close()
	}
}

// TestCreateRefusedLeavesNothing: a create refused for lack of a keyring
// leaves no folder, no lock file.
func TestCreateRefusedLeavesNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "prava")
	_, _, err := Create(filepath.Join(dir, "prava.vault"), CreateOptions{Keyring: down()})
	if !errors.Is(err, ErrKeyringUnavailable) {
		t.Fatalf("create without a keyring: %v", err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the refused create left %s behind (%v)", dir, err)
	}
	if _, _, err := Create(filepath.Join(dir, "prava.vault"), CreateOptions{Keyring: down(), Passphrase: "short"}); !errors.Is(err, ErrWeakPassphrase) {
		t.Errorf("short passphrase: %v", err)
	}
}

// down is a keyring that does not answer.
func down() *keyringtest.Keyring {
	k := keyringtest.At("")
	k.SetDown(true)
	return k
}
