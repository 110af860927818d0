package policy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// Source is a policy as read from somewhere, decoded to plain text.
type Source struct {
	Decoded
	Location    string    // the file path or URL it was read from, "-" for standard input
	RetrievedAt time.Time // when it was read
}

// IsURL reports whether location names a web page rather than a file.
func IsURL(location string) bool {
	lower := strings.ToLower(location)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

// Load reads a policy from a file, from an http(s) URL, or from stdin when
// location is "-", and decodes it. Cancelling ctx stops the reading.
func Load(ctx context.Context, location string, stdin io.Reader) (Source, error) {
	switch {
	case location == "-":
		data, err := readCapped(ctx, stdin)
		if err != nil {
			return Source{}, fmt.Errorf("reading standard input: %w", err)
		}
		return decodeSource(data, "", location)
	case IsURL(location):
		return Fetch(ctx, nil, location)
	default:
		return ReadFileContext(ctx, location)
	}
}

// ReadFile reads a policy from a .txt, .html or .htm file
// (ReadFileContext without a way to cancel).
func ReadFile(path string) (Source, error) {
	return ReadFileContext(context.Background(), path)
}

// ReadFileContext reads a policy from a .txt, .html or .htm file. Only a
// regular file is read: a pipe, a device or a socket could keep Prava
// waiting for ever or feed it without end, so they are refused at once,
// before opening. Cancelling ctx stops the reading.
func ReadFileContext(ctx context.Context, path string) (Source, error) {
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return Source{}, fmt.Errorf("no file %s: check the path, or give an http(s) URL", path)
		}
		return Source{}, fmt.Errorf("cannot open %s: %w", path, err)
	}
	if err := regularPolicyFile(path, st); err != nil {
		return Source{}, err
	}
	// Non-blocking, so that a file swapped for a pipe after the check
	// cannot hold the open; the check is repeated on what was opened.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return Source{}, fmt.Errorf("cannot open %s: %w", path, err)
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return Source{}, fmt.Errorf("cannot open %s: %w", path, err)
	}
	if err := regularPolicyFile(path, st); err != nil {
		return Source{}, err
	}
	data, err := readCapped(ctx, f)
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

// regularPolicyFile refuses what is not a regular file, or one too large
// to read, naming its real size.
func regularPolicyFile(path string, st fs.FileInfo) error {
	switch {
	case st.IsDir():
		return fmt.Errorf("%s is a folder: give the policy's file inside it", path)
	case !st.Mode().IsRegular():
		return fmt.Errorf("%s is not a regular file (it is a pipe, a device or a socket), and Prava reads policies only from files: save the policy to a .txt or .html file and give that", path)
	case st.Size() > MaxInputBytes:
		return fmt.Errorf("%s: %w: %s, and Prava reads at most %s; save only the policy's own page", path, ErrTooLarge, sizeString(int(st.Size())), sizeString(MaxInputBytes))
	}
	return nil
}

// readCapped reads at most MaxInputBytes+1 bytes so that Decode can say the
// input was too large without reading all of it, and stops when ctx is
// cancelled.
func readCapped(ctx context.Context, r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(ctxReader{ctx, r}, MaxInputBytes+1))
	if err != nil {
		return nil, err
	}
	return data, nil
}

// ctxReader checks ctx before each read: a file or standard input cannot
// be interrupted mid-read, but a long read is a series of short ones.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, fmt.Errorf("reading was cancelled: %w", err)
	}
	return c.r.Read(p)
}

func decodeSource(data []byte, contentType, location string) (Source, error) {
	d, err := Decode(data, contentType)
	if err != nil {
		return Source{}, err
	}
	return Source{Decoded: d, Location: location, RetrievedAt: time.Now()}, nil
}
