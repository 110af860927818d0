package signed

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// The container types accepted in "mimetype": ETSI ASiC-E (eDoc, ASiC-E,
// BDoc) and Lithuania's ADOC.
var asicTypes = map[string]bool{
	"application/vnd.etsi.asic-e+zip":       true,
	"application/vnd.lt.archyvai.adoc-2008": true,
}

// xadesRef is a ds:Reference of an XML signature.
type xadesRef struct {
	URI, Algorithm string
	Digest         []byte
}

func matchASiC(file, letter []byte) (Match, error) {
	zr, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		return Match{}, fmt.Errorf("the container cannot be opened (%v); it is damaged", err)
	}
	if len(zr.File) > 1000 {
		return Match{}, fmt.Errorf("the container has %d files, more than a signed letter has", len(zr.File))
	}
	if len(zr.File) == 0 || zr.File[0].Name != "mimetype" {
		return Match{}, errors.New("it is a ZIP file but not a signature container (no \"mimetype\" first); choose the file the signing service gave you")
	}
	read := func(f *zip.File) ([]byte, error) {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, MaxSize+1))
		if err == nil && len(b) > MaxSize {
			err = errors.New("too large")
		}
		return b, err
	}
	mt, err := read(zr.File[0])
	if err != nil || !asicTypes[strings.TrimSpace(string(mt))] {
		return Match{}, fmt.Errorf("the container's type %q is not one Prava reads (ASiC-E, eDoc, ADOC)", mt)
	}
	var docs []*zip.File
	var sigs [][]byte
	var sigNames []string
	for _, f := range zr.File[1:] {
		switch {
		case strings.HasSuffix(f.Name, "/"):
		case strings.HasPrefix(f.Name, "META-INF/"):
			if strings.Contains(strings.ToLower(f.Name), "signature") && strings.HasSuffix(f.Name, ".xml") {
				b, err := read(f)
				if err != nil {
					return Match{}, fmt.Errorf("the signature %s cannot be read (%v)", f.Name, err)
				}
				sigs, sigNames = append(sigs, b), append(sigNames, f.Name)
			}
		case strings.HasPrefix(f.Name, "metadata/"):
			// ADOC's archival metadata, not a signed document.
		default:
			docs = append(docs, f)
		}
	}
	if len(sigs) == 0 {
		return Match{}, errors.New("the container holds no signature; sign it on the signing service and import the signed file")
	}
	var doc *zip.File
	var data []byte
	for _, f := range docs {
		b, err := read(f)
		if err != nil {
			return Match{}, fmt.Errorf("%s in the container cannot be read (%v)", f.Name, err)
		}
		if bytes.Equal(b, letter) {
			doc, data = f, b
		}
	}
	switch {
	case doc == nil:
		return Match{}, fmt.Errorf("%w (it holds %s); sign the PDF Prava made for this letter", ErrOtherDocument, names(docs))
	case len(docs) > 1:
		return Match{}, fmt.Errorf("the container holds %d documents (%s); sign the letter alone, so the signature cannot be read as covering anything else", len(docs), names(docs))
	}
	m := Match{Format: ASiCE, Document: doc.Name,
		Unchecked: "The XAdES signature's references were checked against the letter; the XML signature value, " +
			"the signer's certificate chain and whether the signature is qualified were not: the national validator checks that " +
			"(eparaksts.lv, GoSign/Dokobit)."}
	for i, sig := range sigs {
		refs, certs, err := parseXAdES(sig)
		if err != nil {
			return Match{}, fmt.Errorf("the signature %s cannot be read (%v)", sigNames[i], err)
		}
		covered := false
		for _, r := range refs {
			uri, err := url.PathUnescape(r.URI)
			if err != nil || uri != doc.Name {
				continue
			}
			sum, ok := digest(r.Algorithm, data)
			if !ok {
				return Match{}, fmt.Errorf("the signature %s uses the digest %s, which Prava cannot check", sigNames[i], r.Algorithm)
			}
			if !bytes.Equal(sum, r.Digest) {
				return Match{}, fmt.Errorf("%w: the signature %s was made over a different %s", ErrOtherDocument, sigNames[i], doc.Name)
			}
			covered = true
		}
		if !covered {
			return Match{}, fmt.Errorf("the signature %s does not refer to %s; it signs something else", sigNames[i], doc.Name)
		}
		m.Signers = append(m.Signers, certs...)
	}
	return m, nil
}

func names(fs []*zip.File) string {
	if len(fs) == 0 {
		return "no document"
	}
	n := make([]string, len(fs))
	for i, f := range fs {
		n[i] = f.Name
	}
	return strings.Join(n, ", ")
}

// digest computes data's digest for an XML-DSig algorithm URI.
func digest(alg string, data []byte) ([]byte, bool) {
	switch alg {
	case "http://www.w3.org/2001/04/xmlenc#sha256":
		s := sha256.Sum256(data)
		return s[:], true
	case "http://www.w3.org/2001/04/xmldsig-more#sha384":
		s := sha512.Sum384(data)
		return s[:], true
	case "http://www.w3.org/2001/04/xmlenc#sha512":
		s := sha512.Sum512(data)
		return s[:], true
	}
	return nil, false
}

// parseXAdES reads the ds:Reference elements and the signing certificates'
// subjects from an XAdES signature file; it does not validate the XML
// signature itself (that needs C14N, which no maintained Go library does).
func parseXAdES(doc []byte) ([]xadesRef, []string, error) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	var refs []xadesRef
	var certs []string
	var cur *xadesRef
	var text strings.Builder
	for depth := 0; ; {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > 64 {
				return nil, nil, errors.New("nested too deep")
			}
			text.Reset()
			switch t.Name.Local {
			case "Reference":
				refs = append(refs, xadesRef{URI: attr(t, "URI")})
				cur = &refs[len(refs)-1]
			case "DigestMethod":
				if cur != nil {
					cur.Algorithm = attr(t, "Algorithm")
				}
			}
		case xml.CharData:
			if text.Len() < 1<<20 {
				text.Write(t)
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "Reference":
				cur = nil
			case "DigestValue":
				if cur != nil {
					cur.Digest, _ = base64.StdEncoding.DecodeString(strings.Join(strings.Fields(text.String()), ""))
				}
			case "X509Certificate":
				der, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(text.String()), ""))
				if err == nil {
					if c, err := x509.ParseCertificate(der); err == nil {
						certs = append(certs, c.Subject.String())
					}
				}
			}
		}
	}
	if len(refs) == 0 {
		return nil, nil, errors.New("no ds:Reference, so it is not an XML signature")
	}
	return refs, certs, nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
