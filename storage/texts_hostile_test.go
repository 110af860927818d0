package storage

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"os"
	"slices"
	"testing"
)

// filePart is one part of a vault file as crafting sees it: its entry in
// the header, its sealed bytes, and its record count from the head.
type filePart struct {
	part
	sealed []byte
	count  int
}

// resealed returns file, a format 3 vault sealed with key, with its parts
// changed by edit and the head sealed again under the new header, in the
// given format number: what someone holding the key, or a bug in Prava,
// could write. It passes every check a reader makes before the parts.
func resealed(t *testing.T, file, key []byte, format uint16, edit func([]filePart) []filePart) []byte {
	t.Helper()
	p, err := parse(file)
	if err != nil {
		t.Fatal(err)
	}
	var parts []filePart
	off := 0
	for _, pt := range p.Parts {
		parts = append(parts, filePart{part: pt, sealed: p.body[off : off+pt.Size]})
		off += pt.Size
	}
	head, err := gcm(key).Open(nil, p.Nonce, p.body[off:], p.aad)
	if err != nil {
		t.Fatal(err)
	}
	d, counts, err := decodeHead(head)
	if err != nil {
		t.Fatal(err)
	}
	for i := range parts {
		parts[i].count = counts[i]
	}
	parts = edit(parts)
	h := p.header
	h.Parts, counts = nil, nil
	for _, fp := range parts {
		h.Parts = append(h.Parts, part{Kind: fp.Kind, Size: len(fp.sealed), Nonce: fp.Nonce})
		counts = append(counts, fp.count)
	}
	var plain bytes.Buffer
	enc := gob.NewEncoder(&plain)
	if err := enc.Encode(d); err != nil {
		t.Fatal(err)
	}
	if err := enc.Encode(counts); err != nil {
		t.Fatal(err)
	}
	h.Nonce = randomBytes(12)
	h.Head = plain.Len() + gcmOverhead
	hdr, err := encodeHeader(h)
	if err != nil {
		t.Fatal(err)
	}
	out := append([]byte(magic), 0, 0, 0, 0, 0, 0)
	binary.BigEndian.PutUint16(out[len(magic):], format)
	binary.BigEndian.PutUint32(out[len(magic)+2:], uint32(len(hdr)))
	out = append(out, hdr...)
	prefix := bytes.Clone(out)
	for _, fp := range parts {
		out = append(out, fp.sealed...)
	}
	return append(out, gcm(key).Seal(nil, h.Nonce, plain.Bytes(), prefix)...)
}

// ofKind returns the places of the parts of kind.
func ofKind(parts []filePart, kind string) []int {
	var at []int
	for i, p := range parts {
		if p.Kind == kind {
			at = append(at, i)
		}
	}
	return at
}

