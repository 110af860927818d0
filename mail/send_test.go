package mail

import (
	"context"
	"errors"
	"net"
	"strconv"
	"testing"
	"time"
)

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// plainClient talks to a go-smtp server on loopback without TLS, which the
// account rules allow only there.
func plainClient(t *testing.T, s *sink) *Client {
	t.Helper()
	_, port, _ := net.SplitHostPort(s.ln.Addr().String())
	p, _ := strconv.Atoi(port)
	s.wantUser, s.wantPassword = "olena@example.com", "pw"
	a := Account{Address: "olena@example.com", Password: "pw",
		SMTP:            Server{Host: "127.0.0.1", Port: p, Security: SecurityPlain},
		IMAP:            Server{Host: "127.0.0.1", Port: freePort(t), Security: SecurityPlain},
		ServerFilesSent: true}
	return &Client{Account: a, Timeout: 10 * time.Second}
}

func TestSendOnce(t *testing.T) {
	s := startSink(t, "127.0.0.1:0")
	c := plainClient(t, s)
	out, err := Compose(testRequest())
	if err != nil {
		t.Fatal(err)
	}
	rc, err := c.Send(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	got := s.messages()
	if len(got) != 1 || string(got[0].Data) != string(out.Bytes) {
		t.Fatalf("the server got %d messages; the bytes are the same: %v", len(got), len(got) == 1 && string(got[0].Data) == string(out.Bytes))
	}
	if rc.SHA256 != sha256Hex(got[0].Data) || rc.SentFolder != "" {
		t.Errorf("receipt %+v", rc)
	}
}

// TestSendDroppedAfterData: the server read the whole message and hung up
// without an answer. The error must say it may have been sent, so the desk
// does not send it a second time.
func TestSendDroppedAfterData(t *testing.T) {
	s := startSink(t, "127.0.0.1:0")
	s.dropAfterData = true
	c := plainClient(t, s)
	out, err := Compose(testRequest())
	if err != nil {
		t.Fatal(err)
	}
	rc, err := c.Send(context.Background(), out)
	var me *Error
	if !errors.As(err, &me) || !me.MaybeSent || rc != nil {
		t.Fatalf("got %v, %+v; want an *Error with MaybeSent", err, rc)
	}
	if len(s.messages()) != 1 {
		t.Fatalf("the server got %d messages", len(s.messages()))
	}
}

func TestSendWrongPasswordIsNotMaybeSent(t *testing.T) {
	s := startSink(t, "127.0.0.1:0")
	c := plainClient(t, s)
	c.Account.Password = "wrong"
	out, _ := Compose(testRequest())
	_, err := c.Send(context.Background(), out)
	var me *Error
	if !errors.As(err, &me) || me.Stage != StageAuth || me.MaybeSent {
		t.Fatalf("got %v", err)
	}
	if len(s.messages()) != 0 {
		t.Fatal("a message got through with a wrong password")
	}
}

func TestSendCancelled(t *testing.T) {
	// A server that accepts the connection and never says anything.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	port := ln.Addr().(*net.TCPAddr).Port
	c := &Client{Account: Account{Address: "olena@example.com", Password: "pw",
		SMTP: Server{Host: "127.0.0.1", Port: port, Security: SecurityPlain},
		IMAP: Server{Host: "127.0.0.1", Port: port, Security: SecurityPlain}}, Timeout: time.Minute}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	out, _ := Compose(testRequest())
	if _, err := c.Send(ctx, out); err == nil {
		t.Fatal("a silent server accepted the message")
	}
	if rep := c.Test(ctx); rep.IMAP == nil {
		t.Fatal("a silent IMAP server passed the test")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("the context's deadline was not kept: %v", d)
	}
}

func TestSendWithXOAuth2(t *testing.T) {
	s := startSink(t, "127.0.0.1:0")
	c := plainClient(t, s)
	s.wantToken = "eyJ0eXAiOiJKV1Qi.token"
	c.Account.OAuth, c.Account.Password = true, s.wantToken
	out, _ := Compose(testRequest())
	if _, err := c.Send(context.Background(), out); err != nil {
		t.Fatalf("XOAUTH2 with the right token: %v", err)
	}
	c.Account.Password = "expired-token"
	_, err := c.Send(context.Background(), out)
	var me *Error
	if !errors.As(err, &me) || me.Stage != StageAuth {
		t.Fatalf("XOAUTH2 with a wrong token: %v", err)
	}
	if n := len(s.messages()); n != 1 {
		t.Fatalf("the server got %d messages, want 1", n)
	}
}
