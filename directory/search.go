package directory

import (
	"math/bits"
	"sort"
	"strings"

	"prava/directory/internal/textkey"
)

// Rank says how a company matched a query; a lower rank comes first.
type Rank int

// The ranks, best first.
const (
	RankName   Rank = iota // the query is the whole name
	RankPrefix             // the start of the name, or the slug or web domain
	RankBrand              // a brand or service the company runs, whole or its start
	RankWords              // every word of the query starts a word of the name or a brand, in any order
	RankTypo               // the same with one word mistyped
)

// String names the rank for people and for JSON.
func (r Rank) String() string {
	switch r {
	case RankName:
		return "name"
	case RankPrefix:
		return "prefix"
	case RankBrand:
		return "brand"
	case RankWords:
		return "words"
	case RankTypo:
		return "typo"
	}
	return "?"
}

// Options narrow and order a search.
type Options struct {
	// Country is where the person lives (ISO code, any case): among equal
	// matches, companies relevant to it come first, then those relevant to
	// everyone.
	Country string
	// Limit is the most hits returned; 0 returns all.
	Limit int
}

// Hit is one company found.
type Hit struct {
	Entry *Entry
	Rank  Rank
	// Via is what matched when it was not the name: the brand ("YouTube"),
	// the web domain ("booking.com") or "slug".
	Via string
}

// maxWords is how many words of a query count; the rest are ignored.
const maxWords = 16

// minTypoWord is the shortest word in which a typo is tolerated: in
// shorter words one edit reaches too many others.
const minTypoWord = 4

// match is how one entry matched, kept small: Search keeps one per entry.
type match struct {
	rank Rank
	via  int32 // index into the search's vias, 0 for none
	sub  int8  // within a rank: 0 exact (or in the name), 1 the start only (or in a brand)
	set  bool
}

// Search finds the companies matching query, best first: an exact name,
// then the start of a name (or the slug or the web domain), then a brand,
// then every word in any order, then the same with one typo. Case,
// diacritics and punctuation do not matter. Among equal matches, companies
// relevant to opt.Country come first, then churches and schools last, then
// better-checked records, then shorter names. Each hit points into the
// directory's own entries: read them, do not change them.
func (d *Directory) Search(query string, opt Options) []Hit {
	q := textkey.Fold(query)
	host := queryHost(query)
	if host != "" && strings.Contains(query, "/") {
		q = textkey.Fold(host) // a whole URL: only its host names the company
	}
	if q == "" && host == "" {
		return nil
	}
	ix := &d.idx
	sc := d.scratch(len(d.entries))
	defer d.pool.Put(sc)
	found := sc.found
	vias := []string{""}
	put := func(i int, r Rank, sub int8, via string) {
		m := &found[i]
		if !m.set || r < m.rank || r == m.rank && sub < m.sub {
			v := int32(0)
			if via != "" {
				v = int32(len(vias))
				vias = append(vias, via)
			}
			*m = match{rank: r, sub: sub, via: v, set: true}
		}
	}
	if q != "" {
		ix.namesStarting(q, func(i int, whole bool) {
			if whole {
				put(i, RankName, 0, "")
			} else {
				put(i, RankPrefix, 1, "")
			}
		})
		ix.brandsStarting(q, func(b brand, whole bool) {
			sub := int8(1)
			if whole {
				sub = 0
			}
			put(int(b.entry), RankBrand, sub, d.entries[b.entry].Runs[b.run])
		})
		if i, ok := slugIndex(d.entries, strings.ReplaceAll(q, " ", "-")); ok {
			put(i, RankPrefix, 0, "slug")
		}
		d.searchWords(q, sc, put)
	}
	if host != "" {
		// The host and each parent domain with two labels or more:
		// "mail.google.com", then "google.com".
		for h := host; strings.Count(h, ".") >= 1; {
			for _, i := range ix.hostEntries(h) {
				put(int(i), RankPrefix, 0, h)
			}
			_, h, _ = strings.Cut(h, ".")
		}
	}
	var cand []int
	for i := range found {
		if found[i].set {
			cand = append(cand, i)
		}
	}
	country := lower(opt.Country)
	sort.Slice(cand, func(a, b int) bool {
		ia, ib := cand[a], cand[b]
		ma, mb := &found[ia], &found[ib]
		if ma.rank != mb.rank {
			return ma.rank < mb.rank
		}
		if ma.sub != mb.sub {
			return ma.sub < mb.sub
		}
		ea, eb := &d.entries[ia], &d.entries[ib]
		if ca, cb := countryOrder(ea, country), countryOrder(eb, country); ca != cb {
			return ca < cb
		}
		if fa, fb := ea.Facet != "", eb.Facet != ""; fa != fb {
			return fb
		}
		if qa, qb := qualityOrder(ea.Quality), qualityOrder(eb.Quality); qa != qb {
			return qa < qb
		}
		if la, lb := len(ix.names[ia]), len(ix.names[ib]); la != lb {
			return la < lb
		}
		return ix.names[ia] < ix.names[ib]
	})
	if opt.Limit > 0 && len(cand) > opt.Limit {
		cand = cand[:opt.Limit]
	}
	hits := make([]Hit, len(cand))
	for k, i := range cand {
		hits[k] = Hit{Entry: &d.entries[i], Rank: found[i].rank, Via: vias[found[i].via]}
	}
	return hits
}

