package record

import (
	"bytes"
	"compress/flate"
	"io"
	"sync"
)

// Text is a long text kept compressed: a letter, a policy. It is
// compressed once, when it is set, so that saving a vault with thousands
// of letters writes less and spends no time compressing them again.
type Text struct {
	z  []byte   // DEFLATE data; nil for the empty text or one on a shelf
	at *shelved // where the text rests when it is not kept in memory
}

// NewText compresses s.
func NewText(s string) Text {
	if s == "" {
		return Text{}
	}
	var buf bytes.Buffer
	w := writers.Get().(*flate.Writer)
	w.Reset(&buf)
	io.WriteString(w, s)
	w.Close()
	writers.Put(w)
	return Text{z: buf.Bytes()}
}

// writers keeps DEFLATE writers for reuse: each holds about 800 KB of
// tables that a new one allocates and clears, which cost far more than
// compressing a letter (BenchmarkNewText: 1.1–1.7 ms and 819 KB a text
// with a new writer each time, 35–110 µs and 5.6 KB with the pool).
var writers = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.DefaultCompression) // the level is valid, so no error
	return w
}}

// String returns the text, or "" when it rests on a shelf that cannot be
// read (see Read). Damaged data, which the vault's integrity check makes
// impossible short of a bug, gives what could be read.
func (t Text) String() string {
	s, _ := t.Read()
	return s
}

// Read returns the text, fetching it from its shelf if it rests on one;
// that fails when the vault file cannot be read or was changed outside
// Prava. What sends, signs or exports a text reads it this way, so that
// nothing goes out empty.
func (t Text) Read() (string, error) {
	z, err := t.Compressed()
	if err != nil || len(z) == 0 {
		return "", err
	}
	out, _ := io.ReadAll(flate.NewReader(bytes.NewReader(z)))
	return string(out), nil
}

// IsEmpty reports whether the text is empty. A text on a shelf is not.
func (t Text) IsEmpty() bool { return len(t.z) == 0 && t.at == nil }

// GobEncode writes the compressed bytes as they are, fetched from the
// text's shelf if it rests on one.
func (t Text) GobEncode() ([]byte, error) { return t.Compressed() }

// GobDecode keeps a copy of the compressed bytes.
func (t *Text) GobDecode(b []byte) error {
	t.z = append([]byte(nil), b...)
	return nil
}
