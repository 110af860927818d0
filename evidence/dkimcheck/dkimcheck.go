// Package dkimcheck verifies the DKIM signatures of a reply when it is
// received and keeps, beside each verdict, what it rests on: the key's
// selector and domain, the DNS TXT record that was used, whether the
// signing domain is aligned with the From domain, and the time of the
// check. The verdict has to be taken at receipt and kept: keys are
// rotated, some operators publish old private keys on purpose, and a
// signature with an expiry (x=) fails later even against the stored key
// (go-msgauth checks expiry with its own clock). So this package never
// re-verifies a stored result; it only records one.
package dkimcheck

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/mail"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-msgauth/dkim"
)

// MaxSignatures caps how many signatures of one message are checked: a
// hostile message can carry hundreds, each costing a DNS query.
const MaxSignatures = 8

// lookupTimeout bounds each DNS query, so a dead resolver cannot hang the
// mail check.
const lookupTimeout = 10 * time.Second

// Status is the verdict on one signature.
type Status string

// The verdicts, as RFC 8601 names them.
const (
	// Pass: the signature verifies against the published key.
	Pass Status = "pass"
	// Fail: the signature does not verify (the message was changed, or the
	// key does not match).
	Fail Status = "fail"
	// PermError: the signature or the key record is malformed or missing.
	PermError Status = "permerror"
	// TempError: the key could not be fetched now (DNS timeout); checking
	// again later may help.
	TempError Status = "temperror"
)

// Signature is the kept verdict on one DKIM-Signature header.
type Signature struct {
	Domain     string    `json:"domain"`             // d=, the signing domain
	Selector   string    `json:"selector"`           // s=, which key of the domain
	Identifier string    `json:"identifier"`         // i=, the agent the domain signs for
	HeaderKeys []string  `json:"header_keys"`        // h=, the signed header fields
	Signed     time.Time `json:"signed,omitzero"`    // t=, when the sender signed
	Expires    time.Time `json:"expires,omitzero"`   // x=, when the signature stops being valid
	Status     Status    `json:"status"`             // the verdict
	Reason     string    `json:"reason,omitempty"`   // why it is not a pass, from the verifier
	KeyName    string    `json:"key_name,omitempty"` // the DNS name that was queried
	KeyRecords []string  `json:"key_records"`        // the TXT answer used, as received
	Aligned    bool      `json:"aligned"`            // d= equals or is a parent of the From domain
}

// Result is the kept DKIM check of one received message.
type Result struct {
	Checked    time.Time   `json:"checked"`     // when the check ran (UTC)
	FromDomain string      `json:"from_domain"` // the From address's domain, lower case
	Signatures []Signature `json:"signatures"`  // one per DKIM-Signature, in header order
	Note       string      `json:"note,omitempty"`
}

// LookupTXT answers a DNS TXT query for name. net.Resolver.LookupTXT fits.
type LookupTXT func(ctx context.Context, name string) ([]string, error)

