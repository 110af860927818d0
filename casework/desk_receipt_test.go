package casework

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"

	"prava/record"
)

// receiptJPEG is the start of a JPEG file, as a phone's camera writes one.
var receiptJPEG = append([]byte("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00"), bytes.Repeat([]byte{0x42}, 600)...)

// receiptUseCase records requestID sent by post and attaches its receipt,
// for useCases.
func receiptUseCase(k *Desk, requestID string) error {
	if err := k.Record(requestID, EventSent, testDay, Detail{Channel: record.ByPost, Tracking: "RR123456789LV"}); err != nil {
		return err
	}
	return k.AttachReceipt(requestID, "receipt.jpg", receiptJPEG)
}

// TestPostReceiptInTheEvidence: the photo of a post receipt is kept with a
// request sent by post and comes out of the evidence PDF byte for byte,
// beside the registered number; a file that is no photo or scan, an empty
// one, and a request not sent by post are refused and change nothing.
func TestPostReceiptInTheEvidence(t *testing.T) {
	for _, bin := range []string{"pdftotext", "pdfdetach"} {
		if _, err := exec.LookPath(bin); err != nil {
			t.Skipf("%s (poppler-utils) is needed to read the evidence PDF back", bin)
		}
	}
	k, _, companyID := newDesk(t)
	ws, err := k.WriteRequests(companyID, []Draft{{Kind: record.Access, Contact: -1, Date: testDay}})
	if err != nil {
		t.Fatal(err)
	}
	id := ws[0].Request.ID
	before := k.Data().Clone()
	for name, c := range map[string]struct {
		file []byte
		code string
	}{
		"a draft":        {receiptJPEG, "not_posted"},
		"an empty file":  {nil, "empty"},
		"a text file":    {[]byte("my receipt number is RR123"), "type"},
		"a renamed .exe": {[]byte("MZ\x90\x00"), "type"},
	} {
		var p *Problem
		if err := k.AttachReceipt(id, "receipt.jpg", c.file); !errors.As(err, &p) || p.Code != c.code {
			t.Errorf("%s: %v, want the problem %q", name, err, c.code)
		}
	}
	if !reflect.DeepEqual(before, k.Data().Clone()) {
		t.Fatal("a refused receipt changed the stored data")
	}
	if err := receiptUseCase(k, id); err != nil {
		t.Fatal(err)
	}
	pdf, err := k.Evidence(context.Background(), id, EvidenceOptions{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "evidence.pdf")
	os.WriteFile(path, pdf, 0o600)
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil || !bytes.Contains(out, []byte("RR123456789LV")) {
		t.Errorf("the evidence PDF does not name the registered number (%v)", err)
	}
	if out, err := exec.Command("pdfdetach", "-saveall", "-o", dir, path).CombinedOutput(); err != nil {
		t.Fatalf("pdfdetach: %v\n%s", err, out)
	}
	got, err := os.ReadFile(filepath.Join(dir, "annex2-receipt.jpg"))
	if err != nil || !bytes.Equal(got, receiptJPEG) {
		names, _ := filepath.Glob(filepath.Join(dir, "annex*"))
		t.Errorf("the receipt extracted from the PDF differs from the photo (%v); attached: %v", err, names)
	}
}
