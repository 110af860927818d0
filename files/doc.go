// Package files writes and reads the files Prava keeps outside its vault:
// letters, e-mail drafts, calendars, exports, plain copies for printing,
// attachments the person picks. It is a leaf package (it imports nothing of
// Prava's), so that the user interfaces can write files without importing
// the vault's package, and the vault (package storage) uses its atomic
// replace for its own saves.
//
// Every output goes through WriteFile (or WriteNew): a temporary file
// beside the target, flushed and renamed, so a crash leaves the old file or
// the new one; never over a vault, its .bak or its lock file.
package files
