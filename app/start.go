package app

import (
	"errors"
	"os"

	"prava/casework"
	"prava/storage"
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
	return storage.DefaultPath()
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
	var info storage.Info
	var err error
	var opened *openVault
	// All of it off the UI goroutine, and at once: the keyring, the file
	// and the list's order are ready by the time the window is. The
	// keyring's key is tried first, so a usual start asks the keyring
	// once; only when the key does not open the vault is the header read
	// to see what to ask the person for.
	u.background(func() {
		opened, err = u.open(storage.Unlock{})
		if needsKey(err) {
			openErr := err
			info, err = storage.Inspect(path, u.opt.Keyring)
			if err == nil && info.KeyInKeyring {
				err = openErr // the keyring's key is not this vault's
			}
		}
	}, func() {
		switch {
		case errors.Is(err, storage.ErrNoVault):
			u.showFirstRun()
		case err != nil:
			u.showProblem(err)
		case opened != nil:
			u.setVault(opened.vault, opened.desk)
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
	return errors.Is(err, storage.ErrWrongKey) || errors.Is(err, storage.ErrNoKeyringKey) || errors.Is(err, storage.ErrKeyringUnavailable)
}

// openVault is a vault just opened and what the companies list needs of
// it, worked out off the UI goroutine.
type openVault struct {
	vault     *storage.Vault
	desk      *casework.Desk
	byCompany map[string][]int
	index     companyIndex
}

// open opens the vault at u.path and prepares its list; it runs off the
// UI goroutine.
func (u *UI) open(with storage.Unlock) (*openVault, error) {
	v, err := storage.Open(u.path, with, u.opt.Keyring)
	if err != nil {
		return nil, err
	}
	desk := casework.NewDesk(v, u.now)
	d := desk.Data()
	return &openVault{vault: v, desk: desk, byCompany: casework.Requests(d), index: indexCompanies(d.Companies)}, nil
}

// unlock opens the vault with what the person gave, off the UI goroutine;
// a wrong key goes to failed (the unlock screen says so), any other error
// to the problem screen. After a recovery code the keyring gets a fresh
// key, so that the next start asks nothing.
func (u *UI) unlock(with storage.Unlock, failed func(error)) {
	var opened *openVault
	var err error
	var keyErr error
	u.background(func() {
		opened, err = u.open(with)
		if err == nil && with.RecoveryCode != "" {
			keyErr = opened.vault.StoreKeyringKey()
		}
	}, func() {
		switch {
		case err != nil && failed != nil && (errors.Is(err, storage.ErrWrongKey) || errors.Is(err, storage.ErrRecoveryCodeTypo)):
			failed(err)
		case err != nil:
			u.showProblem(err)
		default:
			u.setVault(opened.vault, opened.desk)
			u.showHome(opened)
			if keyErr != nil {
				u.notice(T("unlock.keyring_not_saved"), keyErr)
			}
		}
	})
}
