package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prava/casework"
)

// entitiesEditor is the part of a company's Edit page that holds the
// legal entities behind a brand, whom its letters are addressed to: the
// list as stored, a remove button on each, and a line that adds one.
// Nothing is stored until the page is saved; a name is checked as it is
// added, with the desk's own check, so that a bad one is refused where it
// was typed.
type entitiesEditor struct {
	sh      shell
	names   []string
	list    *fyne.Container
	entry   *widget.Entry
	problem *widget.Label
	// relayout lays the page out again when the list grows or shrinks or
	// a refusal shows, and scrolls to show the object given, if any.
	relayout func(show fyne.CanvasObject)
}

func newEntitiesEditor(sh shell, names []string, relayout func(show fyne.CanvasObject)) *entitiesEditor {
	x := &entitiesEditor{sh: sh, names: slices.Clone(names), list: container.NewVBox(), entry: widget.NewEntry(), problem: problemLabel(), relayout: relayout}
	x.entry.SetPlaceHolder(T("company.entity_hint"))
	x.entry.OnSubmitted = func(string) { x.add() }
	sh.watchEdits(x.entry)
	x.fill()
	return x
}

// box is the editor as the page shows it: the list, then the line that
// adds a name with the refusal under it.
func (x *entitiesEditor) box() fyne.CanvasObject {
	add := widget.NewButtonWithIcon(T("company.entity_add"), theme.ContentAddIcon(), x.add)
	return container.NewVBox(x.list, container.NewBorder(nil, nil, nil, add, x.entry), x.problem)
}

// fill shows the names in the list, or says there are none.
func (x *entitiesEditor) fill() {
	x.list.RemoveAll()
	if len(x.names) == 0 {
		x.list.Add(hint(T("company.entities_none")))
	}
	for i, name := range x.names {
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { x.remove(i) })
		x.list.Add(container.NewBorder(nil, nil, nil, remove, selectable(name)))
	}
	x.list.Refresh()
}

// add puts the typed name in the list once the desk's check passes it; a
// name refused, or one the list holds already, stays in the line with
// the reason under it.
func (x *entitiesEditor) add() {
	x.problem.Hide()
	name := strings.TrimSpace(x.entry.Text)
	if name == "" {
		return
	}
	if slices.Contains(x.names, name) {
		x.refuse(T("company.entity_twice"))
		return
	}
	next := append(slices.Clone(x.names), name)
	if err := casework.CheckEntities(next); err != nil {
		x.refuse(problemLine(err))
		return
	}
	x.names = next
	x.entry.SetText("")
	x.changed()
}

// remove takes the i-th name off the list.
func (x *entitiesEditor) remove(i int) {
	x.problem.Hide()
	x.names = slices.Delete(slices.Clone(x.names), i, i+1)
	x.changed()
}

// changed shows the list as it now is and counts it as unsaved work.
func (x *entitiesEditor) changed() {
	x.sh.edited()
	x.fill()
	x.relayout(nil)
}

// refuse shows why a name was not added.
func (x *entitiesEditor) refuse(text string) {
	x.problem.SetText(text)
	x.problem.Show()
	x.relayout(x.problem)
}

// values is the list the desk is to store, read on the UI goroutine. A
// name typed but not added yet is in it: Save stores what the page
// shows, and the desk refuses the name if its check does.
func (x *entitiesEditor) values() []string {
	out := slices.Clone(x.names)
	if name := strings.TrimSpace(x.entry.Text); name != "" && !slices.Contains(out, name) {
		out = append(out, name)
	}
	if out == nil {
		out = []string{} // an empty list clears the stored one
	}
	return out
}
