package app

import (
	"errors"
	"os"

	"prava/casework"
	"prava/record"
)

// change runs a change through the desk off the UI goroutine, so that the
// window stays responsive while the vault is saved. Then, on the UI
// goroutine, the screens take the desk's new data (see sync) and done
// runs. A change the desk refuses, or whose save fails, changes nothing:
// fail gets the error when it is set (to show it beside a field), else the
// person is told in a dialog.
func (u *UI) change(do func(k *casework.Desk) error, done func(), fail func(error)) {
	desk := u.desk
	if desk == nil {
		return
	}
	var err error
	var snap *record.Data
	var byCompany map[string][]int
	shown := u.shown
	u.background(func() {
		err = do(desk)
		// The new data's request index is worked out here too, so that
		// the UI goroutine only swaps it in.
		if snap = desk.Data(); snap != shown {
			byCompany = casework.Requests(snap)
		}
	}, func() {
		if u.desk != desk {
			return // the vault was closed or another one opened meanwhile
		}
		if snap != u.shown && byCompany != nil {
			u.shown, u.byCompany, u.states = snap, byCompany, map[string]casework.State{}
		}
		if err != nil {
			if fail != nil {
				fail(err)
			} else {
				u.failed(err)
			}
			return
		}
		if done != nil {
			done()
		}
	})
}

// sync makes the screens read the desk's latest data: the request index
// and the companies' states are worked out again from it.
func (u *UI) sync() {
	if u.desk == nil || u.shown == u.desk.Data() {
		return
	}
	u.shown = u.desk.Data()
	u.refreshStates()
}

// failed tells the person why a change was not made, in their language,
// with the technical detail behind "Details".
func (u *UI) failed(err error) {
	u.notice(problemLine(err), err)
}

// problemText words an error from the desk in the person's language: a
// refused field by its field and code, a duplicate by the company it
// repeats, an unknown ID, or else a save that failed.
func problemText(err error) string {
	var p *casework.Problem
	var dup *casework.DuplicateError
	switch {
	case errors.As(err, &p):
		if text := T("problem." + p.Field + "." + p.Code); text != "problem."+p.Field+"."+p.Code {
			return text
		}
		return T("problem.refused")
	case errors.As(err, &dup):
		return T("problem.duplicate", args("Name", dup.Existing.Name))
	case errors.Is(err, casework.ErrNotFound):
		return T("problem.not_found")
	case errors.Is(err, casework.ErrNothingToUndo):
		return T("problem.nothing_to_undo")
	}
	return T("save.failed")
}

// removeEmpty deletes path if it is an empty file: a save dialog creates
// the file it was given, and the writers below refuse to replace a file.
func removeEmpty(path string) {
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() && st.Size() == 0 {
		os.Remove(path)
	}
}
