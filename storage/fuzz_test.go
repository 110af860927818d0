package storage

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzDecode feeds arbitrary bytes to the vault reader: the header parser
// and, with the data key of the v1 test vault, the body's decryption and
// decoding. Damage must come back as an error, never a panic.
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
		h, aad, body, err := parse(file)
		if err != nil {
			return
		}
		openBody(h, aad, body, key)
		decodeData(body, h.Schema) // the decoder on bytes that passed no check
		decodeData(body, 0)
	})
}
