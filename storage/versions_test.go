package storage

import (
	"fmt"
	"os"
	"path/filepath"
	"prava/record"
	"strings"
	"testing"
)

// TestOpenEveryVersion opens a vault written by each earlier version of
// Prava's format, kept in testdata/vaults with its recovery code, checks
// what it holds, saves it in today's format and opens that again. A new
// file format or schema version adds its vault here before it ships.
func TestOpenEveryVersion(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "vaults", "*.vault"))
	if len(files) == 0 {
		t.Fatal("no vaults in testdata/vaults")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			code, err := os.ReadFile(strings.TrimSuffix(f, ".vault") + ".code")
			if err != nil {
				t.Fatal(err)
			}
			// Work on a copy: opening may upgrade it on the next save.
			path := filepath.Join(t.TempDir(), "old.vault")
			data, _ := os.ReadFile(f)
			os.WriteFile(path, data, 0o600)
			v, err := Open(path, Unlock{RecoveryCode: string(code)}, testKeyring(t))
			if err != nil {
				t.Fatal(err)
			}
			defer v.Close()
			if v.Data.Profile.Name != "Ivanna Testenko" || len(v.Data.Companies) != 2 || len(v.Data.Requests) != 1 {
				t.Errorf("contents: %+v", v.Data)
			}
			letter := v.Data.Requests[0].LetterText.String()
			if strings.Contains(f, "format3") && letter != fixtureLetter {
				t.Errorf("the request's letter came back as %q", letter)
			}
			if err := v.Save(); err != nil {
				t.Fatalf("saving the upgraded vault: %v", err)
			}
			v.Close()
			v, err = Open(path, Unlock{RecoveryCode: string(code)}, testKeyring(t))
			if err != nil {
				t.Fatalf("reopening the upgraded vault: %v", err)
			}
			defer v.Close()
			info, _ := Inspect(path, nopKeyring{})
			if len(v.Data.Companies) != 2 || v.Data.Requests[0].CompanyID != "c1" || v.Data.Requests[0].LetterText.String() != letter || info.Format != FormatVersion {
				t.Errorf("after the upgrade: format %d, %+v", info.Format, v.Data)
			}
		})
	}
}

// TestWriteVersionFixture writes testdata/vaults/formatF-schemaS.vault for
// the current file format and schema. Run it by hand when either changes:
//
//	PRAVA_WRITE_FIXTURE=1 go test -run TestWriteVersionFixture ./storage
func TestWriteVersionFixture(t *testing.T) {
	if os.Getenv("PRAVA_WRITE_FIXTURE") == "" {
		t.Skip("writes a fixture only when asked")
	}
	name := filepath.Join("testdata", "vaults", fmt.Sprintf("format%d-schema%d", FormatVersion, SchemaVersion))
	os.MkdirAll(filepath.Dir(name), 0o755)
	os.Remove(name + ".vault")
	v, code, err := Create(name+".vault", CreateOptions{Keyring: nopKeyring{}, Passphrase: "fixture passphrase"})
	if err != nil {
		t.Fatal(err)
	}
	v.Data.Profile = record.Profile{Name: "Ivanna Testenko", Address: "вул. Тестова 1, Київ", Email: "ivanna@example.org"}
	v.Data.Companies = []record.Company{{ID: "c1", Name: "NETRACK", Jurisdiction: "RU"}, {ID: "c2", Name: "SIA “LatInSoft”", Jurisdiction: "EU-LV"}}
	v.Data.Requests = []record.Request{{ID: "r1", CompanyID: "c1", Kind: "access", Status: record.StatusSent, LetterText: record.NewText(fixtureLetter)}}
	if err := v.Save(); err != nil {
		t.Fatal(err)
	}
	v.Close()
	os.Remove(name + ".vault.bak")
	os.Remove(name + ".vault.lock")
	os.WriteFile(name+".code", []byte(code), 0o644)
}

// fixtureLetter is the letter of the fixtures' request, from format 3 on.
const fixtureLetter = "ЗАПИТ щодо доступу до персональних даних"

type nopKeyring struct{}

func (nopKeyring) Get(string, string) (string, error) { return "", ErrNoKeyringKey }
func (nopKeyring) Set(string, string, string) error   { return nil }
func (nopKeyring) Delete(string, string) error        { return nil }
