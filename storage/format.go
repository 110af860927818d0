package storage

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"prava/files"
	"prava/record"
	"time"

	"golang.org/x/crypto/argon2"
)

// The vault file is
//
//	"PRAVAVLT"  magic, 8 bytes
//	version     uint16, big-endian: the file format
//	length      uint32, big-endian: the header's length
//	header      JSON: vault ID, data schema, key slots, nonces
//	body        the data, encoded with encoding/gob and sealed with
//	            AES-256-GCM under the data key; everything before it is
//	            additional data, so a changed header fails authentication
//	            too. Format 1 sealed the body whole; format 2 (parts.go)
//	            seals it in parts, so that a save encrypts only what changed;
//	            format 3 (texts.go) keeps the requests' letters in parts of
//	            their own, which stay in the file until a letter is read.
//
// The data key is random. Each key slot holds it wrapped (AES-256-GCM)
// under a key-encryption key: one kept in the OS keyring, one derived with
// argon2id from the recovery code, and optionally one from a passphrase.

const (
	magic = files.VaultMagic
	// FormatVersion is the file format this Prava writes.
	FormatVersion = 3
	// SchemaVersion is the version of Data this Prava writes; older ones
	// are upgraded by the migrations in migrate.go.
	SchemaVersion = 1
	prefixLen     = len(magic) + 2 + 4
	maxHeaderLen  = 1 << 20
)

// Slot kinds.
const (
	slotKeyring    = "keyring"
	slotRecovery   = "recovery"
	slotPassphrase = "passphrase"
)

type header struct {
	VaultID string    `json:"vault_id"`
	Created time.Time `json:"created"`
	Schema  int       `json:"schema"`
	Slots   []slot    `json:"slots"`
	Nonce   []byte    `json:"nonce"`           // the body's (format 1) or the head's (format 2)
	Parts   []part    `json:"parts,omitempty"` // format 2: the parts before the head, in file order
	Head    int       `json:"head,omitempty"`  // format 2: the sealed head's size, so the file's size is known before it is read
	// Check is a checksum of the header's bytes before it, so that damage
	// to the header is reported as damage before any key is tried: a
	// changed vault ID or slot would otherwise look like a wrong key. It
	// must stay the last field (encodeHeader). Vaults written before it
	// existed have none and are read as before.
	Check string `json:"check,omitempty"`
}

type slot struct {
	Kind    string     `json:"kind"`
	KDF     *kdfParams `json:"kdf,omitempty"` // for codes and passphrases
	Nonce   []byte     `json:"nonce"`
	Wrapped []byte     `json:"wrapped"`
}

type kdfParams struct {
	Salt    []byte `json:"salt"`
	Time    uint32 `json:"time"`
	Memory  uint32 `json:"memory_kib"`
	Threads uint8  `json:"threads"`
}

// kdfFor chooses argon2id's cost: a recovery code carries 120 random bits
// and needs little stretching; a passphrase chosen by a person needs more.
func kdfFor(kind string) *kdfParams {
	p := &kdfParams{Salt: randomBytes(16), Time: 1, Memory: 64 * 1024, Threads: 4}
	if kind == slotPassphrase {
		p.Time = 3
	}
	return p
}

// key derives a key-encryption key. The parameters must have passed
// checkSlots: argon2 panics on zero rounds or threads and allocates the
// memory it is told to.
func (p *kdfParams) key(secret string) []byte {
	return argon2.IDKey([]byte(secret), p.Salt, p.Time, p.Memory, p.Threads, 32)
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic("storage: no randomness: " + err.Error())
	}
	return b
}

func gcm(key []byte) cipher.AEAD {
	block, err := aes.NewCipher(key)
	if err != nil {
		panic("storage: " + err.Error()) // keys are always 32 bytes
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		panic("storage: " + err.Error())
	}
	return aead
}