// Check verifies the DKIM signatures of raw, the message's exact bytes as
// received, at time now, asking lookup for the keys (nil means the
// system's resolver). A message without signatures is not an error: its
// Result has no signatures and Verdict says so. An error means raw is not
// a message at all, and nothing was checked.
func Check(ctx context.Context, raw []byte, now time.Time, lookup LookupTXT) (Result, error) {
	if lookup == nil {
		lookup = net.DefaultResolver.LookupTXT
	}
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return Result{}, fmt.Errorf("dkimcheck: the file is not an e-mail message (%v); import the .eml as it was received", err)
	}
	res := Result{Checked: now.UTC(), FromDomain: fromDomain(msg.Header.Get("From"))}
	headers := msg.Header["Dkim-Signature"]
	if len(headers) > MaxSignatures {
		res.Note = fmt.Sprintf("the message has %d signatures; the first %d were checked", len(headers), MaxSignatures)
		headers = headers[:MaxSignatures]
	}
	if len(headers) == 0 {
		res.Signatures = []Signature{}
		return res, nil
	}

	// The recorder keeps every TXT answer by name, so each verdict can be
	// stored with the exact key record it was made against.
	var mu sync.Mutex
	answers := map[string][]string{}
	record := func(name string) ([]string, error) {
		qctx, cancel := context.WithTimeout(ctx, lookupTimeout)
		defer cancel()
		txt, err := lookup(qctx, name)
		mu.Lock()
		answers[strings.ToLower(name)] = append([]string{}, txt...)
		mu.Unlock()
		return txt, err
	}
	verifs, err := dkim.VerifyWithOptions(bytes.NewReader(raw), &dkim.VerifyOptions{LookupTXT: record, MaxVerifications: MaxSignatures})
	if err != nil && !errors.Is(err, dkim.ErrTooManySignatures) {
		return Result{}, fmt.Errorf("dkimcheck: the message could not be read for checking (%v); import the .eml as it was received", err)
	}
	// go-msgauth returns the verifications in header order, which is the
	// order net/mail keeps for repeated fields.
	for i, v := range verifs {
		tags := parseTags(headers[min(i, len(headers)-1)])
		s := Signature{
			Domain:     strings.ToLower(v.Domain),
			Selector:   tags["s"],
			Identifier: v.Identifier,
			HeaderKeys: v.HeaderKeys,
			Signed:     v.Time.UTC(),
			Expires:    v.Expiration.UTC(),
			KeyRecords: []string{},
		}
		if v.Time.IsZero() {
			s.Signed = time.Time{}
		}
		if v.Expiration.IsZero() {
			s.Expires = time.Time{}
		}
		if s.Domain == "" {
			s.Domain = strings.ToLower(tags["d"])
		}
		if s.Selector != "" && s.Domain != "" {
			s.KeyName = s.Selector + "._domainkey." + s.Domain
			if txt, ok := answers[strings.ToLower(s.KeyName)]; ok {
				s.KeyRecords = txt
			}
		}
		s.Status, s.Reason = status(v.Err)
		s.Aligned = aligned(s.Domain, res.FromDomain)
		res.Signatures = append(res.Signatures, s)
	}
	return res, nil
}

// status maps go-msgauth's error kinds to the RFC 8601 verdicts.
func status(err error) (Status, string) {
	switch {
	case err == nil:
		return Pass, ""
	case dkim.IsTempFail(err):
		return TempError, err.Error()
	case dkim.IsPermFail(err):
		return PermError, err.Error()
	default:
		return Fail, err.Error()
	}
}

// fromDomain returns the lower-case domain of the first From address, or
// "" when From cannot be read (a verdict then cannot be aligned).
func fromDomain(from string) string {
	addrs, err := mail.ParseAddressList(from)
	if err != nil || len(addrs) == 0 {
		return ""
	}
	at := strings.LastIndexByte(addrs[0].Address, '@')
	if at < 0 {
		return ""
	}
	return strings.ToLower(strings.TrimSuffix(addrs[0].Address[at+1:], "."))
}

// aligned tells whether signing domain d is the From domain or one of its
// parents (DMARC's relaxed alignment). A parent that is a bare public
// suffix ("lv", "co.uk") would align everything, so d must have a dot and
// at least two labels; without the public-suffix list this is the safe
// approximation, and it errs towards "not aligned".
func aligned(d, from string) bool {
	if d == "" || from == "" || !strings.Contains(d, ".") {
		return false
	}
	return from == d || strings.HasSuffix(from, "."+d)
}

// parseTags splits a DKIM tag list ("v=1; a=rsa-sha256; d=x") into a map,
// with folding white space removed from the values.
func parseTags(v string) map[string]string {
	tags := map[string]string{}
	for part := range strings.SplitSeq(v, ";") {
		k, val, ok := strings.Cut(part, "=")
		if !ok {
			continue
		}
		tags[strings.TrimSpace(k)] = strings.Join(strings.Fields(val), "")
	}
	return tags
}
