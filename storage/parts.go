package storage

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"fmt"
	"hash/maphash"
	"io"
	"prava/record"
	"slices"
	"sync"
)

// Format 2 keeps the body in parts, each sealed on its own:
//
//	prefix, header  as in format 1; the header lists the parts
//	parts           companies, requests and timeline events in runs of
//	                partRecords, each gob-encoded and sealed with the data
//	                key under its own nonce
//	head            everything else (profile, settings, counters,
//	                documents), sealed with the prefix and header as
//	                additional data
//
// A save seals again only the parts whose contents changed and writes the
// others as they were, so adding a company to a vault with 50,000 letters
// does not encrypt the letters again; opening decodes the parts on every
// core at once. The head's additional data holds the header, and the header
// names each part's nonce and size, so a part swapped, dropped, reordered or
// taken from another version of the file fails authentication.

// partRecords is how many records one part holds: small enough that a
// changed request re-seals little, large enough that a big vault has a
// few hundred parts rather than tens of thousands.
const partRecords = 512

// Kinds of parts, in the order they appear in the file.
const (
	partCompanies = "companies"
	partRequests  = "requests"
	// partTexts (texts.go) follow the requests.
	partEvents = "events"
)

// part describes one sealed part in the header.
type part struct {
	Kind  string `json:"kind"`
	Count int    `json:"count,omitempty"` // records in it; in the sealed head since files of 2026-12
	Size  int    `json:"size"`            // sealed bytes in the file
	Nonce []byte `json:"nonce"`
}

// storedPart is a part as it is in the file last read or written: its
// sealed bytes, written again as they are when the part has not changed.
// A nonce is never used to seal other plaintext: a changed part gets a
// new one. Stored parts are valid only under the data key and vault ID
// they were sealed with.
type storedPart struct {
	part
	// sealed is nil while the part rests in the vault file, at off
	// (atrest.go): a save reads it back from there.
	sealed []byte
	off    int64
	// read is false for a part left unread (requests of a partial open).
	// The plaintext of a read part is not kept: it would double the open
	// vault's memory (issue 25); its sum tells a save whether it changed.
	read bool
	sum  uint64
	// texts is a text part's shelf, where its requests' texts rest.
	texts *textShelf
}

// partAAD binds a part to its vault and kind. Its place and version are
// bound by the header, which lists its nonce.
func partAAD(vaultID, kind string) []byte { return []byte("part\x00" + vaultID + "\x00" + kind) }

// sealed is a vault file in pieces, ready to write: the prefix and header,
// the parts and the head.
type sealed struct {
	pieces [][]byte
	parts  []storedPart
}

// unchanged reports whether the stored part p holds exactly plain: the
// same length and the same sum (partSum) of the plaintext. Comparing sums
// costs no decryption at save, and no plaintext is kept from the open.
func unchanged(p storedPart, plain []byte) bool {
	return p.read && p.Size-gcmOverhead == len(plain) && p.sum == partSum(plain)
}

// partSeed seeds partSum, at random in each process: no content can be
// made to collide with another, and by chance two differ in sum once in
// 2^64.
var partSeed = maphash.MakeSeed()

// partSum is a part's plaintext's 64-bit hash, kept to tell at save
// whether the part changed. maphash runs at memory speed; SHA-256 of the
// whole vault made an open 25% slower (perf25).
func partSum(plain []byte) uint64 { return maphash.Bytes(partSeed, plain) }

