package storage

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"prava/keyringtest"
	"prava/record"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// TestCrashWriter is the child process of TestKillDuringSave: it saves the
// vault in a loop, one more company each time, and reports each save that
// returned. With PRAVA_CRASH_REQUESTS set it also adds a request each time;
// without, it opens the vault without its requests, as "prava company add"
// does, so saves write the stored request parts back. It does nothing in a
// normal test run.
func TestCrashWriter(t *testing.T) {
	path := os.Getenv("PRAVA_CRASH_VAULT")
	if path == "" {
		t.Skip("runs only as TestKillDuringSave's child")
	}
	withRequests := os.Getenv("PRAVA_CRASH_REQUESTS") != ""
	open := OpenWithoutRequests
	if withRequests {
		open = Open
	}
	v, err := open(path, Unlock{}, keyringtest.At(os.Getenv("PRAVA_CRASH_KEYRING")))
	if err != nil {
		fmt.Println("open failed:", err)
		os.Exit(3)
	}
	for n := len(v.Data.Companies) + 1; ; n++ {
		v.Data.Companies = append(v.Data.Companies, record.Company{ID: record.NewID(), Name: "company " + strconv.Itoa(n), Notes: strings.Repeat("x", 2000)})
		if withRequests {
			v.Data.Requests = append(v.Data.Requests, record.Request{ID: record.NewID(), Kind: "access", LetterText: record.NewText(strings.Repeat("лист ", 200))})
		}
		if err := v.Save(); err != nil {
			fmt.Println("save failed:", err)
			os.Exit(4)
		}
		fmt.Println("saved", n, len(v.Data.Requests))
	}
}

// TestKillDuringSave kills a process that is saving the vault, with
// SIGKILL at a random moment, 200 times, and reopens the vault after each
// kill: it must always open, and hold every save that had returned. Every
// other writer adds requests; the others leave them unread, so both ways
// of saving are killed.
func TestKillDuringSave(t *testing.T) {
	if testing.Short() {
		t.Skip("takes about half a minute")
	}
	k := testKeyring(t)
	path := filepath.Join(t.TempDir(), "crash.vault")
	v, _, err := Create(path, CreateOptions{Keyring: k})
	if err != nil {
		t.Fatal(err)
	}
	v.Close()
	defer k.Delete(keyringService, v.ID())

	const kills = 200
	rng := rand.New(rand.NewPCG(1, 2))
	var beyond, total, requests int
	for i := 0; i < kills; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashWriter$", "-test.count=1")
		cmd.Env = append(os.Environ(), "PRAVA_CRASH_VAULT="+path, "PRAVA_CRASH_KEYRING="+k.Dir())
		if i%2 == 1 {
			cmd.Env = append(cmd.Env, "PRAVA_CRASH_REQUESTS=1")
		}
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var lastSaved, lastRequests atomic.Int64
		done := make(chan string)
		go func() {
			var failure string
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				line := sc.Text()
				var n, r int64
				if _, err := fmt.Sscanf(line, "saved %d %d", &n, &r); err == nil {
					lastSaved.Store(n)
					lastRequests.Store(r)
				} else if strings.Contains(line, "failed") {
					failure = line
				}
			}
			done <- failure
		}()
		// Let it save a few times, then kill it mid-way through a save.
		time.Sleep(time.Duration(20+rng.IntN(60)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		failure := <-done
		cmd.Wait()
		if failure != "" {
			t.Fatalf("kill %d: the writer reported %q", i, failure)
		}
		saved := int(lastSaved.Load())

		w, err := Open(path, Unlock{}, k)
		if err != nil {
			t.Fatalf("kill %d: the vault does not open: %v", i, err)
		}
		got := len(w.Data.Companies)
		if got < saved {
			t.Fatalf("kill %d: %d companies, but %d saves had returned", i, got, saved)
		}
		if len(w.Data.Requests) < requests || len(w.Data.Requests) < int(lastRequests.Load()) {
			t.Fatalf("kill %d: %d requests, but %d had been saved", i, len(w.Data.Requests), max(requests, int(lastRequests.Load())))
		}
		for _, r := range w.Data.Requests {
			if r.LetterText.String() != strings.Repeat("лист ", 200) {
				t.Fatalf("kill %d: a request's letter came back as %q", i, r.LetterText.String())
			}
		}
		requests = len(w.Data.Requests)
		if got > saved {
			beyond++ // killed after the rename, before the report: a save was under way
		}
		total = got
		w.Close()
	}
	t.Logf("%d kills, %d saves in all, %d requests; %d kills fell between a save's rename and its report", kills, total, requests, beyond)
	leftovers, _ := filepath.Glob(path + ".tmp-*")
	if len(leftovers) > 1 {
		t.Errorf("temporary files pile up: %v", leftovers)
	}
}
