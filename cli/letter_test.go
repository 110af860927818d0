package cli

import (
	"bytes"
	"cmp"
	"fmt"
	"mime"
	"net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const seedDir = "../policy/testdata/seeds/"

func writeProfile(t *testing.T, json string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "profile.json")
	if err := os.WriteFile(p, []byte(json), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

const testProfile = `{"name": "Олена Іванівна Петренко", "address": "вул. Хрещатик, 1, кв. 5\nм. Київ, 01001",
 "email": "olena@example.org", "phone": "+380 44 000 00 00",
 "id_document": "паспорт серії МЕ № 123456, виданий 01.02.2010 Печерським РВ ГУ МВС України в м. Києві"}`

// pdfText reads a PDF's text back with poppler's pdftotext.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("PRAVA_REQUIRE_KEYRING") != "" {
			t.Fatal("pdftotext is missing: install poppler-utils (scripts/setup.sh does)")
		}
		t.Skip("pdftotext is not installed")
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// TestLetterSeeds writes access, erasure and withdrawal letters to the
// company of each seed policy and reads the PDFs back: the sender, the
// contact the policy names, its marking, the law, the title in the
// policy's language and the date in local form are all on the page.
func TestLetterSeeds(t *testing.T) {
	profile := writeProfile(t, testProfile)
	type seed struct {
		file, to string
		contact  string // the contact the letter must be addressed to
		law      string
		date     string
		titles   map[string]string
		marking  map[string]string
		refused  []string // kinds the seed's law does not grant
		sender   string   // the name as the sender block prints it
	}
	seeds := []seed{
		{file: "000_131528efbcf5aff0.txt", contact: "office@lantrace.net", law: "Закону України «Про захист персональних даних»", date: "23.11.2026",
			titles:  map[string]string{"access": "ЗАПИТ", "erasure": "ВИМОГА", "withdrawal": "ЗАЯВА", "rectification": "ВИМОГА про виправлення", "objection": "ЗАПЕРЕЧЕННЯ"},
			refused: []string{"restriction", "portability"}},
		{file: "001_a66e4632f88529cc.txt", contact: "ул. Нижегородская, дом 32, стр. А", law: "№ 152-ФЗ «О персональных данных»", date: "23.11.2026",
			titles:  map[string]string{"access": "ЗАПРОС", "erasure": "ТРЕБОВАНИЕ", "withdrawal": "ОТЗЫВ", "rectification": "ТРЕБОВАНИЕ об уточнении", "objection": "ТРЕБОВАНИЕ о прекращении обработки", "restriction": "ТРЕБОВАНИЕ о блокировании"},
			marking: map[string]string{"access": "запрос информации о порядке обработки персональных данных", "withdrawal": "отзыв согласия на обработку персональных данных"},
			refused: []string{"portability"}, sender: "Петренко Олена Іванівна"},
		{file: "002_9689a5f9d2eaae8f.txt", to: "Ganību dambis 17A, Rīga, LV-1045", contact: "Ganību dambis 17A", law: "Vispārīgās datu aizsardzības regulas", date: "2026. gada 23. novembris",
			titles: map[string]string{"access": "Datu subjekta pieprasījums piekļūt", "erasure": "Datu subjekta pieprasījums dzēst", "withdrawal": "Piekrišanas personas datu apstrādei atsaukums",
				"rectification": "pieprasījums labot", "objection": "iebildums", "restriction": "ierobežot", "portability": "pārnesamību"}},
		{file: "003_667823663de3ed12.txt", contact: "mail@costless.com.ua", law: "Bendrojo duomenų apsaugos reglamento (ES) 2016/679 (BDAR)", date: "2026-11-23",
			titles: map[string]string{"access": "PRAŠYMAS dėl galimybės susipažinti", "erasure": "PRAŠYMAS dėl asmens duomenų ištrynimo", "withdrawal": "PRANEŠIMAS apie sutikimo",
				"rectification": "ištaisymo", "objection": "PRIEŠTARAVIMAS", "restriction": "tvarkymo apribojimo", "portability": "perkeliamumo"},
			marking: map[string]string{"access": "Privatumo politika", "erasure": "Privatumo politika", "withdrawal": "Privatumo politika", "portability": "Privatumo politika"}},
		{file: "004_c9271ffe27ce26c1.txt", contact: "4445 Eastgate Mall", law: "Закону України «Про захист персональних даних»", date: "23.11.2026",
			titles:  map[string]string{"access": "ЗАПИТ", "erasure": "ВИМОГА", "withdrawal": "ЗАЯВА", "rectification": "ВИМОГА", "objection": "ЗАПЕРЕЧЕННЯ"},
			refused: []string{"restriction", "portability"}},
	}
	dir := t.TempDir()
	for _, s := range seeds {
		for _, kind := range []string{"access", "erasure", "withdrawal", "rectification", "objection", "restriction", "portability"} {
			out := filepath.Join(dir, s.file+"-"+kind+".pdf")
			eml := filepath.Join(dir, s.file+"-"+kind+".eml")
			args := []string{"letter", "--policy", seedDir + s.file, "--kind", kind, "--from", profile, "--date", "2026-11-23", "--out", out, "--email", eml}
			if s.to != "" {
				args = append(args, "--to", s.to)
			}
			if kind == "rectification" || kind == "restriction" {
				args = append(args, "--correction", "address=Elijas iela 17, Rīga")
			}
			code, stdout, stderr := run(t, "", args...)
			if slices.Contains(s.refused, kind) {
				if code != exitError || !strings.Contains(stderr, "grants no") || !strings.Contains(stderr, "closest") {
					t.Errorf("%s %s: want a refusal naming the closest right, got exit %d: %s", s.file, kind, code, stderr)
				}
				if _, err := os.Stat(out); err == nil {
					t.Errorf("%s %s: a refused letter was written", s.file, kind)
				}
				continue
			}
			if code != exitOK {
				t.Fatalf("%s %s: exit %d: %s", s.file, kind, code, stderr)
			}
			text := pdfText(t, out)
			for what, want := range map[string]string{"sender": cmp.Or(s.sender, "Олена Іванівна Петренко"), "contact": s.contact, "law": s.law, "title": s.titles[kind], "date": s.date, "marking": s.marking[kind]} {
				if want != "" && !strings.Contains(text, want) {
					t.Errorf("%s %s: the %s %q is not in the PDF:\n%s", s.file, kind, what, want, text)
				}
			}
			if !strings.Contains(stdout, "saved "+out) {
				t.Errorf("%s %s: stdout %q", s.file, kind, stdout)
			}
			raw, err := os.ReadFile(eml)
			if err != nil {
				t.Fatal(err)
			}
			m, err := mail.ReadMessage(bytes.NewReader(raw))
			if err != nil {
				t.Fatalf("%s %s: the .eml is not a mail message: %v", s.file, kind, err)
			}
			subject, _ := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
			if m.Header.Get("X-Unsent") != "1" || !strings.HasPrefix(m.Header.Get("Content-Type"), "multipart/mixed") || (s.marking[kind] != "" && !strings.HasPrefix(subject, s.marking[kind])) {
				t.Errorf("%s %s: message headers %v, subject %q", s.file, kind, m.Header, subject)
			}
		}
	}
}

// TestLetterEmailText: --email FILE.txt keeps the plain form, now with
// the recipient first, and the controller's own address copied (review
// 2, M14: seed 003 takes requests at mail@, its controller is at
// data.controller@).
func TestLetterEmailText(t *testing.T) {
	dir := t.TempDir()
	out, txt := filepath.Join(dir, "l.pdf"), filepath.Join(dir, "l.txt")
	code, _, stderr := run(t, "", "letter", "--policy", seedDir+"003_667823663de3ed12.txt", "--kind", "erasure", "--ground", "unneeded",
		"--from", writeProfile(t, testProfile), "--date", "2026-11-23", "--out", out, "--email", txt)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(txt)
	if err != nil || !strings.HasPrefix(string(b), "To: mail@costless.com.ua\nCc: data.controller@costless.com.ua\nSubject: Privatumo politika: ") || !strings.Contains(string(b), "(a punktas)") {
		t.Errorf("e-mail text %.300q (%v)", b, err)
	}
}

// TestLetterGivesPhoneOnlyWhenAsked: the profile's phone number stays out
// of the letter unless --give-phone says to give it (review 2, L11).
func TestLetterGivesPhoneOnlyWhenAsked(t *testing.T) {
	dir := t.TempDir()
	profile := writeProfile(t, testProfile)
	for i, give := range []bool{false, true} {
		out, txt := filepath.Join(dir, fmt.Sprintf("l%d.pdf", i)), filepath.Join(dir, fmt.Sprintf("l%d.txt", i))
		args := []string{"letter", "--policy", seedDir + "003_667823663de3ed12.txt", "--kind", "access",
			"--from", profile, "--date", "2026-11-23", "--out", out, "--email", txt}
		if give {
			args = append(args, "--give-phone")
		}
		code, _, stderr := run(t, "", args...)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		b, err := os.ReadFile(txt)
		if err != nil || strings.Contains(string(b), "000 00 00") != give {
			t.Errorf("--give-phone %v: the letter %s the phone number:\n%s", give, map[bool]string{true: "gives", false: "leaves out"}[strings.Contains(string(b), "000 00 00")], b)
		}
	}
}

// TestLetterBadInput: each mistake gets a message that says what to do,
// and no file is written.
func TestLetterBadInput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "letter.pdf")
	good := writeProfile(t, testProfile)
	noName := writeProfile(t, `{"address": "Rīga", "email": "a@example.lv"}`)
	unknownKey := writeProfile(t, `{"name": "A B", "email": "a@example.lv", "passport": "x"}`)
	policy := seedDir + "000_131528efbcf5aff0.txt"
	cases := []struct {
		name string
		args []string
		msg  string
	}{
		{"no name", []string{"--policy", policy, "--kind", "access", "--from", noName}, "name is missing"},
		{"unknown key", []string{"--policy", policy, "--kind", "access", "--from", unknownKey}, `unknown field "passport"`},
		{"missing profile", []string{"--policy", policy, "--kind", "access", "--from", filepath.Join(dir, "none.json")}, "cannot read the profile"},
		{"unknown language", []string{"--policy", policy, "--kind", "access", "--from", good, "--lang", "fr"}, `no letters in "fr"`},
		{"unknown kind", []string{"--policy", policy, "--kind", "hello", "--from", good}, "hello"},
		{"bad date", []string{"--policy", policy, "--kind", "access", "--from", good, "--date", "23.11.2026"}, "YYYY-MM-DD"},
		{"no contact", []string{"--policy", seedDir + "002_9689a5f9d2eaae8f.txt", "--kind", "access", "--from", good}, "give one with --to"},
		{"missing policy", []string{"--policy", filepath.Join(dir, "nope.txt"), "--kind", "access", "--from", good}, "nope.txt"},
		{"rectification without corrections", []string{"--policy", policy, "--kind", "rectification", "--from", good}, "--correction FIELD=VALUE"},
		{"bad correction", []string{"--policy", policy, "--kind", "rectification", "--from", good, "--correction", "address"}, "FIELD=VALUE"},
		{"correction on access", []string{"--policy", policy, "--kind", "access", "--from", good, "--correction", "a=b"}, "--correction is for rectification"},
		{"bad ground", []string{"--policy", policy, "--kind", "erasure", "--from", good, "--ground", "boredom"}, "unknown erasure ground"},
		{"portability under UA law", []string{"--policy", policy, "--kind", "portability", "--from", good}, "the closest is the right of access"},
		{"reply from the command line", []string{"--policy", policy, "--kind", "reply", "--from", good}, "follows a stored request"},
	}
	for _, c := range cases {
		code, stdout, stderr := run(t, "", append(append([]string{"letter"}, c.args...), "--out", out)...)
		if code != exitError || !strings.Contains(stderr, c.msg) || stdout != "" {
			t.Errorf("%s: exit %d, stderr %q, stdout %q; want %q", c.name, code, stderr, stdout, c.msg)
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatalf("%s: a file was written", c.name)
		}
	}
	// An output path that cannot be written: a folder that does not exist.
	bad := filepath.Join(dir, "no-such-folder", "letter.pdf")
	code, _, stderr := run(t, "", "letter", "--policy", policy, "--kind", "access", "--from", good, "--out", bad)
	if code != exitError || !strings.Contains(stderr, "cannot write to") {
		t.Errorf("unwritable output: exit %d, %q", code, stderr)
	}
	code, _, stderr = run(t, "", "letter", "--policy", policy, "--kind", "access", "--from", good, "--out", dir)
	if code != exitError || !strings.Contains(stderr, "is a folder") {
		t.Errorf("folder as output: exit %d, %q", code, stderr)
	}
	if code, _, _ := run(t, "", "letter", "--kind", "access"); code != exitUsage {
		t.Errorf("missing flags: exit %d, want %d", code, exitUsage)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("files left behind: %v", entries)
	}
}

