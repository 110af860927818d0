package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// maxTextFile bounds a text given in a file (notes, corrections, reasons):
// a letter's paragraph, not a book.
const maxTextFile = 64 << 10

// fileNote is the help's reason for the *-file flags.
const fileNote = " (from a file, it stays out of the process list, where every user of the computer sees the command line)"

// readTextFile reads the text a --…-file flag names: a regular file of
// UTF-8 text of at most maxTextFile bytes, without its final line break.
// Personal data given this way is not on the command line, where every
// local user sees it in "ps" (security review 2, F14).
func readTextFile(flagName, path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("--%s: %w", flagName, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return "", fmt.Errorf("--%s %s is not a regular file: give a text file", flagName, path)
	}
	b, err := io.ReadAll(io.LimitReader(f, maxTextFile+1))
	switch {
	case err != nil:
		return "", fmt.Errorf("--%s: %w", flagName, err)
	case len(b) > maxTextFile:
		return "", fmt.Errorf("--%s %s is over %d KB: give the text of a letter's paragraph, not a whole document", flagName, path, maxTextFile>>10)
	case !utf8.Valid(b):
		return "", fmt.Errorf("--%s %s is not UTF-8 text: save it as UTF-8 and try again", flagName, path)
	}
	return strings.TrimRight(string(b), "\r\n"), nil
}

// fromFile sets *v from the file a --NAME-file flag names, when it was
// given; giving both --NAME and --NAME-file is refused.
func fromFile(name string, v *string, path string) error {
	if path == "" {
		return nil
	}
	if *v != "" {
		return fmt.Errorf("give --%s or --%s-file, not both", name, name)
	}
	text, err := readTextFile(name+"-file", path)
	if err != nil {
		return err
	}
	*v = text
	return nil
}
