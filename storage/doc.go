// Package storage keeps Prava's records — the person's profile, the
// companies, the requests and their timeline — in one encrypted vault file
// whose key lives in the operating system's keyring. It knows nothing of
// the user interface or of letter texts.
//
// The vault itself is being built (see the project's issue tracker); this
// package holds only its documentation until then.
package storage
