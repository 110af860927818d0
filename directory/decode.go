package directory

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"prava/directory/internal/snapshot"
)

// errCorrupt is returned for a compact file that ends early or holds
// nonsense; the message says what to do.
var errCorrupt = errors.New("the directory file is damaged: update the directory from the snapshot again")

// decode reads the compact form snapshot.Encode writes. All strings share
// one backing string (one copy of data), so decoding allocates little.
func decode(data []byte) (*Directory, error) {
	return decodeString(string(data))
}

// decodeString reads the compact form from s, whose memory the entries
// then share.
func decodeString(s string) (*Directory, error) {
	r := reader{s: s}
	if !strings.HasPrefix(r.s, snapshot.Magic) {
		return nil, fmt.Errorf("this is not a directory file of this version of Prava: update the directory from the snapshot again")
	}
	r.pos = len(snapshot.Magic)
	var m Meta
	m.Source, m.Commit = r.str(), r.str()
	if d := r.str(); d != "" {
		m.Date, _ = time.Parse(time.RFC3339, d)
	}
	n := r.num()
	if n > (len(r.s)-r.pos)/minRecord {
		return nil, errCorrupt
	}
	entries := make([]Entry, n)
	for i := range entries {
		e := &entries[i]
		e.Slug, e.Name = r.str(), r.str()
		e.Runs = r.list()
		e.Address, e.Email, e.WebForm, e.Phone, e.Fax, e.Web = r.str(), r.str(), r.str(), r.str(), r.str(), r.str()
		e.Countries, e.Categories = r.list(), r.list()
		e.Channel = r.str()
		if k := r.num(); k > 0 && k < len(r.s) {
			e.Required = make([]Element, k)
			for j := range e.Required {
				e.Required[j] = Element{Desc: r.str(), Type: r.str(), Optional: r.flag()}
			}
		}
		e.NeedsIDDocument = r.flag()
		e.Language = r.str()
		e.Comments = r.list()
		e.Quality, e.Facet = r.str(), r.str()
		if e.Channel == "" { // the schema's default
			e.Channel = ChannelLetter
			if e.Email != "" {
				e.Channel = ChannelEmail
			}
		}
		if r.bad {
			return nil, errCorrupt
		}
	}
	var packs []Pack
	if k := r.num(); k < len(r.s) {
		packs = make([]Pack, k)
		for i := range packs {
			packs[i] = Pack{Country: r.str(), Slug: r.str(), Type: r.str(), Companies: r.list()}
		}
	}
	ix := index{names: make([]string, n), brands: make([][]string, n)}
	for i := range entries {
		ix.names[i], ix.brands[i] = r.str(), r.list()
		if len(ix.brands[i]) != len(entries[i].Runs) {
			return nil, errCorrupt
		}
	}
	if k := r.num(); k < len(r.s) {
		ix.domains = make([]domain, k)
		for i := range ix.domains {
			ix.domains[i] = domain{host: r.str(), entry: int32(r.num())}
			if int(ix.domains[i].entry) >= n {
				return nil, errCorrupt
			}
		}
	}
	if k := r.num(); k < len(r.s) {
		ix.words = make([]string, k)
		ix.posts = make([][]int32, k)
		var buf []int32 // postings share large chunks
		for i := range ix.words {
			ix.words[i] = r.str()
			np := r.num()
			if cap(buf)-len(buf) < np {
				buf = make([]int32, 0, max(np, 8192))
			}
			start, prev := len(buf), 0
			for range np {
				prev += r.num()
				if prev>>1 >= n {
					return nil, errCorrupt
				}
				buf = append(buf, int32(prev))
			}
			ix.posts[i] = buf[start:len(buf):len(buf)]
		}
	}
	ix.nameOrder = make([]int32, n)
	for k := range ix.nameOrder {
		if ix.nameOrder[k] = int32(r.num()); int(ix.nameOrder[k]) >= n {
			return nil, errCorrupt
		}
	}
	if k := r.num(); k < len(r.s) {
		ix.brandOrder = make([]brand, k)
		for i := range ix.brandOrder {
			b := brand{entry: int32(r.num()), run: int32(r.num())}
			if int(b.entry) >= n || int(b.run) >= len(ix.brands[b.entry]) {
				return nil, errCorrupt
			}
			ix.brandOrder[i] = b
		}
	}
	if r.bad || r.pos != len(r.s) {
		return nil, errCorrupt
	}
	for _, w := range ix.words {
		if w == "" {
			return nil, errCorrupt
		}
	}
	ix.groupBySecond()
	m.Companies = len(entries)
	return &Directory{meta: m, entries: entries, packs: packs, idx: ix}, nil
}

// minRecord is the fewest bytes a record takes: one for each of its 18
// fields. A count promising more records than that is damage, refused
// before it allocates.
const minRecord = 18

// reader reads the compact form (its numbers are encoding/binary
// uvarints); after a read past the end it returns
// zero values and sets bad.
type reader struct {
	s     string
	pos   int
	bad   bool
	lists []string // the lists share large chunks, to allocate less
}

func (r *reader) num() int {
	var v uint64
	var shift uint
	for r.pos < len(r.s) && shift < 64 {
		b := r.s[r.pos]
		r.pos++
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			if v > uint64(len(r.s)) {
				r.bad = true
				return 0
			}
			return int(v)
		}
		shift += 7
	}
	r.bad = true
	return 0
}

func (r *reader) str() string {
	n := r.num()
	if r.bad || n > len(r.s)-r.pos {
		r.bad = true
		return ""
	}
	s := r.s[r.pos : r.pos+n]
	r.pos += n
	return s
}

func (r *reader) list() []string {
	n := r.num()
	if n == 0 || r.bad || n > len(r.s)-r.pos {
		if n > 0 {
			r.bad = true
		}
		return nil
	}
	if cap(r.lists)-len(r.lists) < n {
		r.lists = make([]string, 0, max(n, 4096))
	}
	start := len(r.lists)
	for range n {
		r.lists = append(r.lists, r.str())
	}
	return r.lists[start:len(r.lists):len(r.lists)]
}

func (r *reader) flag() bool {
	if r.pos >= len(r.s) {
		r.bad = true
		return false
	}
	b := r.s[r.pos]
	r.pos++
	return b == 1
}
