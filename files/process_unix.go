//go:build unix

package files

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// PravaRunning reports whether process pid is running and, where the system
// tells (Linux's /proc), runs the same program as this one or one named
// prava. A lock held by a process of another name is another program's.
func PravaRunning(pid int) bool {
	if err := syscall.Kill(pid, 0); err != nil && !errors.Is(err, syscall.EPERM) {
		return false // no such process: the number is stale
	}
	cmdline, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/cmdline")
	if err != nil {
		return true // no /proc (macOS, BSD): it runs, and may be Prava
	}
	if len(cmdline) == 0 {
		return true // a process on its way out: most likely the Prava that held the lock
	}
	argv0, _, _ := strings.Cut(string(cmdline), "\x00")
	name := filepath.Base(argv0)
	self, _ := os.Executable()
	return name == filepath.Base(self) || strings.Contains(strings.ToLower(name), "prava")
}
