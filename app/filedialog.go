package app

import (
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// placeKeys are the translation keys for the places Fyne's file dialog
// lists at its side. Fyne writes their names in English and looks none
// of them up (dialog/file.go, v2.8), so Prava says them in the person's
// language itself.
var placeKeys = map[string]string{
	"Home": "file.place.home", "Computer": "file.place.computer", "App Files": "file.place.app_files",
	"Desktop": "file.place.desktop", "Documents": "file.place.documents", "Downloads": "file.place.downloads",
	"Music": "file.place.music", "Pictures": "file.place.pictures", "Videos": "file.place.videos",
	"Movies": "file.place.videos",
}

// showFileDialog shows d with a title said whole ("Зберегти файл", not
// Fyne's "Save" + " " + "File") and its places in the person's language.
func (u *UI) showFileDialog(d *dialog.FileDialog, titleKey string) {
	d.SetTitleText(T(titleKey))
	d.Show()
	translatePlaces(u.win.Canvas().Overlays().Top())
}

// translatePlaces finds the file dialog's list of places under o and
// has it show each name in the person's language.
func translatePlaces(o fyne.CanvasObject) {
	switch v := o.(type) {
	case nil:
	case *widget.PopUp:
		translatePlaces(v.Content)
	case *fyne.Container:
		for _, child := range v.Objects {
			translatePlaces(child)
		}
	case *container.Split:
		translatePlaces(v.Leading)
		translatePlaces(v.Trailing)
	case *widget.List:
		update := v.UpdateItem
		if update == nil {
			return
		}
		v.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
			update(id, item)
			row, ok := item.(*fyne.Container)
			if !ok {
				return
			}
			for _, c := range row.Objects {
				if l, ok := c.(*widget.Label); ok && placeKeys[l.Text] != "" {
					l.SetText(T(placeKeys[l.Text]))
				}
			}
		}
		if v.Length != nil {
			for id := range v.Length() {
				v.RefreshItem(id)
			}
		}
	default:
		// Fyne wraps a modal pop-up in an overlay of an internal type
		// whose Content is the pop-up.
		if r := reflect.Indirect(reflect.ValueOf(o)); r.Kind() == reflect.Struct {
			if f := r.FieldByName("Content"); f.IsValid() && f.CanInterface() {
				if c, ok := f.Interface().(fyne.CanvasObject); ok {
					translatePlaces(c)
				}
			}
		}
	}
}
