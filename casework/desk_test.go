package casework

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"prava/directory"
	"prava/letters"
	"prava/policy"
	"prava/record"
	"prava/storage"
)

// useCases runs each of the desk's changes once; each returns its error.
func useCases(k *Desk, companyID, requestID string) map[string]func() error {
	cases := map[string]func() error{
		"AddCompany": func() error {
			_, err := k.AddCompany(record.Company{Name: "Other Ltd", Contacts: []record.Contact{{Kind: record.ByEmail, Value: "privacy@other.example"}}}, false, "by hand")
			return err
		},
		"EditCompany": func() error {
			return k.EditCompany(companyID, CompanyEdit{Name: new("Renamed"), Jurisdiction: new(record.Code("eu-lv"))})
		},
		"AddContact":    func() error { return k.AddContact(companyID, record.Contact{Value: "dpo@costless.example"}) },
		"RemoveContact": func() error { return k.RemoveContact(companyID, 0) },
		"UseContact":    func() error { return k.UseContact(companyID, "erasure", 0) },
		"DeleteCompany": func() error { return k.DeleteCompany(companyID) },
		"WriteRequests": func() error {
			_, err := k.WriteRequests(companyID, []Draft{{Kind: record.Erasure, Contact: -1, Date: testDay}, {Kind: record.Withdrawal, Contact: -1, Date: testDay}})
			return err
		},
		"Record":        func() error { return k.Record(requestID, EventDelivered, testDay, Detail{}) },
		"UndoLastEvent": func() error { return k.UndoLastEvent(requestID) },
		"DeleteRequest": func() error { return k.DeleteRequest(requestID) },
		"AttachReply": func() error {
			return k.AttachReply(requestID, record.Document{Name: "reply.pdf", Data: []byte("%PDF-1.4")})
		},
		"SaveProfile":  func() error { return k.SaveProfile(record.Profile{Name: "Someone Else"}) },
		"SaveSettings": func() error { return k.SaveSettings(record.Settings{TransitDays: 7}) },
		"AddCompanies": func() error {
			_, err := k.AddCompanies([]record.Company{{Name: "One Ltd", Contacts: []record.Contact{{Kind: record.ByEmail, Value: "privacy@one.example"}}}, {Name: "Two Ltd", Contacts: []record.Contact{{Kind: record.ByEmail, Value: "privacy@two.example"}}}}, "by hand")
			return err
		},
		"AddFromDirectory": func() error {
			dir, err := directory.Default()
			if err == nil {
				_, err = k.AddFromDirectory(dir, "google", false)
			}
			return err
		},
		"AddManyFromDirectory": func() error {
			dir, err := directory.Default()
			if err == nil {
				_, err = k.AddManyFromDirectory(dir, []string{"google", "facebook"})
			}
			return err
		},
		"MergeCompanies": func() error {
			c, err := k.AddCompany(record.Company{Name: "Costless copy", Contacts: []record.Contact{{Kind: record.ByEmail, Value: "dpo@costless.example"}}}, true, "by hand")
			if err != nil {
				return err
			}
			return k.MergeCompanies(companyID, c.ID)
		},
		"RemoveContactValue": func() error {
			return k.RemoveContactValue(companyID, k.View().Companies()[0].Contacts[0].Value)
		},
		"Answer": func() error {
			_, err := k.Answer(requestID, letters.RefusalIDCopy)
			return err
		},
		"FollowUp": func() error {
			_, err := k.FollowUp(requestID, record.Reminder)
			return err
		},
		"EditLetter": func() error {
			ws, err := k.WriteRequests(companyID, []Draft{{Kind: record.Withdrawal, Contact: -1, Date: testDay}})
			if err != nil {
				return err
			}
			return k.EditLetter(ws[0].Request.ID, "Dear company,\n\nplease stop.")
		},
		"StoreKeyringKey": func() error { return k.StoreKeyringKey() },
		"SetPassphrase":   func() error { return k.SetPassphrase("a long enough passphrase") },
		"Export":          func() error { return k.Export(filepath.Join(filepath.Dir(k.Path()), "copy.vault")) },
		"AddPolicy": func() error {
			return k.AddPolicy(companyID, policy.Source{Location: "again.txt", Decoded: policy.Decoded{Text: "Privacy policy. Contact privacy@costless.example."}, RetrievedAt: testDay}, policy.Analyze("Privacy policy. Contact privacy@costless.example."))
		},
	}
	maps.Copy(cases, mailUseCases(k, companyID, requestID))
	maps.Copy(cases, signUseCases(k, requestID))
	return cases
}

// readsAndLifecycle are the desk's methods that change nothing saved:
// they read, or hold the vault open.
var readsAndLifecycle = []string{"View", "Data", "Path", "Partial", "Close", "MailAccount", "MailChecked", "SetMailRoots", "SetTSARoots", "SetDKIMLookup", "SetSignIn", "WatchMail", "CanSignIn", "TestMailAccount", "Evidence"}

// TestEveryMethodIsAUseCase: every exported method of the desk either
// changes the data, and then is in useCases (so it is checked to save,
// to log and to change nothing when the save fails), or only reads.
func TestEveryMethodIsAUseCase(t *testing.T) {
	cases := useCases(nil, "", "")
	typ := reflect.TypeFor[*Desk]()
	for i := range typ.NumMethod() {
		name := typ.Method(i).Name
		if _, ok := cases[name]; !ok && !slices.Contains(readsAndLifecycle, name) {
			t.Errorf("Desk.%s is neither a use case in useCases nor a read", name)
		}
	}
	for name := range cases {
		if _, ok := typ.MethodByName(name); !ok {
			t.Errorf("useCases has %q, which the desk does not have", name)
		}
	}
}

