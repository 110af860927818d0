package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
)

// openAccordions opens every accordion on the window, so that what a
// person sees after clicking "Details" is what the test reads.
func openAccordions(u *UI) {
	walk(u, func(o fyne.CanvasObject) {
		if a, ok := o.(*widget.Accordion); ok {
			a.OpenAll()
		}
	})
}

// TestProblemDetailsInThePersonsLanguage: a vault in use is explained
// under "Details" in the person's language — which file, which Prava
// process — and the English error is only copied, for whoever helps.
func TestProblemDetailsInThePersonsLanguage(t *testing.T) {
	vault := filepath.Join(t.TempDir(), "prava.vault")
	for _, c := range []struct {
		err  error
		fact string // what the details must name
	}{
		{&casework.InUseError{Vault: vault, Lock: vault + ".lock", PID: 4242}, "4242"},
		{&casework.InUseError{Vault: vault, Lock: vault + ".lock"}, vault + ".lock"},
	} {
		for _, code := range Languages[1:] {
			u := newTestUI(t, vault)
			u.path = vault
			UseLanguage(code)
			t.Cleanup(func() { UseLanguage("en") })
			u.showProblem(c.err)
			openAccordions(u)
			named := false
			for _, text := range texts(u) {
				if looksEnglish(text) || strings.Contains(text, "storage:") {
					t.Errorf("%s: the problem's details are English: %q", code, text)
				}
				named = named || strings.Contains(text, c.fact) && strings.Contains(text, vault)
			}
			if !named {
				t.Errorf("%s: the details do not name %s and the vault: %q", code, c.fact, texts(u))
			}
			tap(t, u, T("problem.copy_details"))
			if got := u.app.Clipboard().Content(); got != c.err.Error() {
				t.Errorf("%s: copied %q, want the English error", code, got)
			}
		}
	}
}

// TestUnknownProblemKeepsItsEnglish: a problem Prava cannot name keeps
// the error's own words, said to be English.
func TestUnknownProblemKeepsItsEnglish(t *testing.T) {
	u := newTestUI(t, filepath.Join(t.TempDir(), "v.vault"))
	UseLanguage("uk")
	t.Cleanup(func() { UseLanguage("en") })
	u.showProblem(errors.New("disk on fire"))
	openAccordions(u)
	mustShow(t, u, T("common.details_english"))
	mustShow(t, u, "disk on fire")
}

// TestChangedVaultNoticeSaysWhatToDo: a save refused because another
// program changed the vault file says so, and what to do, in the
// person's language, not only in storage's English.
func TestChangedVaultNoticeSaysWhatToDo(t *testing.T) {
	u := newTestUI(t, filepath.Join(t.TempDir(), "v.vault"))
	UseLanguage("uk")
	t.Cleanup(func() { UseLanguage("en") })
	u.notice(T("save.failed"), fmt.Errorf("save: %w", casework.ErrChanged))
	mustShow(t, u, "Закрийте Prava і відкрийте знову")
}

// TestPassphraseSetupInTheirLanguage: when no keyring answers, the
// passphrase screen explains it in the person's language; the keyring's
// English error is only under "Technical details (in English…)".
func TestPassphraseSetupInTheirLanguage(t *testing.T) {
	u := newTestUI(t, filepath.Join(t.TempDir(), "v.vault"))
	UseLanguage("uk")
	t.Cleanup(func() { UseLanguage("en") })
	u.showPassphraseSetup(casework.ErrKeyringUnavailable)
	mustShow(t, u, T("pass.why"))
	if shows(u, casework.ErrKeyringUnavailable.Error()) {
		t.Errorf("the uk screen shows the keyring's English error unasked:\n%s", strings.Join(texts(u), "\n"))
	}
	openAccordions(u)
	mustShow(t, u, casework.ErrKeyringUnavailable.Error())
}
