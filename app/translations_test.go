package app

import (
	"cmp"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"prava/assets"
	"prava/casework"
	"prava/directory"
	"prava/law"
	"prava/letters"
	"prava/mail"
	"prava/policy"
	"prava/record"
)

func translationKeys(t *testing.T, code string) map[string]string {
	t.Helper()
	data, err := assets.Translations.ReadFile(assets.TranslationsDir + "/" + code + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s.json: %v", code, err)
	}
	return m
}

// TestTranslationsComplete makes sure every language has every key the
// English file has, and no key English lacks, so no screen falls back to
// a raw key or keeps a text nobody shows.
func TestTranslationsComplete(t *testing.T) {
	en := translationKeys(t, "en")
	for _, code := range Languages[1:] {
		other := translationKeys(t, code)
		for k := range en {
			if strings.TrimSpace(other[k]) == "" {
				t.Errorf("%s.json lacks %q", code, k)
			}
		}
		for k := range other {
			if _, ok := en[k]; !ok {
				t.Errorf("%s.json has %q, which en.json lacks", code, k)
			}
		}
	}
}

// TestEveryKeyTranslated reads the UI's source for the keys it asks T for
// and checks en.json has each one; keys built at run time are listed here
// from the values they are built from.
func TestEveryKeyTranslated(t *testing.T) {
	en := translationKeys(t, "en")
	literal := regexp.MustCompile(`\bT\("([a-z_.]+)"`)
	files, _ := filepath.Glob("*.go")
	used := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range literal.FindAllStringSubmatch(string(src), -1) {
			if !strings.HasSuffix(m[1], ".") && !strings.HasSuffix(m[1], "_") {
				used[m[1]] = true
			}
		}
	}
	for _, p := range []string{"problem.in_use", "problem.damaged", "problem.too_new", "problem.not_a_vault", "problem.no_keyring", "problem.wrong_key", "problem.other"} {
		used[p+".title"], used[p+".body"] = true, true
	}
	for _, f := range []string{"name", "legal", "registration", "jurisdiction", "language", "emails", "addresses", "website", "days", "marking_access", "marking_erasure", "marking_withdrawal", "marking_any"} {
		used["review."+f], used["review."+f+"_missing"] = true, true
	}
	for _, k := range []record.Channel{record.ByEmail, record.ByPost, record.ByWebForm, record.ByPhone} {
		used["contact."+string(k)] = true
	}
	for _, k := range record.Kinds {
		used["kind."+string(k)] = true
	}
	for _, c := range []string{directory.ChannelEmail, directory.ChannelLetter, directory.ChannelFax, directory.ChannelWebForm} {
		used["dir.channel_"+c] = true
	}
	used["dir.runs"] = true // through entryCard's line helper
	for _, c := range []law.ReasonCode{law.ReasonPosted, law.ReasonReceived, law.ReasonNoTerm, law.ReasonTerm, law.ReasonMoved, law.ReasonPausedDays,
		law.ReasonClockStopped, law.ReasonNoPause, law.ReasonExtended, law.ReasonLateExtension, law.ReasonInterim, law.ReasonIncompleteHoliday, law.ReasonMartialLaw, law.ReasonNoState} {
		used["why."+string(c)] = true
	}
	for _, r := range []string{policy.RoleController, policy.RoleProcessor, policy.RolePlatform, policy.RoleRecipient, policy.RoleAuthority, policy.RoleRegistry, policy.RoleRepresentative, policy.RoleOther} {
		used["role."+strings.ReplaceAll(r, " ", "_")] = true
	}
	for _, f := range []string{"name", "e-mail", "postal_address", "web_form", "phone", "web_site", "language"} {
		used["diff."+f] = true // directory.Difference's fields
	}
	used["why.term_asked"] = true // the term a letter asks for where the law sets none
	for _, unit := range []string{"months", "days", "working_days"} {
		for _, form := range []string{"one", "few", "many"} {
			used["term."+unit+"_"+form] = true
		}
	}
	for _, p := range []string{"social-media", "entertainment", "finance", "telecommunication", "address-brokers", "credit-agencies", "commerce", "insurance", "public-authorities"} {
		used["pack."+p] = true // the packs the snapshot has (packName falls back to the slug)
	}
	for _, g := range letters.Grounds {
		used["ground."+string(g)] = true
	}
	for _, r := range letters.Refusals {
		used["refusal."+string(r)] = true
	}
	for _, s := range []record.Status{record.StatusDraft, record.StatusSent, record.StatusAnswered, record.StatusDone, record.StatusRefused} {
		used["status."+string(s)] = true
	}
	for _, n := range []string{policy.NoteNoController, policy.NoteNoContact, policy.NoteDomainMismatch, policy.NoteProcessor, policy.NoteLongPromise, policy.NoteInPerson} {
		used["note."+n] = true
	}
	for _, c := range casework.PolicyChanges(&policy.Findings{}, everything()) {
		used["change."+c.Field] = true
	}
	for _, e := range []string{"sent", "delivered", "identity_asked", "identity_provided", "extension", "reply", "done", "refused"} {
		used["event."+e] = true
	}
	for _, l := range []string{"ua", "ru", "eu", "us_ca"} {
		used["law."+l] = true
	}
	// Every refusal the desk can give is shown in the person's language:
	// its field and code, as written in casework's source, name the key.
	for _, k := range problemKeys(t) {
		used[k] = true
	}
	for _, h := range []string{"sent", "delivered", "identity_asked", "identity_provided", "extension", "reply", "closed", "refused"} {
		used["history."+h] = true
	}
	used["step.send_reminder"], used["step.send_complaint"] = true, true
	// The mail servers' failing steps (mail.Stage) and the encryption
	// choices (securities), worded by mailWhy and mailSection.
	for _, st := range []mail.Stage{mail.StageDNS, mail.StageConnect, mail.StageTLS, mail.StageAuth,
		mail.StageRecipient, mail.StageSize, mail.StageServer, mail.StageTimeout} {
		used["mail.stage."+string(st)] = true
	}
	for _, sec := range securities {
		used["mail.security_"+cmp.Or(string(sec), "auto")] = true
	}
	used["mail.imap_state"], used["mail.smtp_state"] = true, true
	for _, e := range []string{"empty", "binary", "too_large", "fetch"} {
		used["add.err_"+e] = true
	}
	for _, p := range []string{"name", "address", "email", "phone", "birth", "customer", "country", "id"} {
		used["profile."+p], used["profile."+p+"_why"] = true, true
	}
	for _, b := range lawBases(t) {
		used[basisKey(b)] = true // the rules deadlines rest on, as reasonsText words them
	}
	for _, k := range fyneKeys {
		used[k] = true
	}
	for _, k := range placeKeys { // the file dialog's places, by showFileDialog
		used[k] = true
	}
	used["file.open_title"], used["file.save_title"] = true, true
	for _, w := range knownWarnings { // the letters' warnings, by warningText
		used[w.key] = true
	}
	for k := range used {
		if _, ok := en[k]; !ok {
			t.Errorf("the UI asks for %q, which en.json lacks", k)
		}
	}
	for k := range en {
		if !used[k] {
			t.Errorf("en.json has %q, which no screen shows", k)
		}
	}
}

