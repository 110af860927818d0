package mail

import (
	"context"
	"errors"
	"net"
	"testing"
	"time"
)

// TestDovecotWatch: Watch idles on the real Dovecot's INBOX and calls back
// when a message is delivered there, within seconds, not at the next
// five-minute check; it returns when its context ends.
func TestDovecotWatch(t *testing.T) {
	env := dovecotEnv(t)
	c := &Client{Account: env.account(t), RootCAs: env.roots, Timeout: 20 * time.Second}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	arrived := make(chan struct{}, 1)
	done := make(chan error, 1)
	go func() { done <- c.Watch(ctx, func() { arrived <- struct{}{} }) }()

	// Nothing arrives: no call back.
	select {
	case <-arrived:
		t.Fatal("Watch called back with no new mail")
	case err := <-done:
		t.Fatalf("Watch ended with no new mail: %v", err)
	case <-time.After(1500 * time.Millisecond):
	}
	start := time.Now()
	env.deliver(t, "INBOX", []byte("From: privacy@costless.example\r\nTo: "+env.user+"\r\nSubject: Watched\r\nMessage-ID: <watched@costless.example>\r\n\r\nAn answer.\r\n"))
	select {
	case <-arrived:
		t.Logf("called back %v after the delivery", time.Since(start))
	case err := <-done:
		t.Fatalf("Watch ended before the mail arrived: %v", err)
	case <-time.After(15 * time.Second):
		t.Fatal("no call back 15 s after a delivery to INBOX")
	}
	if err := <-done; err != nil {
		t.Errorf("Watch after new mail: %v", err)
	}

	// A cancelled watch returns nil at once.
	go func() { done <- c.Watch(ctx, func() {}) }()
	time.Sleep(500 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("a cancelled Watch: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Error("a cancelled Watch did not return")
	}
}

// silentServer accepts connections and never greets, like a mail server
// that hangs while Watch connects; it returns the server's port.
func silentServer(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			t.Cleanup(func() { c.Close() })
		}
	}()
	return ln.Addr().(*net.TCPAddr).Port
}

// TestWatchCancelledWhileConnecting: a watch cancelled before the server
// greets returns nil, as its doc says, not the broken connection's error —
// the app stopping a watch is no mail problem to show.
func TestWatchCancelledWhileConnecting(t *testing.T) {
	port := silentServer(t)
	c := &Client{Account: Account{Address: "olena@example.test", Password: "p",
		IMAP: Server{Host: "127.0.0.1", Port: port, Security: SecurityPlain},
		SMTP: Server{Host: "127.0.0.1", Port: port, Security: SecurityPlain}}, Timeout: 20 * time.Second}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.Watch(ctx, func() {}) }()
	time.Sleep(300 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("a watch cancelled while connecting: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Error("a watch cancelled while connecting did not return")
	}
}
