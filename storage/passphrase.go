package storage

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// MinPassphraseLen is the fewest characters a passphrase may have: where no
// keyring guards the vault, the passphrase alone stands between a copied
// vault file and offline guessing.
const MinPassphraseLen = 10

// ErrWeakPassphrase means a new passphrase is too short.
var ErrWeakPassphrase = errors.New("the passphrase is too short")

// CheckPassphrase is the one rule for a new passphrase, in the app and on
// the command line: at least MinPassphraseLen characters, not counting
// spaces before and after it (so that padding does not make a short
// passphrase pass). The passphrase itself is used exactly as typed, spaces
// and all: neither the app nor the command line trims it, so a passphrase
// set in one opens the vault in the other.
func CheckPassphrase(passphrase string) error {
	if n := utf8.RuneCountInString(strings.TrimSpace(passphrase)); n < MinPassphraseLen {
		return fmt.Errorf("%w: it has %d characters, and Prava needs at least %d; a few unrelated words make a good one", ErrWeakPassphrase, n, MinPassphraseLen)
	}
	return nil
}
