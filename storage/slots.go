package storage

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
)

// Bounds on what a vault header may ask of this computer. The key-derivation
// parameters are read from the header before anything in it can be
// authenticated, so a damaged or crafted vault (or a "backup" someone hands
// over) could otherwise ask for zero rounds (argon2 panics), terabytes of
// memory, or four billion rounds. Prava writes t=1 or 3, 64 MiB, 4 threads,
// and at most one slot of each code kind; the bounds leave room for future
// costs and refuse everything else as damage.
const (
	maxSlots        = 12          // in all
	maxKeyringSlots = 8           // one per computer whose keyring opens the vault
	maxCodeSlots    = 2           // recovery codes, and passphrases, each
	minKDFMemory    = 8 * 1024    // KiB: 8 MiB
	maxKDFMemory    = 1024 * 1024 // KiB: 1 GiB
	maxKDFTime      = 16          // passes over the memory
	maxKDFWork      = 1024 * 1024 // time × memory in KiB: one pass over 1 GiB
	maxKDFThreads   = 16
	minSaltLen      = 8
	maxSaltLen      = 64
	wrappedLen      = 32 + 16 // a data key and its GCM tag
)

// checkSlots checks a header's key slots against the bounds above.
func checkSlots(slots []slot) error {
	if len(slots) > maxSlots {
		return fmt.Errorf("the header lists %d key slots, more than the %d Prava ever writes", len(slots), maxSlots)
	}
	count := map[string]int{}
	for i, s := range slots {
		count[s.Kind]++
		if len(s.Nonce) != 12 || len(s.Wrapped) != wrappedLen {
			return fmt.Errorf("key slot %d is cut or changed", i+1)
		}
		switch s.Kind {
		case slotKeyring:
			if s.KDF != nil {
				return fmt.Errorf("key slot %d is not valid", i+1)
			}
		case slotRecovery, slotPassphrase:
			if err := s.KDF.check(); err != nil {
				return fmt.Errorf("key slot %d: %w", i+1, err)
			}
		default:
			return fmt.Errorf("key slot %d is of no known kind", i+1)
		}
	}
	if count[slotKeyring] > maxKeyringSlots || count[slotRecovery] > maxCodeSlots || count[slotPassphrase] > maxCodeSlots {
		return errors.New("the header lists more key slots of one kind than Prava writes")
	}
	return nil
}

// check refuses key-derivation parameters outside the bounds.
func (p *kdfParams) check() error {
	switch {
	case p == nil:
		return errors.New("its key-derivation parameters are missing")
	case len(p.Salt) < minSaltLen || len(p.Salt) > maxSaltLen:
		return errors.New("its salt is not valid")
	case p.Time < 1 || p.Time > maxKDFTime:
		return fmt.Errorf("its key-derivation cost (%d rounds) is outside 1–%d", p.Time, maxKDFTime)
	case p.Memory < minKDFMemory || p.Memory > maxKDFMemory:
		return fmt.Errorf("its key-derivation memory (%d KiB) is outside 8 MiB–1 GiB", p.Memory)
	case uint64(p.Time)*uint64(p.Memory) > maxKDFWork:
		return errors.New("its key-derivation cost is too high")
	case p.Threads < 1 || p.Threads > maxKDFThreads:
		return fmt.Errorf("its key-derivation threads (%d) are outside 1–%d", p.Threads, maxKDFThreads)
	}
	return nil
}

// checkSuffix is how encodeHeader ends a header: `,"check":"` HEX `"}`.
const (
	checkKey    = `,"check":"`
	checkHexLen = 32
)

// encodeHeader writes the header as JSON with its checksum as the last
// field: the first 16 bytes of SHA-256 over the JSON without that field.
func encodeHeader(h header) ([]byte, error) {
	h.Check = ""
	body, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(body)
	out := append(body[:len(body)-1:len(body)-1], checkKey...)
	out = hex.AppendEncode(out, sum[:checkHexLen/2])
	return append(out, `"}`...), nil
}

// headerCheckOK verifies a header's checksum against its raw bytes.
func headerCheckOK(raw []byte, check string) bool {
	tail := len(checkKey) + checkHexLen + 2
	if len(check) != checkHexLen || len(raw) < tail+1 {
		return false
	}
	cut := len(raw) - tail
	if string(raw[cut:]) != checkKey+check+`"}` {
		return false
	}
	body := append(raw[:cut:cut], '}')
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:checkHexLen/2]) == check
}
