package app

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/law"
	"prava/storage"
)

// showRequest opens a request's page: the letter and what to do with it,
// the events that move its deadline, and what to do next.
func (u *UI) showRequest(id string) {
	d := u.vault.Data
	r := d.Request(id)
	if r == nil {
		u.showCompanies()
		return
	}
	c := d.Company(r.CompanyID)
	name := ""
	if c != nil {
		name = c.Name
	}
	back := widget.NewButtonWithIcon(T("common.back"), theme.NavigateBackIcon(), func() {
		if c != nil {
			u.showCompany(c.ID)
		} else {
			u.showCompanies()
		}
	})
	title := heading(T("kind."+r.Kind) + " · " + name)
	facts := para(strings.Join([]string{
		T("request.reference", args("Ref", r.Reference)),
		T("status." + string(r.Status)),
		T("request.to", args("Contact", oneLine(r.Contact))),
		T("request.written", args("Date", r.Dates.Created.Format(time.DateOnly))),
	}, " · "))

	body := container.NewVBox(facts)
	if r.ParentID == "" {
		body.Add(u.outlookView(*r))
	}
	body.Add(u.letterActions(r, name))
	if r.Status != storage.StatusDone && r.Status != storage.StatusRefused {
		body.Add(u.eventsView(r))
	}
	body.Add(historyView(r))
	if text := r.LetterText.String(); text != "" {
		letter := widget.NewLabel(text)
		letter.Wrapping = fyne.TextWrapWord
		letter.Selectable = true
		body.Add(section(T("request.letter"), letter))
	}
	u.openPage(container.NewBorder(container.NewPadded(container.NewBorder(nil, nil, back, nil, title)), nil, nil, nil,
		container.NewVScroll(container.New(column{width: 760}, container.NewPadded(body)))))
}

// outlookView says where a request stands, until when, why, and the next
// step, with the button that takes it.
func (u *UI) outlookView(r storage.Request) fyne.CanvasObject {
	o := casework.Next(u.vault.Data, r, u.now())
	text, imp := stepText(o)
	step := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	step.Importance = imp
	step.Wrapping = fyne.TextWrapWord
	parts := []fyne.CanvasObject{step}
	if o.Deadline.Basis != "" {
		parts = append(parts, hint(T("request.why", args("Basis", o.Deadline.Basis))))
	}
	if !o.Deadline.Latest.IsZero() && !o.Deadline.Extended {
		parts = append(parts, hint(T("request.latest", args("Date", o.Deadline.Latest.Format(time.DateOnly)))))
	}
	switch o.Step {
	case casework.StepRemind:
		b := widget.NewButtonWithIcon(T("request.write_reminder"), theme.MailComposeIcon(), func() { u.followUp(r.ID, law.Reminder) })
		b.Importance = widget.HighImportance
		parts = append(parts, buttons(b))
	case casework.StepComplain:
		b := widget.NewButtonWithIcon(T("request.write_complaint"), theme.MailComposeIcon(), func() { u.followUp(r.ID, law.Complaint) })
		b.Importance = widget.HighImportance
		parts = append(parts, buttons(b))
	}
	for _, f := range []*storage.Request{o.Reminder, o.Complaint} {
		if f != nil {
			id := f.ID
			label := T("kind."+f.Kind) + " · " + f.Reference + " · " + T("status."+string(f.Status))
			parts = append(parts, widget.NewButtonWithIcon(label, theme.DocumentIcon(), func() { u.showRequest(id) }))
		}
	}
	return section(T("request.outlook"), parts...)
}

