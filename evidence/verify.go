package evidence

import (
	"archive/zip"
	"bytes"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
	"time"

	"prava/evidence/tsa"
)

// Limits on a bundle being verified, which may come from anyone: a zip can
// claim any size and hold a million entries.
const (
	MaxEntries = 4096
	MaxFile    = 64 << 20
	MaxTotal   = 512 << 20
)

// VerifyOptions says what to trust.
type VerifyOptions struct {
	// Roots are the trusted TSA roots. Nil means timestamps are checked
	// against the certificate inside each token only, and the report says
	// that the TSA itself was not checked.
	Roots *x509.CertPool
}

// FileCheck is what was found for one file of the bundle.
type FileCheck struct {
	Name      string
	SHA256    string
	OK        bool       // the file is listed in the manifest with this hash
	Stamped   *time.Time // the time of its own timestamp, when it has one that verifies
	DKIMWords string     // for a reply, the verdict kept at receipt
}

// Report is the outcome of Verify.
type Report struct {
	Request, Company string
	Made             time.Time
	Files            []FileCheck
	BundleStamp      *tsa.Token // the manifest's timestamp, when it verifies
	Problems         []string   // what is wrong, each naming the file
	Notes            []string   // what holds only with a caveat
}

// OK tells whether nothing is wrong with the bundle.
func (r Report) OK() bool { return len(r.Problems) == 0 }

// String is the report for a person, problems first.
func (r Report) String() string {
	var b strings.Builder
	if r.OK() {
		fmt.Fprintf(&b, "The bundle is intact: %d files, each as listed in its manifest.\n", len(r.Files))
	} else {
		fmt.Fprintf(&b, "The bundle does NOT verify: %d problem(s).\n", len(r.Problems))
		for _, p := range r.Problems {
			b.WriteString("  - " + p + "\n")
		}
	}
	if r.Request != "" {
		fmt.Fprintf(&b, "Request %s to %s, written %s UTC.\n", r.Request, r.Company, r.Made.Format("2006-01-02 15:04"))
	}
	if r.BundleStamp != nil {
		fmt.Fprintf(&b, "Bundle timestamped %s UTC by %s.\n", r.BundleStamp.Time.Format("2006-01-02 15:04:05"), r.BundleStamp.Authority)
	}
	for _, f := range r.Files {
		mark := "ok "
		if !f.OK {
			mark = "BAD"
		}
		fmt.Fprintf(&b, "  %s %s", mark, f.Name)
		if f.Stamped != nil {
			fmt.Fprintf(&b, " (timestamped %s UTC)", f.Stamped.Format("2006-01-02 15:04:05"))
		}
		if f.DKIMWords != "" {
			b.WriteString("\n      " + f.DKIMWords)
		}
		b.WriteByte('\n')
	}
	for _, n := range r.Notes {
		b.WriteString("Note: " + n + "\n")
	}
	return b.String()
}

// Verify re-checks a bundle: the container's form, every file's SHA-256
// against the manifest, files added or removed, every timestamp against
// the file it stamps, and the kept DKIM results against their messages.
// The error is for a file that is not a bundle at all; anything else wrong
// is a Problem in the report.
func Verify(ra io.ReaderAt, size int64, opts VerifyOptions) (Report, error) {
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return Report{}, fmt.Errorf("evidence: the file is not a ZIP archive (%v), so it is not an evidence bundle", err)
	}
	if len(zr.File) > MaxEntries {
		return Report{}, fmt.Errorf("evidence: the archive has %d entries, more than a bundle has (%d)", len(zr.File), MaxEntries)
	}
	var rep Report
	bad := func(format string, a ...any) { rep.Problems = append(rep.Problems, fmt.Sprintf(format, a...)) }
	files, order := readEntries(zr, bad)
	if len(zr.File) == 0 || zr.File[0].Name != "mimetype" {
		bad("the first entry is not \"mimetype\", so ASiC readers will not recognise the container")
	} else if zr.File[0].Method != zip.Store || string(files["mimetype"]) != MimeType {
		bad("\"mimetype\" must be stored uncompressed and say %q", MimeType)
	}
	manifest, ok := files[manifestName]
	if !ok {
		bad("%s is missing, so nothing can be checked; this is not a complete evidence bundle", manifestName)
		return rep, nil
	}
	refs, stamped, err := parseManifest(manifest)
	if err != nil {
		bad("%v", err)
		return rep, nil
	}
	flagged := map[string]bool{}
	listed := map[string]bool{}
	for _, ref := range refs {
		if listed[ref.URI] {
			bad("%s lists %s twice", manifestName, ref.URI)
		}
		listed[ref.URI] = true
		data, ok := files[ref.URI]
		fc := FileCheck{Name: ref.URI}
		switch {
		case !ok:
			bad("%s is listed in the manifest but missing from the bundle", ref.URI)
			flagged[ref.URI] = true
		case !bytes.Equal(sum256(data), ref.SHA256):
			bad("%s was changed after the bundle was written: its SHA-256 is %x, the manifest says %x", ref.URI, sum256(data), ref.SHA256)
			flagged[ref.URI] = true
			fc.SHA256 = hex.EncodeToString(sum256(data))
		default:
			fc.OK, fc.SHA256 = true, hex.EncodeToString(ref.SHA256)
		}
		rep.Files = append(rep.Files, fc)
	}
	for _, name := range order {
		if name != "mimetype" && !strings.HasPrefix(name, "META-INF/") && !listed[name] {
			bad("%s is in the bundle but not in its manifest: it was added afterwards", name)
			rep.Files = append(rep.Files, FileCheck{Name: name, SHA256: hex.EncodeToString(sum256(files[name]))})
		}
	}
	token, hasToken := files[timestampName]
	switch {
	case stamped && !hasToken:
		bad("the manifest says the bundle is timestamped, but %s is missing", timestampName)
	case hasToken && !stamped:
		bad("%s is present but the manifest does not refer to it", timestampName)
	case stamped:
		tok, err := tsa.Verify(token, sum256(manifest), opts.Roots)
		if err != nil {
			bad("the bundle's timestamp does not verify: %v", err)
		} else {
			rep.BundleStamp = &tok
		}
	}
	checkIndex(&rep, files, flagged, opts, bad)
	if opts.Roots == nil && hasTokens(files) {
		rep.Notes = append(rep.Notes, "the timestamps' signatures were checked against the certificates inside them, "+
			"not against a trusted TSA root; give the TSA's root certificate to check who issued them")
	}
	return rep, nil
}

