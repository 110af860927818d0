package storage

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestNoKeyringChild runs in a child process whose D-Bus session address
// leads nowhere, as on a Linux desktop without a Secret Service.
func TestNoKeyringChild(t *testing.T) {
	dir := os.Getenv("PRAVA_NO_KEYRING_DIR")
	if dir == "" {
		t.Skip("runs only as TestNoKeyringOffersPassphrase's child")
	}
	path := filepath.Join(dir, "prava.vault")
	_, _, err := Create(path, CreateOptions{})
	if !errors.Is(err, ErrKeyringUnavailable) || !strings.Contains(err.Error(), "passphrase") {
		fmt.Println("FAIL create without keyring:", err)
		return
	}
	if _, err := os.Stat(path); err == nil {
		fmt.Println("FAIL a vault was written without a key")
		return
	}
	v, code, err := Create(path, CreateOptions{Passphrase: "a long passphrase of mine"})
	if err != nil {
		fmt.Println("FAIL create with passphrase:", err)
		return
	}
	v.Close()
	if _, err := Open(path, Unlock{}, nil); !errors.Is(err, ErrWrongKey) {
		fmt.Println("FAIL open without passphrase:", err)
		return
	}
	for _, u := range []Unlock{{Passphrase: "a long passphrase of mine"}, {RecoveryCode: code}} {
		w, err := Open(path, u, nil)
		if err != nil {
			fmt.Println("FAIL open:", err)
			return
		}
		w.Close()
	}
	fmt.Println("CHILD OK")
}

// TestNoKeyringOffersPassphrase checks, with the real keyring library and no
// keyring behind it, that creating a vault says so and points to a
// passphrase, writes nothing, and that a passphrase vault then works.
func TestNoKeyringOffersPassphrase(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestNoKeyringChild$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), "PRAVA_NO_KEYRING_DIR="+t.TempDir(), "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/prava-test-bus")
	out, _ := cmd.CombinedOutput()
	if !strings.Contains(string(out), "CHILD OK") {
		t.Errorf("child:\n%s", out)
	}
}

// TestNoSessionBusChild runs with no D-Bus session at all: asking the
// keyring must say so at once and start no daemon of its own.
func TestNoSessionBusChild(t *testing.T) {
	if os.Getenv("PRAVA_NO_BUS") == "" {
		t.Skip("runs only as TestNoSessionBus's child")
	}
	_, err := SystemKeyring{}.Get(keyringService, "x")
	if !errors.Is(err, ErrKeyringUnavailable) || !strings.Contains(err.Error(), "no D-Bus session") {
		fmt.Println("FAIL get without a bus:", err)
		return
	}
	fmt.Println("CHILD OK")
}

func TestNoSessionBus(t *testing.T) {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		t.Skip("the Secret Service is Linux's and the BSDs'")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestNoSessionBusChild$", "-test.count=1", "-test.v")
	var env []string
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "DBUS_SESSION_BUS_ADDRESS=") && !strings.HasPrefix(e, "XDG_RUNTIME_DIR=") {
			env = append(env, e)
		}
	}
	cmd.Env = append(env, "PRAVA_NO_BUS=1", "XDG_RUNTIME_DIR="+t.TempDir())
	if _, err := os.Stat(filepath.Join("/run/user", fmt.Sprint(os.Getuid()), "bus")); err == nil {
		t.Skip("this machine has a session bus at /run/user")
	}
	out, _ := cmd.CombinedOutput()
	if !strings.Contains(string(out), "CHILD OK") {
		t.Errorf("child:\n%s", out)
	}
}
