package files

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile is the one way Prava writes a file of its own (a calendar, a
// letter, an e-mail, a saved PDF, the recovery code, an attachment): it
// writes through a temporary file in the target's folder, flushes it, renames
// it over the target and flushes the folder, so that a crash or a full disk
// leaves the old file or the new one, never half of the new one. A symbolic
// link at path is followed as Resolve allows, and its target replaced. The
// file is readable by its owner only.
//
// An existing file is replaced only when it is a regular file the person
// owns: never a device, a pipe or a folder, never another user's file, and
// never a Prava vault, a vault's previous version (.bak) or its lock file
// (by name after following links, and by the file's first bytes). On a
// refusal nothing is changed.
func WriteFile(path string, data []byte) error {
	target, err := outputTarget(path)
	if err != nil {
		return err
	}
	RemoveStaleTemps(filepath.Dir(target))
	return Replace(target, data)
}

// WriteNew is WriteFile for a file that must not exist yet, such as a
// backup: any existing file, link or other entry at path is refused.
func WriteNew(path string, data ...[]byte) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("files: %s exists; nothing was changed: choose a new file name", path)
	}
	target, err := Resolve(path)
	if err != nil {
		return err
	}
	if _, err := os.Lstat(target); err == nil {
		return fmt.Errorf("files: %s exists; nothing was changed: choose a new file name", path)
	}
	RemoveStaleTemps(filepath.Dir(target))
	return Replace(target, data...)
}

// outputTarget resolves path and checks that what it names may be written:
// missing, or a regular file of the person's that is no vault file.
func outputTarget(path string) (string, error) {
	target, err := Resolve(path)
	if err != nil {
		return "", err
	}
	st, err := os.Lstat(target)
	if errors.Is(err, fs.ErrNotExist) {
		return target, nil
	}
	if err != nil {
		return "", fmt.Errorf("files: %s: %w", path, err)
	}
	if err := checkKind(path, st); err != nil {
		return "", err
	}
	if err := checkOwner(path, st); err != nil {
		return "", err
	}
	if err := refuseVaultFile(path, target); err != nil {
		return "", err
	}
	return target, nil
}

// checkKind refuses anything but a regular file: renaming over a device
// would replace /dev/null for every user of the system (when run as root),
// and a pipe or a folder is not where a letter goes.
func checkKind(path string, st fs.FileInfo) error {
	switch m := st.Mode(); {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return fmt.Errorf("files: %s is a folder; nothing was written: give a file name inside it, such as %s", path, filepath.Join(path, "letter.pdf"))
	case m&fs.ModeDevice != 0:
		return fmt.Errorf("files: %s is a device, not a file; Prava writes only to plain files, and nothing was written: give a file name", path)
	default:
		return fmt.Errorf("files: %s is not a plain file (a pipe or a socket); Prava writes only to plain files, and nothing was written: give a file name", path)
	}
}

// CheckOutput refuses an output path that names the same file as one of
// others: the command's inputs (a profile, a policy) or its other outputs,
// so that "letter --from me.json --out me.json" cannot replace the profile
// with the letter, nor "--out X --email X" lose the PDF. Links are
// followed and the same file under two names is caught (os.SameFile);
// empty names are skipped. Call it before anything is written.
func CheckOutput(output string, others ...string) error {
	if output == "" {
		return nil
	}
	out := sameAs(output)
	outSt, outErr := os.Stat(output)
	for _, o := range others {
		if o == "" || o == "-" {
			continue
		}
		same := out == sameAs(o)
		if st, err := os.Stat(o); !same && err == nil && outErr == nil {
			same = os.SameFile(st, outSt)
		}
		if same {
			return fmt.Errorf("files: %s is also given as %s; an output never replaces another file of the same command, and nothing was written: choose a different output name", output, o)
		}
	}
	return nil
}

// sameAs names path for comparison: resolved when it can be, else
// absolute and clean.
func sameAs(path string) string {
	if t, err := Resolve(path); err == nil {
		return t
	}
	abs, _ := filepath.Abs(path)
	return abs
}
