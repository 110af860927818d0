package app

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/keyringtest"
	"prava/record"
)

// testKeyring is the keyring of every UI test, the double the other
// packages' tests use too (storage's SystemKeyring first looks for a D-Bus
// session, which a plain "go test" may not have; the real keyring is
// tested in storage). A test that plays "a new computer" clears it.
var testKeyring *keyringtest.Keyring

// TestMain makes testKeyring's folder, and removes it after the tests.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "prava-app-keyring-")
	if err != nil {
		panic(err)
	}
	testKeyring = keyringtest.At(dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// newComputer empties the keyring, as on a computer that never held a key.
func newComputer(t *testing.T) {
	t.Helper()
	if err := testKeyring.Clear(); err != nil {
		t.Fatal(err)
	}
}

// today is the fixed "now" of the UI tests, so that dates and goldens do
// not depend on the day the tests run.
var today = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// newTestUI makes a UI on a fresh test app, in English, with testKeyring
// as the keyring (the real keyring is tested in storage).
func newTestUI(t *testing.T, vault string) *UI {
	t.Helper()
	UseLanguage("en")
	a := test.NewTempApp(t)
	u := New(a, Options{VaultPath: vault, Keyring: testKeyring, Now: func() time.Time { return today }})
	u.queue = make(chan func(), 64)
	t.Cleanup(func() { u.Settle(); u.Close(); u.win.Close() })
	return u
}

// startedUI is newTestUI, started and settled.
func startedUI(t *testing.T, vault string) *UI {
	t.Helper()
	u := newTestUI(t, vault)
	u.Start()
	u.Settle()
	return u
}

// newVault creates a vault protected by the (mock) keyring, lets fill
// change its data, saves and closes it, and returns its recovery code.
func newVault(t testing.TB, path string, fill func(d *record.Data)) string {
	t.Helper()
	desk, code, err := casework.CreateWith(path, "", testKeyring, time.Now, fill)
	if err != nil {
		t.Fatal(err)
	}
	desk.Close()
	return code
}

// walk visits every visible object on the window, dialogs included,
// through the widgets' real renderers.
func walk(u *UI, visit func(fyne.CanvasObject)) {
	c := u.win.Canvas()
	var rec func(o fyne.CanvasObject)
	rec = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		visit(o)
		switch v := o.(type) {
		case *widget.Label, *widget.Button, *widget.Check:
			// Their texts are read from the widget itself.
		case *fyne.Container:
			for _, child := range v.Objects {
				rec(child)
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(v).Objects() {
				rec(child)
			}
		}
	}
	rec(c.Content())
	for _, o := range c.Overlays().List() {
		rec(o)
	}
}

// texts is every text the window shows.
func texts(u *UI) []string {
	var out []string
	walk(u, func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			out = append(out, v.Text)
		case *widget.Button:
			out = append(out, v.Text)
		case *widget.Check:
			out = append(out, v.Text)
		case *widget.Card:
			out = append(out, v.Title, v.Subtitle)
		case *widget.RichText:
			out = append(out, v.String())
		case *container.AppTabs:
			for _, item := range v.Items {
				out = append(out, item.Text)
			}
		}
	})
	return out
}

// shows reports whether the window shows a text containing s.
func shows(u *UI, s string) bool {
	for _, t := range texts(u) {
		if strings.Contains(t, s) {
			return true
		}
	}
	return false
}

// mustShow fails the test unless the window shows s.
func mustShow(t *testing.T, u *UI, s string) {
	t.Helper()
	if !shows(u, s) {
		t.Fatalf("the window does not show %q; it shows:\n%s", s, strings.Join(texts(u), "\n"))
	}
}

// button finds the visible button labelled text.
func button(t *testing.T, u *UI, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(u, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q; the window shows:\n%s", text, strings.Join(texts(u), "\n"))
	}
	return found
}

// tap taps the button labelled text and waits for what it started.
func tap(t *testing.T, u *UI, text string) {
	t.Helper()
	test.Tap(button(t, u, text))
	u.Settle()
}

// entries are the visible entries, in the order they appear.
func entries(u *UI) []*widget.Entry {
	var out []*widget.Entry
	walk(u, func(o fyne.CanvasObject) {
		switch e := o.(type) {
		case *widget.Entry:
			out = append(out, e)
		case *pasteEntry:
			out = append(out, &e.Entry)
		}
	})
	return out
}

// entryAfter finds the entry that follows the label with text, as a form
// or a review field lays them out.
func entryAfter(t *testing.T, u *UI, label string) *widget.Entry {
	t.Helper()
	var seen bool
	var found *widget.Entry
	walk(u, func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			if v.Text == label {
				seen = true
			}
		case *widget.RichText:
			if v.String() == label {
				seen = true
			}
		case *widget.Entry:
			if seen && found == nil {
				found = v
			}
		case *widget.SelectEntry:
			if seen && found == nil {
				found = &v.Entry
			}
		}
	})
	if found == nil {
		t.Fatalf("no entry after %q", label)
	}
	return found
}

// seed reads a seed policy from the policy reader's testdata.
func seed(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "policy", "testdata", "seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// expected is a seed's expected findings.
type expected struct {
	File         string   `json:"file"`
	DisplayName  string   `json:"display_name"`
	Controller   *string  `json:"controller"`
	Emails       []string `json:"emails"`
	Addresses    []string `json:"addresses"`
	Jurisdiction string   `json:"jurisdiction"`
}

func expectations(t *testing.T) map[string]expected {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "policy", "testdata", "seeds", "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var list []expected
	if err := json.Unmarshal(data, &list); err != nil {
		t.Fatal(err)
	}
	out := map[string]expected{}
	for _, e := range list {
		if e.DisplayName == "" && e.Controller != nil {
			e.DisplayName = *e.Controller // the file gives the name only when it differs
		}
		out[e.File] = e
	}
	return out
}

// reopen opens the vault file again, as the next start would, to check
// what was really saved.
func reopen(t *testing.T, u *UI) *record.Data {
	t.Helper()
	u.Close()
	v, err := casework.Open(u.path, casework.Unlock{}, testKeyring, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	d := v.Data()
	return d
}

// failingKeyring is a keyring that never answers, as on a Linux desktop
// without a Secret Service.
type failingKeyring struct{}

func (failingKeyring) Get(string, string) (string, error) { return "", casework.ErrKeyringUnavailable }
func (failingKeyring) Set(string, string, string) error   { return casework.ErrKeyringUnavailable }
func (failingKeyring) Delete(string, string) error        { return errors.New("no keyring") }

// breakSaves makes every save of u's vault fail, as a full or vanished
// disk would: the vault's folder is moved aside and a file takes its
// name. restore puts the folder back (also done when the test ends).
func breakSaves(t *testing.T, u *UI) (restore func()) {
	t.Helper()
	dir := filepath.Dir(u.path)
	if err := os.Rename(dir, dir+".moved"); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(dir, nil, 0o600)
	restore = sync.OnceFunc(func() { os.Remove(dir); os.Rename(dir+".moved", dir) })
	t.Cleanup(restore)
	return restore
}

// selectWithOption finds the visible select that offers option.
func selectWithOption(t *testing.T, u *UI, option string) *widget.Select {
	t.Helper()
	var found *widget.Select
	walk(u, func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok && found == nil {
			for _, opt := range s.Options {
				if opt == option {
					found = s
				}
			}
		}
	})
	if found == nil {
		t.Fatalf("no choice offers %q", option)
	}
	return found
}
