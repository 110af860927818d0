package app

import "os"

// commit applies a change to the vault's data and saves it. When the save
// fails, undo puts the data back as it was and the person is told: what is
// on screen and on disk stay the same.
func (u *UI) commit(change, undo func()) bool {
	change()
	if err := u.vault.Save(); err != nil {
		undo()
		u.notice(T("save.failed"), err)
		return false
	}
	return true
}

// removeEmpty deletes path if it is an empty file: a save dialog creates
// the file it was given, and the writers below refuse to replace a file.
func removeEmpty(path string) {
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() && st.Size() == 0 {
		os.Remove(path)
	}
}
