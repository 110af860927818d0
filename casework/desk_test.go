package casework

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"maps"
	"mime"
	"mime/multipart"
	"net/mail"
	"os"
	"path/filepath"
	"prava/keyringtest"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"prava/directory"
	"prava/letters"
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

func TestEditFactsAfterSaving(t *testing.T) {
	k, _, id := newDesk(t)
	err := k.EditCompany(id, CompanyEdit{
		Name: new("Costless"), LegalName: new("UAB Costless"), Registration: new("305000000"),
		Jurisdiction: new(record.Code("eu-lv")), Language: new("en"), PromisedDays: new(20), Notes: new("called them"),
		Markings: map[record.Kind]string{record.AnyKind: "GDPR request"},
	})
	if err != nil {
		t.Fatal(err)
	}
	c := k.Data().Company(id)
	if c.Jurisdiction != "EU-LV" || c.LegalName != "UAB Costless" || c.PromisedDays != 20 || c.Markings["any"] != "GDPR request" || len(c.Policies) != 1 {
		t.Errorf("edited company: %+v", c)
	}
	last := k.Data().Timeline[len(k.Data().Timeline)-1]
	if last.What != string(EntryCompanyEdited) || !strings.Contains(last.Note, "law") || !strings.Contains(last.Note, "legal name") {
		t.Errorf("timeline: %+v", last)
	}
	// The letter now follows the corrected law.
	ws, err := k.WriteRequests(id, []Draft{{Kind: record.Access, Contact: -1, Date: testDay}})
	if err != nil || ws[0].Request.Law != "EU-LV" || !strings.Contains(ws[0].Letter.Text(), "UAB Costless") {
		t.Errorf("letter after the correction: %v %+v", err, ws)
	}
}

func TestContactsKeepTheirChoices(t *testing.T) {
	k, _, id := newDesk(t)
	before := k.Data().Company(id).Clone()
	access := before.Contacts[before.Use["access"]]
	if err := k.AddContact(id, record.Contact{Value: "+370 600 12345"}); err != nil {
		t.Fatal(err)
	}
	c := k.Data().Company(id)
	if got := c.Contacts[len(c.Contacts)-1]; got.Kind != record.ByPhone {
		t.Errorf("a typed phone number was stored as %s", got.Kind)
	}
	// Removing a contact before the chosen one keeps the choice on it.
	first := slices0(c.Use["access"])
	if err := k.RemoveContact(id, first); err != nil {
		t.Fatal(err)
	}
	c = k.Data().Company(id)
	if i, ok := c.Use["access"]; first != before.Use["access"] && (!ok || c.Contacts[i] != access) {
		t.Errorf("the access choice moved: %v", c.Use)
	}
	if err := k.RemoveContactValue(id, "+370 600 12345"); err != nil {
		t.Fatal(err)
	}
	if err := k.RemoveContactValue(id, "+370 600 12345"); err == nil {
		t.Error("removing a contact that is gone said nothing")
	}
}

// slices0 is the index of a contact before i, or i itself when it is the
// first.
func slices0(i int) int {
	if i > 0 {
		return 0
	}
	return i
}

func TestDuplicateCompany(t *testing.T) {
	k, _, id := newDesk(t)
	c := k.Data().Company(id).Clone()
	c.ID, c.Name = "", "Costless again"
	_, err := k.AddCompany(c, false, "again")
	var dup *DuplicateError
	if !errors.As(err, &dup) || dup.Existing.ID != id || !strings.Contains(err.Error(), id) {
		t.Fatalf("a second Costless: %v", err)
	}
	if len(k.Data().Companies) != 1 {
		t.Error("the duplicate was stored")
	}
	again, err := k.AddCompany(c, true, "again")
	if err != nil || len(k.Data().Companies) != 2 {
		t.Fatalf("added again on purpose: %v", err)
	}
	// Merging folds the second into the first, requests and all.
	ws, err := k.WriteRequests(again.ID, []Draft{{Kind: record.Access, Contact: -1, Date: testDay}})
	if err != nil {
		t.Fatal(err)
	}
	if err := k.MergeCompanies(id, again.ID); err != nil {
		t.Fatal(err)
	}
	if len(k.Data().Companies) != 1 || k.Data().Request(ws[0].Request.ID).CompanyID != id {
		t.Errorf("after the merge: %d companies, request of %s", len(k.Data().Companies), k.Data().Request(ws[0].Request.ID).CompanyID)
	}
}

