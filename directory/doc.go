// Package directory is Prava's offline directory of known companies: the
// privacy contacts of about three thousand companies and public bodies
// (Google, Meta, banks, telecoms, credit bureaus …), the brands and
// services each runs, the channel each suggests, the identity details each
// requires, and per-country company packs.
//
// The data comes from the datarequests.org company database
// (https://github.com/datenanfragen/data), which its contributors release
// under CC0 1.0; thank you, datarequests.org. The snapshot Prava embeds is
// in data/ with its licence and a notice naming its commit and date;
// "go generate ./directory" rebuilds it from a newer snapshot, and Update
// installs a newer one at run time.
//
// Search finds a company by name, brand, web domain or slug, tolerating
// case, diacritics, word order and one typo. Prefill turns an entry into a
// company record for the vault, Law says which law a letter to it cites,
// Differences lists where a company record (read from a policy, or added
// from an older snapshot) disagrees with the directory, and Export turns
// the person's own companies back into records in the snapshot's schema,
// ready to contribute.
package directory

//go:generate go run ./internal/gen -out data/directory.bin $PRAVA_DIRECTORY_SNAPSHOT
