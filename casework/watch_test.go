package casework

import (
	"context"
	"errors"
	"testing"
	"time"

	"prava/internal/mailtest"
)

// TestWatchMail: without a mailbox the watch ends at once and says so;
// with one, a message delivered to INBOX calls back within seconds; a
// cancelled watch returns nil.
func TestWatchMail(t *testing.T) {
	k, _, _ := newDesk(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := k.WatchMail(ctx, func() {}); !errors.Is(err, ErrNoMailAccount) {
		t.Fatalf("a watch with no mailbox: %v", err)
	}
	b, err := mailtest.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := k.SetMailAccount(b.Account); err != nil {
		t.Fatal(err)
	}
	arrived := make(chan struct{}, 4)
	done := make(chan error, 1)
	go func() { done <- k.WatchMail(ctx, func() { arrived <- struct{}{} }) }()
	time.Sleep(500 * time.Millisecond)
	select {
	case <-arrived:
		t.Fatal("called back with no new mail")
	default:
	}
	if err := b.Deliver("INBOX", "From: privacy@costless.example\nSubject: Your request\nMessage-ID: <watched@costless.example>\nDate: Mon, 23 Nov 2026 12:00:00 +0000\n\nWe have your request.\n"); err != nil {
		t.Fatal(err)
	}
	select {
	case <-arrived:
	case err := <-done:
		t.Fatalf("the watch ended: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("no call back 10 s after a delivery")
	}
	cancel()
	select {
	case err := <-done:
		if err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("a cancelled watch: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Error("a cancelled watch did not return")
	}
}
