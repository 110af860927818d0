package pdfa

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"time"
)

// Meta is a document's metadata, written twice with the same values: in
// the Info dictionary and in the XMP packet, as PDF/A asks
// (ISO 19005-2 §6.6.2.3.1).
type Meta struct {
	Title, Author, Subject, Keywords, Creator, Producer string
	Created, Modified                                   time.Time
}

// infoDate writes t as a PDF date with its offset: D:20261205124900+02'00'.
func infoDate(t time.Time) string {
	_, off := t.Zone()
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("D:%s%c%02d'%02d'", t.Format("20060102150405"), sign, off/3600, off%3600/60)
}

// parseInfoDate reads a PDF date. One without an offset (gofpdf writes
// none) is read in zone.
func parseInfoDate(s string, zone *time.Location) (time.Time, error) {
	if len(s) < 16 || s[:2] != "D:" {
		return time.Time{}, fmt.Errorf("pdfa: %q is not a PDF date", s)
	}
	t, err := time.ParseInLocation("20060102150405", s[2:16], zone)
	if err != nil {
		return time.Time{}, fmt.Errorf("pdfa: %q is not a PDF date", s)
	}
	rest := s[16:]
	switch {
	case rest == "" || rest == "Z" || rest == "Z00'00'":
		if rest != "" {
			t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
		}
		return t, nil
	case (rest[0] == '+' || rest[0] == '-') && len(rest) >= 3:
		var h, m int
		if _, err := fmt.Sscanf(rest[1:], "%02d'%02d", &h, &m); err != nil {
			if _, err := fmt.Sscanf(rest[1:], "%02d", &h); err != nil {
				return time.Time{}, fmt.Errorf("pdfa: %q has a bad offset", s)
			}
		}
		off := h*3600 + m*60
		if rest[0] == '-' {
			off = -off
		}
		loc := time.FixedZone("", off)
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, loc), nil
	}
	return time.Time{}, fmt.Errorf("pdfa: %q has a bad offset", s)
}

// info writes the Info dictionary of m.
func (m Meta) info() string {
	var b bytes.Buffer
	b.WriteString("<<")
	for _, kv := range [][2]string{{"Title", m.Title}, {"Author", m.Author}, {"Subject", m.Subject},
		{"Keywords", m.Keywords}, {"Creator", m.Creator}, {"Producer", m.Producer}} {
		if kv[1] != "" {
			fmt.Fprintf(&b, "\n/%s %s", kv[0], hexText(kv[1]))
		}
	}
	fmt.Fprintf(&b, "\n/CreationDate (%s)\n/ModDate (%s)\n>>", infoDate(m.Created), infoDate(m.Modified))
	return b.String()
}

// xmpText escapes s for XML character data.
func xmpText(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// xmp writes the XMP packet of m for PDF/A-part, conformance B. It uses
// only the schemas PDF/A predefines (dc, xmp, pdf, pdfaid), so it needs
// no extension schema.
func (m Meta) xmp(part int) []byte {
	var b bytes.Buffer
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
`)
	fmt.Fprintf(&b, "<pdfaid:part>%d</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n", part)
	b.WriteString("<dc:format>application/pdf</dc:format>\n")
	if m.Title != "" {
		fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", xmpText(m.Title))
	}
	if m.Author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", xmpText(m.Author))
	}
	if m.Subject != "" {
		fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", xmpText(m.Subject))
	}
	if m.Keywords != "" {
		fmt.Fprintf(&b, "<pdf:Keywords>%s</pdf:Keywords>\n", xmpText(m.Keywords))
	}
	if m.Producer != "" {
		fmt.Fprintf(&b, "<pdf:Producer>%s</pdf:Producer>\n", xmpText(m.Producer))
	}
	if m.Creator != "" {
		fmt.Fprintf(&b, "<xmp:CreatorTool>%s</xmp:CreatorTool>\n", xmpText(m.Creator))
	}
	fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n", m.Created.Format(time.RFC3339))
	fmt.Fprintf(&b, "<xmp:ModifyDate>%s</xmp:ModifyDate>\n", m.Modified.Format(time.RFC3339))
	fmt.Fprintf(&b, "<xmp:MetadataDate>%s</xmp:MetadataDate>\n", m.Modified.Format(time.RFC3339))
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return b.Bytes()
}
