package app

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"prava/casework"
	"prava/record"
)

// TestPostReceiptFromTheApp: a letter recorded sent by post offers to
// attach the photo of its receipt; a file that is no photo is refused in
// the person's words with nothing stored; a photo is kept and the page
// says so. A letter not sent by post does not offer it.
func TestPostReceiptFromTheApp(t *testing.T) {
	u := homeUI(t, nil)
	addPasted(t, u, seed(t, "003_667823663de3ed12.txt"))
	tap(t, u, "Save company")
	tap(t, u, "Write a request…")
	tap(t, u, "Write the letter")
	r := u.data().Requests[0]
	if shows(u, "Attach the post receipt…") {
		t.Error("a draft offers a post receipt")
	}
	if err := u.desk.Record(r.ID, casework.EventSent, r.Dates.Created, casework.Detail{Channel: record.ByPost, Tracking: "RR123456789LT"}); err != nil {
		t.Fatal(err)
	}
	u.sync()
	u.showRequest(r.ID)
	u.Settle()
	button(t, u, "Attach the post receipt…")

	dir := t.TempDir()
	text := filepath.Join(dir, "receipt.txt")
	os.WriteFile(text, []byte("RR123456789LT"), 0o600)
	u.attachReceipt(r.ID, text)
	u.Settle()
	mustShow(t, u, "This is not a photo or a scan")
	if u.data().Request(r.ID).Receipt != nil {
		t.Fatal("a text file was kept as the receipt")
	}
	photo := filepath.Join(dir, "kvitas.jpg")
	jpeg := append([]byte("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00"), make([]byte, 200)...)
	os.WriteFile(photo, jpeg, 0o600)
	u.attachReceipt(r.ID, photo)
	u.Settle()
	if got := u.data().Request(r.ID).Receipt; got == nil || !bytes.Equal(got.Data, jpeg) {
		t.Fatalf("the receipt kept: %+v", got)
	}
	mustShow(t, u, "The post receipt is kept (kvitas.jpg)")
}
