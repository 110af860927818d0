package casework

import (
	"crypto/x509"
	"prava/evidence/dkimcheck"
	"prava/mail"
	"sync"
	"sync/atomic"
	"time"

	"prava/record"
	"prava/storage"
)

// Desk is the one door to a person's data: it owns the open vault and
// offers one method per thing a person does — add, correct, merge or delete
// a company, write and follow up requests, record what happened, keep the
// profile and settings. Each method checks its input, applies the change,
// logs a typed timeline entry and saves, all through storage's Update: when
// a check or the save fails, nothing stored changes and the error says why.
// The desktop app and the command line change data only through a Desk.
//
// A Desk may be used from several goroutines; its changes run one at a
// time. Data returns a snapshot that no change touches: a window reads it
// on its own goroutine while a change is saved on another, so no frame
// waits for a save.
type Desk struct {
	mu    sync.Mutex // held by a change, from the check to the save
	vault *storage.Vault
	now   func() time.Time
	view  atomic.Pointer[snapshot] // the data as of the last change
	// mailRoots verifies the mail servers; nil means the system's roots.
	mailRoots *x509.CertPool
	// tsaRoots verifies the time-stamping authority; nil leaves the chain
	// unchecked (see SetTSARoots).
	tsaRoots *x509.CertPool
	// dkimLookup fetches the DKIM keys of arriving mail; nil means the
	// system's resolver (see SetDKIMLookup).
	dkimLookup dkimcheck.LookupTXT
	// signIn renews OAuth mailboxes' tokens; nil means Microsoft's (see
	// SetSignIn).
	signIn *mail.SignIn
}

// NewDesk puts an open vault behind a desk. now is the clock (time.Now
// when nil); tests set their own day.
func NewDesk(v *storage.Vault, now func() time.Time) *Desk {
	if now == nil {
		now = time.Now
	}
	k := &Desk{vault: v, now: now}
	k.publish()
	return k
}

// Data is the data behind View, for readers not yet moved to View's
// methods. Like View it is the readers' own copy: the desk never reads it
// back.
func (k *Desk) Data() *record.Data { return &k.view.Load().data }

// publish makes the snapshot View returns from the vault's data.
func (k *Desk) publish() {
	k.view.Store(&snapshot{data: k.vault.Data.Clone()})
}

// Entry is what a timeline entry records. The timeline is the person's
// history of their cases; each change through the desk adds one entry.
type Entry string

// The timeline's entries. Request events (sent, delivered, …) are logged
// under their Event name.
const (
	EntryCompanyAdded   Entry = "company added"
	EntryCompanyEdited  Entry = "company edited"
	EntryCompanyMerged  Entry = "company merged"
	EntryCompanyDeleted Entry = "company deleted"
	EntryPolicyRead     Entry = "policy read"
	EntryLetterWritten  Entry = "letter written"
	EntryLetterEdited   Entry = "letter edited"
	EntryRequestDeleted Entry = "request deleted"
	EntryEventUndone    Entry = "event undone"
	EntryFileAttached   Entry = "file attached"
	EntryProfileSaved   Entry = "profile saved"
	EntrySettingsSaved  Entry = "settings saved"
)

// update runs one change through the vault's Update, one at a time.
func (k *Desk) update(change func(d *record.Data) error) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	// The way back is the vault's own copy, never the snapshot readers
	// hold: a reader that wrote into its snapshot by mistake changes
	// nothing stored, even when a change fails and is rolled back.
	if err := k.vault.Update(change); err != nil {
		return err
	}
	k.publish()
	return nil
}

// log adds an entry to the timeline, stamped with the desk's clock.
func (k *Desk) log(d *record.Data, what Entry, companyID, requestID, note string) {
	d.Timeline = append(d.Timeline, record.TimelineEntry{Time: k.now().UTC(), What: string(what), CompanyID: companyID, RequestID: requestID, Note: note})
}

// today is the desk's day at midnight UTC, the date letters carry.
func (k *Desk) today() time.Time { return day(k.now()) }
