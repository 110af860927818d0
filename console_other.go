//go:build !windows

package main

// useParentConsole does nothing outside Windows: the command line already
// writes to the terminal it was started from.
func useParentConsole() {}
