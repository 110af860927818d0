package app

import (
	"bytes"
	"net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/record"
)

// pdfText reads a PDF back with poppler's pdftotext, as a person's viewer
// would show it.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("PRAVA_REQUIRE_KEYRING") != "" {
			t.Fatal("pdftotext is missing: scripts/setup.sh installs poppler-utils")
		}
		t.Skip("pdftotext is not installed")
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// setClock moves the UI's today.
func setClock(u *UI, day string) {
	d, _ := time.Parse(time.DateOnly, day)
	d = d.Add(10 * time.Hour)
	u.opt.Now = func() time.Time { return d }
}

// TestRequestEndToEnd follows one request the way a person would: from a
// seed company, write an access request, save its PDF and read it back,
// mark it sent, see the due date, let it pass, write the reminder, let
// its term pass, and write the complaint to the authority.
func TestRequestEndToEnd(t *testing.T) {
	u := homeUI(t, func(d *record.Data) { d.Profile.Country = "LT" })
	addPasted(t, u, seed(t, "003_667823663de3ed12.txt")) // Costless: EU-LT, e-mail
	tap(t, u, "Save company")
	company := u.data().Companies[0]

	tap(t, u, "Write a request…")
	mustShow(t, u, "New request to Costless Ukraine, LLC")
	entryAfter(t, u, "A paragraph of your own (optional)").SetText("Mano paskyra: olena.p")
	tap(t, u, "Preview")
	mustShow(t, u, "Mano paskyra: olena.p")
	mustShow(t, u, "mail@costless.com.ua")
	if len(u.data().Requests) != 0 {
		t.Fatal("the preview stored a request")
	}
	tap(t, u, "Write the letter")
	if len(u.data().Requests) != 1 {
		t.Fatalf("%d requests written", len(u.data().Requests))
	}
	r := u.data().Requests[0]
	mustShow(t, u, "Access · Costless Ukraine, LLC")
	mustShow(t, u, "Not sent yet")

	// The PDF, saved and read back.
	dir := t.TempDir()
	name := pdfName(&r, company.Name)
	if name != "2026-11-23 Costless Ukraine, LLC access.pdf" {
		t.Errorf("PDF offered as %q", name)
	}
	path := filepath.Join(dir, name)
	u.savePDF(r.ID, path)
	text := pdfText(t, path)
	for _, want := range []string{"Olena Petrenko", "Costless Ukraine, LLC", r.Reference, "Privatumo politika", "(BDAR) 15 straipsn", "Mano paskyra: olena.p"} {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
	// The e-mail to copy names the recipient; the one for the mail
	// program is a message with the PDF attached.
	if text, _ := casework.EmailText(u.data(), r); !strings.HasPrefix(text, "To: mail@costless.com.ua\nCc: data.controller@costless.com.ua\nSubject: Privatumo politika") || !strings.Contains(text, r.Reference) {
		t.Errorf("e-mail to copy %q", text[:min(len(text), 120)])
	}
	eml, err := u.emailFile(r.ID, company.Name)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(eml)
	if msg, err := mail.ReadMessage(bytes.NewReader(raw)); err != nil || msg.Header.Get("X-Unsent") != "1" || !strings.Contains(msg.Header.Get("To"), "mail@costless.com.ua") || !strings.HasSuffix(eml, "access.eml") {
		t.Errorf("the e-mail file %s: %v", eml, err)
	}

	// Marked sent: the due date and why.
	entryAfter(t, u, "On").SetText("2026-11-24")
	tap(t, u, "Mark sent")
	mustShow(t, u, "is in the future")
	entryAfter(t, u, "On").SetText("2026-11-23")
	var channel *widget.Select
	walk(u, func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok && len(s.Options) == 3 && s.Options[1] == "Post" {
			channel = s
		}
	})
	if channel.Selected != "E-mail" {
		t.Errorf("the channel offered is %q, not the letter's", channel.Selected)
	}
	tap(t, u, "Mark sent")
	mustShow(t, u, "Waiting · due 2026-12-23 · days left: 30")
	mustShow(t, u, "Why: received on 2026-11-23; GDPR Art. 12(3): 1 month from receipt (2026-11-23), so the deadline is 2026-12-23")
	mustShow(t, u, "Sent: 2026-11-23")

	// The company does not answer: a day after the due date.
	setClock(u, "2026-12-24")
	u.showRequest(r.ID)
	mustShow(t, u, "Overdue since 2026-12-23 · days late: 1")
	u.home.tabs.SelectIndex(tabBoard)
	mustShow(t, u, "Costless Ukraine, LLC · Access · "+r.Reference)
	u.notified, u.lastNotice = time.Time{}, ""
	u.notifyDue()
	if u.lastNotice != "" {
		t.Error("the board was worked out on the UI goroutine: it grows with the vault")
	}
	u.Settle() // the board is worked out in the background
	if !strings.Contains(u.lastNotice, "Late: Costless Ukraine, LLC") {
		t.Errorf("notification %q", u.lastNotice)
	}
	u.showRequest(r.ID)
	tap(t, u, "Write the reminder")
	mustShow(t, u, "Reminder · Costless Ukraine, LLC")
	rem := u.data().Requests[1]
	if rem.ParentID != r.ID || !strings.Contains(rem.LetterText.String(), r.Reference) {
		t.Errorf("reminder %+v", rem)
	}
	tap(t, u, "Mark sent")
	u.showRequest(r.ID)
	mustShow(t, u, "Reminder sent · its term ends")

	// The reminder's term passes too: the complaint, to the Lithuanian authority.
	setClock(u, "2027-02-15")
	u.showRequest(r.ID)
	mustShow(t, u, "complain to the supervisory authority")
	tap(t, u, "Write the complaint")
	mustShow(t, u, "Complaint · Costless Ukraine, LLC")
	comp := u.data().Requests[2]
	letter := comp.LetterText.String()
	for _, want := range []string{"Valstybinei duomenų apsaugos inspekcijai", r.Reference, "Costless Ukraine, LLC"} {
		if !strings.Contains(letter, want) {
			t.Errorf("the complaint lacks %q", want)
		}
	}
	if comp.Contact == "" || comp.Contact == r.Contact {
		t.Errorf("the complaint goes to %q, not the authority", comp.Contact)
	}

	// All of it is in the vault file.
	d := reopen(t, u)
	if len(d.Requests) != 3 || d.Requests[0].Dates.Sent.IsZero() || d.Requests[1].Dates.Sent.IsZero() || len(d.Requests[0].PDF) == 0 {
		t.Errorf("the vault holds %d requests: %+v", len(d.Requests), d.Requests)
	}
}

