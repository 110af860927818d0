package storage

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"prava/record"
)

// The data is encoded with encoding/gob: it writes long texts (letters,
// policies) as they are, several times faster than JSON, which must check
// every character. Gob matches fields by name, so adding or removing a
// field needs no migration; a change of meaning does.
//
// upgrades change data of an older schema version, decoded into today's
// types, to the next version: upgrades[1] turns version 1 into 2, and so
// on. A new schema version adds its step here and a vault of the old
// version to testdata/vaults, which TestOpenEveryVersion opens. A change
// gob cannot decode into today's types (a field that changes type) keeps
// the old field under its old name and moves it over here.
var upgrades = map[int]func(*record.Data) error{
	// 1 is the first version: nothing older to upgrade yet.
}

// upgrade brings data of the given schema version up to SchemaVersion.
func upgrade(d *record.Data, schema int) error {
	for v := schema; v < SchemaVersion; v++ {
		step, ok := upgrades[v]
		if !ok {
			return fmt.Errorf("%w: unknown data version %d", errDamaged, v)
		}
		if err := step(d); err != nil {
			return fmt.Errorf("storage: upgrading the data from version %d: %w", v, err)
		}
	}
	return nil
}

// Format 1 kept the body as one gob stream: first everything but the
// companies and requests, with their counts, then the companies and the
// requests in runs of 256. Prava still reads it and writes format 2.

type format1Head struct {
	Data      record.Data // with Companies and Requests empty
	Companies int
	Requests  int
}

// decodeFormat1 reads a format 1 body of the given schema version.
func decodeFormat1(plain []byte, schema int) (*record.Data, error) {
	damaged := fmt.Errorf("%w: the contents are not valid data", errDamaged)
	dec := gob.NewDecoder(bytes.NewReader(plain))
	var head format1Head
	if err := dec.Decode(&head); err != nil {
		return nil, damaged
	}
	if head.Companies < 0 || head.Requests < 0 || head.Companies+head.Requests > len(plain) {
		return nil, damaged
	}
	d := head.Data
	d.Companies = make([]record.Company, head.Companies)
	d.Requests = make([]record.Request, head.Requests)
	if err := readRuns(dec, d.Companies); err != nil {
		return nil, err
	}
	if err := readRuns(dec, d.Requests); err != nil {
		return nil, err
	}
	if err := upgrade(&d, schema); err != nil {
		return nil, err
	}
	return &d, nil
}
