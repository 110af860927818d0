// Package tsa gets and checks RFC 3161 trusted timestamps over SHA-256
// hashes: a time-stamping authority signs "this hash existed at this
// time", which is evidence that a sent letter or a received reply has not
// been made up or changed afterwards. Stamp asks a TSA over HTTP; Verify
// checks a stored token against the hash and the TSA's certificates.
// github.com/digitorus/timestamp parses the token but checks its CMS
// signature only against the certificates inside it, so this package adds
// what makes the token worth keeping: the hash and nonce compared, the
// signer's timeStamping key usage, and the chain to pinned TSA roots.
package tsa

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"slices"
	"time"

	"github.com/digitorus/pkcs7"
	"github.com/digitorus/timestamp"
)

// MaxTokenSize bounds what is read from a TSA or a file: a real token with
// its chain is a few KiB.
const MaxTokenSize = 1 << 20

// Token is a verified timestamp: what a TSA vouched for, and the token
// itself (DER TimeStampToken, the ".tst" of ASiC), which is what is kept.
type Token struct {
	DER       []byte    `json:"-"`
	Time      time.Time `json:"time"`   // the TSA's time (genTime), UTC
	Hash      string    `json:"sha256"` // the stamped SHA-256, hex
	Serial    string    `json:"serial"` // the TSA's serial number of the token
	Policy    string    `json:"policy"` // the TSA policy OID
	Authority string    `json:"tsa"`    // the signing certificate's subject
	Qualified bool      `json:"qualified"`
	// Trusted is true when the signer's chain was checked against pinned
	// roots; false means only the signature against the certificate in
	// the token was checked, and whoever relies on it must check that
	// certificate themselves.
	Trusted bool `json:"trusted"`
}

// Client asks one TSA for timestamps.
type Client struct {
	URL   string         // the TSA's HTTP(S) address
	HTTP  *http.Client   // nil means a client with a 30 s timeout
	Roots *x509.CertPool // the TSA's pinned roots; nil means chain unchecked
}

// Stamp asks the TSA to timestamp sum, the SHA-256 of a document, and
// returns the verified token. A TSA that answers with another hash, an old
// nonce, or a signature that does not check out is refused: such a token
// proves nothing, and keeping it would look like proof.
func (c *Client) Stamp(ctx context.Context, sum []byte) (Token, error) {
	if len(sum) != sha256.Size {
		return Token{}, fmt.Errorf("tsa: a SHA-256 hash has %d bytes, not %d", sha256.Size, len(sum))
	}
	nonce, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 64))
	if err != nil {
		return Token{}, fmt.Errorf("tsa: no random nonce: %w", err)
	}
	req, err := (&timestamp.Request{HashAlgorithm: crypto.SHA256, HashedMessage: sum, Certificates: true, Nonce: nonce}).Marshal()
	if err != nil {
		return Token{}, fmt.Errorf("tsa: building the request: %w", err)
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, c.URL, bytes.NewReader(req))
	if err != nil {
		return Token{}, fmt.Errorf("tsa: %q is not a usable TSA address (%v); check the timestamp setting", c.URL, err)
	}
	hreq.Header.Set("Content-Type", "application/timestamp-query")
	hc := c.HTTP
	if hc == nil {
		hc = &http.Client{Timeout: 30 * time.Second}
	}
	resp, err := hc.Do(hreq)
	if err != nil {
		return Token{}, fmt.Errorf("tsa: the TSA at %s could not be reached (%v); try again later or choose another TSA", c.URL, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxTokenSize+1))
	if err != nil {
		return Token{}, fmt.Errorf("tsa: reading the TSA's answer: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		return Token{}, fmt.Errorf("tsa: the TSA at %s answered %s; try again later or choose another TSA", c.URL, resp.Status)
	}
	if len(body) > MaxTokenSize {
		return Token{}, fmt.Errorf("tsa: the TSA's answer is over %d bytes; it is not a timestamp", MaxTokenSize)
	}
	ts, err := timestamp.ParseResponse(body)
	if err != nil {
		return Token{}, fmt.Errorf("tsa: the TSA's answer is not a timestamp (%v); choose another TSA", err)
	}
	if ts.Nonce == nil || ts.Nonce.Cmp(nonce) != 0 {
		return Token{}, errors.New("tsa: the TSA's answer is for another request (nonce differs); it was not kept")
	}
	return Verify(ts.RawToken, sum, c.Roots)
}

