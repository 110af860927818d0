package app

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/message"

	"prava/casework"
	"prava/record"
)

// policyShown is how many characters of a policy's beginning the card
// lays out. A rich text lays out all of its text: a 2 MB policy (a big
// paste can be one) kept the window from answering for a minute, 150 KB
// for under a second. Most real policies, under 60,000 characters, are
// still shown whole.
const policyShown = 60_000

// passageAround is how far, in bytes, a passage shown for a value found
// beyond policyShown reaches on either side of it.
const passageAround = 300

// policyCard shows a policy snapshot as it was read, with the words Prava
// found in it highlighted. The text is laid out only when the person asks
// to see it: a long policy costs nothing until then, and of a very long
// one only the beginning and the passages with the values are shown.
func policyCard(s record.PolicySnapshot) fyne.CanvasObject {
	body := widget.NewRichText()
	body.Wrapping = fyne.TextWrapWord
	body.Hide()
	long := hint("")
	long.Hide()
	var toggle *widget.Button
	toggle = widget.NewButton(T("company.policy_show", args("Date", s.Retrieved.Format(time.DateOnly))), func() {
		if body.Visible() {
			body.Hide()
			long.Hide()
			toggle.SetText(T("company.policy_show", args("Date", s.Retrieved.Format(time.DateOnly))))
			return
		}
		if len(body.Segments) == 0 {
			var shortened bool
			body.Segments, shortened = highlighted(s)
			if shortened {
				n := utf8.RuneCountInString(s.Text.String())
				long.SetText(T("company.policy_long", args("Count", message.NewPrinter(uiLanguage()).Sprintf("%d", n))))
			}
		}
		if long.Text != "" {
			long.Show()
		}
		body.Show()
		toggle.SetText(T("company.policy_hide"))
	})
	acc := container.NewVBox(container.NewHBox(toggle), hint(T("company.policy_legend")), long, body)
	return section(T("company.policy"), hint(T("company.policy_source", args("Source", s.Source))), acc)
}

// highlighted splits a snapshot's text into plain and highlighted runs:
// each value the reader found, where it found it. Of a text longer than
// policyShown characters it keeps the beginning and, after it, the
// passage around each value found further on, with "…" where text is
// left out; shortened reports that it did.
func highlighted(s record.PolicySnapshot) (segs []widget.RichTextSegment, shortened bool) {
	text := s.Text.String()
	spans := foundSpans(text, s)
	strong := widget.RichTextStyleStrong
	strong.Inline = true
	strong.ColorName = theme.ColorNamePrimary
	plain := func(t string) {
		if t != "" {
			segs = append(segs, &widget.TextSegment{Text: t, Style: widget.RichTextStyleInline})
		}
	}
	// The byte ranges shown: the beginning, then the passages, merged
	// where they meet. A value is never cut: spans do not overlap.
	ranges := [][2]int{{0, len(beginning(text, policyShown))}}
	for _, sp := range spans {
		last := &ranges[len(ranges)-1]
		from, to := passage(text, sp[0], sp[1])
		switch {
		case sp[0] < last[1]:
			last[1] = max(last[1], sp[1])
		case from <= last[1]:
			last[1] = max(last[1], to)
		default:
			ranges = append(ranges, [2]int{from, to})
		}
	}
	next := 0 // the first span not shown yet
	for i, r := range ranges {
		if i > 0 {
			plain("\n…\n")
		}
		at := r[0]
		for ; next < len(spans) && spans[next][1] <= r[1]; next++ {
			sp := spans[next]
			plain(text[at:sp[0]])
			segs = append(segs, &widget.TextSegment{Text: text[sp[0]:sp[1]], Style: strong})
			at = sp[1]
		}
		plain(text[at:r[1]])
	}
	end := ranges[len(ranges)-1][1]
	if end < len(text) {
		plain("\n…")
	}
	return segs, len(ranges) > 1 || end < len(text)
}

// passage is the byte range around text[s:e] that a long policy shows
// for a value: about passageAround bytes on each side, starting and
// ending at a space or line break so that no word (or character) is cut.
func passage(text string, s, e int) (from, to int) {
	from, to = max(0, s-passageAround), min(len(text), e+passageAround)
	if i := strings.IndexAny(text[from:s], "\n "); i >= 0 {
		from += i + 1
	}
	for from > 0 && from < s && !utf8.RuneStart(text[from]) {
		from++
	}
	if i := strings.LastIndexAny(text[e:to], "\n "); i >= 0 {
		to = e + i
	}
	for to < len(text) && to > e && !utf8.RuneStart(text[to]) {
		to--
	}
	return from, to
}

// wholeWord reports whether text[s:e] is not part of a longer word: a
// code like "EU" must not light up inside "Europos".
func wholeWord(text string, s, e int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:s])
	after, _ := utf8.DecodeRuneInString(text[e:])
	return !isWordRune(before) && !isWordRune(after)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// foundSpans are the byte ranges of text holding found values, sorted and
// not overlapping. A value is looked for at the offset the reader gave,
// else in the few hundred bytes around it (values are normalised: an
// address may be written over two lines).
func foundSpans(text string, s record.PolicySnapshot) [][2]int {
	f := casework.SnapshotFindings(s)
	if f == nil {
		return nil
	}
	lower := strings.ToLower(text)
	var spans [][2]int
	for _, ev := range f.Evidence {
		v := strings.ToLower(strings.TrimSpace(ev.Value))
		if v == "" || ev.Offset < 0 || ev.Offset > len(text) {
			continue
		}
		if strings.HasPrefix(lower[ev.Offset:], v) && wholeWord(lower, ev.Offset, ev.Offset+len(v)) {
			spans = append(spans, [2]int{ev.Offset, ev.Offset + len(v)})
			continue
		}
		from := max(0, ev.Offset-300)
		to := min(len(lower), ev.Offset+300+len(v))
		for at := from; at < to; {
			i := strings.Index(lower[at:to], v)
			if i < 0 {
				break
			}
			if s, e := at+i, at+i+len(v); wholeWord(lower, s, e) {
				spans = append(spans, [2]int{s, e})
				break
			}
			at += i + 1
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	out := spans[:0]
	for _, sp := range spans {
		if n := len(out); n > 0 && sp[0] <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], sp[1])
			continue
		}
		out = append(out, sp)
	}
	return out
}
