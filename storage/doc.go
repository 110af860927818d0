// Package storage keeps Prava's records (package record: the person's
// profile, the companies, the requests and their timeline) in one
// encrypted vault file. It knows nothing of the user interface, of letter
// texts or of the law; only package casework uses it, so every change
// passes the desk.
//
// The vault is sealed with AES-256-GCM under a random data key. That key is
// wrapped in key slots: one per computer whose keyring holds a key for the
// vault, one derived with argon2id from the recovery code shown once at
// creation (so the vault opens on a new computer too), and optionally one
// from a passphrase, for systems without a keyring. A header's slots are
// checked against fixed bounds before any key is derived, and the header
// carries a checksum, so a damaged or crafted header is refused as damage.
// Saves are atomic and keep the previous version as PATH.bak, made only
// once the new version is safely written, through package files' atomic
// replace; a lock file keeps a second Prava process away. Every other file
// Prava writes goes through package files. See format.go and parts.go for
// the file layout: a save encrypts again only the parts of the data that
// changed. The requests' letters stay in the file (texts.go) and are read
// when shown, so an open vault's memory does not grow with its letters.
package storage
