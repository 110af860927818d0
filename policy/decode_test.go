package policy

import (
	"bytes"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

func TestDecodeEncodings(t *testing.T) {
	const uk = "Політика конфіденційності: ми обробляємо ваші персональні дані."
	const lv = "Privātuma politika: mēs apstrādājam jūsu personas datus, ievērojot regulu."
	const lt = "Privatumo politika: mes tvarkome jūsų asmens duomenis pagal reglamentą."
	cp1251, _ := charmap.Windows1251.NewEncoder().String(uk)
	cp1257lv, _ := charmap.Windows1257.NewEncoder().String(lv)
	cp1257lt, _ := charmap.Windows1257.NewEncoder().String(lt)
	utf16le, _ := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().String(uk)
	utf16be, _ := xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM).NewEncoder().String(lt)
	cases := []struct {
		name, data, contentType, want, enc string
	}{
		{"utf-8", uk, "", uk, "utf-8"},
		{"utf-8 with BOM", "\xEF\xBB\xBF" + uk, "", uk, "utf-8"},
		{"windows-1251 guessed", cp1251, "", uk, "windows-1251"},
		{"windows-1257 guessed (lv)", cp1257lv, "", lv, "windows-1257"},
		{"windows-1257 guessed (lt)", cp1257lt, "", lt, "windows-1257"},
		{"windows-1251 declared", cp1251, "text/plain; charset=windows-1251", uk, "windows-1251"},
		{"utf-16le with BOM", utf16le, "", uk, "utf-16le"},
		{"utf-16be with BOM", utf16be, "", lt, "utf-16be"},
		{"meta charset", `<html><head><meta charset="windows-1251"></head><body><p>` + cp1251 + `</p></body></html>`, "", uk, "windows-1251"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Decode([]byte(c.data), c.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if strings.TrimSpace(d.Text) != c.want {
				t.Errorf("text = %q, want %q", d.Text, c.want)
			}
			if d.Encoding != c.enc {
				t.Errorf("encoding = %q, want %q", d.Encoding, c.enc)
			}
		})
	}
}

// TestDecodeBadInput checks that every kind of bad input gets an error that
// names the problem and says what to do.
func TestDecodeBadInput(t *testing.T) {
	big := bytes.Repeat([]byte("Privacy policy text. "), 1_000_000) // 21 MB
	cases := []struct {
		name  string
		data  []byte
		is    error
		words string
	}{
		{"empty", nil, ErrEmpty, "paste the policy"},
		{"only spaces", []byte(" \n\t \r\n"), ErrEmpty, "paste the policy"},
		{"NUL bytes", []byte("Privacy\x00policy\x00"), ErrBinary, "NUL"},
		{"PDF", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), ErrBinary, "PDF"},
		{"PNG", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrBinary, "PNG image"},
		{"broken UTF-8", []byte("Політика \xff\xfe конфіденційності"), ErrBinary, "save it again as UTF-8"},
		{"random bytes", []byte{0x01, 0x9c, 0x83, 0x02, 0xf1, 0x13, 0x88, 0x7f, 0x05, 0xee, 0x1b, 0x90}, ErrBinary, "UTF-8"},
		{"20 MB", big, ErrTooLarge, "at most"},
		{"UTF-32LE with BOM", []byte("\xff\xfe\x00\x00P\x00\x00\x00r\x00\x00\x00"), ErrBinary, "UTF-32"},
		{"UTF-32BE with BOM", []byte("\x00\x00\xfe\xff\x00\x00\x00P\x00\x00\x00r"), ErrBinary, "UTF-32"},
		{"HTML without text", []byte("<html><head><script>render()</script></head><body><div id=app></div></body></html>"), ErrEmpty, "browser"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Decode(c.data, "")
			if !errors.Is(err, c.is) {
				t.Fatalf("err = %v, want %v", err, c.is)
			}
			if !strings.Contains(err.Error(), c.words) {
				t.Errorf("error %q does not say %q", err, c.words)
			}
		})
	}
}

