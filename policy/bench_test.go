package policy

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusText joins the test policies and repeats them to size bytes, so
// that the benchmarks read realistic text in every language.
func corpusText(b *testing.B, size int) string {
	b.Helper()
	var parts []string
	for _, dir := range []string{"seeds", "policies"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.txt"))
		for _, name := range files {
			data, err := os.ReadFile(name)
			if err != nil {
				b.Fatal(err)
			}
			parts = append(parts, string(data))
		}
	}
	all := strings.Join(parts, "\n\n")
	var sb strings.Builder
	for sb.Len() < size {
		sb.WriteString(all)
	}
	return NormalizeText(sb.String()[:runeStart(sb.String(), size)])
}

// BenchmarkAnalyze50KB is the yardstick: one real 55 KB policy
// (the Planfix seed), analysed from plain text.
func BenchmarkAnalyze50KB(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "seeds", "004_c9271ffe27ce26c1.txt"))
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Analyze(text)
	}
}

// BenchmarkAnalyzeSize shows how time and memory grow with the size of the
// text, up to 10 MB.
func BenchmarkAnalyzeSize(b *testing.B) {
	for _, size := range []int{50 << 10, 500 << 10, 1 << 20, 5 << 20, 10 << 20} {
		text := corpusText(b, size)
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				Analyze(text)
			}
		})
	}
}

// BenchmarkDecodeHTML measures turning a web page into text.
func BenchmarkDecodeHTML(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "policies", "en_shop.html"))
	if err != nil {
		b.Fatal(err)
	}
	page := []byte(strings.Repeat(string(data), 20))
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(page, "text/html"); err != nil {
			b.Fatal(err)
		}
	}
}

// adversarial are texts built to make a careless reader quadratic: a run
// of "@", megabytes of e-mail-like tokens, a wall of capitalised words and
// of opening brackets, each at the size the issue names.
var adversarial = map[string]func(n int) string{
	"at-signs":   func(n int) string { return strings.Repeat("@", n) },
	"email-like": func(n int) string { return repeatTo("a@b.c a.b@c.d x(at)y(dot)z ", n) },
	"capitals":   func(n int) string { return repeatTo("Acme Bombay Duck Ltd ", n) },
	"brackets":   func(n int) string { return repeatTo("(\"we\" (далі — «ми» ", n) },
	"labels":     func(n int) string { return repeatTo("Controller: Verantwortlich ist: Оператор — ", n) },
	// Prose pasted without a line break: every rule that looks for the
	// line around a word once scanned back to the text's start.
	"one-line": func(n int) string {
		return repeatTo("We process your name, e-mail address and order history to provide the service. ", n)
	},
	// Contents entries, numbered headings, stacked forms and registry
	// addresses: what the heading, body-name and address rules read.
	"structure": func(n int) string {
		return repeatTo("- Acme Bombay Ltd\n3.1. Vārds\nООО НПП «Север» ФОНД «X» України\nHarju maakond, Tallinn, Kesklinna linnaosa, Pae tn 2, 10113\n", n)
	},
}

func repeatTo(s string, n int) string {
	return strings.Repeat(s, n/len(s)+1)[:n]
}

// BenchmarkAdversarial reads each adversarial text at two sizes; time per
// byte must stay flat (linear), see TestAdversarialLinear.
func BenchmarkAdversarial(b *testing.B) {
	for _, name := range []string{"at-signs", "email-like", "capitals", "brackets", "labels", "structure", "one-line"} {
		for _, size := range []int{400 << 10, 2 << 20} {
			text := NormalizeText(adversarial[name](size))
			b.Run(fmt.Sprintf("%s/%dKB", name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for b.Loop() {
					Analyze(text)
				}
			})
		}
	}
}
