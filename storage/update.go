package storage

import "prava/record"

// Update applies change to the vault's data and saves the vault: the one way
// the layers above change what is stored. When change returns an error, or
// the save fails, Data is put back exactly as it was before the call (the
// same *Data, so holders of the pointer see the old state) and the error is
// returned; the file on disk is then as it was. Nobody above writes undo
// code.
//
// change must treat the records' shared contents as read-only: it may set
// fields, replace records and append, but it must clone a contact list,
// map or file before editing it in place (Company.Clone does), because the
// copy kept for the way back shares them.
func (v *Vault) Update(change func(*record.Data) error) error {
	before := v.Data.Clone()
	return v.update(change, func() { *v.Data = before })
}

// update applies change and saves, calling restore when either fails.
func (v *Vault) update(change func(*record.Data) error, restore func()) error {
	if err := change(v.Data); err != nil {
		restore()
		return err
	}
	if err := v.Save(); err != nil {
		restore()
		return err
	}
	return nil
}
