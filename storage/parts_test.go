package storage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"prava/record"
	"strings"
	"testing"
	"time"
)

// manyRecords fills a vault with enough companies, requests and events
// for several parts of each kind.
func manyRecords(d *record.Data) {
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	for i := range partRecords + 10 {
		id := fmt.Sprintf("c%04d", i)
		d.Companies = append(d.Companies, record.Company{ID: id, Name: "Company " + id, Use: map[string]int{"access": 0}, Created: now})
	}
	for i := range 2*partRecords + 5 {
		d.Requests = append(d.Requests, record.Request{ID: fmt.Sprintf("r%04d", i), CompanyID: "c0001", Kind: "access",
			LetterText: record.NewText(fmt.Sprintf("Letter number %d", i)), Status: record.StatusSent, Dates: record.Dates{Created: now, Sent: now}})
	}
	for i := range 40 {
		d.Timeline = append(d.Timeline, record.TimelineEntry{Time: now, What: "company added", CompanyID: fmt.Sprintf("c%04d", i)})
	}
}

// fileHeader reads the header of the vault file at path.
func fileHeader(t *testing.T, path string) header {
	t.Helper()
	file, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := parse(file)
	if err != nil {
		t.Fatal(err)
	}
	return p.header
}

func nonces(h header, kind string) []string {
	var out []string
	for _, p := range h.Parts {
		if p.Kind == kind {
			out = append(out, fmt.Sprintf("%x", p.Nonce))
		}
	}
	return out
}

// TestSaveSealsOnlyWhatChanged checks that a save encrypts again only the
// parts whose records changed, and that every record survives the trip.
func TestSaveSealsOnlyWhatChanged(t *testing.T) {
	v, path, _ := newVault(t)
	manyRecords(v.Data)
	if err := v.Save(); err != nil {
		t.Fatal(err)
	}
	first := fileHeader(t, path)
	if got := len(nonces(first, partRequests)); got != 3 {
		t.Fatalf("%d request parts for %d requests, want 3", got, len(v.Data.Requests))
	}

	v.Data.Requests[partRecords+3].Notes = "called them"
	if err := v.Save(); err != nil {
		t.Fatal(err)
	}
	second := fileHeader(t, path)
	was, now := nonces(first, partRequests), nonces(second, partRequests)
	if was[0] != now[0] || was[1] == now[1] || was[2] != now[2] {
		t.Errorf("after changing one request in the second part, request nonces went from %v to %v", was, now)
	}
	if a, b := nonces(first, partEvents), nonces(second, partEvents); strings.Join(a, "") != strings.Join(b, "") {
		t.Errorf("unchanged events were sealed again: %v → %v", a, b)
	}
	if bytes.Equal(first.Nonce, second.Nonce) {
		t.Error("the head kept its nonce")
	}
	v.Close()

	w, err := Open(path, Unlock{}, v.keyring)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if len(w.Data.Companies) != partRecords+10 || len(w.Data.Requests) != 2*partRecords+5 || len(w.Data.Timeline) != 40 {
		t.Fatalf("reopened: %d companies, %d requests, %d events", len(w.Data.Companies), len(w.Data.Requests), len(w.Data.Timeline))
	}
	for i, r := range w.Data.Requests {
		if r.ID != fmt.Sprintf("r%04d", i) || r.LetterText.String() != fmt.Sprintf("Letter number %d", i) {
			t.Fatalf("request %d came back as %s %q", i, r.ID, r.LetterText.String())
		}
	}
	if w.Data.Requests[partRecords+3].Notes != "called them" || w.Data.Companies[partRecords+9].ID != fmt.Sprintf("c%04d", partRecords+9) {
		t.Error("the changed request or the last company did not come back")
	}
}

// TestOpenWithoutRequests checks the command line's quick open: the
// requests are left unread, kept as they were by a save, and cannot be
// added to by mistake.
func TestOpenWithoutRequests(t *testing.T) {
	v, path, _ := newVault(t)
	manyRecords(v.Data)
	v.Save()
	v.Close()

	w, err := OpenWithoutRequests(path, Unlock{}, v.keyring)
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Data.Requests) != 0 || len(w.Data.Companies) != partRecords+10 || len(w.Data.Timeline) != 40 {
		t.Fatalf("opened without requests: %d companies, %d requests, %d events", len(w.Data.Companies), len(w.Data.Requests), len(w.Data.Timeline))
	}
	w.Data.Companies = append(w.Data.Companies, record.Company{ID: "new", Name: "Added"})
	w.Data.Log("company added", "new", "", "")
	if err := w.Save(); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	w.Data.Requests = append(w.Data.Requests, record.Request{ID: "lost"})
	if err := w.Save(); err == nil || !strings.Contains(err.Error(), "without its requests") || !strings.Contains(err.Error(), path) {
		t.Errorf("adding a request to a vault opened without them: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the refused save changed the file")
	}
	w.Close()

	full, err := Open(path, Unlock{}, v.keyring)
	if err != nil {
		t.Fatal(err)
	}
	defer full.Close()
	d := full.Data
	if len(d.Requests) != 2*partRecords+5 || d.Requests[2*partRecords+4].LetterText.String() != fmt.Sprintf("Letter number %d", 2*partRecords+4) {
		t.Errorf("requests after a save without them: %d", len(d.Requests))
	}
	if d.Company("new") == nil || len(d.Timeline) != 41 {
		t.Errorf("the added company or its event is missing: %d events", len(d.Timeline))
	}
}