func TestRequestEvents(t *testing.T) {
	sent, _ := time.Parse(time.DateOnly, "2026-11-02")
	u := homeUI(t, func(d *record.Data) {
		d.Companies = []record.Company{{ID: "c", Name: "Alpha", Jurisdiction: "UA", Language: "uk"}}
		d.Requests = []record.Request{{ID: "r", CompanyID: "c", Kind: "access", Law: "UA", Channel: "post", Contact: "Kyiv", Reference: "PR-1",
			Status: record.StatusSent, Dates: record.Dates{Created: sent, Sent: sent}}}
	})
	u.showRequest("r")
	// Posted 2 Nov: received 7 Nov (5 days' transit, an estimate); 30 days → 7 Dec.
	mustShow(t, u, "due 2026-12-07")
	entryAfter(t, u, "On").SetText("2026-11-05")
	tap(t, u, "Delivered")
	// Delivered 5 Nov: 30 days end Sat 5 Dec, so Mon 7 Dec.
	mustShow(t, u, "due 2026-12-07")
	mustShow(t, u, "Delivered: 2026-11-05")
	if u.data().Request("r").Channel != "post" {
		t.Error("the channel changed")
	}
	entryAfter(t, u, "On").SetText("2026-11-10")
	tap(t, u, "Identity asked for")
	// Ukrainian law does not stop the clock for it, and the basis says so.
	mustShow(t, u, "the company asked for proof of identity on 2026-11-10, but this law does not stop the clock for it")
	mustShow(t, u, "due 2026-12-07")
	entryAfter(t, u, "On").SetText("2026-11-01")
	tap(t, u, "Identity provided")
	mustShow(t, u, "before the request was sent")
	entryAfter(t, u, "On").SetText("2026-11-12")
	tap(t, u, "Identity provided")
	mustShow(t, u, "Proof of identity provided: 2026-11-12")
	entryAfter(t, u, "What the company answered").SetText("sent a partial copy")
	tap(t, u, "Reply received")
	mustShow(t, u, "Reply: 2026-11-23 — sent a partial copy")
	file := filepath.Join(t.TempDir(), "answer.txt")
	os.WriteFile(file, []byte("your data"), 0o600)
	u.attachFile("r", file)
	u.Settle()
	mustShow(t, u, "sent a partial copy · answer.txt")
	tap(t, u, "Done")
	mustShow(t, u, "Closed.")
	d := reopen(t, u)
	got := d.Requests[0]
	if got.Status != record.StatusDone || len(got.Replies) != 1 || string(got.Replies[0].Files[0].Data) != "your data" || got.Dates.IdentityProvided.IsZero() {
		t.Errorf("stored %+v", got)
	}
}