// readEntries reads every entry within the limits, reporting unsafe names,
// repeats and damage.
func readEntries(zr *zip.Reader, bad func(string, ...any)) (map[string][]byte, []string) {
	files := map[string][]byte{}
	var order []string
	var total int64
	for _, f := range zr.File {
		name := f.Name
		if strings.HasSuffix(name, "/") {
			continue // a folder entry carries no data
		}
		if name == "" || strings.Contains(name, "\\") || path.IsAbs(name) || path.Clean(name) != name || strings.HasPrefix(name, "../") || name == ".." {
			bad("the entry %q has a name that could write outside a folder when unpacked; do not unpack this file", name)
			continue
		}
		if _, dup := files[name]; dup {
			bad("%s is in the bundle twice; a reader may see either copy", name)
			continue
		}
		if f.UncompressedSize64 > MaxFile || total+int64(f.UncompressedSize64) > MaxTotal {
			bad("%s is too large for a bundle (%d bytes)", name, f.UncompressedSize64)
			continue
		}
		rc, err := f.Open()
		if err != nil {
			bad("%s cannot be read (%v)", name, err)
			continue
		}
		data, err := io.ReadAll(io.LimitReader(rc, MaxFile+1))
		rc.Close()
		if err != nil {
			bad("%s is damaged (%v)", name, err)
			continue
		}
		if len(data) > MaxFile {
			bad("%s is larger than its entry says", name)
			continue
		}
		total += int64(len(data))
		files[name] = data
		order = append(order, name)
	}
	sort.Strings(order)
	return files, order
}

// checkIndex checks evidence.json against the files: each item's hash,
// its timestamp and its kept DKIM result.
func checkIndex(rep *Report, files map[string][]byte, flagged map[string]bool, opts VerifyOptions, bad func(string, ...any)) {
	js, ok := files["evidence.json"]
	if !ok {
		bad("evidence.json is missing; the files' roles and timestamps cannot be read")
		return
	}
	var idx index
	if err := json.Unmarshal(js, &idx); err != nil {
		bad("evidence.json cannot be read (%v)", err)
		return
	}
	if idx.Format != Format {
		bad("evidence.json is in format %q; this Prava reads %q", idx.Format, Format)
		return
	}
	rep.Request, rep.Company, rep.Made = idx.Request, idx.Company, idx.Made
	check := func(i int, name, stampName, wantSHA string) {
		data, ok := files[name]
		if !ok {
			if !flagged[name] {
				bad("%s is described in evidence.json but missing", name)
			}
			return
		}
		if wantSHA != "" && wantSHA != hex.EncodeToString(sum256(data)) && !flagged[name] {
			bad("%s does not have the SHA-256 evidence.json gives for it", name)
		}
		if stampName == "" {
			return
		}
		tok, ok := files[stampName]
		if !ok {
			bad("the timestamp %s of %s is missing", stampName, name)
			return
		}
		t, err := tsa.Verify(tok, sum256(data), opts.Roots)
		if err != nil {
			bad("the timestamp of %s does not verify: %v", name, err)
			return
		}
		setStamp(rep, name, t.Time)
	}
	for i, r := range idx.Items {
		check(i, r.Name, r.Timestamp, r.SHA256)
		if r.DKIMFile == "" {
			continue
		}
		check(i, r.DKIMFile, r.DKIMStamp, "")
		var d DKIMRecord
		if err := json.Unmarshal(files[r.DKIMFile], &d); err != nil {
			bad("the DKIM result %s cannot be read (%v)", r.DKIMFile, err)
			continue
		}
		if data, ok := files[r.Name]; ok && d.Message != hex.EncodeToString(sum256(data)) {
			bad("the DKIM result %s is about another message than %s", r.DKIMFile, r.Name)
			continue
		}
		for j := range rep.Files {
			if rep.Files[j].Name == r.Name {
				rep.Files[j].DKIMWords = d.Words
			}
		}
	}
}

func setStamp(rep *Report, name string, t time.Time) {
	for j := range rep.Files {
		if rep.Files[j].Name == name {
			rep.Files[j].Stamped = &t
		}
	}
}

func hasTokens(files map[string][]byte) bool {
	for name := range files {
		if strings.HasSuffix(name, ".tst") {
			return true
		}
	}
	return false
}

// VerifyBytes is Verify for a bundle in memory.
func VerifyBytes(b []byte, opts VerifyOptions) (Report, error) {
	if len(b) == 0 {
		return Report{}, errors.New("evidence: the file is empty; it is not an evidence bundle")
	}
	return Verify(bytes.NewReader(b), int64(len(b)), opts)
}
