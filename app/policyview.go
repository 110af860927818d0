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

	"prava/casework"
	"prava/record"
)

// policyCard shows a policy snapshot as it was read, with the words Prava
// found in it highlighted. The text is laid out only when the person asks
// to see it: a long policy costs nothing until then.
func policyCard(s record.PolicySnapshot) fyne.CanvasObject {
	body := widget.NewRichText()
	body.Wrapping = fyne.TextWrapWord
	body.Hide()
	var toggle *widget.Button
	toggle = widget.NewButton(T("company.policy_show", args("Date", s.Retrieved.Format(time.DateOnly))), func() {
		if body.Visible() {
			body.Hide()
			toggle.SetText(T("company.policy_show", args("Date", s.Retrieved.Format(time.DateOnly))))
			return
		}
		if len(body.Segments) == 0 {
			body.Segments = highlighted(s)
		}
		body.Show()
		toggle.SetText(T("company.policy_hide"))
	})
	acc := container.NewVBox(container.NewHBox(toggle), hint(T("company.policy_legend")), body)
	return section(T("company.policy"), hint(T("company.policy_source", args("Source", s.Source))), acc)
}

// highlighted splits a snapshot's text into plain and highlighted runs:
// each value the reader found, where it found it.
func highlighted(s record.PolicySnapshot) []widget.RichTextSegment {
	text := s.Text.String()
	spans := foundSpans(text, s)
	strong := widget.RichTextStyleStrong
	strong.Inline = true
	strong.ColorName = theme.ColorNamePrimary
	var segs []widget.RichTextSegment
	plain := func(t string) {
		if t != "" {
			segs = append(segs, &widget.TextSegment{Text: t, Style: widget.RichTextStyleInline})
		}
	}
	at := 0
	for _, sp := range spans {
		plain(text[at:sp[0]])
		segs = append(segs, &widget.TextSegment{Text: text[sp[0]:sp[1]], Style: strong})
		at = sp[1]
	}
	plain(text[at:])
	return segs
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
