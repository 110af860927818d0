package app

import "fyne.io/fyne/v2"

// The window's size is kept between runs in these preferences.
const (
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
)

// The remembered size is kept inside these bounds, so that a size saved on
// a large monitor (or a broken preference) cannot open the window larger
// than a screen or too small for the screens' layouts.
var (
	minWindow     = fyne.NewSize(800, 600)
	maxWindow     = fyne.NewSize(3840, 2160)
	defaultWindow = fyne.NewSize(960, 640)
)

// savedSize is the window size remembered from the last run, or the
// default size when none was kept.
func (u *UI) savedSize() fyne.Size {
	p := u.app.Preferences()
	w, h := p.Float(prefWindowWidth), p.Float(prefWindowHeight)
	if w <= 0 || h <= 0 {
		return defaultWindow
	}
	return boundSize(fyne.NewSize(float32(w), float32(h)))
}

// rememberSize stores the window's current size for the next run.
func (u *UI) rememberSize() {
	s := boundSize(u.win.Canvas().Size())
	p := u.app.Preferences()
	p.SetFloat(prefWindowWidth, float64(s.Width))
	p.SetFloat(prefWindowHeight, float64(s.Height))
}

// boundSize clamps s to the window bounds.
func boundSize(s fyne.Size) fyne.Size {
	return fyne.NewSize(clamp(s.Width, minWindow.Width, maxWindow.Width),
		clamp(s.Height, minWindow.Height, maxWindow.Height))
}

func clamp(v, lo, hi float32) float32 {
	return max(lo, min(v, hi))
}
