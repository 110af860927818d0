package letters

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"prava/record"
)

// requestKinds are the kinds a person starts a case with; the follow-ups
// (reminder, reply, complaint) are left to TestLayoutMatrix.
var requestKinds = []record.Kind{record.Access, record.Erasure, record.Withdrawal, record.Rectification, record.Objection, record.Restriction, record.Portability}

// pageLaws are the laws every request letter is written under in
// TestOnePageFloor.
var pageLaws = []record.Code{"EU-LV", "EU-LT", "EU-DE", "UA", "RU"}

// ownReasons are the person's grounds for an objection or a restriction,
// as someone writes them, in each language: the letters the review counted
// carry them (an objection under GDPR Art. 21(1) needs them).
var ownReasons = map[string]string{
	"en": "you show my profile to other customers, and I have been harassed through it",
	"lv": "mans profils ir redzams citiem klientiem, un caur to esmu saņēmis draudus",
	"lt": "mano profilis matomas kitiems klientams, ir per jį man buvo grasinama",
	"uk": "мій профіль бачать інші клієнти, і через нього мені надходили погрози",
	"ru": "мой профиль видят другие клиенты, и через него мне поступали угрозы",
}

// onePageList holds the request letters that take one page; a letter on
// it that takes two fails TestOnePageFloor (go test -update adds letters
// that come to fit, and takes one off only with -drop-one-page).
var onePageList = filepath.Join("testdata", "one-page.txt")

// TestOnePageFloor writes every request kind in every language under
// every law, with the sample profile and company, renders it to PDF and
// reads the page count back with pdfinfo. A letter that took one page
// when testdata/one-page.txt was written must still take one (issue 23,
// C2: one page when it fits).
func TestOnePageFloor(t *testing.T) {
	needPdftotext(t)
	dir := t.TempDir()
	pages := map[string]int{}
	var ones []string
	count := map[int]int{}
	for _, lang := range Languages {
		for _, code := range pageLaws {
			for _, kind := range requestKinds {
				r := sampleRequest(lang, kind)
				r.Jurisdiction = code
				if kind == record.Objection || kind == record.Restriction {
					r.Reasons = ownReasons[lang]
				}
				l, err := Compose(r)
				if err != nil {
					continue // a right this law does not grant: refused, not written
				}
				pdf, err := l.PDF()
				if err != nil {
					t.Fatal(err)
				}
				id := fmt.Sprintf("%s-%s-%s", lang, code, kind)
				path := filepath.Join(dir, id+".pdf")
				if err := os.WriteFile(path, pdf, 0o600); err != nil {
					t.Fatal(err)
				}
				n := pdfPages(t, path)
				pages[id] = n
				count[n]++
				if n == 1 {
					ones = append(ones, id)
				}
			}
		}
	}
	t.Logf("request letters by page count: %v (of %d)", count, len(pages))
	if *update {
		if err := updateOnePage(onePageList, ones, pages, *dropOnePage); err != nil {
			t.Fatal(err)
		}
		return
	}
	listed, err := readOnePage(onePageList)
	if err != nil {
		t.Fatalf("%v (run go test ./letters -run OnePage -update to write it)", err)
	}
	for _, id := range listed {
		if n, ok := pages[id]; ok && n != 1 {
			t.Errorf("%s: %d pages; it took one when %s was written", id, n, onePageList)
		}
	}
	if count[1] < len(listed) {
		t.Errorf("%d one-page request letters, fewer than the %d in %s", count[1], len(listed), onePageList)
	}
	if !slices.Contains(Languages, "en") {
		t.Fatal("no English letters written")
	}
}

// dropOnePage lets -update take letters off testdata/one-page.txt. Without
// it a wording change that pushes a letter to a second page would vanish
// from the list on the next -update, and the floor would sink unseen.
var dropOnePage = flag.Bool("drop-one-page", false, "with -update, let letters that now take two pages leave testdata/one-page.txt")

// readOnePage reads the ids listed in a one-page list, skipping blank lines.
func readOnePage(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var ids []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		if id := strings.TrimSpace(s.Text()); id != "" {
			ids = append(ids, id)
		}
	}
	return ids, s.Err()
}

// updateOnePage writes ones, sorted, as the one-page list at path. It
// refuses, naming them and leaving the file as it was, when a letter on
// the old list is missing from ones, unless allowDrop is set; pages gives
// each letter's page count for the message (absent: no longer written).
func updateOnePage(path string, ones []string, pages map[string]int, allowDrop bool) error {
	old, err := readOnePage(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	var dropped []string
	for _, id := range old {
		if slices.Contains(ones, id) {
			continue
		}
		if n, ok := pages[id]; ok {
			dropped = append(dropped, fmt.Sprintf("%s (%d pages)", id, n))
		} else {
			dropped = append(dropped, id+" (no longer written)")
		}
	}
	if len(dropped) > 0 && !allowDrop {
		return fmt.Errorf("%s not rewritten: %d letters would leave the one-page list: %s; shorten them, or run with -update -drop-one-page to accept it", path, len(dropped), strings.Join(dropped, ", "))
	}
	sorted := slices.Clone(ones)
	sort.Strings(sorted)
	return os.WriteFile(path, []byte(strings.Join(sorted, "\n")+"\n"), 0o644)
}

// pdfPages reads a PDF's page count with pdfinfo.
func pdfPages(t *testing.T, path string) int {
	t.Helper()
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", path, err)
	}
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo %s: no page count", path)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// TestUpdateOnePage: -update adds new one-page letters, but refuses to
// take one off the list, naming it, unless told to.
func TestUpdateOnePage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "one-page.txt")
	before := "en-RU-access\nen-RU-erasure\nen-UA-access\n"
	if err := os.WriteFile(path, []byte(before), 0o644); err != nil {
		t.Fatal(err)
	}
	pages := map[string]int{"en-RU-access": 1, "en-RU-erasure": 2, "lt-RU-access": 1}
	err := updateOnePage(path, []string{"lt-RU-access", "en-RU-access"}, pages, false)
	if err == nil || !strings.Contains(err.Error(), "en-RU-erasure (2 pages)") || !strings.Contains(err.Error(), "en-UA-access (no longer written)") || !strings.Contains(err.Error(), "-drop-one-page") {
		t.Errorf("dropping two letters: %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != before {
		t.Errorf("a refused update rewrote the list:\n%s", got)
	}
	if err := updateOnePage(path, []string{"lt-RU-access", "en-RU-access", "en-RU-erasure", "en-UA-access"}, pages, false); err != nil {
		t.Errorf("adding a letter: %v", err)
	}
	if err := updateOnePage(path, []string{"lt-RU-access"}, pages, true); err != nil {
		t.Errorf("dropping with -drop-one-page: %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "lt-RU-access\n" {
		t.Errorf("list after an allowed drop:\n%s", got)
	}
	if err := updateOnePage(filepath.Join(t.TempDir(), "new.txt"), []string{"en-RU-access"}, pages, false); err != nil {
		t.Errorf("writing a first list: %v", err)
	}
}