// seal encodes data into the pieces of a format 2 file. Parts whose
// encoding is the stored part's plaintext (unchanged) keep its nonce and sealed
// bytes. When keepRequests is set the data's requests were never read, and
// the stored request parts are kept whole.
func seal(h header, dataKey []byte, data *record.Data, stored []storedPart, keepRequests bool) (sealed, error) {
	old := map[string][]storedPart{}
	for _, p := range stored {
		old[p.Kind] = append(old[p.Kind], p)
	}
	jobs := chunks(data, keepRequests)
	sealedJobs := make([]storedPart, len(jobs))
	if err := parallel(len(jobs), func(i int) error {
		job := jobs[i]
		if job.texts != nil {
			p, err := sealTexts(h.VaultID, dataKey, old[partTexts], job)
			sealedJobs[i] = p
			return err
		}
		buf := encodeBuffers.Get().(*bytes.Buffer)
		defer encodeBuffers.Put(buf)
		buf.Reset()
		if err := job.encode(gob.NewEncoder(buf)); err != nil {
			return err
		}
		if ps := old[job.kind]; job.nth < len(ps) && unchanged(ps[job.nth], buf.Bytes()) {
			sealedJobs[i] = ps[job.nth]
			return nil
		}
		p := storedPart{part: part{Kind: job.kind, Count: job.count, Nonce: randomBytes(12)}, read: true, sum: partSum(buf.Bytes())}
		p.sealed = gcm(dataKey).Seal(nil, p.Nonce, buf.Bytes(), partAAD(h.VaultID, job.kind))
		p.Size = len(p.sealed)
		sealedJobs[i] = p
		return nil
	}); err != nil {
		return sealed{}, fmt.Errorf("storage: encoding the vault: %w", err)
	}
	out := sealedJobs
	if keepRequests {
		// The requests were not read, so they cannot have changed: they and
		// their texts go back as they came, between the companies and the
		// events.
		at := 0
		for at < len(out) && out[at].Kind == partCompanies {
			at++
		}
		out = slices.Concat(out[:at], old[partRequests], old[partTexts], out[at:])
	}

	// The head carries the parts' record counts, sealed: in the clear they
	// would tell anyone with the file how many companies and requests the
	// person has. The header keeps only what reading needs before the key
	// (each part's size and nonce) and the head's size, so that a file
	// larger than its header says is refused before it is read.
	counts := make([]int, len(out))
	for i, p := range out {
		counts[i] = p.Count
	}
	var head bytes.Buffer
	rest := *data
	rest.Companies, rest.Requests, rest.Timeline = nil, nil, nil
	enc := gob.NewEncoder(&head)
	if err := enc.Encode(&rest); err != nil {
		return sealed{}, fmt.Errorf("storage: encoding the vault: %w", err)
	}
	if err := enc.Encode(counts); err != nil {
		return sealed{}, fmt.Errorf("storage: encoding the vault: %w", err)
	}

	h.Nonce = randomBytes(12)
	h.Head = head.Len() + gcmOverhead
	h.Parts = make([]part, len(out))
	for i, p := range out {
		h.Parts[i] = p.part
		h.Parts[i].Count = 0
	}
	hdr, err := encodeHeader(h)
	if err != nil {
		return sealed{}, fmt.Errorf("storage: encoding the vault header: %w", err)
	}
	prefix := make([]byte, 0, prefixLen+len(hdr))
	prefix = append(prefix, magic...)
	prefix = binary.BigEndian.AppendUint16(prefix, FormatVersion)
	prefix = binary.BigEndian.AppendUint32(prefix, uint32(len(hdr)))
	prefix = append(prefix, hdr...)

	s := sealed{pieces: make([][]byte, 0, len(out)+2), parts: out}
	s.pieces = append(s.pieces, prefix)
	for _, p := range out {
		s.pieces = append(s.pieces, p.sealed)
	}
	s.pieces = append(s.pieces, gcm(dataKey).Seal(nil, h.Nonce, head.Bytes(), prefix))
	return s, nil
}

// encodeBuffers hold parts' encodings while they are compared with the
// stored ones: most parts have not changed, and their encoding is thrown
// away, so the buffers are used again rather than allocated per part.
var encodeBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// checkBuffers hold the parts an open checks but does not read.
var checkBuffers = sync.Pool{New: func() any { return new([]byte) }}

// chunk is one part's worth of records to encode.
type chunk struct {
	kind   string
	nth    int // its place among the parts of its kind
	count  int
	encode func(*gob.Encoder) error
	// texts is the run of requests whose texts a text part holds; nil
	// for other parts.
	texts []record.Request
}

