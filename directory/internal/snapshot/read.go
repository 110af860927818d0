package snapshot

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits that keep a wrong or hostile file from filling memory.
const (
	maxEntry = 4 << 20   // one file inside the tarball
	maxTotal = 200 << 20 // everything read from a tarball or array
	// The data repository holds a few thousand files with short names:
	// many entries or long names cost memory without data bytes (an
	// archive of 2,000 empty entries with 1 MB names once took 3 GB).
	maxEntries = 100_000 // entries of any kind in the tarball
	maxName    = 255     // bytes in an entry's path, as a file system allows
	maxRecords = 50_000  // company records in a tarball or array
)

// short is s as an error message quotes it: as it is when it is short and
// plain, else escaped and at most 60 bytes of it, so a hostile name can
// neither flood the message nor drive a terminal.
func short(s string) string {
	plain := len(s) <= 60 && strings.IndexFunc(s, func(r rune) bool {
		return !unicode.IsPrint(r) || unicode.Is(unicode.Bidi_Control, r)
	}) < 0
	if plain {
		return s
	}
	return strconv.Quote(clip(s))
}

// clip is s cut to 60 bytes, on a character's boundary, marked with "…".
func clip(s string) string {
	if len(s) <= 60 {
		return s
	}
	cut := 60
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// ReadFile reads a snapshot from a file: the data repository's tarball
// (.tar.gz, as GitHub or git archive makes it) or a JSON array of company
// records. A JSON array brings no packs; its date is the file's.
func ReadFile(name string) (*Snapshot, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	head, _ := br.Peek(2)
	if len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		s, err := ReadTarball(br)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return s, nil
	}
	data, err := io.ReadAll(io.LimitReader(br, maxTotal+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxTotal {
		return nil, fmt.Errorf("%s is larger than %d MB: is it the right file?", name, maxTotal>>20)
	}
	recs, err := ReadArray(data, DefaultRules())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	s := &Snapshot{Meta: Meta{Source: path.Base(name)}, Records: recs}
	if st, err := f.Stat(); err == nil {
		s.Meta.Date = st.ModTime().UTC()
	}
	return s, nil
}

// ReadArray reads a JSON array of company records and checks each one.
func ReadArray(data []byte, rules Rules) ([]Record, error) {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))) // a byte-order mark some editors write
	if len(trimmed) == 0 || trimmed[0] != '[' {
		return nil, errors.New("this is neither the data repository's .tar.gz nor a JSON array of company records")
	}
	var raws []json.RawMessage
	if err := json.Unmarshal(trimmed, &raws); err != nil {
		return nil, fmt.Errorf("the JSON array cannot be read: %v", err)
	}
	if len(raws) == 0 {
		return nil, errors.New("the JSON array holds no company records")
	}
	if len(raws) > maxRecords {
		return nil, fmt.Errorf("the JSON array holds %d records, more than the %d a directory may have: is it the right file?", len(raws), maxRecords)
	}
	recs := make([]Record, 0, len(raws))
	for i, raw := range raws {
		r, err := DecodeRecord(raw, rules)
		if err != nil {
			return nil, fmt.Errorf("record %d%s: %w", i+1, slugHint(raw), err)
		}
		recs = append(recs, r)
	}
	return checkSlugs(recs)
}

// slugHint names a record by its slug in an error, when it has one.
func slugHint(raw []byte) string {
	var s struct {
		Slug string `json:"slug"`
	}
	if json.Unmarshal(raw, &s) == nil && s.Slug != "" {
		return fmt.Sprintf(" (%s)", short(s.Slug))
	}
	return ""
}

// checkSlugs sorts the records by slug and refuses a slug used twice.
func checkSlugs(recs []Record) ([]Record, error) {
	sort.Slice(recs, func(i, j int) bool { return recs[i].Slug < recs[j].Slug })
	for i := 1; i < len(recs); i++ {
		if recs[i].Slug == recs[i-1].Slug {
			return nil, fmt.Errorf("two records have the slug %q; each slug names one record", clip(recs[i].Slug))
		}
	}
	return recs, nil
}

