package letters

import (
	"cmp"
	"strings"
)

// paginate gives each line of the flow its page and place. When a line
// does not fit, the page breaks before it, or further up where a line may
// leave the one before it (keep is false); a run of kept lines longer
// than a page breaks where it must.
func (p *pager) paginate(start float64) {
	page, y, top := 1, start, 0
	bottom := cmp.Or(p.bottom, textBottom)
	at := make([]float64, len(p.flow))
	pages := make([]int, len(p.flow))
	for i := 0; i < len(p.flow); i++ {
		ln := p.flow[i]
		gap := ln.gap
		if i == top && page > 1 {
			gap = 0
		}
		if y+gap+ln.h <= bottom || i == top {
			at[i], pages[i] = y+gap, page
			y += gap + ln.h
			continue
		}
		k := i
		for k > top && p.flow[k].keep {
			k--
		}
		if k == top {
			k = i // nowhere to break: break here
		}
		k = p.sentenceBreak(top, k)
		page, y, top = page+1, marginTop, k
		i = k - 1
	}
	for i := range p.flow {
		ln := &p.flow[i]
		ln.page = pages[i]
		for _, o := range ln.ops {
			o.page, o.y = pages[i], at[i]+o.y
			p.ops = append(p.ops, o)
		}
	}
	p.page = page
}

// sentenceBreak moves a page break that would fall inside a sentence up
// to the nearest end of a sentence within three lines, where the lines
// may part (keep is false), so the reader does not turn the page
// mid-sentence when it could be avoided; k is the first line of the new
// page.
func (p *pager) sentenceBreak(top, k int) int {
	if k <= top+1 || p.boundary(k) {
		return k
	}
	for b := k - 1; b > top+1 && b >= k-3; b-- {
		if !p.flow[b].keep && p.boundary(b) {
			return b
		}
	}
	return k
}

// boundary says whether the flow may turn the page before line i
// without cutting a sentence: i starts a paragraph or an item, or the
// line before it ends a sentence.
func (p *pager) boundary(i int) bool {
	prev, cur := p.flow[i-1], p.flow[i]
	if cur.para != prev.para {
		return true
	}
	return endsSentence(prev.ops[0].text)
}

// leadIn says whether the flow so far ends with a list's lead-in, a line
// ending in a colon ("Прошу также сообщить (…):"): the list's first item
// must turn the page with it, or the page ends promising what the next
// one brings (review 1, C3).
func (p *pager) leadIn() bool {
	n := len(p.flow)
	return n > 0 && strings.HasSuffix(strings.TrimSpace(p.flow[n-1].ops[0].text), ":")
}

// endsSentence says whether a line's text ends a sentence: a full stop,
// a question or exclamation mark, a colon or semicolon, before any
// closing brackets and quotes.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, ")»”“\"' ")
	return s != "" && strings.ContainsRune(".!?:;", lastRune(s))
}

// returnLine is one line of the sender's address over the window.
type returnLine struct {
	text string
	pt   float64
}

// returnLines fits the return address over the window: on one line if it
// fits, else on two in a smaller size (name and street; postcode and town),
// leaving the country out before anything is cut short. The post must be
// able to return the letter, so nothing that finds the sender is lost
// while it can be kept.
func (p *pager) returnLines(s string) []returnLine {
	for _, size := range []float64{smallPt, smallPt - 1} {
		if p.measure(false, size)(s) <= windowW {
			return []returnLine{{s, size}}
		}
	}
	pt := smallPt - 1
	parts := strings.Split(s, " · ")
	if len(parts) > 3 {
		// The country goes first, but only the country: "London W11
		// 2QS, United Kingdom" keeps its town and postcode.
		last := parts[len(parts)-1]
		if i := strings.LastIndex(last, ", "); i > 0 && isCountry(last[i+2:]) {
			parts[len(parts)-1] = last[:i]
		} else if isCountry(last) {
			parts = parts[:len(parts)-1]
		}
	}
	if len(parts) == 1 {
		return []returnLine{{p.cut(s, pt), pt}}
	}
	half := (len(parts) + 1) / 2
	return []returnLine{
		{p.cut(strings.Join(parts[:half], " · "), pt), pt},
		{p.cut(strings.Join(parts[half:], " · "), pt), pt},
	}
}

// isCountry says whether a part of an address names a state.
func isCountry(s string) bool {
	_, ok := countries[strings.ToLower(strings.TrimSpace(s))]
	return ok
}

// cut shortens s with an ellipsis until it fits the window's width.
func (p *pager) cut(s string, pt float64) string {
	measure := p.measure(false, pt)
	if measure(s) <= windowW {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && measure(string(r)+"…") > windowW {
		r = r[:len(r)-1]
	}
	return strings.TrimSpace(string(r)) + "…"
}