// chunks cuts the data's lists into parts, in file order.
func chunks(d *record.Data, skipRequests bool) []chunk {
	var out []chunk
	out = appendChunks(out, partCompanies, d.Companies)
	if !skipRequests {
		out = appendRequestChunks(out, d.Requests)
	}
	return appendChunks(out, partEvents, d.Timeline)
}

func appendChunks[T any](out []chunk, kind string, list []T) []chunk {
	for i := 0; i < len(list); i += partRecords {
		run := list[i:min(i+partRecords, len(list))]
		out = append(out, chunk{kind: kind, nth: i / partRecords, count: len(run), encode: func(enc *gob.Encoder) error { return encodeRuns(enc, run) }})
	}
	return out
}

// checkParts checks a format 2 header's list of parts against the bytes
// that follow it, before anything is decrypted.
func checkParts(h header, rest []byte) error {
	total := 0
	for _, p := range h.Parts {
		switch {
		case p.Kind != partCompanies && p.Kind != partRequests && p.Kind != partTexts && p.Kind != partEvents:
			return fmt.Errorf("%w: a part of unknown kind %q", errDamaged, p.Kind)
		case len(p.Nonce) != 12 || p.Count < 0 || p.Count > p.Size || p.Size < gcmOverhead || p.Size > len(rest):
			return fmt.Errorf("%w: the list of parts is not valid", errDamaged)
		}
		total += p.Size
		if total > len(rest)-gcmOverhead {
			return fmt.Errorf("%w: it is cut off", errDamaged)
		}
	}
	if h.Head != 0 && total+h.Head != len(rest) {
		return fmt.Errorf("%w: its size is not the one its header gives", errDamaged)
	}
	return nil
}

const gcmOverhead = 16

// openParts decrypts and decodes a format 2 body: the head first, which
// authenticates the header and so the list of parts, then the parts on
// every core. With skipRequests the request parts are decrypted, so that
// damage is still found, but not decoded.
func openParts(h header, format int, aad, rest, dataKey []byte, schema int, skipRequests bool) (*record.Data, []storedPart, error) {
	if err := checkParts(h, rest); err != nil {
		return nil, nil, err
	}
	aead := gcm(dataKey)
	parts := make([]storedPart, len(h.Parts))
	off := 0
	for i, p := range h.Parts {
		parts[i] = storedPart{part: p, sealed: rest[off : off+p.Size : off+p.Size], off: int64(len(aad) + off)}
		off += p.Size
	}
	head, err := aead.Open(nil, h.Nonce, rest[off:], aad)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: the contents fail their integrity check", errDamaged)
	}
	d, counts, err := decodeHead(head)
	if err != nil {
		return nil, nil, err
	}
	if err := fillCounts(parts, counts); err != nil {
		return nil, nil, err
	}
	if err := checkTextParts(parts, format); err != nil {
		return nil, nil, err
	}

	// Each part that is read decrypts into its own stretch of one buffer,
	// and decodes into its own stretch of the list it belongs to: one
	// allocation each for the whole vault instead of hundreds.
	skip := func(p storedPart) bool {
		return skipRequests && (p.Kind == partRequests || p.Kind == partTexts)
	}
	starts := make([]int, len(parts)) // in plain
	first := make([]int, len(parts))  // in the list of its kind
	total, kinds := 0, map[string]int{}
	for i, p := range parts {
		if skip(p) || p.Kind == partTexts {
			continue
		}
		starts[i], first[i] = total, kinds[p.Kind]
		total += p.Size - gcmOverhead
		kinds[p.Kind] += p.Count
	}
	plain := make([]byte, total)
	d.Companies = make([]record.Company, kinds[partCompanies])
	d.Requests = make([]record.Request, kinds[partRequests])
	d.Timeline = make([]record.TimelineEntry, kinds[partEvents])
	if err := parallel(len(parts), func(i int) error {
		p := &parts[i]
		if skip(*p) || p.Kind == partTexts {
			// Checked into a scratch buffer and forgotten.
			buf := checkBuffers.Get().(*[]byte)
			defer checkBuffers.Put(buf)
			opened, err := aead.Open((*buf)[:0], p.Nonce, p.sealed, partAAD(h.VaultID, p.Kind))
			if err != nil {
				return fmt.Errorf("%w: the contents fail their integrity check", errDamaged)
			}
			*buf = opened
			if !skip(*p) {
				return shelveTexts(p, opened)
			}
			return nil
		}
		dst := plain[starts[i] : starts[i] : starts[i]+p.Size-gcmOverhead]
		opened, err := aead.Open(dst, p.Nonce, p.sealed, partAAD(h.VaultID, p.Kind))
		if err != nil {
			return fmt.Errorf("%w: the contents fail their integrity check", errDamaged)
		}
		p.read, p.sum = true, partSum(opened)
		at, n := first[i], p.Count
		switch p.Kind {
		case partCompanies:
			return decodeRuns(opened, d.Companies[at:at+n])
		case partRequests:
			return decodeRuns(opened, d.Requests[at:at+n])
		default:
			return decodeRuns(opened, d.Timeline[at:at+n])
		}
	}); err != nil {
		return nil, nil, err
	}
	if !skipRequests {
		if err := restTexts(d.Requests, parts); err != nil {
			return nil, nil, err
		}
	}
	if err := upgrade(d, schema); err != nil {
		return nil, nil, err
	}
	return d, parts, nil
}

