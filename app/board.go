package app

import (
	"fmt"
	"runtime/debug"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/files"
	"prava/record"
)

// boardView is the deadline board: every request not yet closed, the
// most urgent first, each with its next step.
func (u *UI) boardView() fyne.CanvasObject {
	items := casework.Board(u.data(), u.now())
	list := widget.NewList(
		func() int { return len(items) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Truncation = fyne.TextTruncateEllipsis
			step := widget.NewLabel("")
			step.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(title, step)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			it := items[i]
			r := u.data().Request(it.RequestID)
			c := u.data().Company(it.CompanyID)
			if r == nil || c == nil {
				return
			}
			rows := o.(*fyne.Container).Objects
			rows[0].(*widget.Label).SetText(c.Name + " · " + kindName(r.Kind) + " · " + r.Reference)
			text, imp := stepText(it.Outlook)
			step := rows[1].(*widget.Label)
			step.Importance = imp
			step.SetText(text)
		},
	)
	list.OnSelected = func(i widget.ListItemID) {
		list.UnselectAll()
		u.showRequest(items[i].RequestID)
	}
	export := widget.NewButtonWithIcon(T("board.ics"), theme.DownloadIcon(), u.exportCalendar)
	// Spacers, not a Center: Center gives the column only its minimum
	// width, and wrapped text's minimum is a narrow strip.
	empty := container.NewVBox(layout.NewSpacer(), container.New(column{width: 460}, container.NewVBox(
		widget.NewLabelWithStyle(T("board.empty"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		para(T("board.empty_hint")),
	)), layout.NewSpacer())
	if len(items) > 0 {
		empty.Hide()
	}
	top := container.NewBorder(nil, nil, nil, export, para(T("board.why")))
	return container.NewBorder(top, nil, nil, nil, container.NewStack(list, empty))
}

// exportCalendar writes every open deadline to an .ics file the person
// chooses, each with a reminder, for their calendar.
func (u *UI) exportCalendar() {
	u.chooseSaveFile("prava-deadlines.ics", []string{".ics"}, u.writeCalendar)
}

// writeCalendar writes the calendar to path.
func (u *UI) writeCalendar(path string) {
	var b strings.Builder
	if err := files.WriteICS(&b, casework.CalendarEvents(u.data()), u.now()); err != nil {
		u.notice(T("board.ics_failed"), err)
		return
	}
	if err := files.WriteFile(path, []byte(b.String())); err != nil {
		u.notice(T("board.ics_failed"), err)
		return
	}
	u.toast(T("board.ics_saved", args("File", path)))
}

// notifyDue sends a desktop notification about requests due within three
// days or late, at most once a day; it runs after start and then hourly.
// The board grows with the vault (every open request's deadline, with
// its reasons), so it is worked out off the UI goroutine, on the snapshot
// the screens show; the words are put together back on the UI goroutine,
// where the language may change.
func (u *UI) notifyDue() {
	if u.desk == nil {
		return
	}
	today := u.today()
	if u.notified.Equal(today) {
		return
	}
	u.notified = today
	d, now := u.data(), u.now()
	var soon, late []string // company IDs
	u.background(func() {
		soon, late = dueCompanies(d, now)
		// What the board allocated is garbage now: give it back rather
		// than hold it until the heap grows this far again.
		debug.FreeOSMemory()
	}, func() {
		if len(soon)+len(late) == 0 {
			return
		}
		names := make(map[string]string, len(d.Companies))
		for _, c := range d.Companies {
			names[c.ID] = c.Name
		}
		var parts []string
		if len(late) > 0 {
			parts = append(parts, T("notify.late", args("Names", someNames(late, names))))
		}
		if len(soon) > 0 {
			parts = append(parts, T("notify.soon", args("Names", someNames(soon, names))))
		}
		n := fyne.NewNotification(T("notify.title"), strings.Join(parts, "\n"))
		u.lastNotice = n.Content
		// The desktop's notification service is asked over D-Bus, which
		// can take seconds when there is none: not on the UI goroutine.
		u.background(func() { u.app.SendNotification(n) }, func() {})
	})
}

// dueCompanies are the companies of the requests due within three days
// (soon) and of those late (late), by ID, most urgent first.
func dueCompanies(d *record.Data, now time.Time) (soon, late []string) {
	for _, it := range casework.Board(d, now) {
		switch o := it.Outlook; {
		case o.Due.IsZero():
		case o.Step == casework.StepRemind || o.Step == casework.StepComplain:
			late = append(late, it.CompanyID)
		case o.Days <= 3 && (o.Step == casework.StepWait || o.Step == casework.StepWaitReminder):
			soon = append(soon, it.CompanyID)
		}
	}
	return soon, late
}

// someNames lists the first few companies by name and counts the rest, so
// a notification stays a few lines long.
func someNames(ids []string, names map[string]string) string {
	const shown = 5
	var out []string
	for _, id := range ids[:min(len(ids), shown)] {
		out = append(out, names[id])
	}
	s := strings.Join(out, ", ")
	if len(ids) > shown {
		s += fmt.Sprintf(", +%d", len(ids)-shown)
	}
	return s
}

// watchDeadlines checks the deadlines now and then every hour, so a
// window left open for days still says when something falls due.
func (u *UI) watchDeadlines() {
	u.notifyDue()
	if u.ticker != nil {
		return
	}
	t, stop := time.NewTicker(time.Hour), make(chan struct{})
	u.ticker, u.stopTicker = t, stop
	go func() {
		for {
			select {
			case <-t.C:
				fyne.Do(u.notifyDue)
			case <-stop:
				return
			}
		}
	}()
}
