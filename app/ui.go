package app

import (
	"net/http"
	"os"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"prava/assets"
	"prava/casework"
	"prava/record"
)

// Options are what the UI needs from outside; zero values take the real
// thing, tests give fakes.
type Options struct {
	VaultPath string           // "" for PRAVA_VAULT, the settings, or the default
	Keyring   casework.Keyring // nil for the system's keyring
	HTTP      *http.Client     // nil for http.DefaultClient
	Now       func() time.Time
	// Ready, when set, is called once, the first time the vault's screens
	// are shown: the moment the window becomes usable.
	Ready func()
}

// UI is Prava's window and the vault it shows.
type UI struct {
	app  fyne.App
	win  fyne.Window
	opt  Options
	path string

	// desk is the open vault behind its one door for changes, nil until
	// the vault is unlocked; it owns the vault and closes it.
	desk *casework.Desk
	// shown is the desk's snapshot the screens were last built from: it
	// changes only on the UI goroutine (see sync), so the positions and
	// states below always match it while a change is being saved.
	shown     *record.Data
	states    map[string]casework.State // company ID → its requests' state, as rows ask
	byCompany map[string][]int          // company ID → its requests' positions

	home    *home
	pending sync.WaitGroup // background work under way
	queue   chan func()    // when set, background results wait here for Settle
	// readPolicyFile reads a policy file on the add-company page; the
	// file dialog calls it, and so can tests.
	readPolicyFile func(path string)
	keys           fyne.ShortcutHandler // the window's shortcuts
	focusOnShow    fyne.Focusable       // what a page just built wants focused once shown
	status         *widget.Label        // the line under every screen for confirmations (see toast)
	toastTimer     *time.Timer          // clears the status line; stopped by Close
	returnPage     fyne.CanvasObject    // the page onReturn is for
	onReturn       func()               // returnPage looks again at what it said when its tab is selected again
	back           func()               // what Esc does on the page shown; nil on none
	unsaved        bool                 // a form on screen holds changes not saved yet
	temps          []string             // folders of letters opened to print, removed on Close
	notified       time.Time            // the day the last deadline notification went out
	lastNotice     string               // its text, for tests
	ticker         *time.Ticker         // the hourly deadline check
	stopTicker     chan struct{}        // closed by Close to end it
	mailTicker     *time.Ticker         // the mailbox check every few minutes
	stopMail       chan struct{}        // closed by Close to end it
	checking       bool                 // a mailbox check is running
	idling         bool                 // the mailbox is watched with IDLE
	stopIdle       func()               // ends that watch; called by Close
	// openURL opens a web address in the system's browser (a provider's
	// sign-in page); tests follow the address themselves.
	openURL func(string) error
}

// New makes the window; Start decides what it shows first.
func New(a fyne.App, opt Options) *UI {
	if opt.Keyring == nil {
		opt.Keyring = casework.SystemKeyring{}
	}
	if opt.HTTP == nil {
		opt.HTTP = http.DefaultClient
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	u := &UI{app: a, opt: opt}
	u.win = a.NewWindow(T("app.title"))
	u.win.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	u.win.Resize(u.savedSize())
	u.installMenu()
	u.win.SetMaster()
	u.win.SetCloseIntercept(u.closeRequested)
	u.win.Canvas().SetOnTypedKey(u.typedKey)
	return u
}

// Window is the main window.
func (u *UI) Window() fyne.Window { return u.win }

// Desk is the open vault's desk, nil until the vault is unlocked.
func (u *UI) Desk() *casework.Desk { return u.desk }

// data is the vault's data as the screens show it. Read it, never write:
// changes go through the desk (see change).
func (u *UI) data() *record.Data { return u.shown }

// setDesk makes an opened vault's desk the one the window shows.
func (u *UI) setDesk(desk *casework.Desk) {
	u.desk, u.shown = desk, desk.Data()
}

// Close releases the vault for other Prava processes.
func (u *UI) Close() {
	u.pending.Wait()
	for _, dir := range u.temps {
		os.RemoveAll(dir)
	}
	u.temps = nil
	if u.toastTimer != nil {
		u.toastTimer.Stop()
	}
	if u.ticker != nil {
		u.ticker.Stop()
		close(u.stopTicker)
		u.ticker = nil
	}
	if u.stopIdle != nil {
		u.stopIdle()
		u.stopIdle, u.idling = nil, false
	}
	if u.mailTicker != nil {
		u.mailTicker.Stop()
		close(u.stopMail)
		u.mailTicker = nil
	}
	u.closeVault()
}

// closeVault closes the open vault, if any, releasing its lock.
func (u *UI) closeVault() {
	if u.desk != nil {
		u.desk.Close()
		u.desk, u.shown = nil, nil
	}
}

// background runs work off the UI goroutine (keyring calls may wait for
// the person to unlock their keyring; downloads take time) and then done
// on it.
func (u *UI) background(work func(), done func()) {
	u.pending.Add(1)
	go func() {
		defer u.pending.Done()
		work()
		if u.queue != nil {
			u.queue <- done
			return
		}
		fyne.DoAndWait(done)
	}()
}

// Settle waits until background work has finished and its results are on
// screen. Tests call it: with a queue (see newTestUI) the results are put
// on screen here, on the test's goroutine, rather than on the worker's,
// where Fyne's test driver would run them.
func (u *UI) Settle() {
	for {
		u.pending.Wait()
		if u.queue == nil {
			return
		}
		select {
		case done := <-u.queue:
			done()
		default:
			return
		}
	}
}

// show puts a screen into the window, above the status line.
func (u *UI) show(content fyne.CanvasObject) {
	u.back, u.unsaved = nil, false
	u.clearToast()
	u.win.SetContent(container.NewBorder(nil, u.statusLine(), nil, nil, content))
}

// now is today's time, from the clock tests may set.
func (u *UI) now() time.Time { return u.opt.Now() }

// today is the person's calendar day, as letters and deadlines date it.
func (u *UI) today() time.Time {
	y, m, d := u.now().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
