package cli

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"prava/evidence"
)

// TestRequestEvidence writes a request, records it sent by registered
// post, exports its evidence PDF and reads it back; bad input is refused
// with what to do and changes nothing.
func TestRequestEvidence(t *testing.T) {
	const pass = "correct horse battery staple"
	vault, _ := passphraseVault(t, pass)
	cmd := func(want int, args ...string) string {
		t.Helper()
		code, out, errOut := run(t, pass+"\n", append([]string{"--vault", vault}, append(args, "--passphrase")...)...)
		if code != want {
			t.Fatalf("prava %s: exit %d, want %d\n%s%s", strings.Join(args, " "), code, want, out, errOut)
		}
		return out + errOut
	}
	cmd(exitOK, "company", "add", caseSeed)
	profileFile := filepath.Join(t.TempDir(), "me.json")
	os.WriteFile(profileFile, []byte(`{"name":"Olena Petrenko","address":"Gedimino pr. 1\nLT-01103 Vilnius","email":"olena@example.org"}`), 0o600)
	requestID := strings.SplitN(cmd(exitOK, "request", "write", lastCompany(t, cmd), "--kind", "access", "--from", profileFile, "--lang", "lt"), "\n", 2)[0]
	dir := t.TempDir()
	pdf := filepath.Join(dir, "evidence.pdf")

	before, _ := os.ReadFile(vault)
	for _, bad := range []struct {
		args []string
		want string
	}{
		{[]string{"request", "evidence", requestID}, "--out FILE.pdf"},
		{[]string{"request", "evidence", "no-such-request", "--out", pdf}, "prava request list"},
		{[]string{"request", "evidence", requestID, "--out", pdf}, "has not been sent"},
	} {
		if out := cmd(exitError, bad.args...); !strings.Contains(out, bad.want) {
			t.Errorf("%v: %s", bad.args, out)
		}
	}
	if after, _ := os.ReadFile(vault); !bytes.Equal(before, after) {
		t.Error("a refused export changed the vault")
	}
	if _, err := os.Stat(pdf); err == nil {
		t.Error("a refused export wrote a file")
	}

	cmd(exitOK, "request", "record", requestID, "--event", "sent", "--date", "2026-01-05", "--channel", "post", "--tracking", "RR123456789LT")
	if out := cmd(exitError, "request", "evidence", requestID, "--out", filepath.Join(dir, "no", "such", "folder.pdf")); !strings.Contains(out, "choose a folder you can write to") {
		t.Errorf("an unwritable path: %s", out)
	}
	// The photo of the post receipt goes with it; a file that is none is
	// refused.
	scan := filepath.Join(dir, "kvitas.jpg")
	os.WriteFile(scan, append([]byte("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00"), make([]byte, 300)...), 0o600)
	notScan := filepath.Join(dir, "kvitas.txt")
	os.WriteFile(notScan, []byte("RR123456789LT"), 0o600)
	if out := cmd(exitError, "request", "receipt", requestID, "--file", notScan); !strings.Contains(out, "not a PDF, PNG or JPEG") {
		t.Errorf("a text file as the receipt: %s", out)
	}
	if out := cmd(exitOK, "request", "receipt", requestID, "--file", scan); !strings.Contains(out, "Attached the post receipt kvitas.jpg") {
		t.Errorf("request receipt: %s", out)
	}
	if out := cmd(exitOK, "request", "evidence", requestID, "--out", pdf, "--lang", "lt"); !strings.Contains(out, "Wrote "+pdf) {
		t.Errorf("request evidence: %s", out)
	}
	text := pdfText(t, pdf)
	for _, want := range []string{"Įrodymai dėl prašymo", "1 priedas. Laiškas (PDF)", "2 priedas. Išsiųsta registruotu laišku", "RR123456789LT", "kvitas.jpg", "Įvykių eiga"} {
		if !strings.Contains(text, want) {
			t.Errorf("the evidence PDF does not read %q back:\n%s", want, text)
		}
	}
}

// lastCompany is the ID of the company added last.
func lastCompany(t *testing.T, cmd func(int, ...string) string) string {
	t.Helper()
	var rows []companyRow
	if err := json.Unmarshal([]byte(cmd(exitOK, "company", "list", "--json")), &rows); err != nil || len(rows) == 0 {
		t.Fatalf("company list: %v", err)
	}
	return rows[len(rows)-1].ID
}

// rezip returns the zip b with the file name's content replaced.
func rezip(t *testing.T, b []byte, name string, data []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, _ := f.Open()
		content, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == name {
			content = data
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: f.Method, Modified: f.Modified})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(content)
	}
	zw.Close()
	return out.Bytes()
}

// TestEvidenceVerify checks a bundle from the command line: an intact
// one passes, a changed one fails naming the file, a PDF or a missing
// file is refused with what to do.
func TestEvidenceVerify(t *testing.T) {
	at := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	sent, _ := evidence.Sent(context.Background(), "sent/request.eml", []byte("From: a@example.org\r\nSubject: Access\r\n\r\nPlease.\r\n"), at, "m1@example.org", "250 Ok", nil)
	var buf bytes.Buffer
	if err := evidence.Write(context.Background(), &buf, evidence.Case{Request: "PR-1", Company: "Shop", Made: at, Items: []evidence.Item{sent}}, evidence.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "good.asice")
	os.WriteFile(good, buf.Bytes(), 0o600)
	if code, out, errOut := run(t, "", "evidence", "verify", good); code != exitOK || !strings.Contains(out, "The bundle is intact") {
		t.Errorf("an intact bundle: exit %d\n%s%s", code, out, errOut)
	}
	bad := filepath.Join(dir, "bad.asice")
	os.WriteFile(bad, rezip(t, buf.Bytes(), "sent/request.eml", []byte("From: a@example.org\r\nSubject: Access\r\n\r\nIgnore.\r\n")), 0o600)
	if code, out, _ := run(t, "", "evidence", "verify", bad); code != exitError || !strings.Contains(out, "does NOT verify") || !strings.Contains(out, "sent/request.eml") {
		t.Errorf("a changed bundle: exit %d\n%s", code, out)
	}
	pdf := filepath.Join(dir, "e.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.7\n"), 0o600)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"evidence", "verify", pdf}, exitError, "pdfdetach -list"},
		{[]string{"evidence", "verify", filepath.Join(dir, "none.asice")}, exitError, "cannot read"},
		{[]string{"evidence", "verify", dir}, exitError, "is a folder"},
		{[]string{"evidence", "check", good}, exitUsage, "prava evidence verify FILE"},
	} {
		if code, out, errOut := run(t, "", c.args...); code != c.code || !strings.Contains(out+errOut, c.want) {
			t.Errorf("%v: exit %d\n%s%s", c.args, code, out, errOut)
		}
	}
}
