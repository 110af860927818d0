package directory

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileTarball is a small archive that costs much to read: n empty
// entries in dir whose names are nameLen bytes long, padded with ESC.
func hostileTarball(t *testing.T, dir string, n, nameLen int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for i := range n {
		pad := max(nameLen-len(dir)-len("/.json")-8, 1)
		name := fmt.Sprintf("%s/%08d%s.json", dir, i, strings.Repeat("\x1b", pad))
		if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeReg, Name: name, Mode: 0o644, Format: tar.FormatPAX}); err != nil {
			t.Fatal(err)
		}
	}
	tw.Close()
	zw.Close()
	return buf.Bytes()
}

// TestUpdateBoundsNamesAndEntries is security review 2's F4: 2,000 empty
// entries with 1 MB names once took 3 GB and an error quoting a whole
// name (an entry under companies/ was kept, name and all). The name is refused at once, the message quotes a short, escaped
// part (the archive writer takes names of 512 KB, not 1 MB), and an archive of more entries than a directory has is refused.
func TestUpdateBoundsNamesAndEntries(t *testing.T) {
	d := mustDefault(t)
	dst := filepath.Join(t.TempDir(), "directory.bin")
	src := writeFile(t, "long.tar.gz", hostileTarball(t, "companies", 50, 1<<19))
	_, err := d.Update(src, dst)
	if err == nil || !strings.Contains(err.Error(), "name is") {
		t.Fatalf("1 MB entry names: %v", err)
	}
	if msg := strings.TrimPrefix(err.Error(), "the directory was not changed: "+src); len(msg) > 400 || strings.ContainsRune(msg, '\x1b') {
		t.Errorf("the message is %d bytes or holds an escape character: %.200q", len(msg), msg)
	}
	src = writeFile(t, "many.tar.gz", hostileTarball(t, "other", 100_001, 20))
	if _, err := d.Update(src, dst); err == nil || !strings.Contains(err.Error(), "entries") {
		t.Errorf("100,001 entries: %v", err)
	}
	if _, err := os.Stat(dst); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused update wrote the directory: %v", err)
	}
}

func TestUpdateArrayBoundsRecords(t *testing.T) {
	d := mustDefault(t)
	var b strings.Builder
	b.WriteString("[")
	for i := range 50_001 {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("{}")
	}
	b.WriteString("]")
	src := writeFile(t, "many.json", []byte(b.String()))
	if _, err := d.Update(src, filepath.Join(t.TempDir(), "directory.bin")); err == nil || !strings.Contains(err.Error(), "50001 records") {
		t.Errorf("50,001 records: %v", err)
	}
}