// Verify checks token (a DER TimeStampToken) as proof that sum existed:
// the CMS signature, the stamped hash, the signer's timeStamping key
// usage, and, when roots is not nil, the chain to one of roots at the
// token's time. The error says what does not hold.
func Verify(token, sum []byte, roots *x509.CertPool) (Token, error) {
	if len(token) > MaxTokenSize {
		return Token{}, fmt.Errorf("tsa: the token is over %d bytes; it is not a timestamp", MaxTokenSize)
	}
	p7, err := parseCMS(token)
	if err != nil {
		return Token{}, fmt.Errorf("tsa: the token cannot be read (%v); it is damaged or not a timestamp", err)
	}
	if len(p7.Certificates) == 0 {
		return Token{}, errors.New("tsa: the token carries no TSA certificate, so its signature cannot be checked; ask the TSA with certificates on")
	}
	signer := p7.GetOnlySigner()
	if signer == nil {
		return Token{}, errors.New("tsa: the token must have exactly one signer, and its certificate must be inside")
	}
	if !slices.Contains(signer.ExtKeyUsage, x509.ExtKeyUsageTimeStamping) {
		return Token{}, fmt.Errorf("tsa: the certificate %q is not one for timestamps (no timeStamping key usage)", signer.Subject)
	}
	ts, err := parseToken(token)
	if err != nil {
		return Token{}, fmt.Errorf("tsa: the token's signature or content does not check out (%v); it was changed or is not a timestamp", err)
	}
	if ts.HashAlgorithm != crypto.SHA256 {
		return Token{}, fmt.Errorf("tsa: the token stamps a %v hash, not SHA-256", ts.HashAlgorithm)
	}
	if !bytes.Equal(ts.HashedMessage, sum) {
		return Token{}, fmt.Errorf("tsa: the token is for another document (it stamps %x, the file's SHA-256 is %x)", ts.HashedMessage, sum)
	}
	out := Token{
		DER:       token,
		Time:      ts.Time.UTC(),
		Hash:      hex.EncodeToString(sum),
		Policy:    ts.Policy.String(),
		Authority: signer.Subject.String(),
		Qualified: ts.Qualified,
	}
	if ts.SerialNumber != nil {
		out.Serial = ts.SerialNumber.String()
	}
	if roots != nil {
		inter := x509.NewCertPool()
		for _, c := range p7.Certificates {
			inter.AddCert(c)
		}
		opts := x509.VerifyOptions{Roots: roots, Intermediates: inter, CurrentTime: ts.Time,
			KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageTimeStamping}}
		if err := p7.VerifyWithOpts(opts); err != nil {
			return Token{}, fmt.Errorf("tsa: the TSA certificate %q is not one of the trusted TSAs at %s (%v)", signer.Subject, out.Time.Format(time.RFC3339), err)
		}
		out.Trusted = true
	}
	return out, nil
}

// Certificates returns the certificates inside token, signer first, so a
// bundle can carry them for whoever checks it without Prava.
func Certificates(token []byte) ([]*x509.Certificate, error) {
	p7, err := parseCMS(token)
	if err != nil {
		return nil, fmt.Errorf("tsa: the token cannot be read (%v)", err)
	}
	signer := p7.GetOnlySigner()
	out := []*x509.Certificate{}
	if signer != nil {
		out = append(out, signer)
	}
	for _, c := range p7.Certificates {
		if signer == nil || !c.Equal(signer) {
			out = append(out, c)
		}
	}
	return out, nil
}

// parseCMS reads a CMS SignedData. RFC 3161 tokens are DER, so anything
// that is not one DER value is refused before digitorus/pkcs7 sees it: its
// BER converter panics on some truncated input (found by FuzzVerify, the
// two bytes 30 80), and a recover stays as the second guard.
func parseCMS(der []byte) (p7 *pkcs7.PKCS7, err error) {
	if err := oneDER(der); err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			p7, err = nil, fmt.Errorf("malformed CMS structure (%v)", r)
		}
	}()
	return pkcs7.Parse(der)
}

// parseToken is timestamp.Parse behind the same guards as parseCMS.
func parseToken(der []byte) (ts *timestamp.Timestamp, err error) {
	defer func() {
		if r := recover(); r != nil {
			ts, err = nil, fmt.Errorf("malformed token (%v)", r)
		}
	}()
	return timestamp.Parse(der)
}

// oneDER checks that b is exactly one definite-length ASN.1 value.
func oneDER(b []byte) error {
	var v asn1.RawValue
	rest, err := asn1.Unmarshal(b, &v)
	if err != nil {
		return fmt.Errorf("not DER: %v", err)
	}
	if len(rest) > 0 {
		return fmt.Errorf("%d bytes after the token", len(rest))
	}
	return nil
}
