package evidence

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"
	"time"

	"prava/evidence/tsa"
)

// Format names the layout of evidence.json; a reader refuses others.
const Format = "prava-evidence/1"

// Case is everything exported for one request.
type Case struct {
	Request string    // the request's ID in Prava
	Company string    // the company the request went to
	Title   string    // what the request was, e.g. "Access request (GDPR Art. 15)"
	Made    time.Time // when the bundle is written; also every zip entry's time
	Items   []Item
	// Events is the timeline; when empty, one is made from the items.
	Events []Event
}

// Event is one line of the timeline.
type Event struct {
	At   time.Time `json:"at"`
	What string    `json:"what"`
	Item string    `json:"item,omitempty"` // the bundle file it refers to
}

// WriteOptions says how to write a bundle.
type WriteOptions struct {
	// Stamp, when set, timestamps the manifest, so that the whole bundle
	// is proven to have existed at export time.
	Stamp Stamper
}

// record is an item as evidence.json describes it.
type record struct {
	Item
	SHA256         string     `json:"sha256"`
	Size           int        `json:"size"`
	Timestamp      string     `json:"timestamp,omitempty"`
	TimestampTime  *time.Time `json:"timestamp_time,omitempty"`
	DKIMFile       string     `json:"dkim,omitempty"`
	DKIMVerdict    string     `json:"dkim_verdict,omitempty"`
	DKIMWords      string     `json:"dkim_words,omitempty"`
	DKIMStamp      string     `json:"dkim_timestamp,omitempty"`
	DKIMStampTime  *time.Time `json:"dkim_timestamp_time,omitempty"`
	TimestampIssue string     `json:"timestamp_issue,omitempty"`
}

// index is evidence.json.
type index struct {
	Format   string    `json:"format"`
	Request  string    `json:"request"`
	Company  string    `json:"company"`
	Title    string    `json:"title,omitempty"`
	Made     time.Time `json:"made"`
	Items    []record  `json:"items"`
	Timeline []Event   `json:"timeline"`
	Stamped  bool      `json:"bundle_timestamp"`
}

var nameRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$`)

// reserved are the names the bundle writes itself.
var reserved = map[string]bool{"mimetype": true, "README.txt": true, "evidence.json": true, "timeline.txt": true}

// checkName refuses a name that could escape a folder when unpacked, clash
// with the bundle's own files, or read differently on another system.
func checkName(name string) error {
	switch {
	case !nameRe.MatchString(name) || path.Clean(name) != name || strings.Contains(name, ".."):
		return fmt.Errorf("evidence: %q is not a usable file name in a bundle; use letters, digits, '.', '-', '_' and '/'", name)
	case reserved[name] || strings.HasPrefix(name, "META-INF/") || strings.HasPrefix(name, "timestamps/") || strings.HasPrefix(name, "certs/"):
		return fmt.Errorf("evidence: %q is a name the bundle uses itself; choose another", name)
	case strings.HasSuffix(name, ".dkim.json"):
		return fmt.Errorf("evidence: %q ends like a kept DKIM result; choose another name", name)
	}
	return nil
}

// Write writes c as an ASiC-E evidence bundle to w. It refuses, before
// writing anything, a case without items, a bad or repeated name, and a
// kept timestamp that does not match its item (the vault would then be
// damaged, and the bundle must not hide it).
func Write(ctx context.Context, w io.Writer, c Case, opts WriteOptions) error {
	if len(c.Items) == 0 {
		return errors.New("evidence: the request has nothing to export yet; record the letter or a message first")
	}
	if c.Made.IsZero() {
		c.Made = time.Now()
	}
	c.Made = c.Made.UTC().Truncate(time.Second)
	files := []file{}
	seen := map[string]bool{}
	add := func(name string, data []byte) {
		files = append(files, file{name, data})
		seen[name] = true
	}
	idx := index{Format: Format, Request: c.Request, Company: c.Company, Title: c.Title, Made: c.Made, Timeline: c.Events, Stamped: opts.Stamp != nil}
	certs := map[string][]byte{}
	for _, it := range c.Items {
		if err := checkName(it.Name); err != nil {
			return err
		}
		if seen[it.Name] {
			return fmt.Errorf("evidence: two items are named %q; give each its own name", it.Name)
		}
		rec := record{Item: it, SHA256: it.SHA256(), Size: len(it.Data)}
		rec.Time = it.Time.UTC()
		add(it.Name, it.Data)
		if len(it.Token) > 0 {
			sum := sha256.Sum256(it.Data)
			tok, err := tsa.Verify(it.Token, sum[:], nil)
			if err != nil {
				return fmt.Errorf("evidence: the kept timestamp of %s does not match it (%v); the vault may be damaged", it.Name, err)
			}
			rec.Timestamp = "timestamps/" + it.Name + ".tst"
			rec.TimestampTime = &tok.Time
			add(rec.Timestamp, it.Token)
			keepCerts(certs, it.Token)
		}
		if len(it.DKIM) > 0 {
			d, ok := it.DKIMResult()
			if !ok || d.Message != rec.SHA256 {
				return fmt.Errorf("evidence: the kept DKIM result of %s is not about this message; the vault may be damaged", it.Name)
			}
			rec.DKIMFile, rec.DKIMVerdict, rec.DKIMWords = it.Name+".dkim.json", d.Verdict, d.Words
			add(rec.DKIMFile, it.DKIM)
			if len(it.DKIMToken) > 0 {
				sum := sha256.Sum256(it.DKIM)
				tok, err := tsa.Verify(it.DKIMToken, sum[:], nil)
				if err != nil {
					return fmt.Errorf("evidence: the kept timestamp of the DKIM result of %s does not match it (%v)", it.Name, err)
				}
				rec.DKIMStamp, rec.DKIMStampTime = "timestamps/"+rec.DKIMFile+".tst", &tok.Time
				add(rec.DKIMStamp, it.DKIMToken)
				keepCerts(certs, it.DKIMToken)
			}
		}
		idx.Items = append(idx.Items, rec)
	}
	if len(idx.Timeline) == 0 {
		idx.Timeline = timelineOf(c.Items)
	}
	for _, name := range sortedKeys(certs) {
		add(name, certs[name])
	}
	js, err := json.MarshalIndent(idx, "", "  ")
	if err != nil {
		return fmt.Errorf("evidence: writing evidence.json: %w", err)
	}
	add("evidence.json", js)
	add("timeline.txt", timelineText(idx))
	add("README.txt", readme(idx, sortedKeys(certs)))

	refs := make([]reference, len(files))
	for i, f := range files {
		refs[i] = reference{URI: f.name, Mime: mimeOf(f.name), SHA256: sum256(f.data)}
	}
	var token []byte
	if opts.Stamp != nil {
		manifest := marshalManifest(refs, true)
		tok, err := opts.Stamp(ctx, sum256(manifest))
		if err != nil {
			return fmt.Errorf("evidence: the bundle could not be timestamped (%w); try again, or export without a timestamp", err)
		}
		token = tok.DER
	}
	return writeZip(w, c.Made, files, marshalManifest(refs, token != nil), token)
}

type file struct {
	name string
	data []byte
}

func sum256(b []byte) []byte {
	s := sha256.Sum256(b)
	return s[:]
}

// keepCerts adds a token's certificates as PEM files named by their hash,
// so the bundle carries what an openssl check needs.
func keepCerts(certs map[string][]byte, token []byte) {
	list, err := tsa.Certificates(token)
	if err != nil {
		return
	}
	for _, c := range list {
		name := fmt.Sprintf("certs/tsa-%x.pem", sum256(c.Raw)[:6])
		certs[name] = pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})
	}
}

// writeZip writes the container: "mimetype" first and stored, as ASiC
// readers sniff it at a fixed offset, then the files, then META-INF.
func writeZip(w io.Writer, at time.Time, files []file, manifest, token []byte) error {
	zw := zip.NewWriter(w)
	put := func(name string, data []byte, method uint16) error {
		h := &zip.FileHeader{Name: name, Method: method, Modified: at}
		if name == "mimetype" {
			// No time, so no extra field: ASiC readers expect the type at
			// byte 38 of the file, right after the 8-byte name.
			h.Modified = time.Time{}
		}
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		_, err = fw.Write(data)
		return err
	}
	if err := put("mimetype", []byte(MimeType), zip.Store); err != nil {
		return fmt.Errorf("evidence: writing the bundle: %w", err)
	}
	for _, f := range files {
		if err := put(f.name, f.data, zip.Deflate); err != nil {
			return fmt.Errorf("evidence: writing %s: %w", f.name, err)
		}
	}
	if err := put(manifestName, manifest, zip.Deflate); err != nil {
		return fmt.Errorf("evidence: writing the manifest: %w", err)
	}
	if token != nil {
		if err := put(timestampName, token, zip.Store); err != nil {
			return fmt.Errorf("evidence: writing the bundle timestamp: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("evidence: writing the bundle: %w", err)
	}
	return nil
}
