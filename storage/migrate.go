package storage

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"io"
)

// The body is encoded with encoding/gob: it writes long texts (letters,
// policies) as they are, several times faster than JSON, which must check
// every character. Gob matches fields by name, so adding or removing a
// field needs no migration; a change of meaning does.
//
// olderDecoders read the data of an earlier schema version and convert it
// to the current Data, each keeping its own copy of the old types. A new
// schema version adds its predecessor's decoder here and a vault of the old
// version to testdata/vaults, which TestOpenEveryVersion opens.
var olderDecoders = map[int]func(plain []byte) (*Data, error){
	// 1 is the first version: nothing older to read yet.
}

// decodeData reads the body of the given schema version.
func decodeData(plain []byte, schema int) (*Data, error) {
	if schema != SchemaVersion {
		dec, ok := olderDecoders[schema]
		if !ok {
			return nil, fmt.Errorf("%w: unknown data version %d", errDamaged, schema)
		}
		return dec(plain)
	}
	d, err := decodeCurrent(plain)
	if err != nil {
		return nil, fmt.Errorf("%w: the contents are not valid data", errDamaged)
	}
	return d, nil
}

// The body is a gob stream: first everything but the companies and
// requests, with their counts, then the companies and the requests in
// chunks. Gob copies each value into a buffer of its own before writing
// it; one value of a hundred megabytes made that buffer grow by copying
// again and again, which cost more than everything else in a save.

const chunkSize = 256

type bodyHead struct {
	Data      Data // with Companies and Requests empty
	Companies int
	Requests  int
}

func encodeData(w io.Writer, d *Data) error {
	enc := gob.NewEncoder(w)
	head := bodyHead{Data: *d, Companies: len(d.Companies), Requests: len(d.Requests)}
	head.Data.Companies, head.Data.Requests = nil, nil
	if err := enc.Encode(&head); err != nil {
		return err
	}
	for i := 0; i < len(d.Companies); i += chunkSize {
		if err := enc.Encode(d.Companies[i:min(i+chunkSize, len(d.Companies))]); err != nil {
			return err
		}
	}
	for i := 0; i < len(d.Requests); i += chunkSize {
		if err := enc.Encode(d.Requests[i:min(i+chunkSize, len(d.Requests))]); err != nil {
			return err
		}
	}
	return nil
}

func decodeCurrent(plain []byte) (*Data, error) {
	dec := gob.NewDecoder(bytes.NewReader(plain))
	var head bodyHead
	if err := dec.Decode(&head); err != nil {
		return nil, err
	}
	if head.Companies < 0 || head.Requests < 0 || head.Companies+head.Requests > len(plain) {
		return nil, errDamaged
	}
	d := head.Data
	d.Companies = make([]Company, 0, head.Companies)
	d.Requests = make([]Request, 0, head.Requests)
	for len(d.Companies) < head.Companies {
		var chunk []Company
		if err := dec.Decode(&chunk); err != nil || len(chunk) == 0 {
			return nil, errDamaged
		}
		d.Companies = append(d.Companies, chunk...)
	}
	for len(d.Requests) < head.Requests {
		var chunk []Request
		if err := dec.Decode(&chunk); err != nil || len(chunk) == 0 {
			return nil, errDamaged
		}
		d.Requests = append(d.Requests, chunk...)
	}
	if len(d.Companies) != head.Companies || len(d.Requests) != head.Requests {
		return nil, errDamaged
	}
	return &d, nil
}
