package casework

import (
	"context"
	"time"

	"prava/evidence"
	"prava/evidence/dkimcheck"
	"prava/mail"
)

// dkimTimeout bounds the key lookups of one message: a resolver that does
// not answer must not hold the mail check.
const dkimTimeout = 10 * time.Second

// SetDKIMLookup sets where the DKIM keys of arriving mail are fetched;
// nil (the default) is the system's resolver. Tests serve their own keys.
func (k *Desk) SetDKIMLookup(lookup dkimcheck.LookupTXT) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.dkimLookup = lookup
}

// checkDKIM checks the DKIM signatures of an arriving message and returns
// the record an authority can re-check (evidence.DKIMRecord as JSON): the
// verdict, and the key records as the domain published them today. A
// message that cannot be read as one has no record; a key that cannot be
// fetched is a verdict too ("could not be checked"), kept as such.
func (k *Desk) checkDKIM(ctx context.Context, m mail.Message) []byte {
	k.mu.Lock()
	lookup := k.dkimLookup
	k.mu.Unlock()
	ctx, cancel := context.WithTimeout(ctx, dkimTimeout)
	defer cancel()
	it, err := evidence.Kept(ctx, "reply.eml", m.Raw, m.Date, k.now(), m.MessageID, lookup)
	if err != nil {
		return nil
	}
	return it.DKIM
}
