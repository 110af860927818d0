package app

import (
	"image/color"
	"math"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/message"

	"prava/policy"
)

// pasteShown is how many characters of a pasted text the field lays out.
// Fyne's multi-line entry lays out its whole text on every change, in a
// time that grows faster than the text (here 20 KB took 20 ms, 100 KB
// 0.4 s, 2 MB about two minutes), so a longer paste is kept off the widget
// and only its beginning is shown.
const pasteShown = 10_000

// pasteBox is a multi-line field for a whole policy: typing and small
// pastes edit it as any entry, while a paste that makes it longer than
// pasteShown characters is kept whole in full and only its beginning is
// shown, read-only in place of the entry, with a line saying so and a
// button to clear it. A paste over the policy reader's limit is refused
// at once.
type pasteBox struct {
	entry   *pasteEntry
	preview *widget.Label     // the beginning of a big paste, in the entry's place
	scroll  *container.Scroll // preview's, shown instead of the entry
	note    *widget.Label
	clear   *widget.Button
	bottom  *fyne.Container // note and clear, hidden while there is nothing to say
	all     *fyne.Container // what the screen lays out
	full    string          // the whole text while only its beginning is shown
	big     bool            // full holds the text, and preview its beginning
	// grown, when set, is called after the note under the field came or
	// went, for a dialog to take the height the box now needs.
	grown func()
}

// pasteEntry is the multi-line entry of a pasteBox; it hands pastes to
// the box before the entry can take them.
type pasteEntry struct {
	widget.Entry
	box *pasteBox
}

// TypedShortcut lets the box take a paste first: the entry's own paste
// would lay the whole text out, however long. The entry's context menu
// sends its Paste here too.
func (e *pasteEntry) TypedShortcut(s fyne.Shortcut) {
	if p, ok := s.(*fyne.ShortcutPaste); ok && e.box != nil && e.box.paste(p.Clipboard) {
		return
	}
	e.Entry.TypedShortcut(s)
}

// newPasteBox makes an empty box showing placeholder, rows lines high.
func newPasteBox(placeholder string, rows int) *pasteBox {
	b := &pasteBox{entry: &pasteEntry{}}
	b.entry.MultiLine = true
	b.entry.Wrapping = fyne.TextWrapWord
	b.entry.ExtendBaseWidget(b.entry)
	b.entry.SetPlaceHolder(placeholder)
	b.entry.SetMinRowsVisible(rows)
	b.entry.box = b
	b.entry.OnChanged = func(string) {
		if !b.big && b.bottom.Visible() {
			// Typing after a refused paste: the refusal is old news.
			b.bottom.Hide()
			b.relayout()
		}
	}
	// A label rather than the entry disabled, whose greyed text is hard
	// to read; selectable, so that it can still be copied.
	b.preview = widget.NewLabel("")
	b.preview.Wrapping = fyne.TextWrapWord
	b.preview.Selectable = true
	b.scroll = container.NewVScroll(b.preview)
	b.scroll.Hide()
	b.note = widget.NewLabel("")
	b.note.Wrapping = fyne.TextWrapWord
	b.clear = widget.NewButtonWithIcon(T("add.paste_clear"), theme.ContentClearIcon(), b.reset)
	b.bottom = container.NewBorder(nil, nil, nil, container.NewVBox(b.clear), b.note)
	b.bottom.Hide()
	// The preview keeps the entry's height: a dialog sized for the entry
	// would otherwise squeeze it to a line when the note comes.
	keep := canvas.NewRectangle(color.Transparent)
	keep.SetMinSize(b.entry.MinSize())
	b.all = container.NewBorder(nil, b.bottom, nil, nil, container.NewStack(keep, b.entry, b.scroll))
	return b
}

// object is what the screen lays out: the field, with the note under it.
func (b *pasteBox) object() fyne.CanvasObject { return b.all }

// relayout places the note under the field after it was shown, hidden or
// changed. Twice, because a wrapping label knows its height only once it
// has its width; by layout and not Refresh, which would lay the shown
// text out again.
func (b *pasteBox) relayout() {
	for range 2 {
		b.all.Layout.Layout(b.all.Objects, b.all.Size())
		b.bottom.Layout.Layout(b.bottom.Objects, b.bottom.Size())
	}
	b.bottom.Refresh()
	if b.grown != nil {
		b.grown()
	}
}

// text is the whole text, however much of it is shown.
func (b *pasteBox) text() string {
	if b.big {
		return b.full
	}
	return b.entry.Text
}

