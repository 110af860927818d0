package app

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
	"prava/files"
	"prava/letters"
	"prava/record"
)

// showRequest opens a request's page: the letter and what to do with it,
// the events that move its deadline, and what to do next.
func (u *UI) showRequest(id string) {
	d := u.data()
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
	back := u.backButton(func() {
		if c != nil {
			u.showCompany(c.ID)
		} else {
			u.showCompanies()
		}
	})
	title := heading(kindName(r.Kind) + " · " + name)
	del := widget.NewButtonWithIcon(T("request.delete"), theme.DeleteIcon(), func() { u.confirmDeleteRequest(id, c) })
	del.Importance = widget.DangerImportance
	tools := container.NewHBox(del)
	if e, ok := casework.LastEvent(d, id); ok {
		undo := widget.NewButtonWithIcon(T("request.undo", args("Event", T("history."+historyKey(e)))), theme.ContentUndoIcon(), func() {
			u.change(func(k *casework.Desk) error { return k.UndoLastEvent(id) }, func() { u.showRequest(id) }, nil)
		})
		tools.Objects = append([]fyne.CanvasObject{undo}, tools.Objects...)
	}
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
	body.Add(u.signingSection(r, name))
	if r.Status != record.StatusDone && r.Status != record.StatusRefused {
		body.Add(u.eventsView(r))
	}
	body.Add(historyView(r))
	text, err := r.LetterText.Read()
	if err != nil {
		// The vault file was changed outside Prava, or cannot be read.
		unread := problemLabel()
		unread.SetText(T("request.letter_unread"))
		unread.Show()
		body.Add(section(T("request.letter"), unread))
	}
	if text != "" {
		parts := []fyne.CanvasObject{selectable(text)}
		if r.Status == record.StatusDraft {
			edit := widget.NewButtonWithIcon(T("request.edit_letter"), theme.DocumentCreateIcon(), func() { u.editLetter(id) })
			parts = append([]fyne.CanvasObject{hint(T("request.edit_hint")), buttons(edit)}, parts...)
		}
		body.Add(section(T("request.letter"), parts...))
	}
	u.openPage(container.NewBorder(container.NewPadded(container.NewBorder(nil, nil, back, tools, title)), nil, nil, nil,
		container.NewVScroll(container.New(column{width: 760}, container.NewPadded(body)))))
}

// historyKey is the last part of the history line's translation key for
// an event: "identity asked" is "identity_asked", done and refused close.
func historyKey(e casework.Event) string {
	switch e {
	case casework.EventDone:
		return "closed"
	case casework.EventRefused:
		return "refused"
	case casework.EventIdentityAsked:
		return "identity_asked"
	case casework.EventIdentityProvided:
		return "identity_provided"
	case casework.EventExtension:
		return "extension"
	case casework.EventReply:
		return "reply"
	}
	return string(e)
}

// confirmDeleteRequest deletes a request written by mistake, with its
// reminders and complaints, after asking.
func (u *UI) confirmDeleteRequest(id string, c *record.Company) {
	dialog.ShowConfirm(T("request.delete_title"), T("request.delete_body"), func(ok bool) {
		if !ok {
			return
		}
		u.change(func(k *casework.Desk) error { return k.DeleteRequest(id) }, func() {
			if c != nil {
				u.showCompany(c.ID)
			} else {
				u.showCompanies()
			}
		}, nil)
	}, u.win)
}

