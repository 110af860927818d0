package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pass is the passphrase of the test vaults: they need no keyring.
const pass = "a long passphrase of mine\n"

// passVault makes a passphrase vault holding the NETRACK seed company and
// returns its path and the company's ID.
func passVault(t *testing.T) (string, string) {
	t.Helper()
	vault := filepath.Join(t.TempDir(), "prava.vault")
	if code, _, errOut := run(t, pass, "--vault", vault, "vault", "init", "--passphrase"); code != exitOK {
		t.Fatalf("init: %s", errOut)
	}
	code, out, errOut := run(t, pass, "--vault", vault, "company", "add", "--passphrase", seedDir+"001_a66e4632f88529cc.txt")
	if code != exitOK {
		t.Fatalf("company add: %s", errOut)
	}
	id := strings.TrimSpace(out[strings.LastIndex(out, " ")+1:])
	return vault, id
}

// show returns a company as "company show --json" prints it.
func show(t *testing.T, vault, id string) companyRow {
	t.Helper()
	code, out, errOut := run(t, pass, "--vault", vault, "company", "show", id, "--json", "--passphrase")
	if code != exitOK {
		t.Fatalf("show: %s", errOut)
	}
	var r companyRow
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("show --json: %v\n%s", err, out)
	}
	return r
}

func TestCompanyEdit(t *testing.T) {
	vault, id := passVault(t)
	if r := show(t, vault, id); r.Name != "NETRACK" || r.Law != "RU" {
		t.Fatalf("the seed company: %+v", r)
	}
	code, out, errOut := run(t, pass, "--vault", vault, "company", "edit", id, "--passphrase",
		"--name", "Netrack", "--legal-name", "ООО «НЕТРЭК»", "--registration", "1027700000000", "--law", "ua", "--language", "uk",
		"--add-contact", "privacy@netrack.example", "--add-contact", "https://netrack.example/form",
		"--marking", "any=Запит щодо персональних даних", "--promised-days", "10", "--notes", "by hand")
	if code != exitOK || !strings.Contains(out, "Saved Netrack") {
		t.Fatalf("edit: %d %s %s", code, out, errOut)
	}
	r := show(t, vault, id)
	if r.Name != "Netrack" || r.LegalName != "ООО «НЕТРЭК»" || r.Law != "UA" || r.Language != "uk" || r.PromisedDays != 10 || r.Notes != "by hand" || r.Markings["any"] == "" {
		t.Errorf("after the edit: %+v", r)
	}
	kinds := map[string]string{}
	for _, ct := range r.Contacts {
		kinds[ct.Value] = string(ct.Kind)
	}
	if kinds["privacy@netrack.example"] != "email" || kinds["https://netrack.example/form"] != "web form" {
		t.Errorf("contacts: %v", kinds)
	}
	if code, _, errOut := run(t, pass, "--vault", vault, "company", "edit", id, "--passphrase", "--remove-contact", "privacy@netrack.example"); code != exitOK {
		t.Fatalf("remove contact: %s", errOut)
	}
	for _, ct := range show(t, vault, id).Contacts {
		if ct.Value == "privacy@netrack.example" {
			t.Error("the contact was not removed")
		}
	}
	// The legal persons behind the brand: replaced, then cleared.
	if r := show(t, vault, id); len(r.LegalEntities) != 2 {
		t.Errorf("the seed's operators: %q", r.LegalEntities)
	}
	if code, _, errOut := run(t, pass, "--vault", vault, "company", "edit", id, "--passphrase", "--legal-entity", " ООО «Старт» ", "--legal-entity", "ООО «Нетрэк»"); code != exitOK {
		t.Fatalf("legal entities: %s", errOut)
	}
	if got := show(t, vault, id).LegalEntities; strings.Join(got, "|") != "ООО «Старт»|ООО «Нетрэк»" {
		t.Errorf("legal entities after the edit: %q", got)
	}
	if code, _, errOut := run(t, pass, "--vault", vault, "company", "edit", id, "--passphrase", "--legal-entity", ""); code != exitOK {
		t.Fatalf("clear legal entities: %s", errOut)
	}
	if got := show(t, vault, id).LegalEntities; len(got) != 0 {
		t.Errorf("legal entities after clearing: %q", got)
	}
	// The list shows the law by its own name, with the contacts.
	code, out, _ = run(t, pass, "--vault", vault, "company", "list", "--json", "--passphrase")
	var rows []map[string]any
	if code != exitOK || json.Unmarshal([]byte(out), &rows) != nil || len(rows) != 1 || rows[0]["law"] != "UA" || rows[0]["id"] != id || rows[0]["contacts"] == nil {
		t.Errorf("list --json: %s", out)
	}
}