// stepText words a request's next step for the person.
func stepText(o casework.Outlook) (string, widget.Importance) {
	date := o.Due.Format(time.DateOnly)
	switch o.Step {
	case casework.StepSend:
		return T("step.send"), widget.HighImportance
	case casework.StepWait:
		if o.Due.IsZero() {
			if o.Deadline.Paused {
				return T("step.paused"), widget.MediumImportance
			}
			return T("step.wait_open"), widget.MediumImportance
		}
		return T("step.wait", args("Date", date, "Days", o.Days)), widget.MediumImportance
	case casework.StepRemind:
		return T("step.remind", args("Date", date, "Days", -o.Days)), widget.DangerImportance
	case casework.StepWaitReminder:
		return T("step.wait_reminder", args("Date", date, "Days", o.Days)), widget.WarningImportance
	case casework.StepComplain:
		return T("step.complain", args("Date", date, "Days", -o.Days)), widget.DangerImportance
	case casework.StepComplained:
		return T("step.complained"), widget.MediumImportance
	case casework.StepSendFollowUp:
		kind := "reminder"
		if o.Complaint != nil {
			kind = "complaint"
		}
		return T("step.send_" + kind), widget.HighImportance
	}
	return T("step.closed"), widget.SuccessImportance
}

// followUp writes the reminder or the complaint for a request and opens it.
func (u *UI) followUp(id string, kind law.Kind) {
	w, err := casework.FollowUp(u.vault.Data, id, kind, u.today())
	if err != nil {
		u.notice(T("request.follow_up_failed"), err)
		return
	}
	d := u.vault.Data
	n := len(d.Requests)
	if u.commit(func() {
		d.Requests = append(d.Requests, w.Request)
		d.Log("letter written", w.Request.CompanyID, w.Request.ID, w.Request.Reference)
	}, func() {
		d.Requests = d.Requests[:n]
		d.Timeline = d.Timeline[:len(d.Timeline)-1]
	}) {
		u.showRequest(w.Request.ID)
	}
}

// letterActions are the ways a letter leaves Prava: a PDF to print and
// sign, the e-mail text, or the person's mail program.
func (u *UI) letterActions(r *storage.Request, company string) fyne.CanvasObject {
	id := r.ID
	save := widget.NewButtonWithIcon(T("request.save_pdf"), theme.DocumentSaveIcon(), func() {
		u.chooseSaveFile(pdfName(r, company), []string{".pdf"}, func(path string) { u.savePDF(id, path) })
	})
	open := widget.NewButtonWithIcon(T("request.print"), theme.DocumentPrintIcon(), func() { u.openPDF(id, company) })
	copyText := widget.NewButtonWithIcon(T("request.copy_email"), theme.ContentCopyIcon(), func() {
		subject, body := u.emailOf(id)
		u.app.Clipboard().SetContent(subject + "\n\n" + body)
		u.toast(T("request.copied"))
	})
	row := []fyne.CanvasObject{save, open, copyText}
	if strings.Contains(r.Contact, "@") {
		mail := widget.NewButtonWithIcon(T("request.mail"), theme.MailSendIcon(), func() {
			if err := u.app.OpenURL(u.mailtoURL(id)); err != nil {
				u.notice(T("request.mail_failed"), err)
			}
		})
		row = append(row, mail)
	}
	how := T("request.how_post")
	if r.Channel == string(law.ByEmail) {
		how = T("request.how_email")
	}
	return section(T("request.send"), para(how), container.NewAdaptiveGrid(2, row...))
}

// pdfName is the file name a letter's PDF is offered under, like
// "2026-11-23 NETRACK access.pdf", with characters file systems refuse
// taken out.
func pdfName(r *storage.Request, company string) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return -1
		}
		return r
	}, company)
	return strings.TrimSpace(fmt.Sprintf("%s %s %s", r.Dates.Created.Format(time.DateOnly), strings.TrimSpace(clean), r.Kind)) + ".pdf"
}

// savePDF writes a request's PDF to path, through a temporary file so
// that a failed write leaves nothing half-written.
func (u *UI) savePDF(id, path string) {
	r := u.vault.Data.Request(id)
	if r == nil {
		return
	}
	if err := storage.WriteFile(path, r.PDF); err != nil {
		u.notice(T("request.save_failed"), err)
		return
	}
	u.toast(T("request.saved", args("File", path)))
}

