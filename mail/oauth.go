package mail

import (
	"errors"

	"github.com/emersion/go-sasl"
)

// XOAuth2 is the SASL mechanism Microsoft's IMAP and SMTP servers take for
// OAuth access tokens (Google takes it too). go-sasl does not have it: its
// maintainer prefers OAUTHBEARER, which Microsoft does not offer.
const XOAuth2 = "XOAUTH2"

type xoauth2Client struct{ user, token string }

// NewXOAuth2Client logs user in with an OAuth access token. Getting the
// token (authorization code with PKCE, loopback redirect) is the caller's.
func NewXOAuth2Client(user, token string) sasl.Client { return &xoauth2Client{user, token} }

func (c *xoauth2Client) Start() (string, []byte, error) {
	return XOAuth2, []byte("user=" + c.user + "\x01auth=Bearer " + c.token + "\x01\x01"), nil
}

// Next answers the server's one challenge, a JSON error report, with an
// empty line so the server ends the exchange with its final error.
func (c *xoauth2Client) Next(challenge []byte) ([]byte, error) {
	if len(challenge) == 0 {
		return nil, errors.New("xoauth2: unexpected empty challenge")
	}
	return []byte{}, nil
}
