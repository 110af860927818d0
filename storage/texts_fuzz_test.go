package storage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"
)

// FuzzParseTexts feeds arbitrary text parts and request counts to
// parseTexts. It must refuse damage with errDamaged, never panic or
// allocate beyond the part's size, and what it accepts must describe
// exactly the part: the texts end at its end, in order.
func FuzzParseTexts(f *testing.F) {
	f.Add([]byte{2, 1, 0, 'a'}, 1)
	f.Add([]byte{4, 1, 1, 1, 1, 'a', 'b', 'c', 'd'}, 2)
	f.Add([]byte{0}, 0)
	f.Add(binary.AppendUvarint(nil, 1<<63), -1<<62)
	var buf bytes.Buffer
	buf.Write([]byte{6, 3, 0, 2, 1, 0, 0})
	buf.WriteString("abcdef")
	f.Add(buf.Bytes(), 3)
	f.Fuzz(func(t *testing.T, plain []byte, requests int) {
		start, ends, err := parseTexts(plain, requests)
		if err != nil {
			if !errors.Is(err, errDamaged) {
				t.Fatalf("an error that is not damage: %v", err)
			}
			return
		}
		if len(ends) != 2*requests || start > len(plain) {
			t.Fatalf("%d ends for %d requests, start %d of %d", len(ends), requests, start, len(plain))
		}
		prev := uint32(0)
		for _, e := range ends {
			if e < prev {
				t.Fatalf("ends go back: %v", ends)
			}
			prev = e
		}
		if len(ends) > 0 && start+int(prev) != len(plain) {
			t.Fatalf("texts end at %d, the part at %d", start+int(prev), len(plain))
		}
	})
}
