package app

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/record"
)

var recoveryCode = regexp.MustCompile(`^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$`)

func TestFirstRun(t *testing.T) {
	path := filepath.Join(t.TempDir(), "prava", "prava.vault")
	u := startedUI(t, path)
	mustShow(t, u, "Welcome to Prava")
	mustShow(t, u, path)
	tap(t, u, "Create my vault")

	mustShow(t, u, "Your recovery code")
	var code string
	walk(u, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && recoveryCode.MatchString(l.Text) {
			code = l.Text
		}
	})
	if code == "" {
		t.Fatalf("no recovery code on screen: %q", texts(u))
	}
	cont := button(t, u, "Continue")
	if !cont.Disabled() {
		t.Fatal("Continue is enabled before the person says the code is kept")
	}
	var kept *widget.Check
	walk(u, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok {
			kept = c
		}
	})
	test.Tap(kept)
	if cont.Disabled() {
		t.Fatal("Continue stays disabled after the code is kept")
	}
	test.Tap(cont)
	// A new vault opens on the profile: letters need the person first.
	if u.home == nil || u.home.tabs.SelectedIndex() != tabProfile {
		t.Fatal("the new vault does not open on the profile")
	}
	mustShow(t, u, "Your profile")

	// The key is in the keyring and the code opens the vault too.
	u.Close()
	info, err := casework.InspectVault(path, testKeyring)
	if err != nil || !info.KeyInKeyring {
		t.Fatalf("key not in the keyring: %+v %v", info, err)
	}
	newComputer(t) // the keyring is empty
	v, err := casework.Open(path, casework.Unlock{RecoveryCode: code}, testKeyring, time.Now)
	if err != nil {
		t.Fatalf("the code shown does not open the vault: %v", err)
	}
	v.Close()
}

func TestFirstRunWithoutKeyring(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v.vault")
	u := newTestUI(t, path)
	u.opt.Keyring = failingKeyring{}
	u.Start()
	u.Settle()
	tap(t, u, "Create my vault")
	mustShow(t, u, "Protect your vault with a passphrase")
	mustShow(t, u, "no keyring")
	if _, err := os.Stat(path); err == nil {
		t.Fatal("a vault was written although the keyring refused its key")
	}
	pass, again := entryAfter(t, u, "Passphrase"), entryAfter(t, u, "Repeat it")
	test.Type(pass, "short")
	test.Type(again, "short")
	tap(t, u, "Create my vault")
	mustShow(t, u, "at least this many characters: 10")
	pass.SetText("correct horse battery")
	again.SetText("correct horse batteries")
	tap(t, u, "Create my vault")
	mustShow(t, u, "The two passphrases differ")
	again.SetText("correct horse battery")
	tap(t, u, "Create my vault")
	mustShow(t, u, "Your recovery code")

	u.Close()
	v, err := casework.Open(path, casework.Unlock{Passphrase: "correct horse battery"}, failingKeyring{}, time.Now)
	if err != nil {
		t.Fatalf("the passphrase does not open the vault: %v", err)
	}
	v.Close()
	// The next start asks for the passphrase.
	u2 := newTestUI(t, path)
	u2.opt.Keyring = failingKeyring{}
	u2.Start()
	u2.Settle()
	mustShow(t, u2, "Unlock your vault")
	entryAfter(t, u2, "Passphrase").SetText("correct horse battery")
	tap(t, u2, "Open")
	if u2.desk == nil {
		t.Fatalf("the passphrase did not unlock: %q", texts(u2))
	}
}

func TestStartOpensWithKeyring(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v.vault")
	newVault(t, path, func(d *record.Data) {
		d.Profile.Name = "Olena Petrenko"
		d.Companies = append(d.Companies, record.Company{ID: "c1", Name: "NETRACK", Jurisdiction: "RU"})
	})
	u := startedUI(t, path)
	if u.desk == nil {
		t.Fatalf("the vault did not open without a question: %q", texts(u))
	}
	mustShow(t, u, "NETRACK")
	mustShow(t, u, "No requests")
	mustShow(t, u, "Companies shown: 1 of 1")
}

