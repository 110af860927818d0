package app

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/files"
	"prava/record"
)

// letterActions are the ways a letter leaves Prava: a PDF to print and
// sign, the e-mail text, or the person's mail program.
func (u *UI) letterActions(r *record.Request, company string) fyne.CanvasObject {
	id := r.ID
	save := widget.NewButtonWithIcon(T("request.save_pdf"), theme.DocumentSaveIcon(), func() {
		u.choosePDFFile(pdfName(r, company), func(path string) { u.savePDF(id, path) })
	})
	open := widget.NewButtonWithIcon(T("request.print"), theme.DocumentPrintIcon(), func() { u.openPDF(id, company) })
	copyText := widget.NewButtonWithIcon(T("request.copy_email"), theme.ContentCopyIcon(), func() {
		if r := u.data().Request(id); r != nil {
			text, err := casework.EmailText(u.data(), *r)
			if err != nil {
				u.notice(T("request.copy_failed"), err)
				return
			}
			u.app.Clipboard().SetContent(text)
			u.toast(T("request.copied"))
		}
	})
	row := []fyne.CanvasObject{save, open, copyText}
	var parts []fyne.CanvasObject
	how := T("request.how_post")
	switch r.Channel {
	case record.ByEmail:
		how = T("request.how_email")
		mail := widget.NewButtonWithIcon(T("request.mail"), theme.MailSendIcon(), func() {
			path, err := u.emailFile(id, company)
			if err == nil {
				err = u.app.OpenURL(&url.URL{Scheme: "file", Path: path})
			}
			if err != nil {
				u.notice(T("request.mail_failed"), err)
			}
		})
		row = append(row, mail)
		if send := u.sendButton(r); send != nil {
			if b, ok := send.(*widget.Button); ok {
				how = T("request.how_email_prava")
				row = append([]fyne.CanvasObject{b}, row...)
			} else {
				parts = append(parts, send)
			}
		}
	case record.ByWebForm:
		// The company takes requests only through its form: open it, and
		// put the letter's text on the clipboard to paste there.
		how = T("request.how_webform")
		form := widget.NewButtonWithIcon(T("request.open_form"), theme.ComputerIcon(), func() {
			r := u.data().Request(id)
			if r == nil {
				return
			}
			text, err := casework.EmailText(u.data(), *r)
			if err != nil {
				u.notice(T("request.copy_failed"), err)
				return
			}
			u.app.Clipboard().SetContent(text)
			link, err := url.Parse(r.Contact)
			if err == nil {
				err = u.app.OpenURL(link)
			}
			if err != nil {
				u.notice(T("request.form_failed"), err)
				return
			}
			u.toast(T("request.form_copied"))
		})
		form.Importance = widget.HighImportance
		row = append([]fyne.CanvasObject{form}, row...)
	}
	parts = append([]fyne.CanvasObject{para(how)}, parts...)
	for _, w := range sendWarnings(r) {
		parts = append(parts, warningLine(w))
	}
	return section(T("request.send"), append(parts, container.NewAdaptiveGrid(2, row...))...)
}

// sendWarnings are what to know before sending a request not sent yet,
// in the person's language: what the writer warned of when the letter
// was written, and the signature 152-FZ asks for, which a request written
// before the warnings were kept would not carry.
func sendWarnings(r *record.Request) []string {
	if !r.Dates.Sent.IsZero() {
		return nil
	}
	out := addWarnings(nil, r.Warnings)
	if sig := T("warning.ru_signature"); needsSignature(r) && !contains(out, sig) {
		out = append(out, sig)
	}
	return out
}

// needsSignature reports whether a letter not sent yet goes by plain
// e-mail where the law asks for a signed request (152-FZ Art. 14 part 3):
// the letters warn of it when they are written, and the stored request
// keeps no warnings, so the page asks the same question of the record.
func needsSignature(r *record.Request) bool {
	return r.Dates.Sent.IsZero() && r.Law == "RU" && r.Channel == record.ByEmail && !r.Kind.IsFollowUp()
}

// pdfName is the file name a letter's PDF is offered under, like
// "2026-11-23 NETRACK access.pdf" ("… доступ.pdf" in the Ukrainian UI,
// the kind in the person's language), with characters file systems
// refuse taken out.
func pdfName(r *record.Request, company string) string {
	kind := strings.ToLower(kindName(r.Kind))
	return files.SafeName(fmt.Sprintf("%s %s %s.pdf", r.Dates.Created.Format(time.DateOnly), strings.TrimSpace(company), kind))
}

// savePDF writes a request's PDF to path, through a temporary file so
// that a failed write leaves nothing half-written.
func (u *UI) savePDF(id, path string) {
	r := u.data().Request(id)
	if r == nil {
		return
	}
	if err := files.WriteFile(path, r.PDF); err != nil {
		u.notice(T("request.save_failed"), err)
		return
	}
	u.toast(T("request.saved", args("File", path)))
}

// openPDF opens the letter in the system's PDF viewer to print it. The
// file is a temporary copy, deleted when Prava closes.
func (u *UI) openPDF(id, company string) {
	r := u.data().Request(id)
	if r == nil {
		return
	}
	// The copy is readable by the viewer only; a crash that skips Close
	// leaves it for the next start to remove.
	path, dir, err := files.PlainCopy(pdfName(r, company), r.PDF)
	if err == nil {
		u.temps = append(u.temps, dir)
		err = u.app.OpenURL(&url.URL{Scheme: "file", Path: path})
	}
	if err != nil {
		u.notice(T("request.print_failed"), err)
	}
}

// emailFile writes a request's letter as an e-mail message (with the PDF
// attached, marked as a draft) to a private temporary file, removed when
// Prava closes, for the system to open in the mail program: a mailto: link
// breaks on long letters and carries no attachment.
func (u *UI) emailFile(id, company string) (string, error) {
	r := u.data().Request(id)
	if r == nil {
		return "", casework.ErrNotFound
	}
	msg, err := casework.EmailMessage(u.data(), *r)
	if err != nil {
		return "", err
	}
	name := strings.TrimSuffix(pdfName(r, company), ".pdf") + ".eml"
	path, dir, err := files.PlainCopy(name, msg)
	if err != nil {
		return "", err
	}
	u.temps = append(u.temps, dir)
	return path, nil
}
