package app

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"prava/policy"
)

// showAddCompany asks for a policy: pasted, from a file, or from the web.
// Reading happens off the UI goroutine; a download shows progress and can
// be cancelled.
func (u *UI) showAddCompany() {
	if u.home == nil {
		return
	}
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	status.Hide()
	progress := widget.NewProgressBarInfinite()
	progress.Stop()
	progress.Hide()
	cancel := widget.NewButton(T("common.cancel"), nil)
	cancel.Hide()

	fail := func(err error) {
		progress.Stop()
		progress.Hide()
		cancel.Hide()
		status.Importance = widget.DangerImportance
		status.SetText(readError(err))
		status.Show()
	}
	// read runs load in the background, with cancel wired to stop it, and
	// goes on to the review.
	var stopLast context.CancelFunc
	read := func(what string, load func(ctx context.Context) (policy.Source, error)) {
		// Reading again drops the reading under way: only the last one
		// may open the review.
		if stopLast != nil {
			stopLast()
		}
		ctx, stop := context.WithCancel(context.Background())
		stopLast = stop
		status.Importance = widget.MediumImportance
		status.SetText(what)
		status.Show()
		progress.Show()
		progress.Start()
		// Cancel answers at once: the reader cannot be stopped mid-way,
		// so its late answer is dropped (see analyzeContext).
		cancel.OnTapped = func() {
			stop()
			fail(errors.New(T("add.cancelled")))
		}
		cancel.Show()
		var src policy.Source
		var f *policy.Findings
		var err error
		u.background(func() {
			src, err = load(ctx)
			if err == nil && ctx.Err() == nil {
				f, err = analyzeContext(ctx, src.Text)
			}
		}, func() {
			if ctx.Err() != nil {
				return // cancelled, and already said so
			}
			stop()
			if err != nil {
				fail(err)
				return
			}
			progress.Stop()
			u.showReview(src, f)
		})
	}

	pasted := newPasteBox(T("add.paste_hint"), 12)
	u.watchEdits(&pasted.entry.Entry)
	readPasted := widget.NewButton(T("add.read"), func() {
		text := pasted.text()
		// Refused before the reader starts, in the person's language;
		// a paste over the limit was already refused (pasteBox.paste).
		if len(text) > policy.MaxInputBytes {
			fail(errors.New(tooLarge(len(text))))
			return
		}
		read(T("add.reading"), func(context.Context) (policy.Source, error) {
			d, err := policy.Decode([]byte(text), "")
			return policy.Source{Decoded: d, Location: T("add.pasted_source"), RetrievedAt: u.now()}, err
		})
	})
	readPasted.Importance = widget.HighImportance

	chooseFile := widget.NewButton(T("add.choose_file"), func() {
		u.chooseFile(policyFileExts, u.readPolicyFile)
	})
	chooseFile.Importance = widget.HighImportance

	address := widget.NewEntry()
	address.SetPlaceHolder("https://example.com/privacy")
	fetch := widget.NewButton(T("add.fetch"), nil)
	fetch.Importance = widget.HighImportance
	fetch.OnTapped = func() {
		raw := strings.TrimSpace(address.Text)
		if !policy.IsURL(raw) && raw != "" && !strings.Contains(raw, " ") {
			raw = "https://" + raw
		}
		read(T("add.fetching", args("URL", raw)), func(ctx context.Context) (policy.Source, error) {
			return policy.Fetch(ctx, u.opt.HTTP, raw)
		})
	}
	address.OnSubmitted = func(string) { fetch.OnTapped() }

	u.readPolicyFile = func(path string) {
		read(T("add.reading"), func(ctx context.Context) (policy.Source, error) { return policy.ReadFileContext(ctx, path) })
	}
	known := u.directorySearch()
	ways := container.NewAppTabs(
		container.NewTabItem(T("add.known"), known),
		container.NewTabItem(T("add.paste"), container.NewBorder(nil, container.NewHBox(readPasted), nil, nil, pasted.object())),
		container.NewTabItem(T("add.file"), container.NewVBox(para(T("add.file_hint")), container.NewHBox(chooseFile))),
		container.NewTabItem(T("add.web"), container.NewVBox(para(T("add.web_hint")), container.NewBorder(nil, nil, nil, fetch, address))),
	)
	back := u.backButton(u.showCompanies)
	u.openPage(container.NewBorder(
		container.NewVBox(container.NewBorder(nil, nil, back, nil, heading(T("add.heading"))), para(T("add.why"))),
		container.NewVBox(status, progress, container.NewHBox(cancel)),
		nil, nil, ways))
	// The search first: most letters go to companies everyone writes to.
	// Not in the list? The other tabs read the company's own policy.
	if u.focusOnShow != nil {
		u.win.Canvas().Focus(u.focusOnShow)
		u.focusOnShow = nil
	} else {
		u.win.Canvas().Focus(pasted.entry)
	}
}

// analyzeContext is policy.Analyze, which takes no context, run on its
// own goroutine so that waiting for it ends when ctx does: a long policy
// can keep the reader busy for many seconds, and neither Cancel nor
// quitting should wait that long. An abandoned reading finishes unseen.
func analyzeContext(ctx context.Context, text string) (*policy.Findings, error) {
	done := make(chan *policy.Findings, 1)
	go func() { done <- policy.Analyze(text) }()
	select {
	case f := <-done:
		return f, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// readError words a policy that could not be read, in the person's
// language where Prava knows the case, with the reader's detail after.
func readError(err error) string {
	key := ""
	switch {
	case errors.Is(err, policy.ErrEmpty):
		key = "add.err_empty"
	case errors.Is(err, policy.ErrBinary):
		key = "add.err_binary"
	case errors.Is(err, policy.ErrTooLarge):
		key = "add.err_too_large"
	case errors.Is(err, policy.ErrFetch):
		key = "add.err_fetch"
	}
	if key == "" {
		return err.Error()
	}
	return T(key) + "\n" + err.Error()
}