// TestTamperedParts moves sealed parts around, or puts back a part from
// the previous version of the file: each passes every check that needs no
// key, and each is refused as damaged.
func TestTamperedParts(t *testing.T) {
	v, path, _ := newVault(t)
	manyRecords(v.Data)
	// Records of one size, and changes that keep it, so that parts can be
	// swapped without changing the sizes the header lists.
	for i := range v.Data.Requests {
		v.Data.Requests[i].LetterText = record.Text{}
	}
	v.Save()
	v.Data.Requests[0].Kind = "erasur"
	v.Data.Requests[partRecords].Kind = "erasur"
	v.Save()
	v.Close()
	good, _ := os.ReadFile(path)
	old, _ := os.ReadFile(path + ".bak")

	// locate returns the offsets of the parts of a file.
	locate := func(file []byte) (parsed, []int) {
		p, err := parse(file)
		if err != nil {
			t.Fatal(err)
		}
		at := []int{len(file) - len(p.body)}
		for _, part := range p.Parts {
			at = append(at, at[len(at)-1]+part.Size)
		}
		return p, at
	}
	p, at := locate(good)
	_, oldAt := locate(old)
	first := -1 // the first request part
	for i, part := range p.Parts {
		if part.Kind == partRequests && first < 0 {
			first = i
		}
	}
	cases := map[string]func() []byte{
		"two parts swapped": func() []byte {
			a, b := good[at[first]:at[first+1]], good[at[first+1]:at[first+2]]
			if len(a) != len(b) {
				t.Fatalf("the parts differ in size: %d, %d", len(a), len(b))
			}
			out := bytes.Clone(good)
			copy(out[at[first]:], b)
			copy(out[at[first+1]:], a)
			return out
		},
		"a part from the previous version": func() []byte {
			out := bytes.Clone(good)
			prev := old[oldAt[first]:oldAt[first+1]]
			if len(prev) != at[first+1]-at[first] || bytes.Equal(prev, good[at[first]:at[first+1]]) {
				t.Fatal("the previous version's part differs in size, or not at all")
			}
			copy(out[at[first]:], prev)
			return out
		},
		"a count changed in the header": func() []byte {
			h := p.header
			h.Parts = append([]part(nil), h.Parts...)
			h.Parts[first].Count--
			return withHeader(t, good, h)
		},
		"a part dropped": func() []byte {
			h := p.header
			h.Parts = append(append([]part(nil), h.Parts[:first]...), h.Parts[first+1:]...)
			out := withHeader(t, bytes.Clone(good), h)
			shift := len(out) - len(good)
			return append(out[:at[first]+shift:at[first]+shift], good[at[first+1]:]...)
		},
	}
	for name, tamper := range cases {
		t.Run(name, func(t *testing.T) {
			bad := tamper()
			if _, err := parse(bad); err != nil {
				t.Fatalf("the tampered file fails before any key is used: %v", err)
			}
			os.WriteFile(path, bad, 0o600)
			for _, open := range []func(string, Unlock, Keyring) (*Vault, error){Open, OpenWithoutRequests} {
				w, err := open(path, Unlock{}, v.keyring)
				if !errors.Is(err, ErrDamaged) {
					if w != nil {
						w.Close()
					}
					t.Errorf("opened a tampered vault: %v", err)
				}
			}
		})
	}
	os.WriteFile(path, good, 0o600)
}

// withHeader returns file with its header replaced by h, with a valid
// checksum: a crafted header, not a damaged one.
func withHeader(t *testing.T, file []byte, h header) []byte {
	t.Helper()
	n := int(binary.BigEndian.Uint32(file[len(magic)+2:]))
	hdr, err := encodeHeader(h)
	if err != nil {
		t.Fatal(err)
	}
	out := append([]byte(nil), file[:prefixLen]...)
	binary.BigEndian.PutUint32(out[len(magic)+2:], uint32(len(hdr)))
	out = append(out, hdr...)
	return append(out, file[prefixLen+n:]...)
}
