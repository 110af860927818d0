// Package storage keeps Prava's records — the person's profile, the
// companies, the requests and their timeline — in one encrypted vault file.
// It knows nothing of the user interface or of letter texts.
//
// The vault is sealed with AES-256-GCM under a random data key. That key is
// wrapped twice: by a key kept in the operating system's keyring (or, where
// there is none, derived from a passphrase with argon2id) and by a recovery
// code shown once at creation, so the vault opens on a new computer too.
// Saves are atomic and keep the previous version as PATH.bak; a lock file
// keeps a second Prava process away. See format.go and parts.go for the file
// layout: a save encrypts again only the parts of the data that changed.
package storage
