package record

import (
	"bytes"
	"compress/flate"
	"io"
)

// Text is a long text kept compressed: a letter, a policy. It is
// compressed once, when it is set, so that saving a vault with thousands
// of letters writes less and spends no time compressing them again.
type Text struct {
	z []byte // DEFLATE data; nil for the empty text
}

// NewText compresses s.
func NewText(s string) Text {
	if s == "" {
		return Text{}
	}
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.DefaultCompression) // the level is valid, so no error
	io.WriteString(w, s)
	w.Close()
	return Text{z: buf.Bytes()}
}

// String returns the text. Damaged data, which the vault's integrity check
// makes impossible short of a bug, gives what could be read.
func (t Text) String() string {
	if len(t.z) == 0 {
		return ""
	}
	out, _ := io.ReadAll(flate.NewReader(bytes.NewReader(t.z)))
	return string(out)
}

// IsEmpty reports whether the text is empty.
func (t Text) IsEmpty() bool { return len(t.z) == 0 }

// GobEncode writes the compressed bytes as they are.
func (t Text) GobEncode() ([]byte, error) { return t.z, nil }

// GobDecode keeps a copy of the compressed bytes.
func (t *Text) GobDecode(b []byte) error {
	t.z = append([]byte(nil), b...)
	return nil
}
