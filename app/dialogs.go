package app

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/record"
)

// chooseFile asks for a file to read, showing only the extensions given
// (none: every file), and hands its path to then.
func (u *UI) chooseFile(exts []string, then func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		then(path)
	}, u.win)
	if len(exts) > 0 {
		d.SetFilter(fynestorage.NewExtensionFileFilter(exts))
	}
	u.showFileDialog(d, "file.open_title")
}

// chooseSaveFile asks where to write a new file, offering name, and hands
// the path to then. The dialog creates the file empty; it is removed
// first, because Prava writes through a temporary file and will not
// replace a file it did not expect.
func (u *UI) chooseSaveFile(name string, exts []string, then func(path string)) {
	u.chooseSaveFileIn(name, exts, nil, then)
}

// chooseSaveFileIn is chooseSaveFile starting in dir (nil: the folder Fyne
// remembers from any dialog).
func (u *UI) chooseSaveFileIn(name string, exts []string, dir fyne.ListableURI, then func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		removeEmpty(path)
		then(path)
	}, u.win)
	d.SetFileName(name)
	if dir != nil {
		d.SetLocation(dir)
	}
	if len(exts) > 0 {
		d.SetFilter(fynestorage.NewExtensionFileFilter(exts))
	}
	u.showFileDialog(d, "file.save_title")
}

// policyWords is read for a company whose policy Prava read, unread for
// one from the directory or a pack: "as the policy says" where no policy
// was read would send the person looking for one.
func policyWords(c *record.Company, read, unread string) string {
	if len(c.Policies) > 0 {
		return read
	}
	return unread
}

// problemLabel is the hidden line where a page says what is wrong with
// what the person gave.
func problemLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// showSaved says in l that a save went through, with the time: a second
// Save confirms again, visibly, instead of leaving the same word standing.
func showSaved(l *widget.Label, at time.Time) {
	l.Importance = widget.SuccessImportance
	l.SetText(T("common.saved_at", args("Time", at.Format("15:04:05"))))
	l.Show()
}

// showProblem puts why a change was refused into a page's problem line,
// in the person's language.
func showProblem(l *widget.Label, err error) {
	l.SetText(problemLine(err))
	l.Show()
}

// problemLine is problemText with the desk's detail on a second line where
// the detail names what exactly is missing or which right comes closest:
// the person needs it to act, not only behind "Details".
func problemLine(err error) string {
	text := problemText(err)
	var p *casework.Problem
	if errors.As(err, &p) && (p.Code == "incomplete" || p.Code == "not_granted") {
		text += "\n" + p.Msg
	}
	return text
}
