package storage

import (
	"os"
	"path/filepath"
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
		decodeRuns(p.body, make([]Company, 3))
		decodeRuns(p.body, make([]Request, 3))
		decodeRuns(p.body, make([]Event, 3))
	})
}
