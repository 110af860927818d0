package policy

import (
	"encoding/hex"
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTMLToText reduces an HTML page to its readable text: paragraphs, headings,
// table rows and list items each become a line (list items start with "- "),
// script, style and other invisible parts are dropped, and the addresses of
// mailto: and tel: links are kept when the link text does not show them.
//
// It streams tokens instead of building a tree, so broken or very deeply
// nested markup costs no more than flat markup.
func HTMLToText(page string) string {
	z := html.NewTokenizer(strings.NewReader(page))
	var b strings.Builder
	b.Grow(len(page) / 2)
	skip := 0 // depth inside elements whose text is not shown
	var pendingHref string
	var linkText strings.Builder
	inLink := false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return tidyLines(b.String())
		case html.TextToken:
			if skip > 0 {
				continue
			}
			text := collapseSpaces(string(z.Text()))
			b.WriteString(text)
			if inLink {
				linkText.WriteString(text)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			var href string
			if hasAttr {
				var hidden string
				href, hidden = tagAddresses(z)
				if hidden != "" && skip == 0 {
					b.WriteString(" " + hidden + " ")
				}
			}
			if hiddenElement(a) {
				if tt == html.StartTagToken && !voidElement(a) {
					skip++
				}
				continue
			}
			if skip > 0 {
				continue
			}
			switch {
			case a == atom.Br:
				b.WriteByte('\n')
			case a == atom.Li:
				b.WriteString("\n- ")
			case blockElement(a):
				b.WriteByte('\n')
			case a == atom.Td || a == atom.Th:
				b.WriteByte(' ')
			case a == atom.A && href != "":
				pendingHref = href
				inLink = true
				linkText.Reset()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if hiddenElement(a) {
				if skip > 0 {
					skip--
				}
				continue
			}
			if skip > 0 {
				continue
			}
			switch {
			case a == atom.A && inLink:
				if !strings.Contains(linkText.String(), pendingHref) {
					b.WriteString(" (" + pendingHref + ")")
				}
				inLink = false
			case blockElement(a) || a == atom.Li:
				b.WriteByte('\n')
			}
		}
	}
}

// tagAddresses reads a tag's attributes for addresses a person needs and
// may not see in the text: the target of a mailto: or tel: link, and an
// e-mail address hidden by Cloudflare's e-mail protection (data-cfemail,
// or a link to /cdn-cgi/l/email-protection#…), which saved pages show only
// as "[email protected]".
func tagAddresses(z *html.Tokenizer) (href, hidden string) {
	for {
		key, val, more := z.TagAttr()
		v := strings.TrimSpace(string(val))
		switch string(key) {
		case "href":
			lower := strings.ToLower(v)
			switch {
			case strings.HasPrefix(lower, "mailto:"):
				href, _, _ = strings.Cut(v[len("mailto:"):], "?")
				// mailto: addresses are percent-encoded (RFC 6068): "%20"
				// is a space, not the start of "20spy@…".
				if dec, err := url.PathUnescape(href); err == nil {
					href = strings.TrimSpace(dec)
				}
			case strings.HasPrefix(lower, "tel:"):
				href = v[len("tel:"):]
			case strings.Contains(lower, "/cdn-cgi/l/email-protection#"):
				hidden = decodeCFEmail(v[strings.LastIndexByte(v, '#')+1:])
			}
		case "data-cfemail":
			hidden = decodeCFEmail(v)
		}
		if !more {
			return href, hidden
		}
	}
}

// decodeCFEmail undoes Cloudflare's e-mail obfuscation: hex bytes, the
// first of which is a key XORed with each of the others.
func decodeCFEmail(h string) string {
	raw, err := hex.DecodeString(h)
	if err != nil || len(raw) < 2 {
		return ""
	}
	out := make([]byte, len(raw)-1)
	for i := range out {
		out[i] = raw[i+1] ^ raw[0]
	}
	if !utf8.Valid(out) || !strings.Contains(string(out), "@") {
		return ""
	}
	return string(out)
}

func collapseSpaces(s string) string {
	if !strings.ContainsAny(s, "\n\t\r") && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func hiddenElement(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Iframe, atom.Object, atom.Canvas:
		return true
	}
	return false
}

func voidElement(a atom.Atom) bool {
	switch a {
	case atom.Br, atom.Img, atom.Input, atom.Meta, atom.Link, atom.Hr, atom.Area, atom.Base, atom.Col, atom.Embed, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

func blockElement(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd,
		atom.Table, atom.Tr, atom.Section, atom.Article, atom.Header, atom.Footer, atom.Nav, atom.Aside, atom.Main,
		atom.Blockquote, atom.Pre, atom.Address, atom.Hr, atom.Title, atom.Form, atom.Fieldset, atom.Figure, atom.Figcaption,
		atom.Details, atom.Summary, atom.Caption, atom.Tbody, atom.Thead, atom.Tfoot:
		return true
	}
	return false
}

// tidyLines trims every line and keeps at most one empty line between
// paragraphs.
func tidyLines(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	blank := 0
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line == "-" {
			blank++
			continue
		}
		if b.Len() > 0 {
			if blank > 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = 0
		b.WriteString(line)
	}
	return b.String()
}
