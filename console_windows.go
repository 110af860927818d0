//go:build windows

package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// useParentConsole lets the command line be used from a terminal on
// Windows. prava.exe is built as a GUI program (-H=windowsgui) so that
// opening the app shows no console window; such a program starts with no
// console, and what the command line prints would be lost. It attaches to
// the console of the terminal that started it, when there is one, and
// points whichever standard streams were not redirected at it.
func useParentConsole() {
	attach := windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")
	const attachParentProcess = uintptr(^uint32(0)) // ATTACH_PARENT_PROCESS, (DWORD)-1
	if ok, _, _ := attach.Call(attachParentProcess); ok == 0 {
		return // started from Explorer or a shortcut: nowhere to write
	}
	if unset(os.Stdout) {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stdout = f
		}
	}
	if unset(os.Stderr) {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stderr = f
		}
	}
	if unset(os.Stdin) {
		if f, err := os.OpenFile("CONIN$", os.O_RDONLY, 0); err == nil {
			os.Stdin = f
		}
	}
}

// unset reports whether a standard stream has no handle of its own, as
// when a GUI program is started from a terminal without redirection; a
// stream redirected to a file or a pipe keeps its handle. It looks at the
// handle Go took at start, which attaching a console does not change.
func unset(f *os.File) bool {
	if f == nil {
		return true
	}
	h := windows.Handle(f.Fd())
	return h == 0 || h == windows.InvalidHandle
}