// searchWords finds the entries whose name and brands hold every word of
// q, in any order, as whole words or their start; or all but one of them,
// with that one within one typo. Within each rank, finding every word in
// the name alone comes before needing the brands.
func (d *Directory) searchWords(q string, sc *scratch, put func(int, Rank, int8, string)) {
	ix := &d.idx
	words := strings.Fields(q)
	if len(words) > maxWords {
		words = words[:maxWords]
	}
	full := uint32(1)<<len(words) - 1
	// Per entry, a bit for each query word found: exactly or as a word's
	// start, or within one typo; in the name or brands, or the name alone.
	exact, typo, exactName, typoName := sc.exact, sc.typo, sc.exactName, sc.typoName
	mark := func(both, name []uint32, wi int, bit uint32) {
		for _, p := range ix.posts[wi] {
			both[p>>1] |= bit
			if p&1 == 0 {
				name[p>>1] |= bit
			}
		}
	}
	for k, w := range words {
		bit := uint32(1) << k
		// The words starting with w sit together in the sorted list.
		for wi := sort.SearchStrings(ix.words, w); wi < len(ix.words) && strings.HasPrefix(ix.words[wi], w); wi++ {
			mark(exact, exactName, wi, bit)
		}
	}
	// A typo can only help an entry that has every word but one already;
	// only the words such entries miss are searched for typos.
	var missing uint32
	for _, ex := range exact {
		if ex != full && bits.OnesCount32(ex) == len(words)-1 {
			missing |= full &^ ex
		}
	}
	for k, w := range words {
		bit := uint32(1) << k
		if missing&bit == 0 || len(w) < minTypoWord {
			continue
		}
		// A word within one typo of w shares its first or second letter
		// with w's first or second (see mayBeTypo): only those are tried.
		try := func(wi int) {
			if t := ix.words[wi]; len(t) >= len(w)-1 && (withinOne(w, t) || prefixWithinOne(w, t)) {
				mark(typo, typoName, wi, bit)
			}
		}
		for _, c := range firstTwo(w) {
			lo, hi := ix.startingWith(c)
			for wi := lo; wi < hi; wi++ {
				try(wi)
			}
			for _, wi := range ix.bySecond[c] {
				try(int(wi))
			}
		}
	}
	// At most one word may be found by a typo alone.
	oneTypo := func(ex, ty uint32) bool {
		return ex|ty == full && bits.OnesCount32(full&^ex) <= 1
	}
	for i := range exact {
		switch {
		case exactName[i] == full:
			put(i, RankWords, 0, "")
		case exact[i] == full:
			put(i, RankWords, 1, "")
		case oneTypo(exactName[i], typoName[i]):
			put(i, RankTypo, 0, "")
		case oneTypo(exact[i], typo[i]):
			put(i, RankTypo, 1, "")
		}
	}
}

// countryOrder puts entries relevant to the person's country first, then
// those relevant to everyone, then the rest; with no country, those
// relevant to everyone first.
func countryOrder(e *Entry, country string) int {
	switch {
	case country != "" && e.RelevantTo(country):
		return 0
	case e.ForEveryone():
		return 1
	}
	return 2
}

// qualityOrder ranks the schema's quality flags, best checked first.
func qualityOrder(q string) int {
	switch q {
	case "tested":
		return 0
	case "verified", "":
		return 1
	case "imported":
		return 2
	}
	return 3
}

// firstTwo are the distinct first two bytes of w.
func firstTwo(w string) []byte {
	if w[1] == w[0] {
		return []byte{w[0]}
	}
	return []byte{w[0], w[1]}
}

// scratch is the per-entry state of one search, reused through the
// directory's pool so that a search allocates little.
type scratch struct {
	found                            []match
	exact, typo, exactName, typoName []uint32
}

// scratch takes cleared state for n entries from the pool.
func (d *Directory) scratch(n int) *scratch {
	sc, _ := d.pool.Get().(*scratch)
	if sc == nil || len(sc.found) != n {
		return &scratch{found: make([]match, n), exact: make([]uint32, n), typo: make([]uint32, n), exactName: make([]uint32, n), typoName: make([]uint32, n)}
	}
	clear(sc.found)
	clear(sc.exact)
	clear(sc.typo)
	clear(sc.exactName)
	clear(sc.typoName)
	return sc
}
