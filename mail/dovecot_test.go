package mail

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
)

// The tests in this file run against the real Dovecot that
// scripts/with-dovecot.sh starts, with go-smtp's server as the company.

func TestDovecotEndToEnd(t *testing.T) {
	env := dovecotEnv(t)
	company := startSink(t, env.sink)
	ctx := context.Background()
	c := &Client{Account: env.account(t), RootCAs: env.roots, Timeout: 20 * time.Second}

	rep := c.Test(ctx)
	if err := rep.Err(); err != nil {
		t.Fatalf("Test: %v", err)
	}
	if rep.SentFolder != "Sent" || rep.JunkFolder != "Junk" {
		t.Errorf("folders found: Sent %q, Junk %q", rep.SentFolder, rep.JunkFolder)
	}

	// Two requests go out, to two companies.
	sent := make([]Sent, 0, 2)
	outs := make([]*Outgoing, 0, 2)
	for i, to := range []string{"privacy@costless.example", "dpo@other.example"} {
		r := testRequest()
		r.FromAddress, r.FromName = env.user, "Олена Тест"
		r.To = []Recipient{{Name: "Company", Address: to}}
		r.Reference = fmt.Sprintf("2026-E2E%04d", i)
		r.Date = time.Time{}
		out, err := Compose(r)
		if err != nil {
			t.Fatal(err)
		}
		rc, err := c.Send(ctx, out)
		if err != nil {
			t.Fatalf("Send: %v", err)
		}
		if rc.Response == "" || rc.SHA256 != sha256Hex(out.Bytes) || rc.SentFolder != "Sent" || rc.SentCopyError != "" || rc.TLS == "" || rc.CertSHA256 == "" {
			t.Errorf("receipt %+v", rc)
		}
		domain := to[strings.IndexByte(to, '@')+1:]
		sent = append(sent, Sent{RequestID: fmt.Sprintf("req-%d", i), MessageID: out.MessageID, Reference: r.Reference,
			Domains: []string{domain}, SentAt: rc.Accepted.Add(-time.Minute)})
		outs = append(outs, out)
	}
	got := company.messages()
	if len(got) != 2 {
		t.Fatalf("the company's server got %d messages, want 2", len(got))
	}
	for i, m := range got {
		// Dovecot's submission may add trace headers in front; what we
		// composed must arrive unchanged after them.
		if !bytes.HasSuffix(bytes.ReplaceAll(m.Data, []byte("\r\n"), []byte("\n")), bytes.ReplaceAll(outs[i].Bytes, []byte("\r\n"), []byte("\n"))) {
			t.Errorf("message %d arrived changed:\n%.600s", i, m.Data)
		}
		if len(m.To) != 1 || m.To[0] != outs[i].To[0] || m.From != env.user {
			t.Errorf("envelope %s → %v", m.From, m.To)
		}
	}
	if n := countByHeader(t, c, "Sent", "Message-ID", outs[0].MessageID); n != 1 {
		t.Errorf("Sent holds %d copies of the first request, want 1", n)
	}

	// The companies answer.
	env.deliver(t, "", []byte(fmt.Sprintf("From: Privacy <privacy@costless.example>\nTo: %s\nSubject: Re: your request\nMessage-ID: <answer-1@costless.example>\nIn-Reply-To: <%s>\nReferences: <%s>\nContent-Type: multipart/mixed; boundary=zz\n\n--zz\nContent-Type: text/plain; charset=utf-8\n\nYour data is attached.\n--zz\nContent-Type: text/csv\nContent-Disposition: attachment; filename=\"data.csv\"\n\nname,email\nOlena,%s\n--zz--\n", env.user, outs[0].MessageID, outs[0].MessageID, env.user)))
	env.deliver(t, "", []byte(fmt.Sprintf("From: Support <support@tickets.example>\nTo: %s\nSubject: [Case #4711] GDPR request [Ref %s] received\nMessage-ID: <ticket-1@tickets.example>\n\nWe have opened case 4711.\n", env.user, sent[1].Reference)))
	env.deliver(t, "", []byte(fmt.Sprintf("From: privacy@costless.example\nTo: %s\nSubject: Automatic reply: your request\nAuto-Submitted: auto-replied\nMessage-ID: <auto-1@costless.example>\nIn-Reply-To: <%s>\n\nWe answer within a month.\n", env.user, outs[0].MessageID)))
	env.deliver(t, "", []byte(fmt.Sprintf("From: friend@elsewhere.example\nTo: %s\nSubject: Lunch on Friday?\nMessage-ID: <lunch@elsewhere.example>\n\nSee you.\n", env.user)))
	env.deliver(t, "Junk", []byte(fmt.Sprintf("From: noreply@portal.other.example\nTo: %s\nSubject: Your privacy request\nMessage-ID: <junk-1@portal.other.example>\n\nRegarding request %s: we need your ID.\n", env.user, sent[1].Reference)))

	res, err := c.Check(ctx, sent, State{})
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	want := map[string]struct {
		folder, req string
		match       Match
		kind        Kind
	}{
		"answer-1@costless.example":   {"INBOX", "req-0", MatchCertain, KindReply},
		"ticket-1@tickets.example":    {"INBOX", "req-1", MatchLikely, KindReply},
		"auto-1@costless.example":     {"INBOX", "req-0", MatchCertain, KindAutoReply},
		"lunch@elsewhere.example":     {"INBOX", "", MatchNone, KindOther},
		"junk-1@portal.other.example": {"Junk", "req-1", MatchLikely, KindReply},
	}
	if len(res.Messages) != len(want) {
		t.Errorf("Check saw %d messages, want %d: %+v", len(res.Messages), len(want), res.Messages)
	}
	for _, m := range res.Messages {
		t.Logf("%s %d %s: request %q, %s, %s, %d raw bytes", m.Folder, m.UID, m.MessageID, m.Request, m.Match, m.Kind, len(m.Raw))
		w, ok := want[m.MessageID]
		if !ok {
			t.Errorf("unexpected message %q", m.MessageID)
			continue
		}
		if m.Folder != w.folder || m.Request != w.req || m.Match != w.match || m.Kind != w.kind {
			t.Errorf("%s: %s %q %q %q, want %s %q %q %q", m.MessageID, m.Folder, m.Request, m.Match, m.Kind, w.folder, w.req, w.match, w.kind)
		}
		if (m.Match != MatchNone) != (m.Raw != nil && m.Parsed != nil) {
			t.Errorf("%s: raw %d bytes, parsed %v for match %q", m.MessageID, len(m.Raw), m.Parsed != nil, m.Match)
		}
		if m.MessageID == "answer-1@costless.example" {
			if len(m.Parsed.Attachments) != 1 || m.Parsed.Attachments[0].Filename != "data.csv" || !strings.Contains(string(m.Parsed.Attachments[0].Data), "Olena") {
				t.Errorf("the answer's attachment: %+v", m.Parsed.Attachments)
			}
			if !strings.Contains(m.Parsed.Text, "Your data is attached") {
				t.Errorf("the answer's text: %q", m.Parsed.Text)
			}
		}
	}
	if n := countFlag(t, c, "INBOX", imap.FlagSeen); n != 0 {
		t.Errorf("Check marked %d INBOX messages read", n)
	}

	// The next check, with the state kept, reports nothing again.
	again, err := c.Check(ctx, sent, res.State)
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Messages) != 0 {
		t.Errorf("the second check reported %d messages again: %+v", len(again.Messages), again.Messages)
	}
	// A new answer after that is the only one reported.
	env.deliver(t, "", []byte(fmt.Sprintf("From: privacy@costless.example\nTo: %s\nSubject: Re: Re: your request\nMessage-ID: <answer-2@costless.example>\nReferences: <%s> <answer-1@costless.example>\n\nOne more thing.\n", env.user, outs[0].MessageID)))
	third, err := c.Check(ctx, sent, again.State)
	if err != nil {
		t.Fatal(err)
	}
	if len(third.Messages) != 1 || third.Messages[0].MessageID != "answer-2@costless.example" || third.Messages[0].Match != MatchCertain {
		t.Errorf("the third check: %+v", third.Messages)
	}
	// UIDs renumbered (another UIDVALIDITY): the folders are read again,
	// but nothing matched before is reported twice.
	renumbered := third.State
	renumbered.Folders = map[string]FolderState{"INBOX": {UIDValidity: 1, LastUID: 999}, "Junk": {UIDValidity: 1, LastUID: 999}}
	fourth, err := c.Check(ctx, sent, renumbered)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range fourth.Messages {
		if m.Match != MatchNone {
			t.Errorf("after renumbering, %s was reported again", m.MessageID)
		}
	}
	if fourth.State.Folders["INBOX"].UIDValidity == 1 {
		t.Error("the state kept the wrong UIDVALIDITY")
	}
}