// editLetter lets the person change a draft letter's text before it is
// sent; the PDF and e-mail are written again from it.
func (u *UI) editLetter(id string) {
	text, err := casework.DraftBody(u.data(), id)
	if err != nil {
		u.failed(err)
		return
	}
	body := widget.NewMultiLineEntry()
	body.Wrapping = fyne.TextWrapWord
	body.SetText(text)
	body.SetMinRowsVisible(14)
	problem := problemLabel()
	var d dialog.Dialog
	save := widget.NewButtonWithIcon(T("common.save"), theme.DocumentSaveIcon(), func() {
		u.change(func(k *casework.Desk) error { return k.EditLetter(id, body.Text) }, func() {
			d.Hide()
			u.showRequest(id)
		}, func(err error) { showProblem(problem, err) })
	})
	save.Importance = widget.HighImportance
	cancel := widget.NewButton(T("common.cancel"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(T("request.edit_letter"), container.NewBorder(hint(T("request.edit_hint")), container.NewVBox(problem, buttons(cancel, save)), nil, nil, body), u.win)
	d.Resize(fyne.NewSize(720, 560))
	d.Show()
}

// outlookView says where a request stands, until when, why, and the next
// step, with the button that takes it.
func (u *UI) outlookView(r record.Request) fyne.CanvasObject {
	o := casework.Next(u.data(), r, u.now())
	text, imp := stepText(o)
	step := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	step.Importance = imp
	step.Wrapping = fyne.TextWrapWord
	parts := []fyne.CanvasObject{step}
	if len(o.Deadline.Reasons) > 0 {
		parts = append(parts, hint(T("request.why", args("Basis", reasonsText(o.Deadline.Reasons)))))
	}
	if !o.Deadline.Latest.IsZero() && !o.Deadline.Extended {
		parts = append(parts, hint(T("request.latest", args("Date", o.Deadline.Latest.Format(time.DateOnly)))))
	}
	switch o.Step {
	case casework.StepRemind:
		b := widget.NewButtonWithIcon(T("request.write_reminder"), theme.MailComposeIcon(), func() { u.followUp(r.ID, record.Reminder) })
		b.Importance = widget.HighImportance
		parts = append(parts, buttons(b))
	case casework.StepComplain:
		b := widget.NewButtonWithIcon(T("request.write_complaint"), theme.MailComposeIcon(), func() { u.followUp(r.ID, record.Complaint) })
		b.Importance = widget.HighImportance
		parts = append(parts, buttons(b))
	}
	if len(r.Replies) > 0 || r.Status == record.StatusRefused {
		answer := widget.NewButtonWithIcon(T("request.answer"), theme.MailReplyIcon(), func() { u.askAnswer(r.ID) })
		parts = append(parts, hint(T("request.answer_hint")), buttons(answer))
	}
	for _, f := range []*record.Request{o.Reminder, o.Complaint} {
		if f != nil {
			id := f.ID
			label := kindName(f.Kind) + " · " + f.Reference + " · " + T("status."+string(f.Status))
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
	case casework.StepAnswered:
		return T("step.answered", args("Date", date)), widget.SuccessImportance
	case casework.StepComplain:
		if o.Due.IsZero() {
			// Refused: no term ran out, the refusal itself is the ground.
			return T("step.complain_refused"), widget.DangerImportance
		}
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
func (u *UI) followUp(id string, kind record.Kind) {
	var w casework.Written
	u.change(func(k *casework.Desk) (err error) {
		w, err = k.FollowUp(id, kind)
		return err
	}, func() { u.showRequest(w.Request.ID) }, func(err error) { u.notice(T("request.follow_up_failed"), err) })
}

// eventsView records what happened to a request, each on a day the person
// gives; the due date is worked out again after each.
func (u *UI) eventsView(r *record.Request) fyne.CanvasObject {
	id := r.ID
	date := widget.NewEntry()
	date.SetText(u.today().Format(time.DateOnly))
	date.SetPlaceHolder(T("common.date_format"))
	tracking := widget.NewEntry()
	tracking.SetText(r.Tracking)
	tracking.SetPlaceHolder(T("request.tracking_hint"))
	note := widget.NewEntry()
	note.SetPlaceHolder(T("request.reply_hint"))
	problem := problemLabel()

	recordEvent := func(e casework.Event, detail func() casework.Detail) {
		on, err := time.Parse(time.DateOnly, strings.TrimSpace(date.Text))
		if err != nil {
			problem.SetText(T("request.err_date"))
			problem.Show()
			return
		}
		var det casework.Detail
		if detail != nil {
			det = detail()
		}
		u.change(func(k *casework.Desk) error { return k.Record(id, e, on, det) }, func() { u.showRequest(id) }, func(err error) {
			showProblem(problem, err)
		})
	}
	btn := func(key string, e casework.Event, detail func() casework.Detail) *widget.Button {
		return widget.NewButton(T(key), func() { recordEvent(e, detail) })
	}
	var rows []fyne.CanvasObject
	if r.Dates.Sent.IsZero() {
		// How it actually went: a letter written for e-mail may be posted.
		channels := []record.Channel{record.ByEmail, record.ByPost, record.ByWebForm}
		channel := widget.NewSelect([]string{T("contact.email"), T("contact.post"), T("contact.web form")}, nil)
		// The registered-mail number is asked only for a letter by post.
		trackingField := field(T("request.tracking"), tracking)
		channel.OnChanged = func(string) {
			if channels[max(channel.SelectedIndex(), 0)] == record.ByPost {
				trackingField.Show()
			} else {
				trackingField.Hide()
			}
		}
		channel.SetSelectedIndex(max(slices.Index(channels, r.Channel), 0))
		sent := btn("event.sent", casework.EventSent, func() casework.Detail {
			return casework.Detail{Tracking: tracking.Text, Channel: channels[max(channel.SelectedIndex(), 0)]}
		})
		sent.Importance = widget.HighImportance
		rows = append(rows, field(T("request.channel"), channel), trackingField, buttons(sent))
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
				btn("event.reply", casework.EventReply, func() casework.Detail { return casework.Detail{Note: note.Text} }),
				widget.NewButton(T("request.attach"), func() { u.attachReply(id) }),
				btn("event.done", casework.EventDone, nil),
				widget.NewButton(T("event.refused"), func() { u.askRefusal(id, recordEvent) }),
			),
		)
	}

	return section(T("request.events"), append([]fyne.CanvasObject{field(T("request.date"), date, hint(T("request.date_hint")))}, append(rows, problem)...)...)
}

// askAnswer asks which of the usual refusals the company sent, and writes
// the reply to it.
func (u *UI) askAnswer(id string) {
	names := make([]string, len(letters.Refusals))
	for i, r := range letters.Refusals {
		names[i] = T("refusal." + string(r))
	}
	which := widget.NewRadioGroup(names, nil)
	which.SetSelected(names[0])
	d := dialog.NewCustomConfirm(T("request.answer"), T("request.answer_do"), T("common.cancel"),
		container.NewVBox(para(T("request.answer_which")), which), func(ok bool) {
			i := slices.Index(names, which.Selected)
			if !ok || i < 0 {
				return
			}
			var w casework.Written
			u.change(func(k *casework.Desk) (err error) {
				w, err = k.Answer(id, letters.Refusals[i])
				return err
			}, func() { u.showRequest(w.Request.ID) }, nil)
		}, u.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// askRefusal asks why the company refused, which the complaint will
// quote, and records the refusal with it.
func (u *UI) askRefusal(id string, recordEvent func(casework.Event, func() casework.Detail)) {
	why := widget.NewMultiLineEntry()
	why.Wrapping = fyne.TextWrapWord
	why.SetPlaceHolder(T("request.refused_hint"))
	// The form's button stays off until a reason is given.
	why.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(T("request.refused_need"))
		}
		return nil
	}
	d := dialog.NewForm(T("event.refused"), T("request.refused_do"), T("common.cancel"),
		[]*widget.FormItem{widget.NewFormItem(T("request.refused_why"), why)},
		func(ok bool) {
			if ok {
				recordEvent(casework.EventRefused, func() casework.Detail { return casework.Detail{Note: why.Text} })
			}
		}, u.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// attachReply keeps a file the company sent with the request's latest
// reply (or a new one dated today).
func (u *UI) attachReply(id string) {
	u.chooseFile(nil, func(path string) { u.attachFile(id, path) })
}

// attachFile reads a file into the request's latest reply.
func (u *UI) attachFile(id, path string) {
	// Only a regular file of at most the size the vault keeps is read: a
	// pipe or device would hang the read, a huge file fill the memory.
	data, err := files.ReadAttachment(path, casework.MaxAttachment)
	if err != nil {
		u.notice(T("request.attach_failed"), err)
		return
	}
	doc := record.Document{Name: filepath.Base(path), Data: data}
	u.change(func(k *casework.Desk) error { return k.AttachReply(id, doc) }, func() { u.showRequest(id) }, func(err error) {
		u.notice(T("request.attach_failed"), err)
	})
}

// historyView lists the request's dates and replies.
func historyView(r *record.Request) fyne.CanvasObject {
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
	if r.Status == record.StatusRefused {
		reason := ""
		if why := casework.RefusalReason(*r); why != "" {
			reason = " — " + why
		}
		add("history.refused", r.Dates.Closed, reason)
	} else {
		add("history.closed", r.Dates.Closed, "")
	}
	if len(rows.Objects) == 0 {
		rows.Add(hint(T("request.no_events")))
	}
	return section(T("request.history"), rows)
}
