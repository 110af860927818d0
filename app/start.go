package app

import (
	"errors"
	"os"
	"runtime/debug"

	"prava/casework"
)

// prefVaultPath keeps the vault the person chose in settings.
const prefVaultPath = "vault"

// vaultPath is the vault to open: the one given on the command line, else
// PRAVA_VAULT, else the one chosen in settings, else the default.
func (u *UI) vaultPath() (string, error) {
	if u.opt.VaultPath != "" {
		return u.opt.VaultPath, nil
	}
	if p := os.Getenv("PRAVA_VAULT"); p != "" {
		return p, nil
	}
	if p := u.app.Preferences().String(prefVaultPath); p != "" {
		return p, nil
	}
	return casework.DefaultVaultPath()
}

// Start shows the first screen: a new vault to create, a vault to unlock,
// or, when the keyring holds the key, the companies straight away.
func (u *UI) Start() {
	path, err := u.vaultPath()
	if err != nil {
		u.showProblem(err)
		return
	}
	u.startAt(path)
}

// startAt opens the vault at path, asking only what it must.
func (u *UI) startAt(path string) {
	u.closeVault()
	u.path = path
	u.show(busy(T("start.opening")))
	var info casework.VaultInfo
	var err error
	var opened *openVault
	// All of it off the UI goroutine, and at once: the keyring, the file
	// and the list's order are ready by the time the window is. The
	// keyring's key is tried first, so a usual start asks the keyring
	// once; only when the key does not open the vault is the header read
	// to see what to ask the person for.
	u.background(func() {
		opened, err = u.open(casework.Unlock{})
		if needsKey(err) {
			openErr := err
			info, err = casework.InspectVault(path, u.opt.Keyring)
			if err == nil && info.KeyInKeyring {
				err = openErr // the keyring's key is not this vault's
			}
		}
	}, func() {
		switch {
		case errors.Is(err, casework.ErrNoVault):
			u.showFirstRun()
		case err != nil:
			u.showProblem(err)
		case opened != nil:
			u.setDesk(opened.desk)
			u.showHome(opened)
		default:
			u.showUnlock(info)
		}
	})
}

// needsKey reports whether opening failed only for want of a key the
// person can give: no key in the keyring, no keyring, or a vault that
// opens with a passphrase.
func needsKey(err error) bool {
	return errors.Is(err, casework.ErrWrongKey) || errors.Is(err, casework.ErrNoKeyringKey) || errors.Is(err, casework.ErrKeyringUnavailable)
}

// openVault is a vault just opened and what the companies list needs of
// it, worked out off the UI goroutine.
type openVault struct {
	desk      *casework.Desk
	byCompany map[string][]int
	index     companyIndex
}

// open opens the vault at u.path and prepares its list; it runs off the
// UI goroutine.
func (u *UI) open(with casework.Unlock) (*openVault, error) {
	desk, err := casework.Open(u.path, with, u.opt.Keyring, u.now)
	if err != nil {
		return nil, err
	}
	return prepare(desk), nil
}

// prepare works out what the companies list needs of a desk just opened;
// it runs off the UI goroutine.
func prepare(desk *casework.Desk) *openVault {
	d := desk.Data()
	// Decoding the vault leaves about as much garbage as it keeps; give
	// it back now, or the process holds it until the heap next grows
	// that far (issue 25: memory after start).
	defer debug.FreeOSMemory()
	return &openVault{desk: desk, byCompany: casework.Requests(d), index: indexCompanies(d.Companies)}
}

// unlock opens the vault with what the person gave, off the UI goroutine;
// a wrong key goes to failed (the unlock screen says so), any other error
// to the problem screen. After a recovery code the keyring gets a fresh
// key, so that the next start asks nothing.
func (u *UI) unlock(with casework.Unlock, failed func(error)) {
	var opened *openVault
	var err error
	var keyErr error
	u.background(func() {
		opened, err = u.open(with)
		if err == nil && with.RecoveryCode != "" {
			keyErr = opened.desk.StoreKeyringKey()
		}
	}, func() {
		switch {
		case err != nil && failed != nil && (errors.Is(err, casework.ErrWrongKey) || errors.Is(err, casework.ErrRecoveryCodeTypo)):
			failed(err)
		case err != nil:
			u.showProblem(err)
		default:
			u.setDesk(opened.desk)
			u.showHome(opened)
			if keyErr != nil {
				u.notice(T("unlock.keyring_not_saved"), keyErr)
			}
		}
	})
}
