package directory

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const goodRecord = `{"slug": "privatbank", "relevant-countries": ["ua"], "name": "AT KB PrivatBank", "runs": ["Privat24"],
 "address": "vul. Hrushevskoho 1D\nKyiv 01001\nUkraine", "email": "privacy@privatbank.ua", "web": "https://privatbank.ua/",
 "sources": ["https://privatbank.ua/privacy"], "quality": "verified"}`

// tarball makes a snapshot tarball as git archive does: a global header
// naming the commit, then the files under a top folder.
func tarball(t *testing.T, files map[string]string, date time.Time) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeXGlobalHeader, Name: "pax_global_header", PAXRecords: map[string]string{"comment": "feedc0de"}, Format: tar.FormatPAX}); err != nil {
		t.Fatal(err)
	}
	for name, body := range files {
		if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeReg, Name: "data-feedc0de/" + name, Size: int64(len(body)), Mode: 0o644, ModTime: date}); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(body))
	}
	tw.Close()
	zw.Close()
	return buf.Bytes()
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestUpdateFromTarball(t *testing.T) {
	d := mustDefault(t)
	schema := `{"required": ["slug", "relevant-countries", "name", "address", "sources", "quality"], "properties": {
		"relevant-countries": {"type": "array", "items": {"enum": ["all", "de", "ua"]}}}}`
	date := time.Date(2027, 1, 5, 10, 0, 0, 0, time.UTC)
	src := writeFile(t, "new.tar.gz", tarball(t, map[string]string{
		"schema.json":               schema,
		"LICENSE":                   "CC0",
		"companies/privatbank.json": goodRecord,
		"company-packs/ua.json":     `[{"slug": "banks", "type": "choose", "companies": ["privatbank", "gone"]}]`,
		"README.md":                 "not data",
	}, date))
	dst := filepath.Join(t.TempDir(), "sub", "directory.bin")
	nd, err := d.Update(src, dst)
	if err != nil {
		t.Fatal(err)
	}
	m := nd.Meta()
	if m.Commit != "feedc0de" || !m.Date.Equal(date) || nd.Len() != 1 {
		t.Errorf("meta %+v, %d companies", m, nd.Len())
	}
	if hits := nd.Search("privat24", Options{}); len(hits) != 1 || hits[0].Entry.Slug != "privatbank" {
		t.Errorf("privat24 in the update: %v", hits)
	}
	if p := nd.Packs("ua"); len(p) != 1 || len(p[0].Companies) != 1 {
		t.Errorf("packs: %+v (a slug with no record is dropped)", p)
	}
	opened, err := OpenNewest(dst)
	if err != nil || opened.Len() != 1 {
		t.Errorf("OpenNewest after the update: %v", err)
	}
	Use(d) // other tests search the embedded snapshot
	if again, _ := Default(); again != d {
		t.Error("Use did not restore the directory")
	}
}

func TestUpdateFromJSONArrayKeepsPacks(t *testing.T) {
	d := mustDefault(t)
	rec := strings.Replace(goodRecord, `["ua"]`, `["de"]`, 1)
	google := `{"slug": "google", "relevant-countries": ["all"], "name": "Google LLC", "address": "1600 Amphitheatre Pkwy\nMountain View\nUnited States of America", "sources": ["https://policies.google.com/privacy"], "quality": "verified"}`
	src := writeFile(t, "records.json", []byte("["+rec+",\n"+google+"]\n"))
	future := time.Now().Add(24 * time.Hour)
	os.Chtimes(src, future, future)
	dst := filepath.Join(t.TempDir(), "directory.bin")
	nd, err := d.Update(src, dst)
	if err != nil {
		t.Fatal(err)
	}
	if nd.Len() != 2 {
		t.Fatalf("%d companies, want 2", nd.Len())
	}
	packs := nd.Packs("")
	if len(packs) == 0 {
		t.Fatal("a JSON array update lost the packs")
	}
	for _, p := range packs {
		for _, slug := range p.Companies {
			if slug != "google" {
				t.Errorf("pack %s keeps %s, which the update does not have", p.Slug, slug)
			}
		}
	}
}

