package letters

import (
	"cmp"
	"prava/record"
	"strconv"
	"strings"
	"time"
)

// Letter is a composed letter: its parts in reading order, ready to be
// laid out on paper or written as an e-mail.
type Letter struct {
	Kind         record.Kind
	Lang         string
	Jurisdiction record.Code
	Layout       Layout
	Reference    string
	Date         time.Time
	// Due is the answer's deadline the letter states; zero when the
	// letter gives the term in words only (a posted letter, whose day of
	// receipt is not known yet).
	Due time.Time

	RecipientLabel string   // "Кому:"; empty where the layout has no labels
	Recipient      []string // the address block
	SenderLabel    string
	Sender         []string // the sender block
	ReturnLine     string   // the sender in one line, over a window's address
	Marking        string   // the marked line on paper, with its label
	Dateline       []string // the reference and the date, as printed
	Title          []string // the heading: its first line is the title proper
	TitleCentred   bool
	Body           []Block
	Closing        string   // "Yours faithfully,"
	Signature      []string // the lines under the space to sign
	AttachLabel    string
	Attachments    []string

	// Warnings are what the person should know before sending, in English:
	// a Russian request by plain e-mail, a complaint an authority takes
	// only when signed.
	Warnings []string

	// The e-mail's addresses: the recipient's (the company's or the
	// authority's contact) and the sender's, with their names, and the
	// address the message is copied to, if any (Recipient.Cc).
	RecipientName, RecipientEmail string
	CcEmail, CcName               string
	SenderName, SenderEmail       string

	Subject   string // the e-mail subject, marking first
	pageLabel string // the footer, with pageMark and pagesMark in it
	Title0    string // the document title for the PDF's metadata

	// emailBody is Body as the e-mail says it: the sender's details come
	// after the text there, so it points "below" where paper says "above".
	emailBody    []Block
	emailClosing string // "З повагою,": e-mails close even where paper does not
}

// Layout is where the address blocks go on the page.
type Layout string

// The layouts the language files name.
const (
	// Window puts the recipient where a DL window envelope shows it (DIN
	// 5008 form B) and the sender in the information block on the right.
	Window Layout = "window"
	// TopRight puts both blocks at the top right, as Ukrainian and
	// Russian letters have them.
	TopRight Layout = "top-right"
)

// Block is a paragraph or a list in a letter's body.
type Block struct {
	Text  string   // a paragraph; empty for a list
	Items []string // list items
}

const (
	pageMark  = "\x00page\x00"
	pagesMark = "\x00pages\x00"
)

// PageLabel is the footer of page n of a letter of total pages.
func (l *Letter) PageLabel(n, total int) string {
	r := strings.NewReplacer(pageMark, strconv.Itoa(n), pagesMark, strconv.Itoa(total))
	return r.Replace(l.pageLabel)
}

// Email is the letter as an e-mail: the subject (with the policy's
// marking) and a plain-text body without the address blocks, which a mail
// program shows in its own way.
func (l *Letter) Email() (subject, body string) {
	var b strings.Builder
	writeBlocks(&b, l.emailBody)
	if c := cmp.Or(l.emailClosing, l.Closing); c != "" {
		b.WriteString(c + "\n")
	}
	for _, s := range l.Sender {
		b.WriteString(s + "\n")
	}
	l.writeAttachments(&b)
	return l.Subject, b.String()
}

// Text is the whole letter as plain text, as it is printed: the record a
// request keeps of what was sent.
func (l *Letter) Text() string {
	var b strings.Builder
	block := func(label string, lines []string) {
		if label != "" {
			b.WriteString(label + "\n")
		}
		for _, s := range lines {
			b.WriteString(s + "\n")
		}
		if label != "" || len(lines) > 0 {
			b.WriteString("\n")
		}
	}
	block(l.RecipientLabel, l.Recipient)
	block(l.SenderLabel, l.Sender)
	block("", l.Dateline)
	if l.Marking != "" {
		b.WriteString(l.Marking + "\n\n")
	}
	block("", l.Title)
	l.writeBody(&b)
	if l.Closing != "" {
		b.WriteString(l.Closing + "\n\n")
	}
	block("", untab(l.Signature))
	l.writeAttachments(&b)
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func (l *Letter) writeBody(b *strings.Builder) { writeBlocks(b, l.Body) }

func writeBlocks(b *strings.Builder, body []Block) {
	for _, bl := range body {
		if bl.Text != "" {
			b.WriteString(bl.Text + "\n\n")
			continue
		}
		for _, it := range bl.Items {
			b.WriteString("– " + it + "\n")
		}
		b.WriteString("\n")
	}
}

func (l *Letter) writeAttachments(b *strings.Builder) {
	if len(l.Attachments) == 0 {
		return
	}
	b.WriteString("\n" + l.AttachLabel + "\n")
	for i, a := range l.Attachments {
		b.WriteString(strconv.Itoa(i+1) + ". " + a + "\n")
	}
}

// untab prints a line's columns with wide gaps between them.
func untab(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.ReplaceAll(l, "\t", "      ")
	}
	return out
}