// wrap seals the data key in a new slot under kek.
func wrap(kind string, kdf *kdfParams, kek, dataKey []byte, vaultID string) slot {
	nonce := randomBytes(12)
	return slot{Kind: kind, KDF: kdf, Nonce: nonce, Wrapped: gcm(kek).Seal(nil, nonce, dataKey, []byte(kind+"\x00"+vaultID))}
}

// unwrap opens a slot with kek; false when kek is wrong.
func (s slot) unwrap(kek []byte, vaultID string) ([]byte, bool) {
	if len(s.Nonce) != 12 {
		return nil, false
	}
	key, err := gcm(kek).Open(nil, s.Nonce, s.Wrapped, []byte(s.Kind+"\x00"+vaultID))
	return key, err == nil && len(key) == 32
}

// Reasons a file cannot be read, wrapped into the errors Open returns.
var (
	errNotVault = errors.New("it is not a Prava vault")
	errTooNew   = errors.New("it was written by a newer Prava")
	errDamaged  = errors.New("it is damaged or was changed outside Prava")
)

// parsed is a vault file split by parse.
type parsed struct {
	header
	format int
	aad    []byte // the prefix and header: the additional data of the body or head
	body   []byte // everything after the header
}

// parse splits a file into its header and body, checking everything that
// can be checked without a key.
func parse(file []byte) (parsed, error) {
	if len(file) < prefixLen || !bytes.Equal(file[:len(magic)], []byte(magic)) {
		return parsed{}, errNotVault
	}
	version := binary.BigEndian.Uint16(file[len(magic):])
	if version > FormatVersion {
		return parsed{}, fmt.Errorf("%w (file format %d; this Prava reads up to %d)", errTooNew, version, FormatVersion)
	}
	if version == 0 {
		return parsed{}, fmt.Errorf("%w: the format number is 0", errDamaged)
	}
	n := binary.BigEndian.Uint32(file[len(magic)+2:])
	if n > maxHeaderLen || int(n) > len(file)-prefixLen {
		return parsed{}, fmt.Errorf("%w: the header is cut off", errDamaged)
	}
	end := prefixLen + int(n)
	var h header
	if err := json.Unmarshal(file[prefixLen:end], &h); err != nil {
		return parsed{}, fmt.Errorf("%w: the header is unreadable", errDamaged)
	}
	if h.Check != "" && !headerCheckOK(file[prefixLen:end], h.Check) {
		return parsed{}, fmt.Errorf("%w: the header fails its checksum", errDamaged)
	}
	h.Check = ""
	if h.Schema > SchemaVersion {
		return parsed{}, fmt.Errorf("%w (data version %d; this Prava reads up to %d)", errTooNew, h.Schema, SchemaVersion)
	}
	if h.VaultID == "" || len(h.Nonce) != 12 || len(h.Slots) == 0 || h.Schema < 1 || (version == 1 && len(h.Parts) > 0) {
		return parsed{}, fmt.Errorf("%w: the header is incomplete", errDamaged)
	}
	if err := checkSlots(h.Slots); err != nil {
		return parsed{}, fmt.Errorf("%w: %v", errDamaged, err)
	}
	return parsed{header: h, format: int(version), aad: file[:end], body: file[end:]}, nil
}

// openBody decrypts and decodes the body with the data key. With
// skipRequests a format 2 body's requests are checked but not decoded.
// The parts it returns are nil for format 1, whose body has none.
func openBody(p parsed, dataKey []byte, skipRequests bool) (*record.Data, []storedPart, error) {
	if p.format >= 2 {
		return openParts(p.header, p.format, p.aad, p.body, dataKey, p.Schema, skipRequests)
	}
	// Decrypt in place: the file's bytes are not needed afterwards, and a
	// large vault is not held twice.
	plain, err := gcm(dataKey).Open(p.body[:0], p.Nonce, p.body, p.aad)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: the contents fail their integrity check", errDamaged)
	}
	d, err := decodeFormat1(plain, p.Schema)
	return d, nil, err
}
