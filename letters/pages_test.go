package letters

import (
	"bufio"
	"fmt"
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
// it that takes two fails TestOnePageFloor (go test -update rewrites it
// once more letters fit).
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
		sort.Strings(ones)
		if err := os.WriteFile(onePageList, []byte(strings.Join(ones, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(onePageList)
	if err != nil {
		t.Fatalf("%v (run go test ./letters -run OnePage -update to write it)", err)
	}
	defer f.Close()
	want := 0
	for s := bufio.NewScanner(f); s.Scan(); {
		id := strings.TrimSpace(s.Text())
		if id == "" {
			continue
		}
		want++
		if n, ok := pages[id]; ok && n != 1 {
			t.Errorf("%s: %d pages; it took one when %s was written", id, n, onePageList)
		}
	}
	if count[1] < want {
		t.Errorf("%d one-page request letters, fewer than the %d in %s", count[1], want, onePageList)
	}
	if !slices.Contains(Languages, "en") {
		t.Fatal("no English letters written")
	}
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
