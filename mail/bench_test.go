//go:build unix

package mail

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// fillMaildir writes n messages straight into the INBOX's Maildir, dated one
// every 20 minutes back from now (50,000 cover about two years), as a
// mailbox that has been in use for a long time. Dovecot indexes them on the
// first SELECT.
func fillMaildir(b *testing.B, home string, n int) {
	b.Helper()
	cur := filepath.Join(home, "Maildir", "cur")
	if err := os.MkdirAll(cur, 0o700); err != nil {
		b.Fatal(err)
	}
	for _, d := range []string{"new", "tmp"} {
		_ = os.MkdirAll(filepath.Join(home, "Maildir", d), 0o700)
	}
	st, err := os.Stat(home)
	if err != nil {
		b.Fatal(err)
	}
	sys := st.Sys().(*syscall.Stat_t)
	now := time.Now()
	for i := 0; i < n; i++ {
		at := now.Add(-time.Duration(n-i) * 20 * time.Minute)
		msg := fmt.Sprintf("From: Shop %d <news@shop%d.example>\r\nTo: person@example.test\r\nSubject: Newsletter number %d\r\nMessage-ID: <bulk-%d@shop%d.example>\r\nDate: %s\r\n\r\nHello, this is newsletter %d with some text in it.\r\n",
			i%97, i%97, i, i, i%97, at.Format(time.RFC1123Z), i)
		name := filepath.Join(cur, fmt.Sprintf("%d.M%dP1.bench,S=%d:2,", at.Unix(), i, len(msg)))
		if err := os.WriteFile(name, []byte(msg), 0o600); err != nil {
			b.Fatal(err)
		}
		_ = os.Chtimes(name, at, at)
	}
	for _, d := range []string{filepath.Join(home, "Maildir"), cur, filepath.Join(home, "Maildir", "new"), filepath.Join(home, "Maildir", "tmp")} {
		_ = os.Chown(d, int(sys.Uid), int(sys.Gid))
	}
	entries, _ := os.ReadDir(cur)
	for _, e := range entries {
		_ = os.Chown(filepath.Join(cur, e.Name()), int(sys.Uid), int(sys.Gid))
	}
}

// BenchmarkCheckLargeMailbox measures a check of a 50,000-message INBOX
// after the first sync: one new answer arrives before each check. The
// first sync (requests sent 30 days ago, so it reads about 2,200 headers)
// is timed once and logged.
func BenchmarkCheckLargeMailbox(b *testing.B) {
	env := dovecotEnv(&testing.T{})
	home := os.Getenv("PRAVA_TEST_MAIL_HOME")
	if env.imap == "" || home == "" {
		b.Skip("run under scripts/with-dovecot.sh")
	}
	c := &Client{Account: env.account(&testing.T{}), RootCAs: env.roots, Timeout: 2 * time.Minute}
	ctx := context.Background()
	if rep := c.Test(ctx); rep.IMAP != nil {
		b.Fatal(rep.IMAP)
	}
	fillMaildir(b, home, 50000)
	sent := []Sent{{RequestID: "req-1", MessageID: "prava.2026-bench01.x@example.test", Reference: "2026-BENCH01",
		Domains: []string{"shop5.example"}, SentAt: time.Now().AddDate(0, 0, -30)}}

	var ms0, ms1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms0)
	start := time.Now()
	res, err := c.Check(ctx, sent, State{})
	if err != nil {
		b.Fatal(err)
	}
	runtime.ReadMemStats(&ms1)
	b.Logf("first sync of 50,000: %v, %d messages since the request, %d matched, %.1f MB allocated",
		time.Since(start), len(res.Messages), countMatched(res.Messages), float64(ms1.TotalAlloc-ms0.TotalAlloc)/(1<<20))
	state := res.State

	b.Run("one new answer", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			b.StopTimer()
			env.deliver(&testing.T{}, "", []byte(fmt.Sprintf("From: privacy@shop5.example\nSubject: Re: request [Ref 2026-BENCH01] part %d\nMessage-ID: <bench-answer-%d@shop5.example>\n\nAnswer.\n", i, i)))
			b.StartTimer()
			r, err := c.Check(ctx, sent, state)
			if err != nil {
				b.Fatal(err)
			}
			if len(r.Messages) != 1 || r.Messages[0].Match != MatchLikely {
				b.Fatalf("check %d found %+v", i, r.Messages)
			}
			state = r.State
		}
	})
	b.Run("nothing new", func(b *testing.B) {
		for b.Loop() {
			r, err := c.Check(ctx, sent, state)
			if err != nil {
				b.Fatal(err)
			}
			if len(r.Messages) != 0 {
				b.Fatalf("found %d", len(r.Messages))
			}
		}
	})
}

func countMatched(ms []Message) int {
	n := 0
	for _, m := range ms {
		if m.Match != MatchNone {
			n++
		}
	}
	return n
}
