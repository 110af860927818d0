package mail

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"time"

	"github.com/emersion/go-message"
	_ "github.com/emersion/go-message/charset" // decodes windows-1251, koi8-u, iso-8859-x … in headers and bodies
	gomail "github.com/emersion/go-message/mail"
	"github.com/emersion/go-message/textproto"
)

// Limits for a message from outside. Everything past them is left out and
// said so in Parsed.Problems; nothing past them is ever held in memory.
const (
	maxHeaderBytes = 256 << 10
	maxParts       = 100
	maxDepth       = 12
	maxIDs         = 100
)

// Kind is what an incoming message is, as far as its form says.
type Kind string

// The kinds of incoming message.
const (
	KindReply     Kind = "reply"      // a person or a ticket system answered
	KindAutoReply Kind = "auto-reply" // "we received your request", "out of office"
	KindBounce    Kind = "bounce"     // a delivery status report: not delivered
	KindOther     Kind = "other"      // not about any request
)

// Part is one attachment or non-text part of an incoming message.
type Part struct {
	Filename    string `json:"filename"`
	ContentType string `json:"content_type"`
	Data        []byte `json:"data"`
}

// Parsed is an incoming message taken apart. Header texts are decoded
// (RFC 2047, legacy charsets) and cleaned of control characters, so they can
// be shown as they are.
type Parsed struct {
	MessageID   string    `json:"message_id"`
	InReplyTo   []string  `json:"in_reply_to,omitempty"`
	References  []string  `json:"references,omitempty"`
	FromName    string    `json:"from_name,omitempty"`
	FromAddress string    `json:"from_address"`
	Subject     string    `json:"subject"`
	Date        time.Time `json:"date"`
	// Kind is KindBounce or KindAutoReply when the message says so,
	// otherwise KindOther until it is matched to a request.
	Kind Kind `json:"kind"`
	// Text is the first text/plain part; HTML the first text/html part,
	// kept for showing, never for running.
	Text        string `json:"text,omitempty"`
	HTML        string `json:"html,omitempty"`
	Attachments []Part `json:"attachments,omitempty"`
	// Problems lists what could not be read: an unknown charset, a part
	// cut at the size limit, broken MIME. The message is still kept whole
	// in the raw bytes.
	Problems []string `json:"problems,omitempty"`
}

// ParseHeader reads only a message's header, as IMAP fetches it before
// deciding whether the whole message is worth fetching.
func ParseHeader(raw []byte) (*Parsed, error) {
	if len(raw) > maxHeaderBytes {
		raw = raw[:maxHeaderBytes]
	}
	h, err := textproto.ReadHeader(bufio.NewReader(bytes.NewReader(raw)))
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("the message header cannot be read: %v", err)
	}
	p := &Parsed{}
	p.fillHeader(message.Header{Header: h})
	return p, nil
}

// ParseMessage takes a whole RFC 5322 message apart. maxBytes bounds what
// the decoded parts may hold together (0 means DefaultMaxFetchBytes); it
// fails only when not even the header can be read.
func ParseMessage(raw []byte, maxBytes int64) (*Parsed, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxFetchBytes
	}
	e, err := message.ReadWithOptions(bytes.NewReader(raw), &message.ReadOptions{MaxHeaderBytes: maxHeaderBytes})
	if e == nil {
		return nil, fmt.Errorf("the message header cannot be read: %v", err)
	}
	p := &Parsed{}
	if err != nil {
		p.problem(err)
	}
	p.fillHeader(e.Header)
	w := walker{p: p, left: maxBytes}
	w.walk(e, 0)
	return p, nil
}

type walker struct {
	p     *Parsed
	left  int64
	parts int
}

func (w *walker) walk(e *message.Entity, depth int) {
	w.parts++
	if w.parts > maxParts {
		if w.parts == maxParts+1 {
			w.p.Problems = append(w.p.Problems, fmt.Sprintf("more than %d parts; the rest are in the raw message only", maxParts))
		}
		return
	}
	ct, params, _ := e.Header.ContentType()
	if ct == "" {
		ct = "text/plain"
	}
	if mr := e.MultipartReader(); mr != nil {
		if depth >= maxDepth {
			w.p.Problems = append(w.p.Problems, "parts nested too deep; the inner ones are in the raw message only")
			return
		}
		for {
			part, err := mr.NextPart()
			if errors.Is(err, io.EOF) {
				return
			}
			if part == nil {
				w.p.problem(err)
				return
			}
			if err != nil {
				w.p.problem(err)
			}
			w.walk(part, depth+1)
			if w.parts > maxParts {
				return
			}
		}
	}
	data, err := w.read(e.Body)
	if err != nil {
		w.p.problem(err)
	}
	disp, dparams, _ := e.Header.ContentDisposition()
	name := dparams["filename"]
	if name == "" {
		name = params["name"]
	}
	isText := ct == "text/plain" || ct == "text/html"
	if isText && disp != "attachment" && name == "" {
		s := strings.ToValidUTF8(string(data), "\uFFFD")
		if ct == "text/plain" && w.p.Text == "" {
			w.p.Text = s
			return
		}
		if ct == "text/html" && w.p.HTML == "" {
			w.p.HTML = s
			return
		}
	}
	w.p.Attachments = append(w.p.Attachments, Part{Filename: safeFilename(name, ct, len(w.p.Attachments)+1), ContentType: sanitize(ct, 100), Data: data})
}