// openPDF opens the letter in the system's PDF viewer to print it. The
// file is a temporary copy, deleted when Prava closes.
func (u *UI) openPDF(id, company string) {
	r := u.vault.Data.Request(id)
	if r == nil {
		return
	}
	dir, err := os.MkdirTemp("", "prava-print-")
	if err == nil {
		path := filepath.Join(dir, pdfName(r, company))
		if err = os.WriteFile(path, r.PDF, 0o600); err == nil {
			u.temps = append(u.temps, dir)
			err = u.app.OpenURL(&url.URL{Scheme: "file", Path: path})
		}
	}
	if err != nil {
		u.notice(T("request.print_failed"), err)
	}
}

// emailOf is a request's letter as an e-mail: its subject (the marking
// first) and body, from the text kept with the request.
func (u *UI) emailOf(id string) (subject, body string) {
	r := u.vault.Data.Request(id)
	if r == nil {
		return "", ""
	}
	return casework.EmailOf(*r)
}

// mailtoURL opens the person's mail program with the letter filled in.
func (u *UI) mailtoURL(id string) *url.URL {
	r := u.vault.Data.Request(id)
	subject, body := u.emailOf(id)
	q := url.Values{"subject": {subject}, "body": {body}}
	return &url.URL{Scheme: "mailto", Opaque: r.Contact, RawQuery: strings.ReplaceAll(q.Encode(), "+", "%20")}
}

// eventsView records what happened to a request, each on a day the person
// gives; the due date is worked out again after each.
func (u *UI) eventsView(r *storage.Request) fyne.CanvasObject {
	id := r.ID
	date := widget.NewEntry()
	date.SetText(u.today().Format(time.DateOnly))
	date.SetPlaceHolder("YYYY-MM-DD")
	tracking := widget.NewEntry()
	tracking.SetText(r.Tracking)
	tracking.SetPlaceHolder(T("request.tracking_hint"))
	note := widget.NewEntry()
	note.SetPlaceHolder(T("request.reply_hint"))
	problem := problemLabel()

	record := func(e casework.Event, extra func(r *storage.Request)) {
		on, err := time.Parse(time.DateOnly, strings.TrimSpace(date.Text))
		if err != nil {
			problem.SetText(T("request.err_date"))
			problem.Show()
			return
		}
		if err := u.recordEvent(id, e, on, extra); err != nil {
			problem.SetText(err.Error())
			problem.Show()
			return
		}
		u.showRequest(id)
	}
	btn := func(key string, e casework.Event, extra func(r *storage.Request)) *widget.Button {
		return widget.NewButton(T(key), func() { record(e, extra) })
	}
	var rows []fyne.CanvasObject
	if r.Dates.Sent.IsZero() {
		// How it actually went: a letter written for e-mail may be posted.
		channels := []law.Channel{law.ByEmail, law.ByPost}
		channel := widget.NewSelect([]string{T("contact.email"), T("contact.post")}, nil)
		channel.SetSelectedIndex(0)
		if r.Channel == string(law.ByPost) {
			channel.SetSelectedIndex(1)
		}
		sent := btn("event.sent", casework.EventSent, func(r *storage.Request) {
			r.Tracking = strings.TrimSpace(tracking.Text)
			r.Channel = string(channels[max(channel.SelectedIndex(), 0)])
		})
		sent.Importance = widget.HighImportance
		rows = append(rows, field(T("request.channel"), channel), field(T("request.tracking"), tracking), buttons(sent))
	} else {
		rows = append(rows,
			container.NewAdaptiveGrid(2,
				btn("event.delivered", casework.EventDelivered, nil),
				btn("event.identity_asked", casework.EventIdentityAsked, nil),
				btn("event.identity_provided", casework.EventIdentityProvided, nil),
				btn("event.extension", casework.EventExtension, nil),
			),
			field(T("request.reply"), note),
			container.NewAdaptiveGrid(2,
				btn("event.reply", casework.EventReply, func(r *storage.Request) {
					r.Replies = append(r.Replies, storage.Reply{Received: mustDay(date.Text), Note: strings.TrimSpace(note.Text)})
				}),
				widget.NewButton(T("request.attach"), func() { u.attachReply(id) }),
				btn("event.done", casework.EventDone, nil),
				btn("event.refused", casework.EventRefused, nil),
			),
		)
	}
	return section(T("request.events"), append([]fyne.CanvasObject{field(T("request.date"), date, hint(T("request.date_hint")))}, append(rows, problem)...)...)
}