// everything is a reading in which every finding PolicyChanges compares
// is given, so that every field shows up as a change.
func everything() *policy.Findings {
	s, n := "x", 1
	return &policy.Findings{
		DisplayName: s, Controller: &s, Registration: &s, Jurisdiction: s, Language: s,
		Emails: []string{s}, Addresses: []string{s}, DPO: &policy.Officer{Email: s}, LegalEntities: []string{s},
		Markings:     policy.Markings{Access: &s, Erasure: &s, Withdrawal: &s, Any: &s},
		ResponseDays: &n,
	}
}

// problemKeys are the translation keys of every Problem casework's source
// makes: problem("field", "code", …), dateProblem("code", …) and
// &Problem{Field: "field", Code: "code"}.
func problemKeys(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "casework", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	calls := regexp.MustCompile(`problem\("(\w+)", "(\w+)"`)
	dates := regexp.MustCompile(`dateProblem\("(\w+)"`)
	literals := regexp.MustCompile(`Problem\{Field: "(\w+)", Code: "(\w+)"`)
	var keys []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range calls.FindAllStringSubmatch(string(src), -1) {
			keys = append(keys, "problem."+m[1]+"."+m[2])
		}
		for _, m := range literals.FindAllStringSubmatch(string(src), -1) {
			keys = append(keys, "problem."+m[1]+"."+m[2])
		}
		for _, m := range dates.FindAllStringSubmatch(string(src), -1) {
			keys = append(keys, "problem.date."+m[1])
		}
	}
	if len(keys) < 20 {
		t.Fatalf("found only %d problems in casework's source: has the way they are made changed?", len(keys))
	}
	return keys
}

// fyneKeys are the texts of Fyne's own dialogs and menus (file dialogs,
// confirmations, an entry's menu), which Fyne looks up under these keys.
// Fyne ships them for a few languages only, and not under the language
// the person chose when the system's is another: Prava's files hold them.
var fyneKeys = []string{"(Parent)", "Cancel", "Create Folder", "Enter filename", "File", "Folder", "New Folder", "Open", "Save",
	"Show Hidden Files", "file.name", "file.parent", "Yes", "No", "OK", "Confirm", "Error", "Copy", "Cut", "Paste", "Select all",
	"Undo", "Redo", "Quit"}

// lawBases are the rules every deadline the law package works out may
// rest on, as it cites them.
func lawBases(t *testing.T) []string {
	t.Helper()
	seen := map[string]bool{}
	var out []string
	for _, c := range law.CodeNames() {
		j, err := law.Lookup(c, law.DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range record.Kinds {
			if r, err := j.Rule(k); err == nil && r.Basis != "" && !seen[r.Basis] {
				seen[r.Basis] = true
				out = append(out, r.Basis)
			}
		}
	}
	if len(out) < 10 {
		t.Fatalf("only %d rules found in the law package", len(out))
	}
	return out
}