// decodeHead reads the head: the data other than the lists, then, in files
// written since the counts left the header, each part's record count.
func decodeHead(plain []byte) (*record.Data, []int, error) {
	var d record.Data
	dec := gob.NewDecoder(bytes.NewReader(plain))
	if err := dec.Decode(&d); err != nil {
		return nil, nil, fmt.Errorf("%w: the contents are not valid data", errDamaged)
	}
	d.Companies, d.Requests, d.Timeline = nil, nil, nil
	var counts []int
	if err := dec.Decode(&counts); err != nil && err != io.EOF {
		return nil, nil, fmt.Errorf("%w: the contents are not valid data", errDamaged)
	}
	return &d, counts, nil
}

// fillCounts gives each part its record count from the head, where the
// header (of a newer file) has none.
func fillCounts(parts []storedPart, counts []int) error {
	if counts == nil {
		for _, p := range parts {
			if p.Count < 1 {
				return fmt.Errorf("%w: the list of parts is not valid", errDamaged)
			}
		}
		return nil
	}
	if len(counts) != len(parts) {
		return fmt.Errorf("%w: the list of parts is not valid", errDamaged)
	}
	for i := range parts {
		if c := counts[i]; c < 1 || c > parts[i].Size || (parts[i].Count != 0 && parts[i].Count != c) {
			return fmt.Errorf("%w: the list of parts is not valid", errDamaged)
		}
		parts[i].Count = counts[i]
	}
	return nil
}

// A part is a gob stream of runs of up to runRecords records, rather than
// one value: gob builds each value in a buffer of its own before writing
// it, and small values keep that buffer small and reused.
const runRecords = 32

func encodeRuns[T any](enc *gob.Encoder, records []T) error {
	for i := 0; i < len(records); i += runRecords {
		if err := enc.Encode(records[i:min(i+runRecords, len(records))]); err != nil {
			return err
		}
	}
	return nil
}

// decodeRuns fills dst, fresh zeroed memory, with the records of a part
// written by encodeRuns: exactly as many as dst holds.
func decodeRuns[T any](plain []byte, dst []T) error {
	return readRuns(gob.NewDecoder(bytes.NewReader(plain)), dst)
}

// readRuns fills dst, fresh zeroed memory, with the next runs of records
// in a gob stream: exactly as many as dst holds. Gob decodes a run in
// place when the slice it is given has room, so the records are not
// copied.
func readRuns[T any](dec *gob.Decoder, dst []T) error {
	for n := 0; n < len(dst); {
		run := dst[n:n:len(dst)]
		if err := dec.Decode(&run); err != nil || len(run) == 0 || n+len(run) > len(dst) {
			return fmt.Errorf("%w: the contents are not valid data", errDamaged)
		}
		if &run[0] != &dst[n] {
			copy(dst[n:], run) // gob chose to allocate after all
		}
		n += len(run)
	}
	return nil
}
