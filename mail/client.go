package mail

import (
	"github.com/emersion/go-imap/v2/imapclient"

	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"strconv"
	"sync/atomic"
	"time"
)

// Defaults for a Client's zero fields.
const (
	DefaultTimeout = 60 * time.Second
	// DefaultMaxFetchBytes caps one incoming message: a reply with scans of
	// the person's data can be large, a 200 MB "reply" is an attack.
	DefaultMaxFetchBytes = 25 << 20
	// DefaultMaxSessionBytes caps everything read from the IMAP server in
	// one Check, so a hostile or broken server cannot fill the memory.
	DefaultMaxSessionBytes = 256 << 20
)

// Client talks to the mail servers of one Account.
type Client struct {
	Account Account
	// RootCAs verifies the servers' certificates; nil means the system's.
	// Verification is never turned off.
	RootCAs *x509.CertPool
	// Timeout bounds each connection's whole use; zero is DefaultTimeout.
	// A context's earlier deadline wins.
	Timeout time.Duration
	// MaxFetchBytes and MaxSessionBytes bound what Check reads; zero means
	// the defaults.
	MaxFetchBytes   int64
	MaxSessionBytes int64
	// Now is the clock; nil means time.Now. Tests set it.
	Now func() time.Time
	// unilateral hears what the server says unasked (Watch's new mail).
	unilateral *imapclient.UnilateralDataHandler
}

func (c *Client) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

func (c *Client) timeout() time.Duration {
	if c.Timeout > 0 {
		return c.Timeout
	}
	return DefaultTimeout
}

func (c *Client) maxFetch() int64 {
	if c.MaxFetchBytes > 0 {
		return c.MaxFetchBytes
	}
	return DefaultMaxFetchBytes
}

func (c *Client) tlsConfig(host string) *tls.Config {
	return &tls.Config{ServerName: host, RootCAs: c.RootCAs, MinVersion: tls.VersionTLS12}
}

// conn is a TCP connection with a deadline from the context, closed when
// the context ends (go-imap and go-smtp take no contexts), and a budget of
// bytes it may read.
type conn struct {
	net.Conn
	budget atomic.Int64
	stop   func() bool
}

var errBudget = errors.New("the server sent more data than Prava reads in one go")

func (c *conn) Read(b []byte) (int, error) {
	left := c.budget.Load()
	if left <= 0 {
		return 0, errBudget
	}
	if int64(len(b)) > left {
		b = b[:left]
	}
	n, err := c.Conn.Read(b)
	c.budget.Add(-int64(n))
	return n, err
}

func (c *conn) Close() error {
	c.stop()
	return c.Conn.Close()
}

// dial resolves and connects, with every failure put in its stage. The
// context must carry the deadline (the callers add Timeout); the connection
// keeps that deadline and is closed when the context ends. With SecurityTLS
// the TLS handshake is done here too.
func (c *Client) dial(ctx context.Context, label string, s Server, budget int64) (net.Conn, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	deadline, ok := ctx.Deadline()
	if !ok {
		deadline = time.Now().Add(c.timeout())
	}
	addrs := []string{s.Host}
	if net.ParseIP(s.Host) == nil {
		var err error
		addrs, err = net.DefaultResolver.LookupHost(ctx, s.Host)
		if err != nil {
			return nil, classify(label, err, StageDNS)
		}
	}
	var d net.Dialer
	var raw net.Conn
	var err error
	for _, a := range addrs {
		raw, err = d.DialContext(ctx, "tcp", net.JoinHostPort(a, strconv.Itoa(s.Port)))
		if err == nil {
			break
		}
	}
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, &Error{Stage: StageTimeout, Server: label, Err: err}
		}
		return nil, classify(label, err, StageConnect)
	}
	_ = raw.SetDeadline(deadline)
	cn := &conn{Conn: raw}
	cn.budget.Store(budget)
	cn.stop = context.AfterFunc(ctx, func() { raw.Close() })
	if s.Security != SecurityTLS {
		return cn, nil
	}
	tc := tls.Client(cn, c.tlsConfig(s.Host))
	if err := tc.HandshakeContext(ctx); err != nil {
		cn.Close()
		return nil, classify(label, err, StageTLS)
	}
	return tc, nil
}

// tlsFacts describes an encrypted connection for the proof of sending.
func tlsFacts(st tls.ConnectionState) (version, cipher, certSHA string) {
	version = tls.VersionName(st.Version)
	cipher = tls.CipherSuiteName(st.CipherSuite)
	if len(st.PeerCertificates) > 0 {
		certSHA = sha256Hex(st.PeerCertificates[0].Raw)
	}
	return
}