func TestCompanyBadInputChangesNothing(t *testing.T) {
	vault, id := passVault(t)
	before, _ := os.ReadFile(vault)
	cases := []struct {
		args []string
		code int
		says string
	}{
		{[]string{"company", "edit", id, "--law", "Ukraine"}, exitError, "unknown law"},
		{[]string{"company", "edit", id, "--language", "xx"}, exitError, "unknown language"},
		{[]string{"company", "edit", id, "--name", " "}, exitError, "needs a name"},
		{[]string{"company", "edit", id, "--add-contact", "call us"}, exitError, "neither an e-mail address nor a postal address"},
		{[]string{"company", "edit", id, "--remove-contact", "nobody@example.com"}, exitError, "has no contact"},
		{[]string{"company", "edit", id, "--marking", "nonsense"}, exitError, "KIND=TEXT"},
		{[]string{"company", "edit", id, "--promised-days", "9999"}, exitError, "1 to 365"},
		{[]string{"company", "edit", id, "--legal-entity", strings.Repeat("ООО ", 60)}, exitError, "is not a legal entity's name"},
		{[]string{"company", "edit", id}, exitError, "nothing to change"},
		{[]string{"company", "edit", "nope", "--name", "X"}, exitError, `no company "nope"`},
		{[]string{"company", "show", "nope"}, exitError, `no company "nope"`},
		{[]string{"company", "delete", "nope"}, exitError, `no company "nope"`},
		{[]string{"company", "delete"}, exitUsage, "give one company's ID"},
		{[]string{"request", "delete", "nope"}, exitError, `no request "nope"`},
		{[]string{"company", "add", seedDir + "001_a66e4632f88529cc.txt"}, exitError, "already in the vault"},
	}
	for _, c := range cases {
		args := append([]string{"--vault", vault}, c.args...)
		args = append(args, "--passphrase")
		code, _, errOut := run(t, pass, args...)
		if code != c.code || !strings.Contains(errOut, c.says) {
			t.Errorf("%v: exit %d, %q; want %d saying %q", c.args, code, errOut, c.code, c.says)
		}
	}
	if after, _ := os.ReadFile(vault); !bytes.Equal(before, after) {
		t.Error("refused commands changed the vault")
	}
	// On purpose, the same company twice; then one is deleted.
	code, out, errOut := run(t, pass, "--vault", vault, "company", "add", "--again", "--passphrase", seedDir+"001_a66e4632f88529cc.txt")
	if code != exitOK {
		t.Fatalf("add --again: %s", errOut)
	}
	second := strings.TrimSpace(out[strings.LastIndex(out, " ")+1:])
	if code, out, errOut := run(t, pass, "--vault", vault, "company", "delete", second, "--passphrase"); code != exitOK || !strings.Contains(out, "Deleted NETRACK") {
		t.Fatalf("delete: %s %s", out, errOut)
	}
	if code, out, _ := run(t, pass, "--vault", vault, "company", "list", "--passphrase"); code != exitOK || strings.Count(out, "NETRACK") != 1 {
		t.Errorf("after the delete:\n%s", out)
	}
}

