package mail

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func crlf(s string) []byte { return []byte(strings.ReplaceAll(s, "\n", "\r\n")) }

var ourSent = []Sent{{
	RequestID: "req-1",
	MessageID: "<prava.2026-abc1234.xyz@example.com>",
	Reference: "2026-ABC1234",
	Domains:   []string{"costless.example"},
	SentAt:    time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC),
}, {
	RequestID: "req-2",
	MessageID: "prava.2026-def5678.abc@example.com",
	Reference: "2026-DEF5678",
	Domains:   []string{"other.example"},
	SentAt:    time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC),
}}

func TestParseAndMatch(t *testing.T) {
	after := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	cases := []struct {
		name, msg string
		req       string
		match     Match
		kind      Kind
	}{
		{"threaded", `From: Privacy Team <privacy@costless.example>
Subject: Re: your request
Message-ID: <r1@costless.example>
In-Reply-To: <prava.2026-abc1234.xyz@EXAMPLE.COM>
Date: Thu, 03 Dec 2026 10:00:00 +0000

Here is your data.
`, "req-1", MatchCertain, KindReply},
		{"references only", `From: privacy@other.example
Subject: Ticket #99
References: <a@b.c>
 <prava.2026-def5678.abc@example.com>

x
`, "req-2", MatchCertain, KindReply},
		{"ticket system quoting the reference", `From: "Zendesk" <support@zendesk.example>
Subject: [Ticket 4711] Re: GDPR request [Ref 2026-abc1234]
Message-ID: <t1@zendesk.example>

We are on it.
`, "req-1", MatchLikely, KindReply},
		{"reference in body only", `From: dpo@far.example
Subject: Your letter

On your request 2026-DEF5678 we answer as follows.
`, "req-2", MatchLikely, KindReply},
		{"a longer reference is not ours", `From: a@far.example
Subject: Order 2026-ABC12345

x
`, "", MatchNone, KindOther},
		{"domain only", `From: news@mail.costless.example
Subject: Our newsletter
Date: Thu, 03 Dec 2026 10:00:00 +0000

x
`, "req-1", MatchSuggested, KindReply},
		{"auto reply", `From: privacy@costless.example
Subject: Automatic reply: GDPR request
Auto-Submitted: auto-replied
In-Reply-To: <prava.2026-abc1234.xyz@example.com>

I am away.
`, "req-1", MatchCertain, KindAutoReply},
		{"unrelated", `From: friend@elsewhere.example
Subject: Lunch?

x
`, "", MatchNone, KindOther},
		{"bounce quoting our Message-ID", `From: Mail Delivery System <MAILER-DAEMON@mx.example.com>
Subject: Undelivered Mail Returned to Sender
Content-Type: multipart/report; report-type=delivery-status; boundary="b"

--b
Content-Type: text/plain

The mail could not be delivered.
--b
Content-Type: message/delivery-status

Final-Recipient: rfc822; privacy@gone.example
Action: failed
Status: 5.1.1
--b
Content-Type: text/rfc822-headers

Message-ID: <prava.2026-abc1234.xyz@example.com>
Subject: GDPR request
--b--
`, "req-1", MatchCertain, KindBounce},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			raw := crlf(c.msg)
			p, err := ParseMessage(raw, 0)
			if err != nil {
				t.Fatal(err)
			}
			req, m := matchMessage(p, raw, p.Text, ourSent, after)
			kind := p.Kind
			if m != MatchNone && kind == KindOther {
				kind = KindReply
			}
			if req != c.req || m != c.match || kind != c.kind {
				t.Errorf("got %q %q %q, want %q %q %q", req, m, kind, c.req, c.match, c.kind)
			}
		})
	}
}

func TestMatchDomainIgnoresMailBeforeSending(t *testing.T) {
	raw := crlf("From: news@costless.example\nSubject: hi\n\nx\n")
	p, _ := ParseMessage(raw, 0)
	if req, m := matchMessage(p, raw, p.Text, ourSent, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)); m != MatchNone {
		t.Fatalf("mail from before the request matched %s as %s", req, m)
	}
}