// ReadTarball reads the data repository's gzipped tarball: companies/*.json,
// company-packs/*.json, schema.json (whose rules it checks with) and
// LICENSE, under an optional top folder. The commit comes from the
// archive's global header (git archive writes it there), the date from the
// newest file.
func ReadTarball(r io.Reader) (*Snapshot, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("not a gzip file: %v", err)
	}
	tr := tar.NewReader(zr)
	s := &Snapshot{Meta: Meta{Source: "datenanfragen/data"}}
	companies := map[string][]byte{}
	packs := map[string][]byte{}
	var schema []byte
	total, entries := 0, 0
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("the tarball is damaged: %v", err)
		}
		if entries++; entries > maxEntries {
			return nil, fmt.Errorf("the tarball holds more than %d entries: the data repository has far fewer; is it the right file?", maxEntries)
		}
		if len(h.Name) > maxName {
			return nil, fmt.Errorf("the tarball has an entry whose name is %d bytes long (%s): no file of the data repository has one over %d; is it the right file?", len(h.Name), short(h.Name), maxName)
		}
		if c := h.PAXRecords["comment"]; c != "" && len(c) <= 64 && s.Meta.Commit == "" { // a commit ID, not a novel
			s.Meta.Commit = c
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		if h.ModTime.After(s.Meta.Date) {
			s.Meta.Date = h.ModTime.UTC()
		}
		dir, file := splitEntry(h.Name)
		want := (dir == "companies" || dir == "company-packs") && strings.HasSuffix(file, ".json") ||
			dir == "" && (file == "schema.json" || file == "LICENSE")
		if !want {
			continue
		}
		if h.Size > maxEntry {
			return nil, fmt.Errorf("%s is %d bytes, too large for a record", short(h.Name), h.Size)
		}
		if total += int(h.Size); total > maxTotal {
			return nil, fmt.Errorf("the tarball holds more than %d MB of records: is it the right file?", maxTotal>>20)
		}
		data, err := io.ReadAll(io.LimitReader(tr, maxEntry))
		if err != nil {
			return nil, fmt.Errorf("the tarball is damaged at %s: %v", short(h.Name), err)
		}
		switch {
		case dir == "companies":
			if len(companies) >= maxRecords {
				return nil, fmt.Errorf("the tarball holds more than %d company records, more than a directory may have: is it the right file?", maxRecords)
			}
			companies[h.Name] = data
		case dir == "company-packs":
			packs[strings.TrimSuffix(file, ".json")] = data
		case file == "schema.json":
			schema = data
		default:
			s.License = string(data)
		}
	}
	if len(companies) == 0 {
		return nil, errors.New("it holds no companies/*.json: use the datenanfragen/data repository's tarball")
	}
	rules := DefaultRules()
	if schema != nil {
		if rules, err = RulesFromSchema(schema); err != nil {
			return nil, err
		}
	}
	names := make([]string, 0, len(companies))
	for n := range companies {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		rec, err := DecodeRecord(companies[n], rules)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", short(n), err)
		}
		s.Records = append(s.Records, rec)
	}
	if s.Records, err = checkSlugs(s.Records); err != nil {
		return nil, err
	}
	if s.Packs, err = readPacks(packs, s.Records); err != nil {
		return nil, err
	}
	return s, nil
}

// splitEntry splits a tarball path into its folder and file name, dropping
// a single top folder such as GitHub's "datenanfragen-data-0a29c3d/".
func splitEntry(name string) (dir, file string) {
	parts := strings.Split(strings.TrimPrefix(path.Clean(name), "./"), "/")
	if len(parts) > 1 && parts[0] != "companies" && parts[0] != "company-packs" {
		parts = parts[1:]
	}
	switch len(parts) {
	case 1:
		return "", parts[0]
	case 2:
		return parts[0], parts[1]
	}
	return "-", "" // deeper files are not part of the data
}

// readPacks reads the company-pack files, one per country, keeping only
// slugs that name a record of the snapshot.
func readPacks(files map[string][]byte, recs []Record) ([]Pack, error) {
	known := make(map[string]bool, len(recs))
	for _, r := range recs {
		known[r.Slug] = true
	}
	countries := make([]string, 0, len(files))
	for c := range files {
		countries = append(countries, c)
	}
	sort.Strings(countries)
	var out []Pack
	for _, c := range countries {
		dec := json.NewDecoder(bytes.NewReader(files[c]))
		dec.DisallowUnknownFields()
		var ps []Pack
		if err := dec.Decode(&ps); err != nil {
			return nil, fmt.Errorf("company-packs/%s.json does not follow the pack schema: %v", c, err)
		}
		for _, p := range ps {
			if !slugPattern().MatchString(p.Slug) || (p.Type != "add-all" && p.Type != "choose") {
				return nil, fmt.Errorf("company-packs/%s.json: pack %q needs a slug of a-z, 0-9, - and a type of add-all or choose", c, p.Slug)
			}
			p.Country = c
			var kept []string
			for _, slug := range p.Companies {
				if known[slug] {
					kept = append(kept, slug)
				}
			}
			p.Companies = kept
			out = append(out, p)
		}
	}
	return out, nil
}
