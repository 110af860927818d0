// Package signed checks a letter that the person signed outside Prava
// (on eparaksts.lv, Dokobit, GoSign, ca.diia.gov.ua or in a desktop
// signing app) before it is attached to a request: that the file is a
// signature container Prava can read (ASiC-E, .edoc / .asice / .adoc, a
// CMS .p7s, or a signed PDF) and that what it signs is exactly this
// letter, byte for byte. It checks what can be checked offline (the
// container's structure, the digests, and for CMS and PDF the signature
// arithmetic against the certificate inside) and says plainly that the
// certificate chain and the signature's qualified status were not
// checked: the national validators do that.
package signed

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
)

// MaxSize bounds a signed file: a signed letter is at most a few MiB.
const MaxSize = 64 << 20

// Format names what kind of signed file was read.
type Format string

// The formats Match reads.
const (
	ASiCE Format = "asic-e" // a zip container: .asice, .edoc, .sce, .bdoc, .adoc
	PDF   Format = "pdf"    // a PDF with a signature added as an incremental update
	CMS   Format = "cms"    // a .p7s, enveloping or detached
)

// Match is a signed file found to hold this letter.
type Match struct {
	Format   Format
	Document string   // the letter's name inside an ASiC container
	SHA256   string   // the letter's SHA-256, hex
	Signers  []string // the signing certificates' subjects, as they say
	// SignatureChecked is true when the signature value was checked
	// against its certificate (CMS and PDF); for ASiC-E only the digests
	// of the XAdES references are checked, not the XML signature.
	SignatureChecked bool
	// Unchecked says what was not checked, for the screen and the annex.
	Unchecked string
}

// ErrOtherDocument is returned, wrapped, when the file is a valid
// container of another document than the letter.
var ErrOtherDocument = errors.New("the signed file holds another document than this letter")

// Check checks that file, the signed file the person chose (name is its
// name, used for messages only), signs exactly letter, the PDF Prava made.
// Nothing is changed; an error says what is wrong and what to do.
func Check(name string, file, letter []byte) (Match, error) {
	if len(file) > MaxSize {
		return Match{}, fmt.Errorf("signed: %s is larger than %d MiB; it is not a signed letter", name, MaxSize>>20)
	}
	if len(letter) == 0 {
		return Match{}, errors.New("signed: the letter has not been made yet; make its PDF, sign that, then import the signed file")
	}
	var (
		m   Match
		err error
	)
	switch {
	case bytes.HasPrefix(file, []byte("PK\x03\x04")):
		m, err = matchASiC(file, letter)
	case bytes.HasPrefix(file, []byte("%PDF-")):
		m, err = matchPDF(file, letter)
	case len(file) > 0 && (file[0] == 0x30 || bytes.HasPrefix(file, []byte("-----BEGIN"))):
		m, err = matchCMS(file, letter)
	default:
		return Match{}, fmt.Errorf("signed: %s is not a signed file Prava can read; choose the .edoc, .asice, .adoc, .p7s or signed .pdf the signing service gave you", name)
	}
	if err != nil {
		return Match{}, fmt.Errorf("signed: %s: %w", name, err)
	}
	s := sha256.Sum256(letter)
	m.SHA256 = hex.EncodeToString(s[:])
	if m.Unchecked == "" {
		m.Unchecked = "The signer's certificate chain and whether the signature is qualified were not checked; " +
			"the national validator checks that (eparaksts.lv, GoSign/Dokobit, czo.gov.ua)."
	}
	return m, nil
}
