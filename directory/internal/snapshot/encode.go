package snapshot

import (
	"bytes"
	"encoding/binary"
	"time"
)

// Magic starts the compact form; the number changes with its layout.
const Magic = "PRAVA-DIRECTORY 1\n"

// Encode writes the compact form package directory embeds: a flat run of
// length-prefixed strings, not compressed so that loading it costs only a
// pass over it, in this order —
//
//	Magic, source, commit, date (RFC 3339), record count, then per record:
//	slug, name, runs[], address, email, webform, phone, fax, web,
//	countries[], categories[], suggested medium, required elements[]
//	(desc, type, optional byte), flags byte (1 needs an ID document),
//	request language, comments[], quality, facet group;
//	then the pack count and per pack: country, slug, type, companies[];
//	then the search index (see Index): per record its folded name and
//	brands[]; the domain count and per domain its host and record; the
//	word count and per word the word and its postings (a count, then
//	each posting as the difference from the one before); the records in
//	the order of their folded names; the count of brands and each brand
//	in the order of its folded form, as its record and run.
//
// A list is its length then its strings; every number is a uvarint. It
// keeps only what Prava uses: no sources, PGP keys or custom templates.
func Encode(s *Snapshot) []byte {
	var w writer
	w.buf.WriteString(Magic)
	w.str(s.Meta.Source)
	w.str(s.Meta.Commit)
	date := ""
	if !s.Meta.Date.IsZero() {
		date = s.Meta.Date.UTC().Format(time.RFC3339)
	}
	w.str(date)
	w.num(len(s.Records))
	for _, r := range s.Records {
		w.str(r.Slug)
		w.str(r.Name)
		w.list(r.Runs)
		for _, v := range []string{r.Address, r.Email, r.Webform, r.Phone, r.Fax, r.Web} {
			w.str(v)
		}
		w.list(r.RelevantCountries)
		w.list(r.Categories)
		w.str(r.SuggestedMedium)
		w.num(len(r.RequiredElements))
		for _, e := range r.RequiredElements {
			w.str(e.Desc)
			w.str(e.Type)
			w.flag(e.Optional)
		}
		w.flag(r.NeedsIDDocument)
		w.str(r.RequestLanguage)
		w.list(r.Comments)
		w.str(r.Quality)
		w.str(r.FacetGroup)
	}
	w.num(len(s.Packs))
	for _, p := range s.Packs {
		w.str(p.Country)
		w.str(p.Slug)
		w.str(p.Type)
		w.list(p.Companies)
	}
	ix := BuildIndex(s.Records)
	for i := range s.Records {
		w.str(ix.Names[i])
		w.list(ix.Brands[i])
	}
	w.num(len(ix.Domains))
	for _, d := range ix.Domains {
		w.str(d.Host)
		w.num(d.Record)
	}
	w.num(len(ix.Words))
	for i, word := range ix.Words {
		w.str(word)
		w.num(len(ix.Posts[i]))
		prev := 0
		for _, p := range ix.Posts[i] {
			w.num(p - prev)
			prev = p
		}
	}
	for _, i := range ix.NameOrder {
		w.num(i)
	}
	w.num(len(ix.BrandOrder))
	for _, b := range ix.BrandOrder {
		w.num(b.Record)
		w.num(b.Run)
	}
	return w.buf.Bytes()
}

type writer struct{ buf bytes.Buffer }

func (w *writer) num(n int) {
	var b [binary.MaxVarintLen64]byte
	w.buf.Write(b[:binary.PutUvarint(b[:], uint64(n))])
}

func (w *writer) str(s string) {
	w.num(len(s))
	w.buf.WriteString(s)
}

func (w *writer) list(ss []string) {
	w.num(len(ss))
	for _, s := range ss {
		w.str(s)
	}
}

func (w *writer) flag(b bool) {
	if b {
		w.buf.WriteByte(1)
	} else {
		w.buf.WriteByte(0)
	}
}
