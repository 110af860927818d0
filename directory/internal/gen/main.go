// Command gen turns a snapshot of the datarequests.org company database
// into the compact asset package directory embeds, and puts the
// snapshot's licence and a notice of its origin next to it. Run it through
// "go generate ./directory" with PRAVA_DIRECTORY_SNAPSHOT set to the data
// repository's tarball (or a JSON array of records); it can be re-run on
// any newer snapshot.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"prava/directory/internal/snapshot"
)

func main() {
	out := flag.String("out", "data/directory.bin", "the compact asset to write; LICENSE and NOTICE go next to it")
	commit := flag.String("commit", "", "the data repository's commit, when the file does not name it")
	date := flag.String("date", "", "the snapshot's date (YYYY-MM-DD), when the file does not give it")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "Usage: gen [-out FILE] [-commit SHA] [-date YYYY-MM-DD] SNAPSHOT.tar.gz|RECORDS.json")
		fmt.Fprintln(os.Stderr, "From go generate: PRAVA_DIRECTORY_SNAPSHOT=/path/to/datarequests-data.tar.gz go generate ./directory")
	}
	flag.Parse()
	if flag.NArg() != 1 || flag.Arg(0) == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *out, *commit, *date); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(in, out, commit, date string) error {
	s, err := snapshot.ReadFile(in)
	if err != nil {
		return err
	}
	if commit != "" {
		s.Meta.Commit = commit
	}
	if date != "" {
		d, err := time.Parse("2006-01-02", date)
		if err != nil {
			return fmt.Errorf("-date %q: write it as YYYY-MM-DD", date)
		}
		s.Meta.Date = d
	}
	asset := snapshot.Encode(s)
	if err := os.WriteFile(out, asset, 0o644); err != nil {
		return err
	}
	dir := filepath.Dir(out)
	if s.License != "" {
		if err := os.WriteFile(filepath.Join(dir, "LICENSE"), []byte(s.License), 0o644); err != nil {
			return err
		}
	}
	notice := fmt.Sprintf("The company directory in %s is generated from the datarequests.org company database\n"+
		"(https://github.com/datenanfragen/data), commit %s of %s,\n"+
		"released under CC0 1.0 Universal (see LICENSE in this folder). Thank you, datarequests.org.\n"+
		"It holds %d companies and %d company packs. Regenerate it with go generate ./directory.\n",
		filepath.Base(out), s.Meta.Commit, s.Meta.Date.Format("2006-01-02"), len(s.Records), len(s.Packs))
	if err := os.WriteFile(filepath.Join(dir, "NOTICE"), []byte(notice), 0o644); err != nil {
		return err
	}
	fmt.Printf("%s: %d companies, %d packs, %d bytes (commit %s, %s)\n", out, len(s.Records), len(s.Packs), len(asset), s.Meta.Commit, s.Meta.Date.Format("2006-01-02"))
	return nil
}
