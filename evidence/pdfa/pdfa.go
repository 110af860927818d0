// Package pdfa turns a PDF written by gofpdf into PDF/A: PDF/A-2b for a
// letter a person signs with a national e-signature service, PDF/A-3b for
// the evidence PDF, which carries the original messages inside it.
//
// It rewrites the file once rather than appending an update, so the
// binary comment can follow the header, the catalog and Info appear once,
// and the trailer carries a file ID. What it adds is the XMP metadata
// (equal to the Info dictionary, dates with their offset), an sRGB output
// intent (srgb.icc, Zlib-licensed: LICENSE-sRGB.txt) and, for part 3, the
// attached files with their relationship. It refuses a PDF it would have
// to fix in ways it cannot: encrypted, with a font that is not embedded,
// with JavaScript or with attachments of its own.
package pdfa

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

//go:embed srgb.icc
var srgb []byte

// srgbDeflated is srgb compressed, once per process: a zlib writer costs
// more than the rest of a letter's conversion.
var srgbDeflated = sync.OnceValue(func() []byte { return deflate(srgb) })

// Relationship says how an attached file relates to the document
// (ISO 19005-3 §6.8, the /AFRelationship values).
type Relationship string

// The relationships a file may have.
const (
	Source      Relationship = "Source"      // the original the document was made from
	Data        Relationship = "Data"        // data the document shows
	Alternative Relationship = "Alternative" // the same content in another form
	Supplement  Relationship = "Supplement"  // something that goes with it
)

// File is a file attached inside a PDF/A-3 document.
type File struct {
	Name     string // its file name, e.g. "request.eml"
	Desc     string // a line about it, shown by readers
	MIME     string // its media type, e.g. "message/rfc822"
	Data     []byte
	Modified time.Time
	Rel      Relationship
}

// Options says what Convert makes.
type Options struct {
	Part int // 2 (PDF/A-2b) or 3 (PDF/A-3b)
	// Zone is the time zone of Info dates written without an offset
	// (gofpdf writes none): the zone of the time given to the writer.
	// Nil means UTC.
	Zone  *time.Location
	Files []File // part 3 only
}

// Convert returns pdf as PDF/A-2b or PDF/A-3b. pdf must be in the form
// gofpdf writes: one revision and a classic cross-reference table.
func Convert(pdf []byte, o Options) ([]byte, error) {
	if o.Part != 2 && o.Part != 3 {
		return nil, fmt.Errorf("pdfa: part %d: only PDF/A-2 and PDF/A-3 are written", o.Part)
	}
	if o.Part == 2 && len(o.Files) > 0 {
		return nil, fmt.Errorf("pdfa: PDF/A-2 may carry only PDF/A files; attach files in PDF/A-3")
	}
	for _, f := range o.Files {
		if f.Name == "" || f.MIME == "" || f.Rel == "" {
			return nil, fmt.Errorf("pdfa: an attached file needs a name, a media type and a relationship (%q)", f.Name)
		}
	}
	if o.Zone == nil {
		o.Zone = time.UTC
	}
	p, err := parse(pdf)
	if err != nil {
		return nil, err
	}
	if err := p.checkFonts(); err != nil {
		return nil, err
	}
	catalog, err := p.dict(p.root)
	if err != nil {
		return nil, err
	}
	if names := lookup(catalog, "Names"); names != nil {
		return nil, fmt.Errorf("pdfa: the PDF has a name dictionary (JavaScript or attachments of its own): %.60s", names)
	}
	meta, err := p.meta(o.Zone)
	if err != nil {
		return nil, err
	}
	return p.write(catalog, meta, o), nil
}

// checkFonts refuses a font whose program is not in the file.
func (p *parsed) checkFonts() error {
	for n, es := range p.objectDicts() {
		typ := string(lookup(es, "Type"))
		sub := string(lookup(es, "Subtype"))
		switch {
		case typ == "/FontDescriptor":
			if lookup(es, "FontFile") == nil && lookup(es, "FontFile2") == nil && lookup(es, "FontFile3") == nil {
				return fmt.Errorf("pdfa: font %s (object %d) is not embedded, which PDF/A forbids", lookup(es, "FontName"), n)
			}
		case typ == "/Font" && sub != "/Type0" && sub != "/Type3" && lookup(es, "FontDescriptor") == nil:
			return fmt.Errorf("pdfa: font %s (object %d) is not embedded, which PDF/A forbids", lookup(es, "BaseFont"), n)
		}
	}
	return nil
}

// meta reads the Info dictionary.
func (p *parsed) meta(zone *time.Location) (Meta, error) {
	var m Meta
	if p.info == 0 {
		now := time.Now().In(zone).Truncate(time.Second)
		return Meta{Created: now, Modified: now}, nil
	}
	es, err := p.dict(p.info)
	if err != nil {
		return m, err
	}
	for _, f := range []struct {
		key string
		to  *string
	}{{"Title", &m.Title}, {"Author", &m.Author}, {"Subject", &m.Subject}, {"Keywords", &m.Keywords},
		{"Creator", &m.Creator}, {"Producer", &m.Producer}} {
		if raw := lookup(es, f.key); raw != nil {
			if *f.to, err = textOf(raw); err != nil {
				return m, fmt.Errorf("pdfa: Info /%s: %v", f.key, err)
			}
		}
	}
	for _, f := range []struct {
		key string
		to  *time.Time
	}{{"CreationDate", &m.Created}, {"ModDate", &m.Modified}} {
		raw := lookup(es, f.key)
		if raw == nil {
			*f.to = time.Now().In(zone).Truncate(time.Second)
			continue
		}
		s, err := textOf(raw)
		if err == nil {
			*f.to, err = parseInfoDate(s, zone)
		}
		if err != nil {
			return m, err
		}
	}
	return m, nil
}