func TestParseHostileHeaders(t *testing.T) {
	raw := crlf("From: =?utf-8?q?Evil=0D=0ABcc=3A_spy=1B]0;x=07?= <a@b.example>\n" +
		"Subject: =?utf-8?b?" + "SGVsbG8NCkJjYzogc3B5QGV2aWwuZXhhbXBsZQ==" + "?=\n" +
		"Message-ID: <id\x01@b.example>\n\nbody\n")
	p, err := ParseMessage(raw, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{p.Subject, p.FromName, p.FromAddress, p.MessageID} {
		if strings.ContainsFunc(s, isControl) {
			t.Errorf("control character kept in %q", s)
		}
	}
	if !strings.Contains(p.Subject, "Hello") {
		t.Errorf("subject %q was not decoded", p.Subject)
	}
}

func TestParseLegacyCharset(t *testing.T) {
	// "Відповідь" in windows-1251, in the subject and the body.
	w1251 := []byte{0xc2, 0xb3, 0xe4, 0xef, 0xee, 0xe2, 0xb3, 0xe4, 0xfc}
	raw := crlf("From: a@b.example\nSubject: =?windows-1251?b?wrPk7+7is+T8?=\nContent-Type: text/plain; charset=windows-1251\n\n")
	raw = append(raw, w1251...)
	p, err := ParseMessage(raw, 0)
	if err != nil {
		t.Fatal(err)
	}
	if p.Subject != "Відповідь" || p.Text != "Відповідь" {
		t.Errorf("subject %q text %q", p.Subject, p.Text)
	}
}

func TestParseLimits(t *testing.T) {
	// Parts nested deeper than maxDepth and more parts than maxParts.
	var b bytes.Buffer
	b.WriteString("From: a@b.example\r\nSubject: deep\r\n")
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, "Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n", i, i)
	}
	b.WriteString("Content-Type: text/plain\r\n\r\ninner\r\n")
	p, err := ParseMessage(b.Bytes(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Problems) == 0 {
		t.Error("nesting 40 deep gave no problem")
	}
	b.Reset()
	b.WriteString("From: a@b.example\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n")
	for i := 0; i < 300; i++ {
		b.WriteString("--x\r\nContent-Type: application/octet-stream\r\n\r\nAAAA\r\n")
	}
	b.WriteString("--x--\r\n")
	p, err = ParseMessage(b.Bytes(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Attachments) >= maxParts || len(p.Problems) == 0 {
		t.Errorf("%d attachments kept, problems %v", len(p.Attachments), p.Problems)
	}
	// A part larger than the budget is cut, and said so.
	big := append(crlf("From: a@b.example\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\"../../x.pdf\"\n\n"), bytes.Repeat([]byte("A"), 5000)...)
	p, err = ParseMessage(big, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Attachments) != 1 || len(p.Attachments[0].Data) != 1000 || len(p.Problems) == 0 {
		t.Fatalf("cut part: %d bytes, problems %v", len(p.Attachments[0].Data), p.Problems)
	}
	if p.Attachments[0].Filename != "x.pdf" {
		t.Errorf("file name %q keeps a path", p.Attachments[0].Filename)
	}
}

func FuzzParseMessage(f *testing.F) {
	out, err := Compose(testRequest())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(out.Bytes)
	f.Add(crlf("From: a@b.example\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\n\n--b\nContent-Type: text/plain\n\nx\n--b--\n"))
	f.Add([]byte("Subject: =?utf-8?q?=0D=0A?=\r\nReferences: <<<a@b>>> ,, x@y\r\n\r\n"))
	f.Add([]byte("Content-Type: multipart/mixed; boundary=\"\"\r\n\r\n--\r\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		p, err := ParseMessage(raw, 1<<16)
		if err != nil {
			return
		}
		total := len(p.Text) + len(p.HTML)
		for _, a := range p.Attachments {
			total += len(a.Data)
			if strings.ContainsAny(a.Filename, "/\\") || strings.ContainsFunc(a.Filename, isControl) || a.Filename == "" {
				t.Fatalf("unsafe file name %q", a.Filename)
			}
		}
		if total > 1<<16+len(raw) {
			t.Fatalf("decoded %d bytes from %d with a budget of %d", total, len(raw), 1<<16)
		}
		if len(p.Attachments) > maxParts {
			t.Fatalf("%d parts", len(p.Attachments))
		}
		for _, s := range append([]string{p.Subject, p.FromName, p.FromAddress, p.MessageID}, append(p.InReplyTo, p.References...)...) {
			if !utf8.ValidString(s) || strings.ContainsFunc(s, isControl) {
				t.Fatalf("header text %q has control characters or bad UTF-8", s)
			}
		}
		if len(p.InReplyTo) > maxIDs || len(p.References) > maxIDs {
			t.Fatal("too many IDs kept")
		}
		// The header-only parse never disagrees on the Message-ID.
		h, err := ParseHeader(raw)
		if err == nil && h.MessageID != p.MessageID && len(raw) < maxHeaderBytes {
			t.Fatalf("header-only Message-ID %q, whole %q", h.MessageID, p.MessageID)
		}
		_, _ = matchMessage(p, raw, p.Text, ourSent, time.Time{})
	})
}
