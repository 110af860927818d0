package policy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Source is a policy as read from somewhere, decoded to plain text.
type Source struct {
	Decoded
	Location    string    // the file path or URL it was read from, "-" for standard input
	RetrievedAt time.Time // when it was read
}

// FetchTimeout bounds a whole download, from connecting to the last byte.
const FetchTimeout = 20 * time.Second

// IsURL reports whether location names a web page rather than a file.
func IsURL(location string) bool {
	lower := strings.ToLower(location)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

// Load reads a policy from a file, from an http(s) URL, or from stdin when
// location is "-", and decodes it.
func Load(ctx context.Context, location string, stdin io.Reader) (Source, error) {
	switch {
	case location == "-":
		data, err := readCapped(stdin)
		if err != nil {
			return Source{}, fmt.Errorf("reading standard input: %w", err)
		}
		return decodeSource(data, "", location)
	case IsURL(location):
		return Fetch(ctx, http.DefaultClient, location)
	default:
		return ReadFile(location)
	}
}

// ReadFile reads a policy from a .txt, .html or .htm file.
func ReadFile(path string) (Source, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return Source{}, fmt.Errorf("no file %s: check the path, or give an http(s) URL", path)
		}
		return Source{}, fmt.Errorf("cannot open %s: %w", path, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return Source{}, fmt.Errorf("%s is a folder: give the policy's file inside it", path)
	}
	data, err := readCapped(f)
	if err != nil {
		return Source{}, fmt.Errorf("%s: %w", path, err)
	}
	contentType := ""
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm", ".xhtml":
		contentType = "text/html"
	case ".txt", ".text", ".md":
		contentType = "text/plain"
	}
	src, err := decodeSource(data, contentType, path)
	if err != nil {
		return Source{}, fmt.Errorf("%s: %w", path, err)
	}
	return src, nil
}

// Fetch downloads a policy page. It follows up to ten redirects, stops at
// ctx's deadline (FetchTimeout when ctx has none) or after MaxInputBytes, and
// accepts only text and HTML.
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
	data, err := readCapped(resp.Body)
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

func textMediaType(mt string) bool {
	return strings.HasPrefix(mt, "text/") || mt == "application/xhtml+xml" || mt == "application/xml"
}

func fetchError(rawURL string, err error) error {
	var netErr net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &netErr) && netErr.Timeout()) {
		return fmt.Errorf("%w: %s did not answer in time; try again later, or save the page and open the file", ErrFetch, rawURL)
	}
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("%w: download of %s was cancelled", ErrFetch, rawURL)
	}
	return fmt.Errorf("%w: %s: %v; check the address and the connection", ErrFetch, rawURL, err)
}

// readCapped reads at most MaxInputBytes+1 bytes so that Decode can say the
// input was too large without reading all of it.
func readCapped(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxInputBytes+1))
	if err != nil {
		return nil, err
	}
	return data, nil
}

func decodeSource(data []byte, contentType, location string) (Source, error) {
	d, err := Decode(data, contentType)
	if err != nil {
		return Source{}, err
	}
	return Source{Decoded: d, Location: location, RetrievedAt: time.Now()}, nil
}