// writer lays out the new file and remembers each object's offset.
type writer struct {
	bytes.Buffer
	offsets map[int]int
	next    int
}

func (w *writer) object(n int, body string, stream []byte) {
	w.offsets[n] = w.Len()
	fmt.Fprintf(w, "%d 0 obj\n%s\n", n, body)
	if stream != nil {
		w.WriteString("stream\n")
		w.Write(stream)
		w.WriteString("\nendstream\n")
	}
	w.WriteString("endobj\n")
}

func (w *writer) alloc() int { w.next++; return w.next - 1 }

func deflate(b []byte) []byte {
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	zw.Write(b)
	zw.Close()
	return z.Bytes()
}

// write lays the file out again: the header and binary comment, every
// object but the catalog and Info as it was, then the new ones.
func (p *parsed) write(catalog []entry, meta Meta, o Options) []byte {
	w := &writer{offsets: map[int]int{}}
	// The binary comment's bytes are over 127, so a transfer that mangles
	// 8-bit data shows (ISO 19005-2 §6.1.2).
	w.WriteString("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")
	order := p.numbers()
	for _, n := range order {
		if n == p.root || n == p.info {
			continue
		}
		w.offsets[n] = w.Len()
		w.Write(bytes.TrimRight(p.span(n, order), " \r\n"))
		w.WriteString("\n")
	}
	for _, n := range order {
		w.next = max(w.next, n+1)
	}
	info := p.info
	if info == 0 {
		info = w.alloc()
	}
	w.object(info, meta.info(), nil)
	x := meta.xmp(o.Part)
	xmpN := w.alloc()
	w.object(xmpN, fmt.Sprintf("<< /Type /Metadata /Subtype /XML /Length %d >>", len(x)), x)
	icc := srgbDeflated()
	iccN := w.alloc()
	w.object(iccN, fmt.Sprintf("<< /N 3 /Alternate /DeviceRGB /Filter /FlateDecode /Length %d >>", len(icc)), icc)
	oiN := w.alloc()
	w.object(oiN, fmt.Sprintf("<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1) /RegistryName (http://www.color.org) /DestOutputProfile %d 0 R >>", iccN), nil)
	specs := w.files(o.Files)

	var cat strings.Builder
	cat.WriteString("<<")
	for _, e := range catalog {
		switch e.key {
		case "Metadata", "OutputIntents", "AF", "Names", "Version":
			continue
		}
		fmt.Fprintf(&cat, " /%s %s", e.key, e.raw)
	}
	fmt.Fprintf(&cat, " /Metadata %d 0 R /OutputIntents [%d 0 R]", xmpN, oiN)
	if len(specs) > 0 {
		var names, af strings.Builder
		for _, s := range specs {
			fmt.Fprintf(&names, " %s %d 0 R", hexText(s.name), s.n)
			fmt.Fprintf(&af, " %d 0 R", s.n)
		}
		fmt.Fprintf(&cat, " /Names << /EmbeddedFiles << /Names [%s ] >> >> /AF [%s ]", names.String(), af.String())
	}
	cat.WriteString(" >>")
	w.object(p.root, cat.String(), nil)

	// The file ID: an MD5 over everything written so far, the same in
	// both halves as the file has not been changed since it was made.
	id := fmt.Sprintf("%X", md5.Sum(w.Bytes()))
	xref := w.Len()
	fmt.Fprintf(w, "xref\n0 %d\n0000000000 65535 f\r\n", w.next)
	for n := 1; n < w.next; n++ {
		if off, ok := w.offsets[n]; ok {
			fmt.Fprintf(w, "%010d 00000 n\r\n", off)
		} else {
			w.WriteString("0000000000 00001 f\r\n")
		}
	}
	fmt.Fprintf(w, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n",
		w.next, p.root, info, id, id, xref)
	return w.Bytes()
}

type spec struct {
	name string
	n    int
}

// files writes each attached file's stream and file specification, and
// returns the specifications sorted by name, as a name tree's keys must be.
func (w *writer) files(fs []File) []spec {
	var out []spec
	for _, f := range fs {
		z := deflate(f.Data)
		sum := md5.Sum(f.Data)
		mod := f.Modified
		if mod.IsZero() {
			mod = time.Now()
		}
		ef := w.alloc()
		w.object(ef, fmt.Sprintf("<< /Type /EmbeddedFile /Subtype %s /Filter /FlateDecode /Length %d /Params << /Size %d /ModDate (%s) /CheckSum <%X> >> >>",
			pdfName(f.MIME), len(z), len(f.Data), infoDate(mod), sum), z)
		fsN := w.alloc()
		body := fmt.Sprintf("<< /Type /Filespec /F %s /UF %s /EF << /F %d 0 R /UF %d 0 R >> /AFRelationship /%s",
			asciiName(f.Name), hexText(f.Name), ef, ef, f.Rel)
		if f.Desc != "" {
			body += " /Desc " + hexText(f.Desc)
		}
		w.object(fsN, body+" >>", nil)
		out = append(out, spec{name: f.Name, n: fsN})
	}
	sort.SliceStable(out, func(i, j int) bool { return hexText(out[i].name) < hexText(out[j].name) })
	return out
}

// asciiName is the file name for /F, which older readers take as bytes:
// the name with every character outside printable ASCII made "_".
func asciiName(s string) string {
	var b strings.Builder
	b.WriteByte('(')
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < ' ' || r > '~':
			b.WriteByte('_')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(')')
	return b.String()
}
