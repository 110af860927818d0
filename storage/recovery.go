package storage

import (
	"crypto/rand"
	"errors"
	"strings"
)

// A recovery code is 24 random characters of Crockford's base32 (120 bits)
// and one check character from the same alphabet, written in five groups of five:
// "7KQ2M-XR4TD-9BH0W-CJ3NE-5PYFA". Crockford's alphabet has no I, L, O or
// U, so a code read back from paper is forgiving: case, spaces and dashes
// do not matter, and O, I and L are read as 0, 1 and 1.

const (
	crockford      = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
	codeRandomLen  = 24
	codeGroupWidth = 5
)

// ErrRecoveryCodeTypo means a recovery code's check character does not
// match: a character was misread or mistyped.
var ErrRecoveryCodeTypo = errors.New("the recovery code has a typo: check each group against your paper copy")

// NewRecoveryCode returns a fresh random recovery code.
func NewRecoveryCode() string {
	var buf [codeRandomLen]byte
	if _, err := rand.Read(buf[:]); err != nil {
		panic("storage: no randomness: " + err.Error())
	}
	var b strings.Builder
	for _, c := range buf {
		b.WriteByte(crockford[int(c)%32])
	}
	raw := b.String()
	raw += string(crockford[checksum(raw)])
	var out strings.Builder
	for i := 0; i < len(raw); i += codeGroupWidth {
		if i > 0 {
			out.WriteByte('-')
		}
		out.WriteString(raw[i : i+codeGroupWidth])
	}
	return out.String()
}

// normalizeRecoveryCode reads a code as typed and returns its 25
// canonical characters, or ErrRecoveryCodeTypo.
func normalizeRecoveryCode(code string) (string, error) {
	var b strings.Builder
	for _, r := range strings.ToUpper(code) {
		switch r {
		case ' ', '-', '\t', '\n', '\r':
			continue
		case 'O':
			r = '0'
		case 'I', 'L':
			r = '1'
		}
		b.WriteRune(r)
	}
	s := b.String()
	if len(s) != codeRandomLen+1 {
		return "", ErrRecoveryCodeTypo
	}
	for _, r := range s[:codeRandomLen] {
		if !strings.ContainsRune(crockford, r) {
			return "", ErrRecoveryCodeTypo
		}
	}
	if s[codeRandomLen] != crockford[checksum(s[:codeRandomLen])] {
		return "", ErrRecoveryCodeTypo
	}
	return s, nil
}

// checksum is a weighted sum of the characters' values modulo 32, with
// odd weights: any single changed character changes it, and so do most
// swaps of neighbours. The check character stays in the code's alphabet,
// easy to write by hand.
func checksum(s string) int {
	sum := 0
	for i, r := range s {
		sum += (2*i + 1) * strings.IndexRune(crockford, r)
	}
	return sum % 32
}