func TestUnlockWithRecoveryCode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v.vault")
	code := newVault(t, path, func(d *record.Data) { d.Profile.Name = "Olena" })
	newComputer(t)
	u := newTestUI(t, path)
	u.Start()
	u.Settle()
	mustShow(t, u, "Unlock your vault")
	mustShow(t, u, "does not hold the key")

	tap(t, u, "Open")
	mustShow(t, u, "Type the passphrase or the recovery code.")

	field := entryAfter(t, u, "Recovery code")
	field.SetText("AAAAA-BBBBB-CCCCC-DDDDD-EEEEF")
	tap(t, u, "Open")
	mustShow(t, u, "This code has a typo")
	field.SetText(casework.NewRecoveryCode()) // well formed, another vault's
	tap(t, u, "Open")
	if u.desk != nil {
		t.Fatal("a wrong code opened the vault")
	}
	mustShow(t, u, "does not open this vault")

	field.SetText(code)
	tap(t, u, "Open")
	if u.desk == nil {
		t.Fatalf("the right code did not open the vault: %q", texts(u))
	}
	u.Close()
	if info, err := casework.InspectVault(path, testKeyring); err != nil || !info.KeyInKeyring {
		t.Fatalf("after the code, the keyring holds no key: %+v %v", info, err)
	}
}

func TestProblemScreens(t *testing.T) {
	t.Run("in use", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "v.vault")
		newVault(t, path, nil)
		other, err := casework.Open(path, casework.Unlock{}, testKeyring, time.Now)
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		u := startedUI(t, path)
		mustShow(t, u, "The vault is open in another Prava window")
		// The storage's own English words, with the vault's path, wait
		// behind a closed "Technical details", for whoever helps.
		if shows(u, "process") {
			t.Error("the English technical detail is shown open")
		}
		openDetails(t, u)
		mustShow(t, u, "process")
		other.Close()
		tap(t, u, "Try again")
		if u.desk == nil {
			t.Fatalf("Try again did not open the freed vault: %q", texts(u))
		}
	})
	t.Run("damaged", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "v.vault")
		newVault(t, path, func(d *record.Data) { d.Profile.Name = "Olena" })
		data, _ := os.ReadFile(path)
		data[len(data)-3] ^= 0x55
		os.WriteFile(path, data, 0o600)
		u := startedUI(t, path)
		mustShow(t, u, "The vault file is damaged")
		after, _ := os.ReadFile(path)
		if string(after) != string(data) {
			t.Fatal("the damaged vault was changed")
		}
		tap(t, u, "Use the previous version")
		// The confirmation dialog.
		tap(t, u, "Yes")
		if u.desk == nil {
			t.Fatalf("the previous version did not open: %q", texts(u))
		}
		if u.data().Profile.Name != "" {
			t.Error("the previous version is not the one before the last save")
		}
		kept, _ := filepath.Glob(path + ".damaged-*")
		if len(kept) != 1 {
			t.Errorf("the damaged file was not kept aside: %v", kept)
		}
	})
	t.Run("keyring key of another vault", func(t *testing.T) {
		// A copy of the vault on a computer whose keyring keeps another
		// copy's key: the unlock screen says so and takes the recovery
		// code, and this copy opens without locking the other one out.
		path := filepath.Join(t.TempDir(), "v.vault")
		code := newVault(t, path, nil)
		info, err := casework.InspectVault(path, testKeyring)
		if err != nil {
			t.Fatal(err)
		}
		other := base64.StdEncoding.EncodeToString(make([]byte, 32))
		testKeyring.Set("Prava vault", info.ID, other)
		u := startedUI(t, path)
		mustShow(t, u, "it belongs to another copy of the vault")
		if u.desk != nil {
			t.Fatal("a wrong key opened the vault")
		}
		entryAfter(t, u, "Recovery code").SetText(code)
		tap(t, u, "Open")
		if u.desk == nil {
			t.Fatalf("the recovery code did not open the vault: %q", texts(u))
		}
		if kept, _ := testKeyring.Get("Prava vault", info.ID); kept != other {
			t.Error("opening this copy replaced the other copy's key in the keyring")
		}
	})
	t.Run("not a vault", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "notes.txt")
		os.WriteFile(path, []byte("shopping list"), 0o600)
		u := startedUI(t, path)
		mustShow(t, u, "This is not a Prava vault")
		mustShow(t, u, "Open another vault…")
		mustShow(t, u, "Quit")
	})
}

// openDetails opens the technical details on the window.
func openDetails(t *testing.T, u *UI) {
	t.Helper()
	found := false
	walk(u, func(o fyne.CanvasObject) {
		if a, ok := o.(*widget.Accordion); ok && !found {
			a.Open(0)
			found = true
		}
	})
	if !found {
		t.Fatal("no technical details to open")
	}
}
