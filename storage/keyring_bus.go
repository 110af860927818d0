//go:build unix && !darwin

package storage

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

// noSessionBus says why the Secret Service cannot be asked when there is no
// D-Bus session to find it on, and "" when there may be one. Without this
// check the D-Bus library would start a dbus-daemon of its own (and with
// it a gnome-keyring-daemon) that outlive Prava: the audit found them
// still running after every command run without a session.
func noSessionBus() string {
	if a := os.Getenv("DBUS_SESSION_BUS_ADDRESS"); a != "" && a != "autolaunch:" {
		return ""
	}
	dirs := []string{filepath.Join("/run/user", strconv.Itoa(os.Getuid()))}
	if d := os.Getenv("XDG_RUNTIME_DIR"); d != "" {
		dirs = append(dirs, d)
	}
	for _, d := range dirs {
		for _, name := range []string{"bus", "dbus-session"} {
			if _, err := os.Stat(filepath.Join(d, name)); err == nil {
				return ""
			}
		}
	}
	return fmt.Sprintf("%v: no D-Bus session is running (DBUS_SESSION_BUS_ADDRESS is not set), so there is no Secret Service to ask", ErrKeyringUnavailable)
}
