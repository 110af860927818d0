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

// hint is a small, quiet paragraph under a field.
func hint(text string) *widget.Label {
	l := para(text)
	l.SizeName = theme.SizeNameCaptionText
	l.Importance = widget.LowImportance
	return l
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
