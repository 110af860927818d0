package app

import (
	"context"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/directory"
	"prava/policy"
	"prava/record"
)

// confirmDelete deletes the company, and the requests written to it,
// after asking.
func (p *companyPage) confirmDelete() {
	id := p.id
	c := p.sh.data().Company(id)
	if c == nil {
		return
	}
	n := len(p.sh.requestsOf(id))
	msg := T("company.delete_body", args("Name", c.Name))
	if n > 0 {
		msg += "\n" + T("company.delete_requests", args("N", n))
	}
	dialog.ShowConfirm(T("company.delete_title"), msg, func(ok bool) {
		if ok {
			p.sh.apply(func() error { return p.desk.DeleteCompany(id) }, p.sh.showCompanies, nil)
		}
	}, p.sh.Window())
}

// recheckPolicy reads the company's policy again from where it came from
// (or from another place the person gives) and shows what changed.
func (p *companyPage) recheckPolicy() {
	c := p.sh.data().Company(p.id)
	if c == nil {
		return
	}
	from := widget.NewEntry()
	// Only a place the policy can be read from again is offered: a pasted
	// policy is pasted again below.
	if n := len(c.Policies); n > 0 {
		if src := c.Policies[n-1].Source; policy.IsURL(src) || fileExists(src) {
			from.SetText(src)
		}
	}
	from.SetPlaceHolder(T("company.recheck_hint"))
	// A policy that was pasted has no place to read it from again: it is
	// pasted again.
	// A pasteBox, as on the add-company page: a whole policy pasted into a
	// plain entry would freeze the window.
	pasted := newPasteBox(T("company.recheck_paste"), 5)
	// The field takes a file too, so a file can be chosen, not only typed.
	choose := widget.NewButton(T("add.choose_file"), func() {
		p.sh.chooseFile(policyFileExts, from.SetText)
	})
	// Nothing given is said under the fields, with the dialog left open
	// and what was typed kept: a pop-up over a closed dialog hid the
	// instruction under "Details".
	problem := problemLabel()
	var d dialog.Dialog
	read := widget.NewButton(T("company.recheck_do"), func() {
		location := strings.TrimSpace(from.Text)
		text := pasted.text()
		if location == "" && strings.TrimSpace(text) == "" {
			problem.SetText(T("company.recheck_nothing"))
			problem.Show()
			d.Resize(fyne.NewSize(620, 0))
			return
		}
		if len(text) > policy.MaxInputBytes {
			p.sh.notice(tooLarge(len(text)), policy.ErrTooLarge)
			return
		}
		d.Hide()
		p.readPolicyAgain(location, text)
	})
	read.Importance = widget.HighImportance
	cancel := widget.NewButton(T("common.cancel"), func() { d.Hide() })
	from.OnChanged = func(string) { problem.Hide() }
	form := widget.NewForm(
		widget.NewFormItem(T("company.recheck_from"), container.NewBorder(nil, nil, nil, choose, from)),
		widget.NewFormItem(T("company.recheck_or"), pasted.object()))
	d = dialog.NewCustomWithoutButtons(T("company.recheck"),
		container.NewVBox(form, problem, container.NewCenter(buttons(cancel, read))), p.sh.Window())
	d.Resize(fyne.NewSize(620, 0))
	pasted.grown = func() { d.Resize(fyne.NewSize(620, 0)) }
	d.Show()
}

// policyFileExts are the kinds of file a policy is read from.
var policyFileExts = []string{".txt", ".html", ".htm", ".xhtml", ".md"}

// readPolicyAgain reads the policy from text, when pasted, or else from
// location, and shows what changed.
func (p *companyPage) readPolicyAgain(location, text string) {
	prog := dialog.NewCustomWithoutButtons(T("company.recheck"), busy(T("add.reading")), p.sh.Window())
	prog.Show()
	var src policy.Source
	var f *policy.Findings
	var err error
	p.sh.background(func() {
		ctx, cancel := context.WithTimeout(context.Background(), policy.FetchTimeout)
		defer cancel()
		switch {
		case strings.TrimSpace(text) != "":
			var dec policy.Decoded
			dec, err = policy.Decode([]byte(text), "")
			src = policy.Source{Decoded: dec, Location: T("add.pasted_source"), RetrievedAt: p.sh.now()}
		case policy.IsURL(location):
			src, err = policy.Fetch(ctx, p.sh.client(), location)
		default:
			src, err = policy.ReadFileContext(ctx, location)
		}
		if err == nil {
			f = policy.Analyze(src.Text)
		}
	}, func() {
		prog.Hide()
		if err != nil {
			p.sh.notice(T("company.recheck_failed"), err)
			return
		}
		newPolicyChanges(p.sh, p.desk, p.id, src, f).show()
	})
}