func TestDovecotFailuresSayWhatFailed(t *testing.T) {
	env := dovecotEnv(t)
	startSink(t, env.sink)
	ctx := context.Background()
	stage := func(err error) Stage {
		var e *Error
		if errors.As(err, &e) {
			return e.Stage
		}
		return "none: " + Stage(fmt.Sprint(err))
	}

	wrong := &Client{Account: env.account(t), RootCAs: env.roots, Timeout: 20 * time.Second}
	wrong.Account.Password = "not-the-password"
	rep := wrong.Test(ctx)
	if stage(rep.IMAP) != StageAuth || stage(rep.SMTP) != StageAuth {
		t.Errorf("wrong password: IMAP %v; SMTP %v", rep.IMAP, rep.SMTP)
	}
	if strings.Contains(fmt.Sprint(rep.IMAP, rep.SMTP), "not-the-password") {
		t.Error("an error message shows the password")
	}

	// The system's roots do not know the test CA: refused, never accepted.
	untrusted := &Client{Account: env.account(t), Timeout: 20 * time.Second}
	rep = untrusted.Test(ctx)
	if stage(rep.IMAP) != StageTLS || stage(rep.SMTP) != StageTLS {
		t.Errorf("unknown CA: IMAP %v; SMTP %v", rep.IMAP, rep.SMTP)
	}
	out, err := Compose(testRequest())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := untrusted.Send(ctx, out); stage(err) != StageTLS {
		t.Errorf("Send with an unknown CA: %v", err)
	}

	// STARTTLS on IMAP works as well as implicit TLS.
	st := &Client{Account: env.account(t), RootCAs: env.roots, Timeout: 20 * time.Second}
	st.Account.IMAP, _ = ParseServer(env.imapStartTLS, SecuritySTARTTLS)
	if rep := st.Test(ctx); rep.IMAP != nil {
		t.Errorf("IMAP STARTTLS: %v", rep.IMAP)
	}

	// SMTP on implicit TLS (port 465 style) sends as well.
	if addr := os.Getenv("PRAVA_TEST_SMTPS_ADDR"); addr != "" {
		tlsc := &Client{Account: env.account(t), RootCAs: env.roots, Timeout: 20 * time.Second}
		tlsc.Account.SMTP, _ = ParseServer(addr, SecurityTLS)
		r := testRequest()
		r.FromAddress = env.user
		out, err := Compose(r)
		if err != nil {
			t.Fatal(err)
		}
		if rc, err := tlsc.Send(ctx, out); err != nil || rc.TLS == "" {
			t.Errorf("SMTP over implicit TLS: %v", err)
		}
	}

	closed := &Client{Account: env.account(t), RootCAs: env.roots, Timeout: 5 * time.Second}
	closed.Account.IMAP.Port = freePort(t)
	if rep := closed.Test(ctx); stage(rep.IMAP) != StageConnect {
		t.Errorf("nothing listening: %v", rep.IMAP)
	}
	dns := &Client{Account: env.account(t), RootCAs: env.roots, Timeout: 5 * time.Second}
	dns.Account.IMAP.Host = "no-such-host.invalid"
	if rep := dns.Test(ctx); stage(rep.IMAP) != StageDNS {
		t.Errorf("unknown host: %v", rep.IMAP)
	}

	// A recipient the company's server refuses: a clear error, no receipt.
	r := testRequest()
	r.FromAddress = env.user
	r.To = []Recipient{{Address: "refuse-me@costless.example"}}
	out, err = Compose(r)
	if err != nil {
		t.Fatal(err)
	}
	ok := &Client{Account: env.account(t), RootCAs: env.roots, Timeout: 20 * time.Second}
	if rc, err := ok.Send(ctx, out); stage(err) != StageRecipient || rc != nil {
		t.Errorf("refused recipient: %v %+v", err, rc)
	}
}

