package policy

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"
)

// FetchTimeout bounds a whole download, from connecting to the last byte.
const FetchTimeout = 20 * time.Second

// maxRedirects is how many redirects a download follows.
const maxRedirects = 10

// errLocalRedirect is why a redirect to a local or private address stops.
var errLocalRedirect = errors.New("redirect to a local or private network address")

// Fetch downloads a policy page. It follows up to ten redirects, stops at
// ctx's deadline (FetchTimeout when ctx has none), when ctx is cancelled, or
// after MaxInputBytes, and accepts only text and HTML.
//
// A redirect may lead only to an http(s) address, and not to a loopback,
// private or link-local one unless it is the very address the person gave:
// a hostile page must not make Prava fetch from the person's own computer
// or network. client may be nil (or http.DefaultClient) for Prava's own,
// which also checks every address it connects to after a redirect, so that
// a name that resolves differently the second time gains nothing. Another
// client (a test's) gets the redirect checks only.
func Fetch(ctx context.Context, client *http.Client, rawURL string) (Source, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Source{}, fmt.Errorf("%w: %q is not an http(s) address; copy it from the browser's address bar", ErrFetch, rawURL)
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, FetchTimeout)
		defer cancel()
	}
	g := &redirectGuard{first: u, allowed: map[netip.AddrPort]bool{}}
	client = g.client(client)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return Source{}, fmt.Errorf("%w: %v", ErrFetch, err)
	}
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9")
	req.Header.Set("User-Agent", "Prava/1 (privacy-policy reader)")
	resp, err := client.Do(req)
	if err != nil {
		return Source{}, fetchError(rawURL, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Source{}, fmt.Errorf("%w: %s answered %s; check the address in a browser", ErrFetch, rawURL, resp.Status)
	}
	ct := resp.Header.Get("Content-Type")
	mediaType, _ := splitContentType(ct)
	if mediaType != "" && !textMediaType(mediaType) {
		return Source{}, fmt.Errorf("%w: %s is %s, not a web page or text; give the address of the policy page itself", ErrFetch, rawURL, mediaType)
	}
	if resp.ContentLength > MaxInputBytes {
		return Source{}, fmt.Errorf("%s: %w: %s, and Prava reads at most %s; save only the policy's own page", rawURL, ErrTooLarge, sizeString(int(resp.ContentLength)), sizeString(MaxInputBytes))
	}
	data, err := readCapped(ctx, resp.Body)
	if err != nil {
		if ctx.Err() != nil {
			return Source{}, fetchError(rawURL, ctx.Err())
		}
		return Source{}, fmt.Errorf("%w: %s: %v", ErrFetch, rawURL, err)
	}
	src, err := decodeSource(data, ct, rawURL)
	if err != nil {
		return Source{}, fmt.Errorf("%s: %w", rawURL, err)
	}
	return src, nil
}

// redirectGuard holds one download's rules for redirects.
type redirectGuard struct {
	first *url.URL
	mu    sync.Mutex
	// allowed are the addresses the person's own URL connected to: a
	// redirect back to them is no escalation.
	allowed    map[netip.AddrPort]bool
	redirected bool
}

// client returns c with the guard's redirect check, and, for Prava's own
// client, with a transport that checks every address it connects to.
func (g *redirectGuard) client(c *http.Client) *http.Client {
	var out http.Client
	if c == nil || c == http.DefaultClient {
		dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second, Control: g.checkDial}
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.DialContext = dialer.DialContext
		out.Transport = tr
	} else {
		out = *c
	}
	out.CheckRedirect = g.checkRedirect
	return &out
}