func TestUndoAndRefusal(t *testing.T) {
	k, _, id := newDesk(t)
	rid := sentRequest(t, k, id)
	if err := k.Record(rid, EventReply, testDay, Detail{Note: "they sent a partial copy"}); err != nil {
		t.Fatal(err)
	}
	if r := k.Data().Request(rid); r.Status != record.StatusAnswered || len(r.Replies) != 1 {
		t.Fatalf("after the reply: %+v", r)
	}
	// An answer may be partial: the request stays on the board, the person
	// decides whether it is done.
	if o := Next(k.Data(), *k.Data().Request(rid), testDay); o.Step != StepAnswered {
		t.Errorf("after a reply the step is %d, want StepAnswered", o.Step)
	}
	if b := Board(k.Data(), testDay); len(b) != 1 || b[0].RequestID != rid {
		t.Errorf("an answered request left the board: %+v", b)
	}
	if err := k.UndoLastEvent(rid); err != nil {
		t.Fatal(err)
	}
	if r := k.Data().Request(rid); r.Status != record.StatusSent || len(r.Replies) != 0 || !r.Dates.Answered.IsZero() {
		t.Errorf("after undoing the reply: %+v", r)
	}
	if err := k.UndoLastEvent(rid); err != nil {
		t.Fatal(err)
	}
	if r := k.Data().Request(rid); r.Status != record.StatusDraft || !r.Dates.Sent.IsZero() {
		t.Errorf("after undoing the sending: %+v", r)
	}
	if err := k.UndoLastEvent(rid); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("undo with nothing left: %v", err)
	}
	// A refusal leads to the complaint, not to "closed".
	if err := k.Record(rid, EventSent, testDay, Detail{Channel: record.ByPost, Tracking: "RR123"}); err != nil {
		t.Fatal(err)
	}
	if err := k.Record(rid, EventRefused, testDay, Detail{Note: "they say they hold nothing"}); err != nil {
		t.Fatal(err)
	}
	r := k.Data().Request(rid)
	if o := Next(k.Data(), *r, testDay); o.Step != StepComplain {
		t.Errorf("after a refusal the next step is %d, want the complaint", o.Step)
	}
	if r.Channel != "post" || r.Tracking != "RR123" || !strings.Contains(r.Notes, "hold nothing") {
		t.Errorf("refused request: %+v", r)
	}
	w, err := k.FollowUp(rid, record.Complaint)
	if err != nil {
		t.Fatal(err)
	}
	if o := Next(k.Data(), *k.Data().Request(rid), testDay); o.Step != StepSendFollowUp || w.Request.ParentID != rid {
		t.Errorf("after the complaint is written the step is %d", o.Step)
	}
	// Deleting the request takes its complaint with it.
	if err := k.DeleteRequest(rid); err != nil {
		t.Fatal(err)
	}
	if len(k.Data().Requests) != 0 {
		t.Errorf("%d requests left", len(k.Data().Requests))
	}
}

func TestSentBeforeWritten(t *testing.T) {
	k, _, id := newDesk(t)
	ws, err := k.WriteRequests(id, []Draft{{Kind: record.Access, Contact: -1, Date: testDay}})
	if err != nil {
		t.Fatal(err)
	}
	rid := ws[0].Request.ID
	early := testDay.AddDate(0, 0, -40)
	if err := k.Record(rid, EventSent, early, Detail{}); err != nil {
		t.Fatalf("a letter sent before Prava's copy was written: %v", err)
	}
	r := k.Data().Request(rid)
	dl, err := Deadline(*r, k.Data().Settings)
	if err != nil || !dl.Due.Before(testDay) || !r.Dates.Created.Equal(testDay) {
		t.Errorf("due %v (%v), letter dated %v", dl.Due, err, r.Dates.Created)
	}
}