// read takes at most what is left of the budget from a part.
func (w *walker) read(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, w.left+1))
	if int64(len(data)) > w.left {
		data = data[:w.left]
		w.left = 0
		return data, errors.New("a part was cut at the size limit")
	}
	w.left -= int64(len(data))
	return data, err
}

func (p *Parsed) problem(err error) {
	if err == nil || len(p.Problems) >= 20 {
		return
	}
	p.Problems = append(p.Problems, sanitize(err.Error(), 200))
}

func (p *Parsed) fillHeader(h message.Header) {
	p.MessageID = firstID(h.Get("Message-Id"))
	p.InReplyTo = idList(h.Get("In-Reply-To"))
	p.References = idList(h.Get("References"))
	p.Subject = sanitize(decodeText(h, "Subject"), 500)
	from := decodeText(h, "From")
	p.FromName, p.FromAddress = splitFrom(from)
	if d, err := (&gomail.Header{Header: h}).Date(); err == nil {
		p.Date = d
	}
	p.Kind = classifyKind(h, p)
}

// decodeText decodes RFC 2047 words; undecodable text is kept as it came.
func decodeText(h message.Header, key string) string {
	s, err := h.Text(key)
	if err != nil {
		return h.Get(key)
	}
	return s
}

// splitFrom takes the display name and address out of a From value without
// failing on the many malformed ones in the wild.
func splitFrom(v string) (name, addr string) {
	v = strings.TrimSpace(v)
	if lt := strings.LastIndexByte(v, '<'); lt >= 0 {
		if gt := strings.IndexByte(v[lt:], '>'); gt > 0 {
			addr = v[lt+1 : lt+gt]
			name = strings.Trim(strings.TrimSpace(v[:lt]), `"`)
		}
	}
	if addr == "" {
		addr = v
		if i := strings.IndexAny(addr, " ("); i > 0 {
			addr = addr[:i]
		}
	}
	return sanitize(name, 200), strings.ToLower(sanitize(strings.TrimSpace(addr), 254))
}

// idList takes every <id> from a header value; a value without brackets
// (seen from broken mailers) is split on spaces and commas.
func idList(v string) []string {
	var ids []string
	for len(ids) < maxIDs {
		lt := strings.IndexByte(v, '<')
		if lt < 0 {
			break
		}
		gt := strings.IndexByte(v[lt:], '>')
		if gt < 0 {
			break
		}
		if id := normalizeID(v[lt+1 : lt+gt]); id != "" {
			ids = append(ids, sanitize(id, 250))
		}
		v = v[lt+gt+1:]
	}
	if len(ids) == 0 {
		for _, f := range strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' }) {
			if strings.Contains(f, "@") && len(ids) < maxIDs {
				ids = append(ids, sanitize(normalizeID(f), 250))
			}
		}
	}
	return ids
}

func firstID(v string) string {
	if ids := idList(v); len(ids) > 0 {
		return ids[0]
	}
	return ""
}

// safeFilename keeps a name that can be shown and saved: no folders, no
// controls, not too long; a part without one gets "part-N".
func safeFilename(name, ct string, n int) string {
	name = strings.ReplaceAll(name, `\`, "/")
	name = path.Base(strings.TrimSpace(name))
	name = sanitize(name, 150)
	name = strings.ReplaceAll(name, "/", "_")
	if name == "" || name == "." || name == ".." || name == "…" {
		ext := ""
		switch ct {
		case "message/rfc822":
			ext = ".eml"
		case "text/plain", "text/rfc822-headers", "message/delivery-status":
			ext = ".txt"
		case "text/html":
			ext = ".html"
		case "application/pdf":
			ext = ".pdf"
		}
		name = fmt.Sprintf("part-%d%s", n, ext)
	}
	return name
}
