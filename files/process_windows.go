//go:build windows

package files

import "golang.org/x/sys/windows"

// PravaRunning reports whether process pid is running; Windows does not say
// cheaply what it runs, so a running process named in the lock is taken
// for Prava.
func PravaRunning(pid int) bool {
	h, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, uint32(pid))
	if err != nil {
		return false
	}
	windows.CloseHandle(h)
	return true
}
