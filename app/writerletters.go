package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/letters"
	"prava/record"
)

// choices are the letters asked for on the page, one per chosen kind,
// read from its widgets. It runs on the UI goroutine; the drafts it gives
// are values the desk may use anywhere.
func (w *writer) choices() ([]casework.Draft, error) {
	var grounds []letters.Ground
	for _, g := range letters.Grounds {
		if w.grounds[g].Checked {
			grounds = append(grounds, g)
		}
	}
	common := casework.Draft{Contact: -1, Extra: w.extra.Text, Date: w.sh.today(), BirthDateKnown: w.born != nil && w.born.Checked,
		PhoneGiven: w.phone != nil && w.phone.Checked}
	if i := w.lang.SelectedIndex(); i > 0 {
		common.Lang = letters.Languages[i-1]
	}
	if i := w.contact.SelectedIndex(); i > 0 {
		common.Contact = w.contactIndex[i-1]
	}
	reasons := strings.TrimSpace(w.reasons.Text)
	var out []casework.Draft
	for _, k := range record.FirstKinds {
		if !w.kinds[k].Checked {
			continue
		}
		dr := common
		dr.Kind = k
		switch k {
		case record.Erasure:
			dr.Grounds, dr.Published = grounds, w.published.Checked
		case record.Rectification:
			var bad string
			if dr.Corrections, bad = parseCorrections(w.corrections.Text); bad != "" {
				return nil, errBadCorrection{bad}
			}
		}
		if restsOnObjection(dr) {
			dr.Reasons = reasons
		}
		out = append(out, dr)
	}
	if len(out) == 0 {
		return nil, errNoKind
	}
	return out, nil
}

// restsOnObjection reports whether a letter rests on an objection under
// Art. 21(1), and so carries the person's reasons.
func restsOnObjection(dr casework.Draft) bool {
	switch dr.Kind {
	case record.Objection, record.Restriction:
		return true
	case record.Erasure:
		if len(dr.Grounds) == 0 {
			return true // by default, consent withdrawn and an objection
		}
		for _, g := range dr.Grounds {
			if g == letters.GroundObjection {
				return true
			}
		}
	}
	return false
}

// drafts composes the letters for the preview; nothing is stored.
func (w *writer) drafts() ([]casework.Written, error) {
	drs, err := w.choices()
	if err != nil {
		return nil, err
	}
	var out []casework.Written
	for _, dr := range drs {
		wr, err := casework.Write(w.sh.data(), w.companyID, dr)
		if err != nil {
			return nil, err
		}
		out = append(out, wr)
	}
	return out, nil
}

// showPreview shows the letters as they would be written, and what to
// know before sending them.
func (w *writer) showPreview() {
	ws, err := w.drafts()
	if err != nil {
		w.fail(err)
		return
	}
	w.problem.Hide()
	var b strings.Builder
	var warned []string
	for i, wr := range ws {
		if i > 0 {
			b.WriteString("\n\n────────\n\n")
		}
		b.WriteString(wr.Letter.Text())
		warned = addWarnings(warned, wr.Letter.Warnings)
	}
	w.warnings.RemoveAll()
	for _, t := range warned {
		w.warnings.Add(warningLine(t))
	}
	w.preview.SetText(b.String())
	w.page.Refresh()
}

// write keeps the letters as drafts and opens the first.
func (w *writer) write() {
	drs, err := w.choices()
	if err != nil {
		w.fail(err)
		return
	}
	var ws []casework.Written
	w.sh.apply(func() (err error) {
		ws, err = w.desk.WriteRequests(w.companyID, drs)
		return err
	}, func() { w.sh.saved(); w.sh.showRequest(ws[0].Request.ID) }, w.fail)
}

// fail says on the page why no letter was written, and scrolls to it.
func (w *writer) fail(err error) {
	var bad errBadCorrection
	switch {
	case errors.Is(err, errNoKind):
		w.problem.SetText(T("writer.no_kind"))
		w.problem.Show()
	case errors.As(err, &bad):
		w.problem.SetText(T("writer.err_correction", args("Line", bad.line)))
		w.problem.Show()
	default:
		showProblem(w.problem, err)
	}
	w.page.Refresh()
	scrollTo(w.page, w.problem)
}

// warningText is one of the letters' warnings in the person's language.
// The letters give them in English, as sentences for the command line:
// the ones Prava knows are put in the person's words, with the app's
// fields where the command line names its flags (a test checks each is
// still recognised); any other is shown as the letters wrote it.
func warningText(w string) string {
	for _, k := range knownWarnings {
		if k.start != "" && strings.HasPrefix(w, k.start) || k.within != "" && strings.Contains(w, k.within) {
			return T(k.key, args("Name", between(w, k.start+" (", ")"), "Authority", strings.TrimSuffix(w[:max(0, strings.Index(w, k.within))], " ")))
		}
	}
	return w
}

// addWarnings adds to shown the letters' warnings in the person's
// language, each said once however many letters give it.
func addWarnings(shown, warnings []string) []string {
	for _, w := range warnings {
		if t := warningText(w); !contains(shown, t) {
			shown = append(shown, t)
		}
	}
	return shown
}

// knownWarnings are the starts (or a part) of the letters' warnings and
// the texts that say them in the person's language.
var knownWarnings = []struct{ start, within, key string }{
	{start: "152-FZ Art. 14 part 3 asks for a signed request", key: "warning.ru_signature"},
	{start: "The letter goes to a Russian operator in a language other than Russian", key: "warning.ru_language"},
	{start: "No reasons given: the letter objects only to direct marketing", key: "warning.objection_no_reasons"},
	{start: "No reasons given: the erasure's objection ground", key: "warning.erasure_no_reasons"},
	{start: "The objection gives the standard reasons", key: "warning.ua_standard_reasons"},
	{start: "152-FZ Art. 20(3) runs the 7 working days from the evidence", key: "warning.ru_evidence"},
	{start: "The company is named only by its website", key: "warning.site_only"},
	{within: "examines a complaint only when it is signed", key: "warning.signed_complaint"},
}

// between is the text of s after the first open and before the next
// close, or "".
func between(s, open, close string) string {
	_, after, ok := strings.Cut(s, open)
	if !ok {
		return ""
	}
	inside, _, _ := strings.Cut(after, close)
	return inside
}

// warningLine is a warning as a page shows it.
func warningLine(text string) *widget.Label {
	l := para("⚠ " + text)
	l.Importance = widget.WarningImportance
	return l
}

// parseCorrections reads the corrections as typed, one a line: "what =
// what it should say" (or "what: what it should say"); bad is the first
// line that is neither.
func parseCorrections(text string) (out []letters.Correction, bad string) {
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		field, value, ok := strings.Cut(line, "=")
		if !ok {
			field, value, ok = strings.Cut(line, ":")
		}
		field, value = strings.TrimSpace(field), strings.TrimSpace(value)
		if !ok || field == "" || value == "" {
			return nil, line
		}
		out = append(out, letters.Correction{Field: field, Value: value})
	}
	return out, ""
}

// errBadCorrection: a line of the corrections says neither what is wrong
// nor what it should say.
type errBadCorrection struct{ line string }

func (e errBadCorrection) Error() string { return "not a correction: " + e.line }

// errNoKind: no kind of letter was chosen.
var errNoKind = errors.New("no kind chosen")