func TestEditDraftLetter(t *testing.T) {
	k, _, id := newDesk(t)
	ws, err := k.WriteRequests(id, []Draft{{Kind: record.Access, Contact: -1, Date: testDay}})
	if err != nil {
		t.Fatal(err)
	}
	rid := ws[0].Request.ID
	body := "Please send me a copy of my data.\n\n– my orders\n– my messages\n\nThank you."
	if err := k.EditLetter(rid, body); err != nil {
		t.Fatal(err)
	}
	r := k.Data().Request(rid)
	text := r.LetterText.String()
	if !strings.Contains(text, "Please send me a copy of my data.") || !strings.Contains(text, "– my messages") || r.Reference != ws[0].Request.Reference {
		t.Errorf("edited letter:\n%s", text)
	}
	if bytes.Equal(r.PDF, ws[0].PDF) || !bytes.HasPrefix(r.PDF, []byte("%PDF")) {
		t.Error("the PDF was not rendered again")
	}
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

// TestEmailMessage: a stored request's e-mail, parsed back as a mail
// program would: the recipient, the subject, the draft mark, the text and
// the PDF.
func TestEmailMessage(t *testing.T) {
	k, _, id := newDesk(t)
	ws, err := k.WriteRequests(id, []Draft{{Kind: record.Access, Contact: -1, Date: testDay}})
	if err != nil {
		t.Fatal(err)
	}
	r := *k.Data().Request(ws[0].Request.ID)
	raw, err := EmailMessage(k.Data(), r)
	if err != nil {
		t.Fatal(err)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	to, err := mail.ParseAddress(msg.Header.Get("To"))
	if err != nil || to.Address != r.Contact {
		t.Errorf("To %q (%v), want %s", msg.Header.Get("To"), err, r.Contact)
	}
	subject, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if subject != r.Subject || msg.Header.Get("X-Unsent") != "1" {
		t.Errorf("subject %q, X-Unsent %q", subject, msg.Header.Get("X-Unsent"))
	}
	_, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	parts := multipart.NewReader(msg.Body, params["boundary"])
	var kinds []string
	for {
		p, err := parts.NextPart()
		if err != nil {
			break
		}
		data, _ := io.ReadAll(p)
		kinds = append(kinds, p.Header.Get("Content-Type"))
		if p.Header.Get("Content-Transfer-Encoding") == "base64" {
			data, _ = base64.StdEncoding.DecodeString(strings.ReplaceAll(string(data), "\r\n", ""))
		}
		if strings.HasPrefix(p.Header.Get("Content-Type"), "application/pdf") && !bytes.Equal(data, r.PDF) {
			t.Error("the attached PDF is not the request's")
		}
	}
	if len(kinds) != 2 || !strings.HasPrefix(kinds[0], "text/plain") || !strings.HasPrefix(kinds[1], "application/pdf") {
		t.Errorf("parts %v", kinds)
	}
	if text := EmailText(k.Data(), r); !strings.HasPrefix(text, "To: "+r.Contact+"\nCc: data.controller@costless.com.ua\nSubject: ") {
		t.Errorf("the e-mail to copy: %q", text[:min(80, len(text))])
	}
}

// TestOtherKindsAndAnswers: the four other kinds, refused where the law
// grants no such right, and the reply to a usual refusal.
func TestOtherKindsAndAnswers(t *testing.T) {
	k, _, id := newDesk(t) // Costless, under the GDPR (EU-LT)
	_, err := k.WriteRequests(id, []Draft{{Kind: record.Rectification, Contact: -1, Date: testDay}})
	var p *Problem
	if !errors.As(err, &p) || p.Field != "corrections" {
		t.Errorf("a rectification without corrections: %v", err)
	}
	// A restriction with no ground rests on reasons: refused without them,
	// naming the field to fill.
	if _, err := k.WriteRequests(id, []Draft{{Kind: record.Restriction, Contact: -1, Date: testDay}}); !errors.As(err, &p) || p.Field != "reasons" {
		t.Errorf("a restriction without a ground or reasons: %v", err)
	}
	ws, err := k.WriteRequests(id, []Draft{
		{Kind: record.Rectification, Contact: -1, Date: testDay, Corrections: []letters.Correction{{Field: "address", Value: "Gedimino pr. 1, Vilnius"}}},
		{Kind: record.Objection, Contact: -1, Date: testDay},
		{Kind: record.Restriction, Contact: -1, Date: testDay, Reasons: "I object to the profiling (Art. 21(1)) and ask that it stop meanwhile."},
		{Kind: record.Portability, Contact: -1, Date: testDay},
		{Kind: record.Erasure, Contact: -1, Date: testDay, Grounds: []letters.Ground{letters.GroundUnneeded}},
	})
	if err != nil || len(ws) != 5 {
		t.Fatalf("the other kinds: %v", err)
	}
	if !strings.Contains(ws[0].Letter.Text(), "Gedimino pr. 1, Vilnius") {
		t.Error("the rectification lacks the correction")
	}
	// Under Ukrainian law there is no right to portability: refused,
	// naming the closest right, and nothing stored.
	if err := k.EditCompany(id, CompanyEdit{Jurisdiction: new(record.Code("UA"))}); err != nil {
		t.Fatal(err)
	}
	n := len(k.Data().Requests)
	_, err = k.WriteRequests(id, []Draft{{Kind: record.Objection, Contact: -1, Date: testDay}, {Kind: record.Portability, Contact: -1, Date: testDay}})
	if !errors.As(err, &p) || p.Code != "not_granted" || !strings.Contains(err.Error(), "closest") || len(k.Data().Requests) != n {
		t.Errorf("portability under UA law: %v (%d requests)", err, len(k.Data().Requests)-n)
	}
	// A reply to a company that demands an ID copy.
	if err := k.EditCompany(id, CompanyEdit{Jurisdiction: new(record.Code("EU-LT"))}); err != nil {
		t.Fatal(err)
	}
	rid := sentRequest(t, k, id)
	if err := k.Record(rid, EventReply, testDay, Detail{Note: "send us your passport"}); err != nil {
		t.Fatal(err)
	}
	w, err := k.Answer(rid, letters.RefusalIDCopy)
	if err != nil {
		t.Fatal(err)
	}
	if w.Request.Kind != "reply" || w.Request.ParentID != rid || !strings.Contains(w.Letter.Text(), "12") {
		t.Errorf("the reply: %+v", w.Request)
	}
	if _, err := k.Answer(rid, "rude"); !errors.As(err, &p) || p.Field != "refusal" {
		t.Errorf("an unknown refusal: %v", err)
	}
}

func TestAddCompaniesSkipsDuplicates(t *testing.T) {
	k, _, id := newDesk(t)
	again := k.Data().Company(id).Clone()
	again.ID = ""
	cs := []record.Company{
		{Name: "One", Contacts: []record.Contact{{Kind: record.ByEmail, Value: "privacy@one.example"}}},
		again,
		{Name: "One again", Contacts: []record.Contact{{Kind: record.ByEmail, Value: "privacy@one.example"}}},
	}
	added, err := k.AddCompanies(cs, "pack")
	if err != nil || len(added) != 1 || added[0].Name != "One" || len(k.Data().Companies) != 2 {
		t.Errorf("added %+v (%v), %d companies", added, err, len(k.Data().Companies))
	}
}

// TestComplaintAfterRefusal: the complaint about a refusal quotes the
// reason, says no deadline passed, and carries none of the company's
// markings.
func TestComplaintAfterRefusal(t *testing.T) {
	k, _, id := newDesk(t)
	rid := sentRequest(t, k, id)
	if err := k.Record(rid, EventRefused, testDay, Detail{Note: "they claim a contract requires processing"}); err != nil {
		t.Fatal(err)
	}
	w, err := k.FollowUp(rid, record.Complaint)
	if err != nil {
		t.Fatal(err)
	}
	text := w.Letter.Text()
	if !strings.Contains(text, "atsisakymas: they claim a contract requires processing") {
		t.Errorf("the complaint does not quote the refusal:\n%s", text)
	}
	if strings.Contains(text, "Privatumo politika") || strings.Contains(text, "terminas baigėsi") {
		t.Errorf("the complaint carries the company's marking or a passed deadline:\n%s", text)
	}
}

// TestReferencesAreUnique: two letters of one kind to one company on one
// day, and two complaints to one authority, get references of their own;
// an edited draft keeps its reference.
func TestReferencesAreUnique(t *testing.T) {
	k, _, id := newDesk(t)
	ws, err := k.WriteRequests(id, []Draft{{Kind: record.Access, Contact: -1, Date: testDay}, {Kind: record.Access, Contact: -1, Date: testDay}})
	if err != nil {
		t.Fatal(err)
	}
	if ws[0].Request.Reference == ws[1].Request.Reference {
		t.Errorf("two letters share the reference %s", ws[0].Request.Reference)
	}
	ref := ws[1].Request.Reference
	if err := k.EditLetter(ws[1].Request.ID, "Please send me my data."); err != nil {
		t.Fatal(err)
	}
	if r := k.Data().Request(ws[1].Request.ID); r.Reference != ref || !strings.Contains(r.LetterText.String(), ref) {
		t.Errorf("the edited draft's reference: %s, want %s", r.Reference, ref)
	}
	refs := map[string]bool{}
	for _, w := range ws {
		if err := k.Record(w.Request.ID, EventSent, testDay, Detail{}); err != nil {
			t.Fatal(err)
		}
		if err := k.Record(w.Request.ID, EventRefused, testDay, Detail{Note: "no"}); err != nil {
			t.Fatal(err)
		}
		c, err := k.FollowUp(w.Request.ID, record.Complaint)
		if err != nil {
			t.Fatal(err)
		}
		if refs[c.Request.Reference] {
			t.Errorf("two complaints share the reference %s", c.Request.Reference)
		}
		refs[c.Request.Reference] = true
	}
}

// TestNoEmailNoElectronicLetter: a letter by e-mail asks for the answer at
// the person's e-mail address; without one it is refused.
func TestNoEmailNoElectronicLetter(t *testing.T) {
	k, _, id := newDesk(t)
	if err := k.SaveProfile(record.Profile{Name: "Olena Petrenko", Address: "vul. Khreshchatyk 1, Kyiv"}); err != nil {
		t.Fatal(err)
	}
	_, err := k.WriteRequests(id, []Draft{{Kind: record.Access, Contact: -1, Date: testDay}})
	var p *Problem
	if !errors.As(err, &p) || p.Field != "profile" || p.Code != "no_email" || len(k.Data().Requests) != 0 {
		t.Errorf("an e-mail letter with no e-mail of one's own: %v", err)
	}
}

// TestRussianLetterNeedsTheDocument: a letter under 152-FZ carries the
// identity document; without it the refusal says so, by its own code.
func TestRussianLetterNeedsTheDocument(t *testing.T) {
	k, _, _ := newDesk(t)
	src := readSeed(t, "001_a66e4632f88529cc.txt") // NETRACK, RU
	c, err := k.AddCompany(CompanyFromPolicy(src, policy.Analyze(src.Text), testDay), false, src.Location)
	if err != nil {
		t.Fatal(err)
	}
	_, err = k.WriteRequests(c.ID, []Draft{{Kind: record.Access, Contact: -1, Date: testDay}})
	var p *Problem
	if !errors.As(err, &p) || p.Code != "id_document" || !errors.Is(err, letters.ErrProfile) {
		t.Errorf("a Russian letter without the document: %v", err)
	}
}