func TestWriterRefusals(t *testing.T) {
	u := homeUI(t, func(d *record.Data) {
		d.Companies = []record.Company{{ID: "c", Name: "Nowhere Ltd", Jurisdiction: "EU-LV", Language: "lv"}}
	})
	u.showWriter("c")
	var access *widget.Check
	walk(u, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && c.Text == "Access" {
			access = c
		}
	})
	test.Tap(access) // unchecked: nothing chosen
	tap(t, u, "Write the letters")
	mustShow(t, u, "Choose at least one request.")
	test.Tap(access)
	tap(t, u, "Write the letter")
	mustShow(t, u, "no e-mail or postal address")
	if len(u.data().Requests) != 0 {
		t.Error("a request was stored")
	}
}

// TestFailedSaveKeepsTheRequest: when the vault cannot be written, marking
// a request sent or writing letters changes nothing and says so.
func TestFailedSaveKeepsTheRequest(t *testing.T) {
	u := homeUI(t, func(d *record.Data) {
		d.Companies = []record.Company{{ID: "c", Name: "Alpha", Jurisdiction: "EU-LV", Language: "lv",
			Contacts: []record.Contact{{Kind: record.ByEmail, Value: "privacy@alpha.lv"}}}}
	})
	u.showWriter("c")
	tap(t, u, "Write the letter")
	id := u.data().Requests[0].ID
	before, _ := os.ReadFile(u.path)

	restore := breakSaves(t, u)

	tap(t, u, "Mark sent")
	mustShow(t, u, "The change could not be saved, so it was undone")
	if r := u.data().Request(id); r.Status != record.StatusDraft || !r.Dates.Sent.IsZero() {
		t.Errorf("a failed save changed the request: %+v", r.Dates)
	}
	u.showWriter("c")
	tap(t, u, "Write the letter")
	if len(u.data().Requests) != 1 {
		t.Error("a failed save kept a new letter")
	}
	restore()
	if after, _ := os.ReadFile(u.path); string(after) != string(before) {
		t.Error("the vault file changed")
	}
}

// TestSentByPostInstead: a letter written for e-mail but posted counts
// from its estimated arrival.
func TestSentByPostInstead(t *testing.T) {
	u := homeUI(t, func(d *record.Data) {
		d.Companies = []record.Company{{ID: "c", Name: "Alpha", Jurisdiction: "EU-LV", Language: "lv",
			Contacts: []record.Contact{{Kind: record.ByEmail, Value: "privacy@alpha.lv"}}}}
	})
	u.showWriter("c")
	tap(t, u, "Write the letter")
	walk(u, func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok && len(s.Options) == 3 && s.Options[1] == "Post" {
			s.SetSelected("Post")
		}
	})
	entryAfter(t, u, "Registered-mail number").SetText("RR123456789LV")
	tap(t, u, "Mark sent")
	r := u.data().Requests[0]
	if r.Channel != "post" || r.Tracking != "RR123456789LV" {
		t.Errorf("sent by %q, tracking %q", r.Channel, r.Tracking)
	}
	// Posted Mon 23 Nov, 5 days' transit: received Sat 28 Nov; one month → Mon 28 Dec.
	mustShow(t, u, "due 2026-12-28")
	mustShow(t, u, "Sent: 2026-11-23 · Registered-mail number RR123456789LV")
}
