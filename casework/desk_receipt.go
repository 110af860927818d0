package casework

import (
	"bytes"

	"prava/record"
)

// EntryReceipt is the timeline's word for a post receipt attached.
const EntryReceipt Entry = "post receipt attached"

// receiptTypes are the files a post receipt may be: a photo or a scan.
var receiptTypes = []struct {
	magic, mime, ext string
}{
	{"%PDF-", "application/pdf", ".pdf"},
	{"\x89PNG\r\n\x1a\n", "image/png", ".png"},
	{"\xFF\xD8\xFF", "image/jpeg", ".jpg"},
}

// AttachReceipt keeps the scan or photo of the post office's receipt with
// a request sent by post: the evidence for a complaint then carries it in
// the sending annex, beside the registered-mail number. A later receipt
// replaces the earlier one (a clearer photo). A file that is empty, too
// big, not a PDF, PNG or JPEG, or a request not sent by post, is refused
// and nothing is stored.
func (k *Desk) AttachReceipt(requestID, name string, file []byte) error {
	if len(file) == 0 {
		return problem("receipt", "empty", "the file is empty: choose the photo or scan of the post receipt")
	}
	if len(file) > MaxAttachment {
		return problem("receipt", "too_big", "%s is %d MB; a receipt is at most %d MB (a smaller photo will do)", name, len(file)>>20, MaxAttachment>>20)
	}
	mime, ext := "", ""
	for _, t := range receiptTypes {
		if bytes.HasPrefix(file, []byte(t.magic)) {
			mime, ext = t.mime, t.ext
		}
	}
	if mime == "" {
		return problem("receipt", "type", "%s is not a PDF, PNG or JPEG: save the scan or photo in one of these", name)
	}
	return k.update(func(d *record.Data) error {
		r := d.Request(requestID)
		if r == nil {
			return notFound("request", requestID)
		}
		if r.Channel != record.ByPost || r.Dates.Sent.IsZero() {
			return problem("receipt", "not_posted", "this request is not recorded as sent by post: record it sent by post (with the registered-mail number) first")
		}
		next := r.Clone()
		next.Receipt = &record.Document{Name: fileName(name, "post-receipt"+ext), Type: mime, Data: bytes.Clone(file)}
		*r = next
		k.log(d, EntryReceipt, r.CompanyID, r.ID, next.Receipt.Name)
		return nil
	})
}
