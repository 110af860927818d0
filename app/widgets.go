package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// heading is a screen's title.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

// para is a paragraph that wraps to the width it is given.
func para(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// selectable is a paragraph whose text can be selected and copied.
func selectable(text string) *widget.Label {
	l := para(text)
	l.Selectable = true
	return l
}

// hint is a small paragraph under a field.
func hint(text string) *widget.Label {
	l := para(text)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// quote is the policy's own words a value was read from.
func quote(text string) *widget.Label {
	l := hint("“" + text + "”")
	l.TextStyle = fyne.TextStyle{Italic: true}
	return l
}

// section is a titled part of a page.
func section(title string, content ...fyne.CanvasObject) fyne.CanvasObject {
	t := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.SizeName = theme.SizeNameSubHeadingText
	return container.NewVBox(append([]fyne.CanvasObject{widget.NewSeparator(), t}, content...)...)
}

// field is a labelled input with a paragraph under it saying why it is
// asked or what was found; it wraps where a form's hint would not.
func field(label string, input fyne.CanvasObject, notes ...fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVBox(append([]fyne.CanvasObject{l, input}, notes...)...)
}

// column is a layout that keeps text readable on a wide window: its one
// child is centred and no wider than width.
type column struct{ width float32 }

func (c column) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) == 0 {
		return fyne.Size{}
	}
	return objs[0].MinSize()
}

func (c column) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := min(size.Width, c.width)
	for _, o := range objs {
		o.Resize(fyne.NewSize(w, size.Height))
		o.Move(fyne.NewPos((size.Width-w)/2, 0))
		// Wrapped text knows its height only once it has its width: lay
		// the column out again so nothing overlaps on the first frame.
		relayout(o)
	}
}

// relayout lays out the containers under o again at their current sizes.
func relayout(o fyne.CanvasObject) {
	c, ok := o.(*fyne.Container)
	if !ok {
		return
	}
	if c.Layout != nil {
		c.Layout.Layout(c.Objects, c.Size())
	}
	for _, child := range c.Objects {
		relayout(child)
	}
}

// screen lays out a full-window page: a readable column that scrolls.
func screen(objs ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVScroll(container.New(column{width: 640}, container.NewPadded(container.NewVBox(objs...))))
}

// busy is a screen that says what is under way.
func busy(text string) fyne.CanvasObject {
	bar := widget.NewProgressBarInfinite()
	return container.NewCenter(container.NewVBox(widget.NewLabelWithStyle(text, fyne.TextAlignCenter, fyne.TextStyle{}), bar))
}

// buttons is a row of buttons aligned to the trailing edge.
func buttons(bs ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewHBox(append([]fyne.CanvasObject{}, bs...)...)
}

// scrollTo scrolls page, a page as screen makes it, so that o shows: a
// problem line under a field low on a long form is seen, not missed.
func scrollTo(page, o fyne.CanvasObject) {
	s, ok := page.(*container.Scroll)
	if !ok {
		return
	}
	y, found := offsetIn(s.Content, o)
	if !found {
		return
	}
	if top := s.Offset.Y; y >= top && y+o.Size().Height <= top+s.Size().Height {
		return // already in view
	}
	s.ScrollToOffset(fyne.NewPos(0, max(0, y-s.Size().Height/3)))
}

// offsetIn is how far down o is in root's containers.
func offsetIn(root, o fyne.CanvasObject) (float32, bool) {
	if root == o {
		return 0, true
	}
	c, ok := root.(*fyne.Container)
	if !ok {
		return 0, false
	}
	for _, child := range c.Objects {
		if y, ok := offsetIn(child, o); ok {
			return child.Position().Y + y, true
		}
	}
	return 0, false
}
