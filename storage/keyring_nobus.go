//go:build !unix || darwin

package storage

// noSessionBus: only the Secret Service is found over D-Bus; the macOS
// Keychain and the Windows Credential Manager need no session bus.
func noSessionBus() string { return "" }