func countByHeader(t *testing.T, c *Client, folder, key, value string) int {
	t.Helper()
	return count(t, c, folder, &imap.SearchCriteria{Header: []imap.SearchCriteriaHeaderField{{Key: key, Value: value}}})
}

func countFlag(t *testing.T, c *Client, folder string, f imap.Flag) int {
	t.Helper()
	return count(t, c, folder, &imap.SearchCriteria{Flag: []imap.Flag{f}})
}

func count(t *testing.T, c *Client, folder string, crit *imap.SearchCriteria) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	s, err := c.openIMAP(ctx, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	if _, err := s.c.Select(folder, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		t.Fatal(err)
	}
	d, err := s.c.UIDSearch(crit, nil).Wait()
	if err != nil {
		t.Fatal(err)
	}
	return len(d.AllUIDs())
}

// TestDovecotLargeAnswerIsNotFetched: a matched answer larger than the
// limit is listed with a problem and left in the mailbox, not read.
func TestDovecotLargeAnswerIsNotFetched(t *testing.T) {
	env := dovecotEnv(t)
	c := &Client{Account: env.account(t), RootCAs: env.roots, Timeout: 20 * time.Second, MaxFetchBytes: 64 << 10}
	ctx := context.Background()
	sent := []Sent{{RequestID: "req-big", MessageID: "prava.2026-big0001.x@example.test", Reference: "2026-BIG0001", SentAt: time.Now().Add(-time.Hour)}}
	first, err := c.Check(ctx, sent, State{})
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Repeat("A line of a large scan, base64 or not.\n", 5000)
	env.deliver(t, "", []byte("From: dpo@big.example\nSubject: Re: [Ref 2026-BIG0001]\nMessage-ID: <big@big.example>\nIn-Reply-To: <prava.2026-big0001.x@example.test>\n\n"+body))
	res, err := c.Check(ctx, sent, first.State)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Messages) != 1 {
		t.Fatalf("%d messages", len(res.Messages))
	}
	m := res.Messages[0]
	if m.Match != MatchCertain || m.Raw != nil || !strings.Contains(m.Problem, "MB") || m.Size < 64<<10 {
		t.Errorf("large answer: match %q, %d raw bytes, size %d, problem %q", m.Match, len(m.Raw), m.Size, m.Problem)
	}
}