func TestUpdateRefusesBadFiles(t *testing.T) {
	d := mustDefault(t)
	bad := strings.Replace(goodRecord, `"privacy@privatbank.ua"`, `"privacy at privatbank"`, 1)
	unknownField := strings.Replace(goodRecord, `"quality"`, `"qualty": "x", "quality"`, 1)
	missing := strings.Replace(goodRecord, `"sources": ["https://privatbank.ua/privacy"], `, "", 1)
	twice := "[" + strings.Replace(goodRecord, `["ua"]`, `["de"]`, 1) + "," + strings.Replace(goodRecord, `["ua"]`, `["de"]`, 1) + "]"
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"bad-email.json", []byte("[" + strings.Replace(bad, `["ua"]`, `["de"]`, 1) + "]"), `record 1 (privatbank): "email" is "privacy at privatbank"`},
		{"country.json", []byte("[" + goodRecord + "]"), `"relevant-countries" holds "ua"`},
		{"unknown.json", []byte("[" + strings.Replace(unknownField, `["ua"]`, `["de"]`, 1) + "]"), `unknown field "qualty"`},
		{"missing.json", []byte("[" + missing + "]"), `required field "sources" is missing`},
		{"twice.json", []byte(twice), `two records have the slug "privatbank"`},
		{"empty.json", []byte("[]"), "holds no company records"},
		{"text.txt", []byte("hello"), "neither the data repository's .tar.gz nor a JSON array"},
		{"broken.json", []byte("[{"), "cannot be read"},
		{"no-companies.tar.gz", tarball(t, map[string]string{"README.md": "x"}, time.Now()), "holds no companies/*.json"},
		{"bad-in-tar.tar.gz", tarball(t, map[string]string{"companies/x.json": bad}, time.Now()), `companies/x.json: "relevant-countries" holds "ua"`},
		{"bad-email-in-tar.tar.gz", tarball(t, map[string]string{"companies/x.json": strings.Replace(bad, `["ua"]`, `["de"]`, 1)}, time.Now()), `companies/x.json: "email"`},
		{"bad-pack.tar.gz", tarball(t, map[string]string{"companies/x.json": strings.Replace(goodRecord, `["ua"]`, `["de"]`, 1), "company-packs/de.json": `[{"slug": "x", "type": "all"}]`}, time.Now()), "type of add-all or choose"},
		{"bad-schema.tar.gz", tarball(t, map[string]string{"companies/x.json": goodRecord, "schema.json": "{"}, time.Now()), "schema.json is not a JSON schema"},
		{"old.tar.gz", tarball(t, map[string]string{"companies/x.json": strings.Replace(goodRecord, `["ua"]`, `["de"]`, 1)}, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)), "older than the directory Prava has"},
		{"damaged.tar.gz", []byte{0x1f, 0x8b, 8, 0, 0, 0}, "damaged"},
	}
	for _, tt := range tests {
		src := writeFile(t, tt.name, tt.data)
		dst := filepath.Join(t.TempDir(), "directory.bin")
		_, err := d.Update(src, dst)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "was not changed") {
			t.Errorf("%s: error %v, want one saying %q and that nothing changed", tt.name, err, tt.want)
		}
		if _, serr := os.Stat(dst); !os.IsNotExist(serr) {
			t.Errorf("%s: the refused update wrote %s", tt.name, dst)
		}
	}
	if _, err := d.Update(writeFile(t, "x.tar.gz", tarball(t, map[string]string{"companies/x.json": strings.Replace(goodRecord, `["ua"]`, `["de"]`, 1)}, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))), filepath.Join(t.TempDir(), "d")); !errors.Is(err, ErrOlder) {
		t.Errorf("an older snapshot: %v, want ErrOlder", err)
	}
}

// TestUpdateFromSharedSnapshot re-reads the snapshot the asset was made
// from, where the team's shared folder has it.
func TestUpdateFromSharedSnapshot(t *testing.T) {
	// ../shared beside the repository, as on the team's machines and CI.
	src := filepath.Join("..", "..", "shared", "datasets", "datarequests-data-0a29c3d6.tar.gz")
	if _, err := os.Stat(src); err != nil {
		t.Skip("the shared snapshot is not here")
	}
	d := mustDefault(t)
	nd, err := d.Update(src, filepath.Join(t.TempDir(), "directory.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if nd.Len() != d.Len() || nd.Meta().Commit != d.Meta().Commit || !nd.Meta().Date.Equal(d.Meta().Date) || len(nd.AllPacks()) != len(d.AllPacks()) {
		t.Errorf("re-reading the snapshot: %+v, embedded %+v", nd.Meta(), d.Meta())
	}
}

func TestOpenNewestIgnoresMissingAndReportsDamage(t *testing.T) {
	d := mustDefault(t)
	got, err := OpenNewest(filepath.Join(t.TempDir(), "none.bin"))
	if err != nil || got != d {
		t.Errorf("missing file: %v", err)
	}
	got, err = OpenNewest(writeFile(t, "bad.bin", []byte("PRAVA-DIRECTORY 1\n\xff")))
	if err == nil || got != d {
		t.Errorf("damaged file: %v, want the embedded directory and an error", err)
	}
}
