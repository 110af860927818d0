package storage

import (
	"encoding/binary"
	"encoding/json"
	"os"
	"path/filepath"
	"prava/keyringtest"
	"prava/record"
	"testing"
)

// FuzzDecode feeds arbitrary bytes to the vault reader: the header parser,
// the body's decryption (with a key of zeros) and, on bytes that passed no
// check, the decoders of both formats' parts. Damage must come back as an
// error, never a panic.
func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "vaults", "*.vault"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(magic + "\x00\x01\x00\x00\x00\x02{}"))
	f.Add([]byte("PRAVAVLT\x00\x01\xff\xff\xff\xff"))
	key := make([]byte, 32)
	f.Fuzz(func(t *testing.T, file []byte) {
		p, err := parse(file)
		if err != nil {
			return
		}
		openBody(p, key, false)
		openBody(p, key, true)
		checkParts(p.header, p.body)
		// The decoders on bytes that passed no check.
		decodeFormat1(p.body, p.Schema)
		decodeHead(p.body)
		decodeRuns(p.body, make([]record.Company, 3))
		decodeRuns(p.body, make([]record.Request, 3))
		decodeRuns(p.body, make([]record.TimelineEntry, 3))
	})
}

// FuzzUnlockHeader takes arbitrary header JSON, as a crafted vault or
// "backup" would carry, and unlocks with it the three ways: recovery code,
// passphrase and keyring, both straight from the decoded header (as the
// audit's fuzzer did) and through parse, in a file. Nothing may panic, and
// a header parse accepts must stay within the key-derivation bounds.
func FuzzUnlockHeader(f *testing.F) {
	f.Add([]byte(`{"slots":[{"kind":"recovery","kdf":{}}]}`)) // the audit's: argon2 panicked on zero rounds
	f.Add([]byte(`{"slots":[{"kind":"passphrase","kdf":{"salt":"AAAAAAAAAAAAAAAAAAAAAA==","time":1,"memory_kib":0,"threads":0}}]}`))
	f.Add([]byte(`{"vault_id":"00","schema":1,"nonce":"AAAAAAAAAAAAAAAA","slots":[{"kind":"recovery","kdf":{"salt":"AAAAAAAAAAAAAAAAAAAAAA==","time":1,"memory_kib":8192,"threads":1},"nonce":"AAAAAAAAAAAAAAAA","wrapped":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"},{"kind":"keyring","nonce":"AAAAAAAAAAAAAAAA","wrapped":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}]}`))
	code := NewRecoveryCode()
	k := keyringtest.At(f.TempDir())
	f.Fuzz(func(t *testing.T, hdr []byte) {
		var h header
		if json.Unmarshal(hdr, &h) == nil {
			if cheap(h) {
				unlockKey(h, Unlock{RecoveryCode: code}, k)
				unlockKey(h, Unlock{Passphrase: "a long passphrase"}, k)
			}
			k.Set(keyringService, h.VaultID, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
			unlockKey(h, Unlock{}, k)
		}
		file := append([]byte(magic), 0, FormatVersion)
		file = binary.BigEndian.AppendUint32(file, uint32(len(hdr)))
		p, err := parse(append(file, hdr...))
		if err != nil {
			return
		}
		if err := checkSlots(p.Slots); err != nil {
			t.Fatalf("parse accepted slots outside the bounds: %v", err)
		}
		if cheap(p.header) {
			unlockKey(p.header, Unlock{RecoveryCode: code}, k)
		}
	})
}

// cheap reports whether trying every code slot of h costs little enough to
// run hundreds of times a second. Slots within the bounds but dearer (up
// to 1 GiB) are safe, only slow: TestHostileKDFParameters covers the
// bounds themselves.
func cheap(h header) bool {
	var work uint64
	for _, s := range h.Slots {
		if s.KDF != nil && s.KDF.check() == nil {
			work += uint64(s.KDF.Time) * uint64(s.KDF.Memory)
		}
	}
	return work <= 32*1024
}