// reset empties the box and makes it editable again.
func (b *pasteBox) reset() {
	b.big, b.full = false, ""
	b.bottom.Hide()
	b.scroll.Hide()
	b.preview.SetText("")
	b.entry.SetText("")
	b.entry.Show()
	b.relayout()
	if c := fyne.CurrentApp().Driver().CanvasForObject(b.entry); c != nil {
		c.Focus(b.entry)
	}
}

// paste takes a paste the entry would be slow with, or one over the
// reader's limit, and reports whether it did; a small paste is left to
// the entry, which keeps the cursor and undo.
func (b *pasteBox) paste(clip fyne.Clipboard) bool {
	if clip == nil {
		clip = fyne.CurrentApp().Clipboard()
	}
	add := clip.Content()
	if b.big || add == "" {
		return b.big // a read-only field takes no paste; Clear comes first
	}
	whole := splice(b.entry.Text, b.entry.CursorTextOffset(), b.entry.SelectedText(), add)
	if len(whole) > policy.MaxInputBytes {
		b.refuse(len(whole))
		return true
	}
	if utf8.RuneCountInString(whole) <= pasteShown {
		return false
	}
	b.show(whole)
	return true
}

// show keeps text whole and lays out only its beginning.
func (b *pasteBox) show(text string) {
	b.big, b.full = true, text
	b.note.Importance = widget.MediumImportance
	b.note.SetText(T("add.paste_big", args("Count", message.NewPrinter(uiLanguage()).Sprintf("%d", utf8.RuneCountInString(text)))))
	b.clear.Show()
	b.bottom.Show()
	// Read-only: an edit of the shown part could not be told apart from
	// the rest kept off the widget. The entry keeps what was there before
	// the paste, hidden, for no text to be laid out twice; Clear empties
	// it.
	b.entry.Hide()
	b.preview.SetText(beginning(text, pasteShown) + "\n…")
	b.scroll.ScrollToTop()
	b.scroll.Show()
	b.relayout()
	// The entry's own text did not change, but the box's did: whoever
	// watches the entry for edits (watchEdits) is told.
	if b.entry.OnChanged != nil {
		b.entry.OnChanged(b.entry.Text)
	}
	// Keys would go on to the hidden entry.
	if c := fyne.CurrentApp().Driver().CanvasForObject(b.all); c != nil && c.Focused() == b.entry {
		c.Unfocus()
	}
}

// refuse says a paste of size bytes is over the reader's limit, and
// keeps nothing of it.
func (b *pasteBox) refuse(size int) {
	b.note.Importance = widget.DangerImportance
	b.note.SetText(tooLarge(size))
	b.clear.Hide()
	b.bottom.Show()
	b.relayout()
}

// tooLarge words a text of size bytes over the reader's limit, both sizes
// in megabytes written the person's way ("17,3 МБ").
func tooLarge(size int) string {
	p := message.NewPrinter(uiLanguage())
	// Rounded up, so a text just over the limit never reads as the limit.
	mb := math.Ceil(float64(size)/(1<<20)*10) / 10
	return T("add.paste_too_large", args("Size", p.Sprintf("%.1f", mb), "Limit", p.Sprintf("%d", policy.MaxInputBytes>>20)))
}

// splice is text with add pasted at the cursor (a rune offset), in place
// of the selection. The entry tells the selected text but not where it
// is; a selection made by mouse or keyboard ends at the cursor, on one
// side or the other.
func splice(text string, cursor int, selected, add string) string {
	if text == "" {
		return add // the usual case, without copying a long paste
	}
	r := []rune(text)
	cursor = min(max(cursor, 0), len(r))
	from, to := cursor, cursor
	if n := utf8.RuneCountInString(selected); n > 0 {
		switch {
		case cursor >= n && string(r[cursor-n:cursor]) == selected:
			from = cursor - n
		case cursor+n <= len(r) && string(r[cursor:cursor+n]) == selected:
			to = cursor + n
		}
	}
	return string(r[:from]) + add + string(r[to:])
}

// beginning is text's first n characters at most, ending at a line break
// or else a space where one is near, so that the shown part does not stop
// inside a word.
func beginning(text string, n int) string {
	end, count := 0, 0
	for i := range text {
		if count == n {
			end = i
			break
		}
		count++
		end = len(text)
	}
	if end == len(text) {
		return text
	}
	cut := text[:end]
	for _, sep := range []string{"\n", " "} {
		if i := strings.LastIndex(cut, sep); i > len(cut)*9/10 {
			return cut[:i]
		}
	}
	return cut
}
