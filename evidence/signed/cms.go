package signed

import (
	"bytes"
	"encoding/asn1"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"sync"

	"github.com/digitorus/pkcs7"
)

func matchCMS(file, letter []byte) (Match, error) {
	if bytes.HasPrefix(file, []byte("-----BEGIN")) {
		blk, _ := pem.Decode(file)
		if blk == nil {
			return Match{}, errors.New("the PEM file cannot be read")
		}
		file = blk.Bytes
	}
	p7, err := parseCMS(file)
	if err != nil {
		return Match{}, fmt.Errorf("it is not a CMS signature (%v)", err)
	}
	switch {
	case len(p7.Content) == 0:
		p7.Content = letter // detached: the letter is what it must sign
	case !bytes.Equal(p7.Content, letter):
		return Match{}, fmt.Errorf("%w; sign the PDF Prava made for this letter", ErrOtherDocument)
	}
	if err := verifyCMS(p7); err != nil {
		return Match{}, err
	}
	return Match{Format: CMS, Signers: signers(p7), SignatureChecked: true}, nil
}

// The patterns are compiled on first use, not at start (issue 25): only
// a signed PDF needs them.
var (
	byteRangeRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]`)
	})
	subFilterRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`/SubFilter\s*/([A-Za-z0-9.]+)`) })
)

// matchPDF accepts a PDF that is this letter plus an incremental update
// holding a signature, which is how PAdES signs: the letter's bytes stay
// as they were, so comparing the prefix proves the signed document is
// ours without parsing it.
func matchPDF(file, letter []byte) (Match, error) {
	if !bytes.HasPrefix(file, letter) {
		return Match{}, fmt.Errorf("%w, or the signing service rewrote the file instead of adding the signature "+
			"to it; sign the PDF Prava made, or choose the .edoc/.asice form", ErrOtherDocument)
	}
	update := file[len(letter):]
	br := byteRangeRe().FindSubmatch(update)
	if br == nil {
		return Match{}, errors.New("it is this letter, but no signature was added to it; sign it and import the signed file")
	}
	if sf := subFilterRe().FindSubmatch(update); sf != nil {
		switch string(sf[1]) {
		case "adbe.pkcs7.detached", "ETSI.CAdES.detached":
		default:
			return Match{}, fmt.Errorf("the signature's type %s is not one Prava can check", sf[1])
		}
	}
	var r [4]int
	for i := range r {
		r[i], _ = strconv.Atoi(string(br[i+1]))
	}
	n := len(file)
	if r[0] != 0 || r[1] <= len(letter) || r[2] < r[1]+2 || r[2]+r[3] > n || r[3] < 0 {
		return Match{}, errors.New("the signature's byte range does not cover the letter; the file may have been altered")
	}
	contents := bytes.TrimSpace(file[r[1]:r[2]])
	if len(contents) < 2 || contents[0] != '<' || contents[len(contents)-1] != '>' {
		return Match{}, errors.New("the signature value is not where its byte range says; the file may have been altered")
	}
	der, err := hex.DecodeString(string(contents[1 : len(contents)-1]))
	if err != nil {
		return Match{}, errors.New("the signature value cannot be read")
	}
	p7, err := parseCMS(firstDER(der))
	if err != nil {
		return Match{}, fmt.Errorf("the signature value is not a CMS signature (%v)", err)
	}
	signedBytes := append(append([]byte{}, file[:r[1]]...), file[r[2]:r[2]+r[3]]...)
	p7.Content = signedBytes
	if err := verifyCMS(p7); err != nil {
		return Match{}, err
	}
	m := Match{Format: PDF, Signers: signers(p7), SignatureChecked: true}
	if r[2]+r[3] < n {
		m.Unchecked = "The file was changed again after signing (a later update, e.g. validation data); only the signed part was checked. " +
			"The signer's certificate chain and whether the signature is qualified were not checked; the national validator checks that."
	}
	return m, nil
}

// verifyCMS checks the signature value against the certificate inside; a
// digest mismatch means the signature is over other bytes.
func verifyCMS(p7 *pkcs7.PKCS7) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the signature cannot be checked (%v)", r)
		}
	}()
	if err := p7.Verify(); err != nil {
		var mm *pkcs7.MessageDigestMismatchError
		if errors.As(err, &mm) {
			return fmt.Errorf("%w: the signature was made over other bytes", ErrOtherDocument)
		}
		return fmt.Errorf("the signature does not verify against its certificate (%v)", err)
	}
	return nil
}

func signers(p7 *pkcs7.PKCS7) []string {
	if c := p7.GetOnlySigner(); c != nil {
		return []string{c.Subject.String()}
	}
	var out []string
	for _, c := range p7.Certificates {
		out = append(out, c.Subject.String())
	}
	return out
}

// parseCMS refuses anything that is not one DER value before
// digitorus/pkcs7's BER reader sees it (it panics on some truncated
// input), and recovers as the second guard.
func parseCMS(der []byte) (p7 *pkcs7.PKCS7, err error) {
	var v asn1.RawValue
	rest, err := asn1.Unmarshal(der, &v)
	if err != nil {
		return nil, fmt.Errorf("not DER: %v", err)
	}
	if len(rest) > 0 {
		return nil, fmt.Errorf("%d bytes after the signature", len(rest))
	}
	defer func() {
		if r := recover(); r != nil {
			p7, err = nil, fmt.Errorf("malformed CMS structure (%v)", r)
		}
	}()
	return pkcs7.Parse(der)
}

// firstDER cuts the zero padding a PDF's fixed-size /Contents leaves
// after the signature.
func firstDER(b []byte) []byte {
	var v asn1.RawValue
	rest, err := asn1.Unmarshal(b, &v)
	if err != nil {
		return b
	}
	if len(bytes.Trim(rest, "\x00")) == 0 {
		return b[:len(b)-len(rest)]
	}
	return b
}
