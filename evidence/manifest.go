package evidence

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"strings"
)

// The names and types ETSI EN 319 162-1 fixes for an ASiC-E container.
const (
	MimeType        = "application/vnd.etsi.asic-e+zip"
	manifestName    = "META-INF/ASiCManifest.xml"
	timestampName   = "META-INF/timestamp.tst"
	asicNS          = "http://uri.etsi.org/02918/v1.2.1#"
	dsigNS          = "http://www.w3.org/2000/09/xmldsig#"
	sha256Algorithm = "http://www.w3.org/2001/04/xmlenc#sha256"
	tokenMime       = "application/vnd.etsi.timestamp-token"
)

// reference is one file listed in the manifest.
type reference struct {
	URI    string
	Mime   string
	SHA256 []byte
}

// asicManifest is META-INF/ASiCManifest.xml as read back.
type asicManifest struct {
	XMLName xml.Name `xml:"http://uri.etsi.org/02918/v1.2.1# ASiCManifest"`
	SigRef  *struct {
		URI  string `xml:"URI,attr"`
		Mime string `xml:"MimeType,attr"`
	} `xml:"http://uri.etsi.org/02918/v1.2.1# SigReference"`
	Refs []struct {
		URI    string `xml:"URI,attr"`
		Mime   string `xml:"MimeType,attr"`
		Method struct {
			Algorithm string `xml:"Algorithm,attr"`
		} `xml:"http://www.w3.org/2000/09/xmldsig# DigestMethod"`
		Value string `xml:"http://www.w3.org/2000/09/xmldsig# DigestValue"`
	} `xml:"http://uri.etsi.org/02918/v1.2.1# DataObjectReference"`
}

// marshalManifest writes the manifest by hand: encoding/xml cannot write
// the asic: and ds: prefixes that other ASiC readers expect.
func marshalManifest(refs []reference, stamped bool) []byte {
	var b bytes.Buffer
	esc := func(s string) string {
		var e bytes.Buffer
		_ = xml.EscapeText(&e, []byte(s))
		return strings.ReplaceAll(e.String(), `"`, "&quot;")
	}
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.WriteString(`<asic:ASiCManifest xmlns:asic="` + asicNS + `" xmlns:ds="` + dsigNS + `">` + "\n")
	if stamped {
		b.WriteString(`  <asic:SigReference URI="` + timestampName + `" MimeType="` + tokenMime + `"/>` + "\n")
	}
	for _, r := range refs {
		fmt.Fprintf(&b, "  <asic:DataObjectReference URI=\"%s\" MimeType=\"%s\">\n", esc(r.URI), esc(r.Mime))
		b.WriteString(`    <ds:DigestMethod Algorithm="` + sha256Algorithm + `"/>` + "\n")
		fmt.Fprintf(&b, "    <ds:DigestValue>%s</ds:DigestValue>\n", base64.StdEncoding.EncodeToString(r.SHA256))
		b.WriteString("  </asic:DataObjectReference>\n")
	}
	b.WriteString("</asic:ASiCManifest>\n")
	return b.Bytes()
}

// parseManifest reads a manifest back; every reference must use SHA-256.
func parseManifest(data []byte) (refs []reference, stamped bool, err error) {
	var m asicManifest
	if err := xml.Unmarshal(data, &m); err != nil {
		return nil, false, fmt.Errorf("%s cannot be read (%v)", manifestName, err)
	}
	if m.SigRef != nil {
		if m.SigRef.URI != timestampName {
			return nil, false, fmt.Errorf("%s points at %q for its timestamp; this verifier reads %s only", manifestName, m.SigRef.URI, timestampName)
		}
		stamped = true
	}
	for _, r := range m.Refs {
		if r.Method.Algorithm != sha256Algorithm {
			return nil, false, fmt.Errorf("%s lists %q with digest %q, not SHA-256", manifestName, r.URI, r.Method.Algorithm)
		}
		sum, err := base64.StdEncoding.DecodeString(strings.TrimSpace(r.Value))
		if err != nil || len(sum) != 32 {
			return nil, false, fmt.Errorf("%s lists %q with a digest that is not a SHA-256", manifestName, r.URI)
		}
		refs = append(refs, reference{URI: r.URI, Mime: r.Mime, SHA256: sum})
	}
	return refs, stamped, nil
}

// mimeOf guesses a file's type from its name, for the manifest.
func mimeOf(name string) string {
	switch ext := name[strings.LastIndexByte(name, '.')+1:]; strings.ToLower(ext) {
	case "pdf":
		return "application/pdf"
	case "eml":
		return "message/rfc822"
	case "json":
		return "application/json"
	case "txt", "csv":
		return "text/plain; charset=utf-8"
	case "tst":
		return tokenMime
	case "pem":
		return "application/x-pem-file"
	case "jpg", "jpeg":
		return "image/jpeg"
	case "png":
		return "image/png"
	case "asice", "edoc", "sce":
		return MimeType
	case "p7s":
		return "application/pkcs7-signature"
	default:
		return "application/octet-stream"
	}
}