func TestHTMLToText(t *testing.T) {
	page := `<html><head><title>Policy</title><style>p{color:red}</style></head><body>
<script>var x = "hidden@example.com";</script>
<h1>Privacy&nbsp;policy</h1><p>We are <b>Acme</b>&#160;Ltd.</p>
<ul><li>first</li><li>second <a href="mailto:privacy@acme.test?subject=Hi">write to us</a></li></ul>
<p>Call <a href="tel:+371 6700 0000">our office</a> or <a href="mailto:info@acme.test">info@acme.test</a></p>
<p><a href="mailto:%20dpo@acme.test">our officer</a></p>
<noscript>enable JavaScript</noscript><table><tr><td>a</td><td>b</td></tr></table></body></html>`
	got := NormalizeText(HTMLToText(page))
	for _, want := range []string{"Privacy policy", "We are Acme Ltd.", "- first", "- second write to us (privacy@acme.test)", "our office (+371 6700 0000)", "our officer (dpo@acme.test)", "a b"} {
		if !strings.Contains(got, want) {
			t.Errorf("text lacks %q:\n%s", want, got)
		}
	}
	for _, unwanted := range []string{"hidden@example.com", "color:red", "enable JavaScript", "(info@acme.test)", "20dpo"} {
		if strings.Contains(got, unwanted) {
			t.Errorf("text keeps %q:\n%s", unwanted, got)
		}
	}
}

// TestHTMLDeeplyNested feeds markup nested 200,000 deep and markup that is
// broken in several ways; the text must come through without a crash.
func TestHTMLDeeplyNested(t *testing.T) {
	deep := strings.Repeat("<div><span>", 100_000) + "contact: info@deep.test" + strings.Repeat("</span></div>", 100_000)
	broken := `<html><body><p>Controller: Broken SIA<p>unclosed <b>bold <i>both</b> e-mail: broken@firma.lv <div <<>> </ul></table>`
	for name, page := range map[string]string{"deep": deep, "broken": broken} {
		d, err := Decode([]byte(page), "text/html")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		f := Analyze(d.Text)
		if len(f.Emails) != 1 {
			t.Errorf("%s: emails = %v, want one", name, f.Emails)
		}
	}
}

// TestAnalyzeOddDots covers text the fuzzer found: a dot followed by a
// non-letter rune used to send the website reader back to an earlier
// offset for ever.
func TestAnalyzeOddDots(t *testing.T) {
	for _, text := range []string{"a-.€", "x.€", "-.\u00a0", "..€€", "a.b.€-"} {
		done := make(chan struct{})
		go func() {
			Analyze(text)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("Analyze(%q) did not return", text)
		}
	}
}

// TestCloudflareProtectedEmails reads addresses hidden by Cloudflare's
// e-mail protection, as saved pages of many real policies have them.
func TestCloudflareProtectedEmails(t *testing.T) {
	// "privacy@cf-shop.lv" XOR 0x5a, and "dpo@cf-shop.lv" XOR 0x21.
	page := `<p>Rakstiet uz <a href="/cdn-cgi/l/email-protection#5a2a28332c3b39231a393c772932352a74362c" class="__cf_email__">[email&#160;protected]</a>
vai <span class="__cf_email__" data-cfemail="` + cfHex("dpo@cf-shop.lv", 0x21) + `">[email&#160;protected]</span>.</p>
<p><a href="/cdn-cgi/l/email-protection#zz">broken</a> <span data-cfemail="41">short</span></p>`
	d, err := Decode([]byte(page), "text/html")
	if err != nil {
		t.Fatal(err)
	}
	f := Analyze(d.Text)
	want := []string{"privacy@cf-shop.lv", "dpo@cf-shop.lv"}
	if strings.Join(f.Emails, ",") != strings.Join(want, ",") {
		t.Errorf("emails = %v, want %v\ntext: %s", f.Emails, want, d.Text)
	}
}

func cfHex(email string, key byte) string {
	out := []byte{key}
	for i := 0; i < len(email); i++ {
		out = append(out, email[i]^key)
	}
	return hex.EncodeToString(out)
}