func TestCompanyFromDirectory(t *testing.T) {
	vault, _ := passVault(t)
	before, _ := os.ReadFile(vault)
	if code, _, errOut := run(t, pass, "--vault", vault, "company", "add", "--directory", "no-such-company", "--passphrase"); code != exitError || !strings.Contains(errOut, "prava directory search") {
		t.Errorf("an unknown slug: %d %s", code, errOut)
	}
	if after, _ := os.ReadFile(vault); !bytes.Equal(before, after) {
		t.Error("an unknown slug changed the vault")
	}
	code, out, errOut := run(t, pass, "--vault", vault, "company", "add", "--directory", "google", "--passphrase")
	if code != exitOK || !strings.Contains(out, "from the directory as of") {
		t.Fatalf("add --directory google: %d %s %s", code, out, errOut)
	}
	id := strings.TrimSpace(out[strings.LastIndex(out, " ")+1:])
	r := show(t, vault, id)
	var email, address bool
	for _, ct := range r.Contacts {
		email = email || ct.Value == "data-access-requests@google.com"
		address = address || (ct.Kind == "post" && strings.Contains(ct.Value, "Mountain View"))
	}
	if !email || !address {
		t.Errorf("Google from the directory: %+v", r.Contacts)
	}
	if code, _, errOut := run(t, pass, "--vault", vault, "company", "add", "--directory", "google", "--passphrase"); code != exitError || !strings.Contains(errOut, "already in the vault") {
		t.Errorf("Google twice: %d %s", code, errOut)
	}
	// Giving back: the person's own companies read from a policy on the
	// web, not the one from the directory (nor NETRACK, read from a file:
	// a record needs a web source).
	policyText, _ := os.ReadFile(seedDir + "003_667823663de3ed12.txt")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.Write(policyText) }))
	defer srv.Close()
	if code, _, errOut := run(t, pass, "--vault", vault, "company", "add", srv.URL+"/privacy", "--passphrase"); code != exitOK {
		t.Fatalf("add from a URL: %s", errOut)
	}
	file := filepath.Join(t.TempDir(), "mine.json")
	if code, out, errOut := run(t, pass, "--vault", vault, "company", "export", "--datarequests", file, "--passphrase"); code != exitOK || !strings.Contains(out, "Wrote 1 companies") {
		t.Fatalf("export: %d %s %s", code, out, errOut)
	}
	data, _ := os.ReadFile(file)
	var records []map[string]any
	if err := json.Unmarshal(data, &records); err != nil || len(records) != 1 || !strings.Contains(fmt.Sprint(records[0]["name"]), "Costless") || strings.Contains(string(data), "google") {
		t.Errorf("exported %s (%v)", data, err)
	}
}

// TestCompanyFromDirectoryMany: several slugs after --directory, or the
// flag repeated, are added in one save; those kept already are skipped
// and an unknown slug adds none of them (#28).
func TestCompanyFromDirectoryMany(t *testing.T) {
	vault, _ := passVault(t)
	before, _ := os.ReadFile(vault)
	if code, _, errOut := run(t, pass, "--vault", vault, "company", "add", "--directory", "google", "no-such-company", "--passphrase"); code != exitError || !strings.Contains(errOut, "nothing was added") {
		t.Errorf("an unknown slug among several: %d %s", code, errOut)
	}
	if after, _ := os.ReadFile(vault); !bytes.Equal(before, after) {
		t.Error("an unknown slug among several changed the vault")
	}
	code, out, errOut := run(t, pass, "--vault", vault, "company", "add", "--directory", "google", "facebook", "--passphrase")
	if code != exitOK || !strings.Contains(out, "Added 2 of 2 companies") {
		t.Fatalf("add --directory google facebook: %d %s %s", code, out, errOut)
	}
	code, out, errOut = run(t, pass, "--vault", vault, "company", "add", "--directory", "google", "--directory", "tele2", "--passphrase")
	if code != exitOK || !strings.Contains(out, "Added 1 of 2 companies") {
		t.Fatalf("add --directory google --directory tele2: %d %s %s", code, out, errOut)
	}
	code, out, _ = run(t, pass, "--vault", vault, "company", "list", "--passphrase")
	if code != exitOK || strings.Count(out, "\n") < 3 {
		t.Errorf("three companies listed: %d %s", code, out)
	}
}

// TestBrandLetterGoesToItsOperators: seed 001 names the brand NETRACK and
// its operators ООО «Старт» and ООО «Серверные Решения»; the company keeps
// them, and the letter is addressed to them, not to the brand
// (letters-review-2 B3).
func TestBrandLetterGoesToItsOperators(t *testing.T) {
	vault, id := passVault(t)
	r := show(t, vault, id)
	if !strings.Contains(strings.Join(r.LegalEntities, "; "), "Старт") || len(r.LegalEntities) < 2 {
		t.Errorf("the company keeps the legal entities %q", r.LegalEntities)
	}
	out := filepath.Join(t.TempDir(), "access.pdf")
	code, _, errOut := run(t, "", "letter", "--policy", seedDir+"001_a66e4632f88529cc.txt", "--kind", "access",
		"--from", writeProfile(t, testProfile), "--date", "2026-11-23", "--out", out)
	if code != exitOK {
		t.Fatalf("letter: %s", errOut)
	}
	if text := strings.Join(strings.Fields(pdfText(t, out)), " "); !strings.Contains(text, "В ООО «Старт», ООО «Серверные Решения» (NETRACK)") {
		t.Errorf("the letter is not addressed to the operators:\n%s", text)
	}
}
