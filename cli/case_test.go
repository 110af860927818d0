package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"prava/casework"
	"prava/letters"
	"prava/policy"
	"prava/record"
)

// caseSeed is the company of the case: a Lithuanian controller under the
// GDPR.
const caseSeed = "../policy/testdata/seeds/003_667823663de3ed12.txt"

// caseProfile is the person of the end-to-end case.
var caseProfile = record.Profile{Name: "Olena Petrenko", Address: "Gedimino pr. 1\nLT-01103 Vilnius\nLithuania", Email: "olena@example.org", Country: "LT"}

// TestCaseFromTheCommandLine drives a case end to end with the command
// line alone — vault init, company add, profile, request write, record
// sent, due, reminder, refused, complaint PDF — and compares each letter
// with the one the desk writes for the app from the same case.
func TestCaseFromTheCommandLine(t *testing.T) {
	const pass = "correct horse battery staple"
	vault, _ := passphraseVault(t, pass) // init, then company add of seed 002
	cmd := func(want int, args ...string) string {
		t.Helper()
		code, out, errOut := run(t, pass+"\n", append([]string{"--vault", vault}, append(args, "--passphrase")...)...)
		if code != want {
			t.Fatalf("prava %s: exit %d, want %d\n%s%s", strings.Join(args, " "), code, want, out, errOut)
		}
		return out + errOut
	}
	cmd(exitOK, "company", "add", caseSeed)
	var companies []companyRow
	json.Unmarshal([]byte(cmd(exitOK, "company", "list", "--json")), &companies)
	if len(companies) != 2 {
		t.Fatalf("company list: %+v", companies)
	}
	companyID := companies[1].ID
	profileFile := filepath.Join(t.TempDir(), "me.json")
	b, _ := json.Marshal(caseProfile)
	os.WriteFile(profileFile, b, 0o600)

	// Bad input is refused with the way out, and nothing is written.
	for _, bad := range [][]string{
		{"request", "write", companyID, "--kind", "gossip"},
		{"request", "write", "no-such-company", "--kind", "access"},
		{"request", "write", companyID, "--kind", "access", "--to", "nobody@nowhere.example"},
		{"request", "write", companyID, "--kind", "reminder"},
	} {
		if out := cmd(exitError, bad...); !strings.Contains(out, "prava request write:") {
			t.Errorf("%v: %s", bad, out)
		}
	}
	if out := cmd(exitOK, "request", "list"); !strings.Contains(out, "No requests yet") {
		t.Errorf("a refused write stored something:\n%s", out)
	}

	out := cmd(exitOK, "request", "write", companyID, "--kind", "access", "--from", profileFile)
	requestID := strings.SplitN(out, "\n", 2)[0]
	if out := cmd(exitOK, "profile", "show", "--json"); !strings.Contains(out, caseProfile.Name) {
		t.Errorf("profile show after --from: %s", out)
	}
	cmd(exitError, "request", "record", requestID, "--event", "sent", "--date", "yesterday")
	if out := cmd(exitOK, "request", "record", requestID, "--event", "sent", "--date", "2026-01-05"); !strings.Contains(out, "due 2026-02-05") {
		t.Errorf("record sent: %s", out)
	}
	var shown requestView
	json.Unmarshal([]byte(cmd(exitOK, "request", "show", requestID, "--json")), &shown)
	if shown.Due != "2026-02-05" || shown.Status != "sent" || !strings.Contains(shown.Basis, "12(3)") {
		t.Errorf("request show: %+v", shown)
	}
	out = cmd(exitOK, "request", "followup", requestID, "--kind", "reminder")
	reminderID := strings.SplitN(out, "\n", 2)[0]
	cmd(exitError, "request", "record", requestID, "--event", "refused") // a refusal needs its reason
	cmd(exitOK, "request", "record", requestID, "--event", "refused", "--date", "2026-02-10", "--reason", "They say they keep no data about me.")
	out = cmd(exitOK, "request", "followup", requestID, "--kind", "complaint")
	complaintID := strings.SplitN(out, "\n", 2)[0]
	pdf := filepath.Join(t.TempDir(), "complaint.pdf")
	cmd(exitOK, "request", "pdf", complaintID, "--out", pdf)
	if text := pdfText(t, pdf); !strings.Contains(text, "keep no data") {
		t.Errorf("the complaint PDF does not carry the refusal:\n%s", text)
	}

	// The same case through the desk, as the app's writer and request
	// page call it: the letters must be the same.
	want := deskCase(t)
	for name, id := range map[string]string{"access": requestID, "reminder": reminderID, "complaint": complaintID} {
		var got requestView
		json.Unmarshal([]byte(cmd(exitOK, "request", "show", id, "--json")), &got)
		if want[name] == "" || got.Letter != want[name] {
			t.Errorf("the %s letter differs from the app's:\n--- command line\n%s\n--- app\n%s", name, got.Letter, want[name])
		}
	}
}

// deskCase runs the case through a desk as the app does and returns the
// letters by kind.
func deskCase(t *testing.T) map[string]string {
	t.Helper()
	desk, _, err := casework.Create(filepath.Join(t.TempDir(), "app.vault"), "correct horse battery staple", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer desk.Close()
	text, _ := os.ReadFile(caseSeed)
	src := policy.Source{Location: caseSeed, Decoded: policy.Decoded{Text: string(text)}, RetrievedAt: time.Now()}
	c, err := desk.AddCompany(casework.CompanyFromPolicy(src, policy.Analyze(src.Text), time.Now().UTC()), false, src.Location)
	must(t, err)
	must(t, desk.SaveProfile(caseProfile))
	ws, err := desk.WriteRequests(c.ID, []casework.Draft{{Kind: record.Access, Contact: -1, Date: time.Now().UTC()}})
	must(t, err)
	id := ws[0].Request.ID
	must(t, desk.Record(id, casework.EventSent, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), casework.Detail{}))
	rem, err := desk.FollowUp(id, record.Reminder)
	must(t, err)
	must(t, desk.Record(id, casework.EventRefused, time.Date(2026, 2, 10, 0, 0, 0, 0, time.UTC), casework.Detail{Note: "They say they keep no data about me."}))
	com, err := desk.FollowUp(id, record.Complaint)
	must(t, err)
	_ = letters.RefusalIDCopy // the reply path is covered by TestFollowUpReply
	return map[string]string{"access": ws[0].Request.LetterText.String(), "reminder": rem.Request.LetterText.String(), "complaint": com.Request.LetterText.String()}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