// checkRedirect refuses a redirect to another scheme, the eleventh
// redirect, and one to a name that resolves to a non-public address other
// than the one the person gave.
func (g *redirectGuard) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return fmt.Errorf("stopped after %d redirects", maxRedirects)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirected to a %s: address, which Prava does not follow", req.URL.Scheme)
	}
	g.mu.Lock()
	g.redirected = true
	g.mu.Unlock()
	if sameHostPort(g.first, req.URL) {
		return nil
	}
	host := req.URL.Hostname()
	port := portOf(req.URL)
	var addrs []netip.Addr
	if a, err := netip.ParseAddr(host); err == nil {
		addrs = []netip.Addr{a}
	} else {
		ips, err := net.DefaultResolver.LookupNetIP(req.Context(), "ip", host)
		if err != nil {
			return nil // the connection will fail and say why
		}
		addrs = ips
	}
	for _, a := range addrs {
		if err := g.permit(netip.AddrPortFrom(a.Unmap(), port)); err != nil {
			return err
		}
	}
	return nil
}

// checkDial runs before every connection of Prava's own client: before
// the first redirect it notes the person's own addresses; after one, it
// refuses non-public addresses other than those.
func (g *redirectGuard) checkDial(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return nil
	}
	ap = netip.AddrPortFrom(ap.Addr().Unmap(), ap.Port())
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.redirected {
		g.allowed[ap] = true
		return nil
	}
	if !publicAddr(ap.Addr()) && !g.allowed[ap] {
		return fmt.Errorf("%w (%s)", errLocalRedirect, ap.Addr())
	}
	return nil
}

// permit is checkDial's rule for an address a redirect names.
func (g *redirectGuard) permit(ap netip.AddrPort) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if publicAddr(ap.Addr()) || g.allowed[ap] {
		return nil
	}
	return fmt.Errorf("%w (%s)", errLocalRedirect, ap.Addr())
}

// publicAddr reports whether a is an address on the public internet: not
// loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local
// (169.254/16, where cloud metadata lives; fe80::/10), unspecified,
// multicast, or shared address space (100.64/10).
func publicAddr(a netip.Addr) bool {
	a = a.Unmap()
	if a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() ||
		a.IsUnspecified() || a.IsMulticast() || a.IsInterfaceLocalMulticast() || !a.IsValid() {
		return false
	}
	for _, p := range nonPublic() {
		if p.Contains(a) {
			return false
		}
	}
	return true
}

// nonPublic are the ranges publicAddr refuses that netip has no test for:
// "this network", shared address space, IETF protocol assignments,
// benchmarking, reserved, and NAT64. Parsed on the first fetch.
var nonPublic = sync.OnceValue(func() []netip.Prefix {
	return []netip.Prefix{
		netip.MustParsePrefix("0.0.0.0/8"),
		netip.MustParsePrefix("100.64.0.0/10"),
		netip.MustParsePrefix("192.0.0.0/24"),
		netip.MustParsePrefix("198.18.0.0/15"),
		netip.MustParsePrefix("240.0.0.0/4"),
		netip.MustParsePrefix("64:ff9b::/96"), // NAT64: an IPv4 address in disguise
	}
})

func sameHostPort(a, b *url.URL) bool {
	return strings.EqualFold(a.Hostname(), b.Hostname()) && portOf(a) == portOf(b)
}

func portOf(u *url.URL) uint16 {
	if p := u.Port(); p != "" {
		var n uint16
		fmt.Sscan(p, &n)
		return n
	}
	if u.Scheme == "https" {
		return 443
	}
	return 80
}

func textMediaType(mt string) bool {
	return strings.HasPrefix(mt, "text/") || mt == "application/xhtml+xml" || mt == "application/xml"
}

func fetchError(rawURL string, err error) error {
	var netErr net.Error
	switch {
	case errors.Is(err, errLocalRedirect):
		return fmt.Errorf("%w: %s redirects to a local or private network address, which Prava does not follow from a web page; if the policy really is there, give that address itself", ErrFetch, rawURL)
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &netErr) && netErr.Timeout()):
		return fmt.Errorf("%w: %s did not answer in time; try again later, or save the page and open the file", ErrFetch, rawURL)
	case errors.Is(err, context.Canceled):
		return fmt.Errorf("%w: download of %s was cancelled", ErrFetch, rawURL)
	}
	return fmt.Errorf("%w: %s: %v; check the address and the connection", ErrFetch, rawURL, err)
}
