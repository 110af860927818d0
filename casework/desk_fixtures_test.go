package casework

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"prava/keyringtest"
	"prava/policy"
	"prava/record"
	"prava/storage"
)

// testDay is the desk's clock in these tests: Monday 23 November 2026.
var testDay = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// newDesk opens a fresh vault (in a folder of its own, so a test can take
// the folder away) with the Costless seed company and a profile.
func newDesk(t *testing.T) (*Desk, string, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "vault", "prava.vault")
	os.MkdirAll(filepath.Dir(path), 0o700)
	kr := keyringtest.New(t)
	v, _, err := storage.Create(path, storage.CreateOptions{Keyring: kr})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { v.Close() })
	k := NewDesk(v, func() time.Time { return testDay })
	keyrings[k] = kr
	if err := k.SaveProfile(record.Profile{Name: "Olena Petrenko", Address: "vul. Khreshchatyk 1\n01001 Kyiv\nUkraine", Email: "olena@example.org", Country: "LT"}); err != nil {
		t.Fatal(err)
	}
	src := readSeed(t, "003_667823663de3ed12.txt")
	c, err := k.AddCompany(CompanyFromPolicy(src, policy.Analyze(src.Text), testDay), false, src.Location)
	if err != nil {
		t.Fatal(err)
	}
	return k, path, c.ID
}

// breakDisk makes the vault's saves fail, as a vanished disk would, until
// the returned function puts it back.
func breakDisk(t *testing.T, path string) func() {
	t.Helper()
	dir := filepath.Dir(path)
	if err := os.Rename(dir, dir+".moved"); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(dir, nil, 0o600)
	return sync.OnceFunc(func() { os.Remove(dir); os.Rename(dir+".moved", dir) })
}

// sentRequest writes an access request and marks it sent on testDay.
func sentRequest(t *testing.T, k *Desk, companyID string) string {
	t.Helper()
	ws, err := k.WriteRequests(companyID, []Draft{{Kind: record.Access, Contact: -1, Date: testDay}})
	if err != nil {
		t.Fatal(err)
	}
	id := ws[0].Request.ID
	if err := k.Record(id, EventSent, testDay, Detail{}); err != nil {
		t.Fatal(err)
	}
	return id
}

// keyrings holds each test desk's keyring double, to open its vault again.
var keyrings = map[*Desk]*keyringtest.Keyring{}

// keyringOf is the desk's vault's keyring double.
func keyringOf(k *Desk) storage.Keyring { return keyrings[k] }

// companyIDs lists the companies' IDs in order.
func companyIDs(d *record.Data) []string {
	var out []string
	for _, c := range d.Companies {
		out = append(out, c.ID)
	}
	return out
}
