package testpki

import (
	"context"
	"net"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/dns/dnsmessage"
)

// DNS is a real DNS server on a local UDP port that answers TXT
// queries from a map, so the checks go through Go's own resolver and
// wire format, not a function double.
type DNS struct {
	mu      sync.Mutex
	records map[string]string // lower-case name without the trailing dot -> TXT
	queries int

	conn net.PacketConn
}

// ServeDNS starts a DNS server answering TXT queries for records, keyed by
// lower-case name without the trailing dot.
func ServeDNS(t testing.TB, records map[string]string) *DNS {
	t.Helper()
	conn, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &DNS{records: records, conn: conn}
	t.Cleanup(func() { conn.Close() })
	go s.serve()
	return s
}

// Set changes or adds a record, as a zone update would.
func (s *DNS) Set(name, txt string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.records[name] = txt
}

func (s *DNS) serve() {
	buf := make([]byte, 1500)
	for {
		n, addr, err := s.conn.ReadFrom(buf)
		if err != nil {
			return
		}
		var p dnsmessage.Parser
		h, err := p.Start(buf[:n])
		if err != nil {
			continue
		}
		q, err := p.Question()
		if err != nil {
			continue
		}
		name := strings.ToLower(strings.TrimSuffix(q.Name.String(), "."))
		s.mu.Lock()
		s.queries++
		txt, ok := s.records[name]
		s.mu.Unlock()
		rh := dnsmessage.Header{ID: h.ID, Response: true, Authoritative: true, RCode: dnsmessage.RCodeSuccess}
		if !ok {
			rh.RCode = dnsmessage.RCodeNameError
		}
		b := dnsmessage.NewBuilder(nil, rh)
		b.EnableCompression()
		_ = b.StartQuestions()
		_ = b.Question(q)
		_ = b.StartAnswers()
		if ok && q.Type == dnsmessage.TypeTXT {
			// Strings in a TXT record are at most 255 bytes; a 2048-bit
			// RSA key is longer, so it is split as real zones do.
			var parts []string
			for len(txt) > 255 {
				parts = append(parts, txt[:255])
				txt = txt[255:]
			}
			parts = append(parts, txt)
			_ = b.TXTResource(dnsmessage.ResourceHeader{Name: q.Name, Class: dnsmessage.ClassINET, TTL: 60}, dnsmessage.TXTResource{TXT: parts})
		}
		out, err := b.Finish()
		if err != nil {
			continue
		}
		_, _ = s.conn.WriteTo(out, addr)
	}
}

// Queries returns how many queries the server has answered.
func (s *DNS) Queries() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.queries
}

// Resolver returns a Go resolver that sends every query to the stub.
func (s *DNS) Resolver() *net.Resolver {
	addr := s.conn.LocalAddr().String()
	return &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "udp", addr)
	}}
}