// TestLetterToDirectoryCompany: a letter to a company from the directory
// of known companies, read back from the PDF.
func TestLetterToDirectoryCompany(t *testing.T) {
	dir := t.TempDir()
	profile := writeProfile(t, `{"name": "Anna Bērziņa", "address": "Brīvības iela 1\nRīga LV-1010", "email": "anna@example.lv"}`)
	out := filepath.Join(dir, "booking.pdf")
	code, stdout, stderr := run(t, "", "letter", "--directory", "booking-com", "--kind", "access", "--from", profile, "--lang", "en", "--date", "2026-11-23", "--out", out)
	if code != exitOK {
		t.Fatalf("letter --directory: %d %s", code, stderr)
	}
	text := strings.Join(strings.Fields(pdfText(t, out)), " ")
	for _, want := range []string{"Booking.com", "dataprotectionoffice@booking.com", "Anna Bērziņa", "Article 15"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
	if !strings.Contains(stdout, "access letter in en") {
		t.Errorf("stdout %q", stdout)
	}
	// A company outside the EU: the law depends on where the person lives.
	code, _, stderr = run(t, "", "letter", "--directory", "google", "--kind", "access", "--from", profile, "--out", filepath.Join(dir, "g.pdf"))
	if code != exitError || !strings.Contains(stderr, "--law") {
		t.Errorf("google without a law: %d %s", code, stderr)
	}
	if code, _, stderr := run(t, "", "letter", "--directory", "no-such", "--kind", "access", "--from", profile, "--out", filepath.Join(dir, "n.pdf")); code != exitError || !strings.Contains(stderr, "directory search") {
		t.Errorf("an unknown slug: %d %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "n.pdf")); err == nil {
		t.Error("a refused letter left a file")
	}
}

// TestLetterEmailForPostOnlyKind: seed 001 takes requests by post and
// keeps its e-mail address for questions; an e-mail draft of its letter
// is addressed to no one, and the person is told why (review L18).
func TestLetterEmailForPostOnlyKind(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"draft.eml", "draft.txt"} {
		out, eml := filepath.Join(dir, name+".pdf"), filepath.Join(dir, name)
		code, _, errOut := run(t, "", "letter", "--policy", seedDir+"001_a66e4632f88529cc.txt", "--kind", "access",
			"--from", writeProfile(t, testProfile), "--date", "2026-11-23", "--out", out, "--email", eml)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", name, code, errOut)
		}
		msg, err := os.ReadFile(eml)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(msg), "info@netrack.ru") {
			t.Errorf("%s: the draft is addressed to the questions-only address:\n%.400s", name, msg)
		}
		if !strings.Contains(errOut, "by post") || !strings.Contains(errOut, "--to") {
			t.Errorf("%s: no note says why the draft has no recipient: %s", name, errOut)
		}
	}
}
