// Package appinfo holds what the program says about itself — its version
// and its project's page — read once from FyneApp.toml, the one place the
// version is written. It is a leaf: the command line, the app's About page
// and the packaging scripts all read it here.
package appinfo

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Version is the program's version. Package main sets it from FyneApp.toml
// (Set); a release build may stamp it at link time instead with
// -ldflags "-X prava/appinfo.Version=…". Until then it is "dev".
var Version = devVersion

// Website is the project's page, from FyneApp.toml's Website; "" until
// Set has read it.
var Website string

// versionPattern is what a version may look like: it goes into package
// file names and Debian's Version field.
var versionPattern = regexp.MustCompile(`^[0-9][0-9A-Za-z.+~_-]*$`)

// devVersion is Version's value until something sets it: a test binary,
// or a build whose FyneApp.toml could not be read.
const devVersion = "dev"

// Info is what FyneApp.toml says about the program that the binary
// shows: its version and its project's page.
type Info struct {
	Version string // [Details] Version, e.g. "0.1.0"
	Website string // the top-level Website, e.g. "https://…"
}

// Set sets Version and Website from the text of FyneApp.toml, which
// package main embeds, so that the version is written in one place for the
// binary, the About page and the packages. A Version stamped at link time
// (-ldflags "-X prava/appinfo.Version=…", as scripts/package.sh does for a
// version given on its command line) is kept.
func Set(fyneAppTOML []byte) error {
	info, err := Read(fyneAppTOML)
	if err != nil {
		return err
	}
	if Version == devVersion {
		Version = info.Version
	}
	Website = info.Website
	return nil
}

// Read reads the version and the website from FyneApp.toml. It
// reads only the part of TOML that file uses: [sections], comments, and
// key = "basic string" lines; other values are skipped.
func Read(toml []byte) (Info, error) {
	var info Info
	section := ""
	for n, line := range strings.Split(string(toml), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") {
			section = strings.TrimSpace(strings.Trim(line, "[]"))
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !ok {
			return Info{}, fmt.Errorf("FyneApp.toml line %d is neither [section] nor key = value: %q", n+1, line)
		}
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if !strings.HasPrefix(value, `"`) {
			continue // a number or a list: nothing the binary shows
		}
		s, err := basicString(value)
		if err != nil {
			return Info{}, fmt.Errorf("FyneApp.toml line %d: %s: %w", n+1, key, err)
		}
		switch {
		case section == "" && key == "Website":
			info.Website = s
		case section == "Details" && key == "Version":
			info.Version = s
		}
	}
	if info.Version == "" {
		return Info{}, fmt.Errorf(`FyneApp.toml has no Version = "…" under [Details]: add the version there`)
	}
	if !versionPattern.MatchString(info.Version) {
		return Info{}, fmt.Errorf("FyneApp.toml's Version %q may hold only letters, digits and . + ~ _ - after a digit: write it like 1.2.3", info.Version)
	}
	return info, nil
}

// basicString reads a TOML basic string ("…", with backslash escapes)
// followed by nothing but an optional comment.
func basicString(value string) (string, error) {
	end := 1
	for end < len(value) && value[end] != '"' {
		if value[end] == '\\' {
			end++
		}
		end++
	}
	if end >= len(value) {
		return "", fmt.Errorf("the string %s is not closed with a \"", value)
	}
	if rest := strings.TrimSpace(value[end+1:]); rest != "" && !strings.HasPrefix(rest, "#") {
		return "", fmt.Errorf("%q follows the string", rest)
	}
	s, err := strconv.Unquote(value[:end+1])
	if err != nil {
		return "", fmt.Errorf("the string %s has an escape TOML does not allow", value[:end+1])
	}
	return s, nil
}
