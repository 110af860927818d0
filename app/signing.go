package app

import (
	"context"
	"io"
	"net/url"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/files"
	"prava/record"
)

// signingSection is where a letter gets the person's national
// e-signature and where the request's evidence for the authority is
// saved: "Sign…" saves the copy to sign and says where to sign it,
// "Attach the signed file…" brings the signed file back, and a letter
// sent by post takes the photo of its receipt.
func (u *UI) signingSection(r *record.Request, company string) fyne.CanvasObject {
	id := r.ID
	sign := widget.NewButtonWithIcon(T("sign.copy"), theme.DocumentCreateIcon(), func() {
		u.chooseSaveFile(signingFileName(r, company), []string{".pdf"}, func(path string) { u.saveSigningCopy(id, path) })
	})
	attach := widget.NewButtonWithIcon(T("sign.attach"), theme.FileIcon(), func() {
		u.chooseFile([]string{".edoc", ".asice", ".sce", ".bdoc", ".adoc", ".p7s", ".pdf"}, func(path string) { u.attachSigned(id, path) })
	})
	parts := []fyne.CanvasObject{hint(T("sign.hint"))}
	if s := r.Signature; s.IsSigned() {
		parts = append(parts, para(T("sign.signed", args("Signers", signerNames(s.Signers),
			"Date", s.Attached.Local().Format(time.DateOnly)))), hint(signatureChecked(s)))
	}
	row := []fyne.CanvasObject{sign, attach}
	if wasSent(r) {
		evidence := widget.NewButtonWithIcon(T("evidence.export"), theme.DocumentSaveIcon(), func() {
			u.chooseSaveFile(evidenceFileName(r, company), []string{".pdf"}, func(path string) { u.exportEvidence(id, path) })
		})
		row = append(row, evidence)
	}
	if r.Channel == record.ByPost && !r.Dates.Sent.IsZero() {
		if r.Receipt != nil {
			parts = append(parts, para(T("receipt.kept", args("Name", r.Receipt.Name))))
		}
		receipt := widget.NewButtonWithIcon(T("receipt.attach"), theme.FileImageIcon(), func() {
			u.chooseFile([]string{".pdf", ".png", ".jpg", ".jpeg"}, func(path string) { u.attachReceipt(id, path) })
		})
		row = append(row, receipt)
	}
	return section(T("sign.title"), append(parts, container.NewAdaptiveGrid(2, row...))...)
}

// wasSent tells whether a request went out, so that its evidence can be
// exported.
func wasSent(r *record.Request) bool {
	return !r.Dates.Sent.IsZero() || r.Email != nil && r.Email.Outcome == record.EmailSent
}

// signerNames are the signers as a person reads them: the common name of
// each certificate's subject ("CN=ANNA BĒRZIŅA,SERIALNUMBER=PNOLV-…,C=LV"
// is "ANNA BĒRZIŅA"), the whole subject where it has none.
func signerNames(subjects []string) string {
	names := make([]string, 0, len(subjects))
	for _, s := range subjects {
		name := s
		for part := range strings.SplitSeq(s, ",") {
			if v, ok := strings.CutPrefix(strings.TrimSpace(part), "CN="); ok && v != "" {
				name = v
				break
			}
		}
		names = append(names, name)
	}
	return strings.Join(names, "; ")
}

// signatureChecked says, in the person's words, how far Prava could check
// the signature: it never claims to have checked the certificate chain.
func signatureChecked(s *record.Signature) string {
	if s.Checked {
		return T("sign.checked")
	}
	return T("sign.digests_only")
}

// signingFileName is the name the copy to sign is offered under.
func signingFileName(r *record.Request, company string) string {
	return strings.TrimSuffix(pdfName(r, company), ".pdf") + " " + T("sign.to_sign_suffix") + ".pdf"
}

// evidenceFileName is the name the evidence PDF is offered under.
func evidenceFileName(r *record.Request, company string) string {
	return strings.TrimSuffix(pdfName(r, company), ".pdf") + " " + T("evidence.suffix") + ".pdf"
}

// saveSigningCopy makes the letter's PDF/A copy, writes it to path and
// says where to sign it: the person's own country's services first.
func (u *UI) saveSigningCopy(id, path string) {
	var copy record.Document
	u.change(func(k *casework.Desk) error {
		var err error
		copy, err = k.SigningCopy(id)
		if err == nil {
			err = files.WriteFile(path, copy.Data)
		}
		return err
	}, func() {
		u.showRequest(id)
		u.showPortals(path)
	}, nil)
}

// showPortals tells where to sign the copy just saved, with the national
// services as links that open in the browser.
func (u *UI) showPortals(path string) {
	items := []fyne.CanvasObject{para(T("sign.where", args("File", path)))}
	for _, p := range casework.SigningPortals(u.data().Profile.Country) {
		if link, err := url.Parse(p.URL); err == nil {
			items = append(items, widget.NewHyperlink(p.Name+" — "+link.Host, link))
		}
	}
	items = append(items, hint(T("sign.then")))
	d := dialog.NewCustom(T("sign.title"), T("common.ok"), container.NewPadded(container.NewVBox(items...)), u.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// attachSigned reads the signed file the person chose and hands it to the
// desk, which checks that it signs this letter's copy.
func (u *UI) attachSigned(id, path string) {
	data, err := readBounded(path, casework.MaxAttachment)
	if err != nil {
		u.notice(T("sign.read_failed"), err)
		return
	}
	name := path[strings.LastIndexAny(path, `/\`)+1:]
	u.change(func(k *casework.Desk) error {
		_, err := k.AttachSigned(id, name, data)
		return err
	}, func() {
		u.showRequest(id)
		u.toast(T("sign.attached"))
	}, nil)
}

// attachReceipt keeps the photo or scan of the post receipt the person
// chose with the request, for its evidence.
func (u *UI) attachReceipt(id, path string) {
	data, err := readBounded(path, casework.MaxAttachment)
	if err != nil {
		u.notice(T("sign.read_failed"), err)
		return
	}
	name := path[strings.LastIndexAny(path, `/\`)+1:]
	u.change(func(k *casework.Desk) error { return k.AttachReceipt(id, name, data) }, func() {
		u.showRequest(id)
		u.toast(T("receipt.attached"))
	}, nil)
}

// readBounded reads a file of at most limit bytes; a bigger one is read
// only up to the limit plus one, so the desk refuses it by its size.
func readBounded(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, limit+1))
}

// exportEvidence writes the request's evidence PDF, in the UI's language,
// to path; the DKIM checks it makes may ask the network, so it runs off
// the UI goroutine.
func (u *UI) exportEvidence(id, path string) {
	desk := u.desk
	if desk == nil {
		return
	}
	var err error
	u.background(func() {
		var pdf []byte
		pdf, err = desk.Evidence(context.Background(), id, casework.EvidenceOptions{Lang: evidenceLanguage()})
		if err == nil {
			err = files.WriteFile(path, pdf)
		}
	}, func() {
		if err != nil {
			u.failed(err)
			return
		}
		u.toast(T("request.saved", args("File", path)))
	})
}

// evidenceLanguage is the UI's language where the evidence PDF has
// labels in it; the desk falls back to the person's or the letter's.
func evidenceLanguage() string {
	code := uiLanguageCode()
	for _, l := range Languages {
		if l == code {
			return l
		}
	}
	return ""
}