// TestCraftedTextParts gives Open vaults whose text parts disagree with
// their request parts, sealed with the right key (a bug, or someone with
// the key): each must be refused as damage, never open with letters
// missing, moved to other requests, or a crash.
func TestCraftedTextParts(t *testing.T) {
	v, path, _ := newVault(t)
	lettered(t, v)
	key, k := v.dataKey, v.keyring
	v.Close()
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// The file re-sealed unchanged opens: the crafting itself is sound.
	same := resealed(t, good, key, FormatVersion, func(p []filePart) []filePart { return p })
	cases := map[string][]byte{
		"all text parts dropped": resealed(t, good, key, FormatVersion, func(p []filePart) []filePart {
			return slices.DeleteFunc(p, func(fp filePart) bool { return fp.Kind == partTexts })
		}),
		"the last text part dropped": resealed(t, good, key, FormatVersion, func(p []filePart) []filePart {
			at := ofKind(p, partTexts)
			return slices.Delete(p, at[2], at[2]+1)
		}),
		"a text part twice": resealed(t, good, key, FormatVersion, func(p []filePart) []filePart {
			at := ofKind(p, partTexts)
			return slices.Insert(p, at[2]+1, p[at[2]])
		}),
		"a text part's count one less": resealed(t, good, key, FormatVersion, func(p []filePart) []filePart {
			p[ofKind(p, partTexts)[2]].count--
			return p
		}),
		"counts of the text parts swapped": resealed(t, good, key, FormatVersion, func(p []filePart) []filePart {
			at := ofKind(p, partTexts)
			p[at[0]].count, p[at[2]].count = p[at[2]].count, p[at[0]].count
			return p
		}),
		"a text part called requests": resealed(t, good, key, FormatVersion, func(p []filePart) []filePart {
			p[ofKind(p, partTexts)[0]].Kind = partRequests
			return p
		}),
		"a request part called texts": resealed(t, good, key, FormatVersion, func(p []filePart) []filePart {
			p[ofKind(p, partRequests)[0]].Kind = partTexts
			return p
		}),
		"format 2 with text parts": resealed(t, good, key, 2, func(p []filePart) []filePart { return p }),
	}
	os.WriteFile(path, same, 0o600)
	w, err := Open(path, Unlock{}, k)
	if err != nil {
		t.Fatalf("the file sealed again unchanged: %v", err)
	}
	textsOf(t, w.Data.Requests)
	w.Close()
	for name, bad := range cases {
		t.Run(name, func(t *testing.T) {
			os.WriteFile(path, bad, 0o600)
			w, err := Open(path, Unlock{}, k)
			if !errors.Is(err, ErrDamaged) {
				if w != nil {
					w.Close()
				}
				t.Errorf("opened: %v", err)
			}
		})
	}
	os.WriteFile(path, good, 0o600)
}

// TestTextPartsTamperedWithoutKey changes the list of parts in the header
// of a format 3 file as someone without the key could, with a valid
// checksum: text parts reordered, a text part's kind swapped with a
// request part's, the version number set to 2. Each passes every check
// that needs no key and is refused as damaged: the head authenticates
// the header.
func TestTextPartsTamperedWithoutKey(t *testing.T) {
	v, path, _ := newVault(t)
	lettered(t, v)
	k := v.keyring
	v.Close()
	good, _ := os.ReadFile(path)
	p, err := parse(good)
	if err != nil {
		t.Fatal(err)
	}
	edit := func(f func([]part)) []byte {
		h := p.header
		h.Parts = slices.Clone(h.Parts)
		f(h.Parts)
		return withHeader(t, good, h)
	}
	var texts, requests []int
	for i, pt := range p.Parts {
		switch pt.Kind {
		case partTexts:
			texts = append(texts, i)
		case partRequests:
			requests = append(requests, i)
		}
	}
	cases := map[string][]byte{
		"text parts listed in another order": edit(func(ps []part) {
			ps[texts[0]].Nonce, ps[texts[1]].Nonce = ps[texts[1]].Nonce, ps[texts[0]].Nonce
		}),
		"kinds of a text and a request part swapped": edit(func(ps []part) {
			ps[texts[0]].Kind, ps[requests[0]].Kind = partRequests, partTexts
		}),
		"format number 2": func() []byte {
			out := bytes.Clone(good)
			binary.BigEndian.PutUint16(out[len(magic):], 2)
			return out
		}(),
	}
	for name, bad := range cases {
		t.Run(name, func(t *testing.T) {
			if _, err := parse(bad); err != nil {
				t.Fatalf("refused before any key: %v", err)
			}
			os.WriteFile(path, bad, 0o600)
			for _, open := range []func(string, Unlock, Keyring) (*Vault, error){Open, OpenWithoutRequests} {
				w, err := open(path, Unlock{}, k)
				if !errors.Is(err, ErrDamaged) {
					if w != nil {
						w.Close()
					}
					t.Errorf("opened: %v", err)
				}
			}
		})
	}
	os.WriteFile(path, good, 0o600)
}
