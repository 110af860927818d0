package evidence

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"prava/evidence/dkimcheck"
	"prava/evidence/tsa"
)

// Role says what a file of the bundle is.
type Role string

// The roles, in the order an authority reads them.
const (
	RoleLetter  Role = "letter"  // a letter as written (PDF), before signing
	RoleSigned  Role = "signed"  // the same letter signed outside Prava
	RoleSent    Role = "sent"    // a message as handed to the mail server (.eml)
	RoleReceipt Role = "receipt" // a scan or photo of a post receipt
	RoleReply   Role = "reply"   // a message received from the company (.eml)
	RoleOther   Role = "other"   // anything else the person attaches
)

// Stamper timestamps a SHA-256; (*tsa.Client).Stamp is one.
type Stamper func(ctx context.Context, sum []byte) (tsa.Token, error)

// Item is one kept document with the facts about it. Data is exact: the
// bytes handed to the server or received from it, never re-composed.
type Item struct {
	Name        string    `json:"name"`                   // its path in the bundle, e.g. "replies/2026-12-03-reply.eml"
	Role        Role      `json:"role"`                   // what it is
	Data        []byte    `json:"-"`                      // its exact bytes
	Time        time.Time `json:"time"`                   // when it was sent, received or posted (UTC)
	Channel     string    `json:"channel,omitempty"`      // "email", "post", "webform", "in person"
	MessageID   string    `json:"message_id,omitempty"`   // the Message-ID of a sent or received message
	ServerReply string    `json:"server_reply,omitempty"` // the SMTP server's final answer ("250 2.0.0 Ok: queued as …")
	Registered  string    `json:"registered,omitempty"`   // the registered-mail number of a letter sent by post
	Note        string    `json:"note,omitempty"`         // free text the person added
	// Token is an RFC 3161 token over SHA-256(Data), made when the item
	// was recorded.
	Token []byte `json:"-"`
	// DKIM is, for a reply, the DKIMRecord as JSON exactly as kept at
	// receipt; DKIMToken timestamps those bytes, so the verdict is proven
	// to have been taken then.
	DKIM      []byte `json:"-"`
	DKIMToken []byte `json:"-"`
}

// SHA256 returns the hex SHA-256 of the item's bytes.
func (it Item) SHA256() string {
	s := sha256.Sum256(it.Data)
	return hex.EncodeToString(s[:])
}

// DKIMRecord is the DKIM check of a reply as kept at receipt, tied to the
// message by its hash.
type DKIMRecord struct {
	Message string           `json:"message_sha256"` // SHA-256 of the message's exact bytes
	Result  dkimcheck.Result `json:"result"`
	Verdict string           `json:"verdict"` // Result.Verdict(), kept so a reader needs no code
	Words   string           `json:"words"`   // Result.Words()
}

// Sent records a message handed to the mail server: raw is exactly what
// went to DATA, reply the server's final answer. With stamp set the hash
// is timestamped now; a TSA failure is returned with the item still
// usable, so the caller can keep the item and say that the timestamp is
// missing.
func Sent(ctx context.Context, name string, raw []byte, at time.Time, messageID, reply string, stamp Stamper) (Item, error) {
	it := Item{Name: name, Role: RoleSent, Data: raw, Time: at.UTC(), Channel: "email", MessageID: messageID, ServerReply: reply}
	return it, it.stamp(ctx, stamp)
}

// Received records a reply as received: it verifies its DKIM signatures
// now (lookup nil means the system's resolver), keeps the verdict with
// the key records, and timestamps both the message and the verdict when
// stamp is set. An error from the TSA leaves a usable item, as in Sent; an
// error reading the message returns no item.
func Received(ctx context.Context, name string, raw []byte, at time.Time, messageID string, lookup dkimcheck.LookupTXT, stamp Stamper) (Item, error) {
	it, err := Kept(ctx, name, raw, at, at, messageID, lookup)
	if err != nil {
		return Item{}, err
	}
	if err := it.stamp(ctx, stamp); err != nil {
		return it, err
	}
	if stamp != nil {
		sum := sha256.Sum256(it.DKIM)
		tok, err := stamp(ctx, sum[:])
		if err != nil {
			return it, fmt.Errorf("evidence: the DKIM result was kept but not timestamped: %w", err)
		}
		it.DKIMToken = tok.DER
	}
	return it, nil
}

// Kept records a reply received at received and kept since, checking
// its DKIM signatures at now: for a message kept without a check at
// receipt, the verdict then rests on the keys published at now, and its
// Checked time says so.
func Kept(ctx context.Context, name string, raw []byte, received, now time.Time, messageID string, lookup dkimcheck.LookupTXT) (Item, error) {
	res, err := dkimcheck.Check(ctx, raw, now, lookup)
	if err != nil {
		return Item{}, err
	}
	it := Item{Name: name, Role: RoleReply, Data: raw, Time: received.UTC(), Channel: "email", MessageID: messageID}
	rec := DKIMRecord{Message: it.SHA256(), Result: res, Verdict: string(res.Verdict()), Words: res.Words()}
	if it.DKIM, err = json.MarshalIndent(rec, "", "  "); err != nil {
		return Item{}, fmt.Errorf("evidence: keeping the DKIM result: %w", err)
	}
	return it, nil
}

// Posted records a letter sent by registered post, with the scan or photo
// of the receipt as its data.
func Posted(ctx context.Context, name string, receipt []byte, at time.Time, number string, stamp Stamper) (Item, error) {
	it := Item{Name: name, Role: RoleReceipt, Data: receipt, Time: at.UTC(), Channel: "post", Registered: number}
	return it, it.stamp(ctx, stamp)
}

func (it *Item) stamp(ctx context.Context, stamp Stamper) error {
	if stamp == nil {
		return nil
	}
	sum := sha256.Sum256(it.Data)
	tok, err := stamp(ctx, sum[:])
	if err != nil {
		return fmt.Errorf("evidence: %s was kept but not timestamped: %w", it.Name, err)
	}
	it.Token = tok.DER
	return nil
}

// DKIMResult decodes the item's kept DKIM record; ok is false for items
// without one.
func (it Item) DKIMResult() (DKIMRecord, bool) {
	var rec DKIMRecord
	if len(it.DKIM) == 0 || json.Unmarshal(it.DKIM, &rec) != nil {
		return DKIMRecord{}, false
	}
	return rec, true
}
