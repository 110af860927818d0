package storage

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"prava/record"
	"sync"
)

// appendRequestChunks cuts the requests into request parts, which hold
// them without their texts, and text parts, which hold the texts
// (texts.go), in file order.
func appendRequestChunks(out []chunk, list []record.Request) []chunk {
	for i := 0; i < len(list); i += partRecords {
		run := list[i:min(i+partRecords, len(list))]
		out = append(out, chunk{kind: partRequests, nth: i / partRecords, count: len(run), encode: func(enc *gob.Encoder) error {
			bare := bareRuns.Get().(*[]record.Request)
			defer bareRuns.Put(bare)
			*bare = append((*bare)[:0], run...)
			for j := range *bare {
				(*bare)[j].LetterText, (*bare)[j].EmailBody = record.Text{}, record.Text{}
			}
			err := encodeRuns(enc, *bare)
			clear(*bare) // so that the pool holds on to no request's data
			return err
		}})
	}
	for i := 0; i < len(list); i += partRecords {
		run := list[i:min(i+partRecords, len(list))]
		out = append(out, chunk{kind: partTexts, nth: i / partRecords, count: len(run), texts: run})
	}
	return out
}

// bareRuns hold copies of a run of requests without their texts while it
// is encoded.
var bareRuns = sync.Pool{New: func() any { return new([]record.Request) }}

// sealTexts seals the text part of job's run of requests, or gives back
// the stored one (among stored, the text parts of the file) when the run
// still has exactly its texts.
func sealTexts(vaultID string, dataKey []byte, stored []storedPart, job chunk) (storedPart, error) {
	if job.nth < len(stored) && stored[job.nth].texts.holds(job.texts) {
		return stored[job.nth], nil
	}
	buf := encodeBuffers.Get().(*bytes.Buffer)
	defer encodeBuffers.Put(buf)
	buf.Reset()
	start, ends, err := encodeTexts(buf, job.texts)
	if err != nil {
		return storedPart{}, err
	}
	p := storedPart{part: part{Kind: partTexts, Count: job.count, Nonce: randomBytes(12)}, read: true}
	p.sealed = gcm(dataKey).Seal(nil, p.Nonce, buf.Bytes(), partAAD(vaultID, partTexts))
	p.Size = len(p.sealed)
	p.texts = newTextShelf(p.Nonce, start, ends)
	return p, nil
}

// shelveTexts checks the opened text part p and makes the shelf its texts
// rest on.
func shelveTexts(p *storedPart, opened []byte) error {
	start, ends, err := parseTexts(opened, p.Count)
	if err != nil {
		return err
	}
	p.read, p.texts = true, newTextShelf(p.Nonce, start, ends)
	return nil
}

// checkTextParts checks that a file of format 3 has a text part for each
// request part, and one of format 2 none: format 3 request parts hold no
// texts, so a file without its text parts would open with every letter
// empty, and the next save would make that loss final.
func checkTextParts(parts []storedPart, format int) error {
	runs, shelves := 0, 0
	for _, p := range parts {
		switch p.Kind {
		case partRequests:
			runs++
		case partTexts:
			shelves++
		}
	}
	if (format >= 3 && shelves != runs) || (format < 3 && shelves > 0) {
		return fmt.Errorf("%w: the parts of letters do not match the requests", errDamaged)
	}
	return nil
}

// restTexts gives each request its texts from the text part of its run.
// A file of format 2 has no text parts: its requests hold their texts.
func restTexts(requests []record.Request, parts []storedPart) error {
	var runs, shelves []storedPart
	for _, p := range parts {
		switch p.Kind {
		case partRequests:
			runs = append(runs, p)
		case partTexts:
			shelves = append(shelves, p)
		}
	}
	if len(shelves) == 0 {
		return nil
	}
	if len(shelves) != len(runs) {
		return fmt.Errorf("%w: the parts of letters do not match the requests", errDamaged)
	}
	at := 0
	for i, run := range runs {
		if shelves[i].Count != run.Count || at+run.Count > len(requests) {
			return fmt.Errorf("%w: the parts of letters do not match the requests", errDamaged)
		}
		restRun(requests[at:at+run.Count], shelves[i].texts)
		at += run.Count
	}
	return nil
}

// restRun puts the texts of run on shelf t, where a text part holds them.
func restRun(run []record.Request, t *textShelf) {
	for j := range run {
		run[j].LetterText, run[j].EmailBody = t.text(2*j), t.text(2*j+1)
	}
}

// attachTexts tells the text parts in v.parts that have no vault yet that
// their bytes are in v's file. With rest set, the requests of each such
// part, just written, leave their texts in memory and rest on its shelf.
func (v *Vault) attachTexts(rest bool) {
	nth := 0
	for _, p := range v.parts {
		if p.Kind != partTexts || p.texts == nil {
			continue // a partial open's, which stay as they came
		}
		shelfCache.mu.Lock()
		fresh := p.texts.v == nil
		p.texts.v = v
		shelfCache.mu.Unlock()
		if fresh && rest && !v.noRequests {
			from := nth * partRecords
			restRun(v.Data.Requests[from:from+p.Count], p.texts)
		}
		nth++
	}
}

// keepRetired reads into memory the text parts that a save of parts (the
// new file's) leaves out, before the file that holds them is replaced:
// the data of a snapshot taken before the save may still point at them.
func (v *Vault) keepRetired(parts []storedPart) error {
	next := map[*textShelf]bool{}
	for _, p := range parts {
		if p.texts != nil {
			next[p.texts] = true
		}
	}
	for _, p := range v.parts {
		if p.texts == nil || next[p.texts] {
			continue
		}
		sealed, err := v.readPart(p.Nonce)
		if err != nil {
			return err
		}
		shelfCache.mu.Lock()
		p.texts.kept = sealed
		shelfCache.mu.Unlock()
	}
	return nil
}

// unkeep lets the text parts that a failed save read into memory
// (keepRetired) rest in the file again: they are still the vault's, and
// are read from there, so that failed saves do not gather the letters in
// memory one part after another.
func (v *Vault) unkeep() {
	shelfCache.mu.Lock()
	defer shelfCache.mu.Unlock()
	for _, p := range v.parts {
		if p.texts != nil {
			p.texts.kept = nil
		}
	}
}