// policyChanges is the dialog that lists what a newer reading of a
// company's policy says differently, and keeps it if the person agrees.
type policyChanges struct {
	sh   shell
	desk interface {
		AddPolicy(companyID string, src policy.Source, f *policy.Findings) error
	}
	id   string
	src  policy.Source
	read *policy.Findings
}

func newPolicyChanges(sh shell, desk interface {
	AddPolicy(companyID string, src policy.Source, f *policy.Findings) error
}, id string, src policy.Source, f *policy.Findings) *policyChanges {
	return &policyChanges{sh: sh, desk: desk, id: id, src: src, read: f}
}

// show opens the dialog.
func (pc *policyChanges) show() {
	id, src, f := pc.id, pc.src, pc.read
	c := pc.sh.data().Company(id)
	if c == nil {
		return
	}
	var old *policy.Findings
	oldHash := ""
	if n := len(c.Policies); n > 0 {
		old = casework.SnapshotFindings(c.Policies[n-1])
		oldHash = c.Policies[n-1].SHA256
	}
	changes := casework.PolicyChanges(old, f)
	rows := container.NewVBox()
	// A company added from the directory: where its policy says otherwise.
	if diffs := directoryDifferences(c, src, f, pc.sh.now()); len(diffs) > 0 {
		rows.Add(widget.NewLabelWithStyle(T("company.dir_differs"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, d := range diffs {
			rows.Add(para(T("diff."+strings.ReplaceAll(d.Field, " ", "_")) + ": " + T("company.dir_says", args("Dir", orDash(d.Directory), "Policy", orDash(d.Company)))))
		}
		rows.Add(hint(T("company.dir_choose")))
		rows.Add(widget.NewSeparator())
	}
	if len(changes) == 0 {
		rows.Add(para(T("company.no_changes")))
	} else {
		for _, ch := range changes {
			rows.Add(widget.NewLabelWithStyle(T("change."+ch.Field), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
			rows.Add(para(T("change.was", args("Old", orDash(ch.Old)))))
			rows.Add(para(T("change.now", args("New", orDash(ch.New)))))
		}
	}
	same := oldHash != "" && casework.PolicyHash(src.Text) == oldHash
	if same {
		rows.Add(hint(T("company.same_text")))
	}
	d := dialog.NewCustomConfirm(T("company.changes"), T("company.keep_new"), T("common.cancel"), container.NewVScroll(rows), func(ok bool) {
		if !ok {
			return
		}
		pc.sh.apply(func() error { return pc.desk.AddPolicy(id, src, f) }, func() { pc.sh.showCompany(id) }, nil)
	}, pc.sh.Window())
	d.Resize(fyne.NewSize(560, 420))
	d.Show()
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return strings.ReplaceAll(s, "\n", "; ")
}

// askMerge folds another company, the same one added twice, into this one:
// its requests, contacts and policies come here, and it goes.
func (p *companyPage) askMerge() {
	id := p.id
	d := p.sh.data()
	var names, ids []string
	for _, c := range d.Companies {
		if c.ID != id {
			names = append(names, c.Name+" · "+lawShort(c.Jurisdiction))
			ids = append(ids, c.ID)
		}
	}
	if len(ids) == 0 {
		p.sh.toast(T("company.merge_none"))
		return
	}
	other := widget.NewSelect(names, nil)
	other.PlaceHolder = T("common.choose")
	keep := d.Company(id).Name
	other.SetSelectedIndex(0) // never an empty choice that closes silently
	dlg := dialog.NewForm(T("company.merge"), T("company.merge_do"), T("common.cancel"),
		[]*widget.FormItem{
			widget.NewFormItem("", para(T("company.merge_keeps", args("Name", keep)))),
			widget.NewFormItem(T("company.merge_which"), other),
		}, func(ok bool) {
			i := other.SelectedIndex()
			if !ok || i < 0 {
				return
			}
			gone, goneName := ids[i], names[i]
			p.sh.apply(func() error { return p.desk.MergeCompanies(id, gone) }, func() {
				p.sh.showCompany(id)
				p.sh.toast(T("company.merged", args("Name", goneName)))
			}, nil)
		}, p.sh.Window())
	dlg.Resize(fyne.NewSize(560, 0))
	dlg.Show()
}

// directoryDifferences lists where a company added from the directory and
// its policy, read now, disagree; nil for a company not from the directory.
func directoryDifferences(c *record.Company, src policy.Source, f *policy.Findings, now time.Time) []directory.Difference {
	e := directoryEntry(c)
	if e == nil {
		return nil
	}
	return directory.Differences(e, casework.CompanyFromPolicy(src, f, now.UTC()))
}

// fileExists reports whether path names a regular file.
func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}
