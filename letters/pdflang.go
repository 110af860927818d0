package letters

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
)

var (
	startxrefRe = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	catalogRe   = regexp.MustCompile(`(?s)\n(\d+) 0 obj\n(<<\n/Type /Catalog\n.*?)\nendobj`)
	trailerRe   = regexp.MustCompile(`(?s)trailer\s*<<(.*?)>>\s*startxref`)
	sizeRe      = regexp.MustCompile(`/Size (\d+)`)
	infoRe      = regexp.MustCompile(`/Info (\d+ 0 R)`)
	langRe      = regexp.MustCompile(`^[a-z]{2,3}(-[A-Z]{2})?$`)
)

// setLanguage adds the document's language (/Lang in the catalog, which
// screen readers and text extractors use) to a PDF written by gofpdf,
// which has no setting for it. It appends an incremental update, the
// standard way of changing a PDF without rewriting it: a new version of
// the catalog object, an xref section for it and a trailer pointing back
// to the first. The bytes before are untouched.
func setLanguage(pdf []byte, lang string) ([]byte, error) {
	if !langRe.MatchString(lang) {
		return nil, fmt.Errorf("letters: %q is not a language code", lang)
	}
	// The regular expressions run on the file's tail only, where the
	// writer puts the catalog, the trailer and startxref: scanning the
	// font streams before them would cost more than the rest of the work.
	sx := startxrefRe.FindSubmatch(tail(pdf, "startxref"))
	cat := catalogRe.FindSubmatch(tail(pdf, "/Type /Catalog\n"))
	tr := trailerRe.FindSubmatch(tail(pdf, "trailer"))
	if sx == nil || cat == nil || tr == nil {
		return nil, fmt.Errorf("letters: the PDF writer's output is not in the expected form; cannot set its language")
	}
	size := sizeRe.FindSubmatch(tr[1])
	info := infoRe.FindSubmatch(tr[1])
	if size == nil {
		return nil, fmt.Errorf("letters: the PDF has no trailer size; cannot set its language")
	}
	out := bytes.NewBuffer(make([]byte, 0, len(pdf)+256))
	out.Write(pdf)
	if !bytes.HasSuffix(pdf, []byte("\n")) {
		out.WriteByte('\n')
	}
	objAt := out.Len()
	dict := bytes.Replace(cat[2], []byte("/Type /Catalog\n"), []byte("/Type /Catalog\n/Lang ("+lang+")\n"), 1)
	fmt.Fprintf(out, "%s 0 obj\n%s\nendobj\n", cat[1], dict)
	xrefAt := out.Len()
	fmt.Fprintf(out, "xref\n%s 1\n%010d 00000 n \ntrailer\n<<\n/Size %s\n/Root %s 0 R\n", cat[1], objAt, size[1], cat[1])
	if info != nil {
		fmt.Fprintf(out, "/Info %s\n", info[1])
	}
	prev, _ := strconv.Atoi(string(sx[1]))
	fmt.Fprintf(out, "/Prev %d\n>>\nstartxref\n%d\n%%%%EOF\n", prev, xrefAt)
	return out.Bytes(), nil
}

// tail is pdf from a little before the last place key occurs.
func tail(pdf []byte, key string) []byte {
	i := bytes.LastIndex(pdf, []byte(key))
	if i < 0 {
		return nil
	}
	return pdf[max(0, i-64):]
}