func TestEveryUseCaseSaves(t *testing.T) {
	for name := range useCases(nil, "", "") {
		t.Run(name, func(t *testing.T) {
			k, path, companyID := newDesk(t)
			requestID := sentRequest(t, k, companyID)
			entries := len(k.Data().Timeline)
			if err := useCases(k, companyID, requestID)[name](); err != nil {
				t.Fatal(err)
			}
			if len(k.Data().Timeline) <= entries {
				t.Error("no timeline entry was logged")
			}
			// What is in memory is what is in the file.
			want := k.Data().Clone()
			k.Close()
			v, err := storage.Open(path, storage.Unlock{}, keyringOf(k))
			if err != nil {
				t.Fatal(err)
			}
			defer v.Close()
			if !reflect.DeepEqual(companyIDs(v.Data), companyIDs(&want)) || len(v.Data.Requests) != len(want.Requests) || len(v.Data.Timeline) != len(want.Timeline) || v.Data.Profile != want.Profile {
				t.Error("the file does not hold the change")
			}
		})
	}
}

func TestEveryUseCaseFailedSaveChangesNothing(t *testing.T) {
	for name := range useCases(nil, "", "") {
		t.Run(name, func(t *testing.T) {
			k, path, companyID := newDesk(t)
			requestID := sentRequest(t, k, companyID)
			// Something to undo, for the undo case.
			if err := k.Record(requestID, EventDelivered, testDay, Detail{}); err != nil {
				t.Fatal(err)
			}
			want := k.Data().Clone()
			file, _ := os.ReadFile(path)
			restore := breakDisk(t, path)
			err := useCases(k, companyID, requestID)[name]()
			restore()
			if err == nil {
				t.Fatal("a change with a broken disk reported no error")
			}
			if !reflect.DeepEqual(*k.Data(), want) {
				t.Error("the data changed although the save failed")
			}
			if now, _ := os.ReadFile(path); !bytes.Equal(now, file) {
				t.Error("the file changed although the save failed")
			}
		})
	}
}

func TestBadInputChangesNothing(t *testing.T) {
	k, path, companyID := newDesk(t)
	requestID := sentRequest(t, k, companyID)
	want := k.Data().Clone()
	file, _ := os.ReadFile(path)
	edit := func(e CompanyEdit) error { return k.EditCompany(companyID, e) }
	cases := []struct {
		name, field, says string
		err               error
	}{
		{"unknown law", "law", "unknown law", edit(CompanyEdit{Jurisdiction: new(record.Code("Ukraine"))})},
		{"unknown language", "language", "unknown language", edit(CompanyEdit{Language: new("xx")})},
		{"empty name", "name", "needs a name", edit(CompanyEdit{Name: new("  ")})},
		{"neither e-mail nor address", "contact", "neither an e-mail address nor a postal address", k.AddContact(companyID, record.Contact{Value: "call us"})},
		{"bad e-mail", "contact", "not an e-mail address", k.AddContact(companyID, record.Contact{Kind: record.ByEmail, Value: "a@b"})},
		{"bad phone", "contact", "not a phone number", k.AddContact(companyID, record.Contact{Kind: record.ByPhone, Value: "12"})},
		{"promised days", "promised_days", "1 to 365", edit(CompanyEdit{PromisedDays: new(1000)})},
		{"choice out of range", "contact", "not in the list", k.UseContact(companyID, "access", 99)},
		{"refusal without reason", "note", "say why", k.Record(requestID, EventRefused, testDay, Detail{})},
		{"profile e-mail", "email", "not an e-mail", k.SaveProfile(record.Profile{Name: "X", Email: "nope"})},
		{"empty letter", "letter", "cannot be empty", k.EditLetter(requestID, " \n ")},
		{"sent letter edited", "letter", "stays as sent", k.EditLetter(requestID, "New text.")},
	}
	for _, c := range cases {
		var p *Problem
		if !errors.As(c.err, &p) || p.Field != c.field || !strings.Contains(p.Msg, c.says) {
			t.Errorf("%s: got %v, want a problem with %s saying %q", c.name, c.err, c.field, c.says)
		}
	}
	for name, err := range map[string]error{
		"edit":           k.EditCompany("nope", CompanyEdit{}),
		"delete company": k.DeleteCompany("nope"),
		"delete request": k.DeleteRequest("nope"),
		"record":         k.Record("nope", EventDone, testDay, Detail{}),
		"merge":          k.MergeCompanies(companyID, "nope"),
	} {
		if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "nope") {
			t.Errorf("%s of an unknown ID: %v", name, err)
		}
	}
	if !reflect.DeepEqual(*k.Data(), want) {
		t.Error("refused input changed the data")
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, file) {
		t.Error("refused input changed the file")
	}
}

// TestSnapshotStaysAsItWas: what Data returned is not touched by later
// changes, so a window may read it while a change is saved.
func TestSnapshotStaysAsItWas(t *testing.T) {
	k, _, id := newDesk(t)
	rid := sentRequest(t, k, id)
	snap := k.Data()
	want := snap.Clone()
	if err := k.AddContact(id, record.Contact{Value: "new@costless.example"}); err != nil {
		t.Fatal(err)
	}
	if err := k.Record(rid, EventReply, testDay, Detail{Note: "reply"}); err != nil {
		t.Fatal(err)
	}
	if err := k.DeleteCompany(id); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*snap, want) {
		t.Error("a change altered a snapshot already handed out")
	}
	if k.Data() == snap || len(k.Data().Companies) != 0 {
		t.Error("Data does not show the latest change")
	}
}