// recordEvent applies an event to a request and saves; a refused date or
// a failed save changes nothing.
func (u *UI) recordEvent(id string, e casework.Event, on time.Time, extra func(r *storage.Request)) error {
	d := u.vault.Data
	r := d.Request(id)
	if r == nil {
		return nil
	}
	before := *r
	next := *r
	next.Replies = append([]storage.Reply(nil), r.Replies...)
	if err := casework.Record(&next, e, on, u.now()); err != nil {
		return err
	}
	if extra != nil {
		extra(&next)
	}
	if u.commit(func() {
		*r = next
		d.Log(string(e), r.CompanyID, r.ID, on.Format(time.DateOnly))
	}, func() {
		*r = before
		d.Timeline = d.Timeline[:len(d.Timeline)-1]
	}) {
		u.refreshStates()
	}
	return nil
}

// attachReply keeps a file the company sent with the request's latest
// reply (or a new one dated today).
func (u *UI) attachReply(id string) {
	u.chooseFile(nil, func(path string) { u.attachFile(id, path) })
}

// maxAttachment bounds a file kept in the vault: the vault is read whole
// at every start.
const maxAttachment = 20 << 20

// attachFile reads a file into the request's latest reply.
func (u *UI) attachFile(id, path string) {
	st, err := os.Stat(path)
	if err == nil && st.Size() > maxAttachment {
		err = fmt.Errorf("%s: %d MB; Prava keeps files up to 20 MB", filepath.Base(path), st.Size()>>20)
	}
	var data []byte
	if err == nil {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		u.notice(T("request.attach_failed"), err)
		return
	}
	d := u.vault.Data
	r := d.Request(id)
	if r == nil {
		return
	}
	before := append([]storage.Reply(nil), r.Replies...)
	doc := storage.Document{Name: filepath.Base(path), Data: data}
	if u.commit(func() {
		if len(r.Replies) == 0 {
			r.Replies = append(r.Replies, storage.Reply{Received: u.today()})
		} else {
			r.Replies = append([]storage.Reply(nil), r.Replies...)
		}
		last := &r.Replies[len(r.Replies)-1]
		last.Files = append(append([]storage.Document(nil), last.Files...), doc)
	}, func() { r.Replies = before }) {
		u.showRequest(id)
	}
}

// historyView lists the request's dates and replies.
func historyView(r *storage.Request) fyne.CanvasObject {
	rows := container.NewVBox()
	add := func(key string, t time.Time, extra string) {
		if !t.IsZero() {
			rows.Add(widget.NewLabel(T(key) + ": " + t.Format(time.DateOnly) + extra))
		}
	}
	tracking := ""
	if r.Tracking != "" {
		tracking = " · " + T("request.tracking") + " " + r.Tracking
	}
	add("history.sent", r.Dates.Sent, tracking)
	add("history.delivered", r.Dates.Delivered, "")
	add("history.identity_asked", r.Dates.IdentityAsked, "")
	add("history.identity_provided", r.Dates.IdentityProvided, "")
	add("history.extension", r.Dates.ExtensionNotified, "")
	for _, rep := range r.Replies {
		line := T("history.reply") + ": " + rep.Received.Format(time.DateOnly)
		if rep.Note != "" {
			line += " — " + rep.Note
		}
		for _, f := range rep.Files {
			line += " · " + f.Name
		}
		l := widget.NewLabel(line)
		l.Wrapping = fyne.TextWrapWord
		rows.Add(l)
	}
	add("history.closed", r.Dates.Closed, "")
	if len(rows.Objects) == 0 {
		rows.Add(hint(T("request.no_events")))
	}
	return section(T("request.history"), rows)
}

// mustDay reads a YYYY-MM-DD date already checked by the caller.
func mustDay(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, strings.TrimSpace(s))
	return t
}
