package casework

import (
	"context"
	"crypto/sha256"
	"crypto/x509"
	"net/url"
	"time"

	"prava/evidence/tsa"
)

// DefaultTSA is the time-stamping authority used when timestamps are on
// and the person named none: FreeTSA, free and without an account.
const DefaultTSA = "https://freetsa.org/tsr"

// stampTimeout bounds one timestamp: a TSA that does not answer must not
// hold up a sending that has already happened.
const stampTimeout = 20 * time.Second

// EntryStampFailed is the timeline's word for a timestamp not made.
const EntryStampFailed Entry = "timestamp not made"

// SetTSARoots pins the roots a time-stamping authority's certificate must
// chain to; nil (the default) keeps tokens whose chain is not checked,
// which the evidence PDF says.
func (k *Desk) SetTSARoots(roots *x509.CertPool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.tsaRoots = roots
}

// stamp asks the configured time-stamping authority for an RFC 3161
// token over the SHA-256 of data, when the person turned timestamps on;
// nil and no error when they are off. A failure is returned for the
// timeline: what was stamped stays kept without its token.
func (k *Desk) stamp(ctx context.Context, data []byte) ([]byte, error) {
	s := k.Data().Settings
	if !s.Timestamps || len(data) == 0 {
		return nil, nil
	}
	k.mu.Lock()
	roots := k.tsaRoots
	k.mu.Unlock()
	ctx, cancel := context.WithTimeout(ctx, stampTimeout)
	defer cancel()
	sum := sha256.Sum256(data)
	tok, err := (&tsa.Client{URL: tsaURL(s.TSA), Roots: roots}).Stamp(ctx, sum[:])
	if err != nil {
		return nil, err
	}
	return tok.DER, nil
}

// tsaURL is the authority asked: the person's, else the default.
func tsaURL(set string) string {
	if set == "" {
		return DefaultTSA
	}
	return set
}

// checkTSA refuses an authority that is not an http(s) address.
func checkTSA(raw string) error {
	if raw == "" {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return problem("tsa", "invalid", "%q is not a time-stamping authority's address: give one like %s", raw, DefaultTSA)
	}
	return nil
}
