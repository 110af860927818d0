package directory

import (
	"sort"
	"strings"

	"prava/directory/internal/textkey"
)

// index is what Search looks through. The generator builds it
// (snapshot.BuildIndex) and the compact form carries it, so loading builds
// no maps.
type index struct {
	names      []string   // folded name of each entry
	brands     [][]string // folded brands of each entry, in the order of its Runs
	domains    []domain   // sorted by host
	words      []string   // every distinct word of the names and brands, sorted
	posts      [][]int32  // for each word, the entries using it (entry<<1 | 1 if in a brand)
	nameOrder  []int32    // entries by folded name
	brandOrder []brand    // brands by folded form
	// bySecond lists the words by their second byte, for the typo search;
	// built at load, in one pass.
	bySecond [256][]int32
}

// groupBySecond fills bySecond.
func (ix *index) groupBySecond() {
	var count [256]int
	for _, w := range ix.words {
		if len(w) > 1 {
			count[w[1]]++
		}
	}
	all := make([]int32, 0, len(ix.words))
	var start [256]int
	for c := range count {
		start[c] = len(all)
		all = all[:len(all)+count[c]]
	}
	fill := start
	for i, w := range ix.words {
		if len(w) > 1 {
			all[fill[w[1]]] = int32(i)
			fill[w[1]]++
		}
	}
	for c := range count {
		ix.bySecond[c] = all[start[c]:fill[c]:fill[c]]
	}
}

// startingWith is the range of words whose first byte is c.
func (ix *index) startingWith(c byte) (lo, hi int) {
	lo = sort.Search(len(ix.words), func(i int) bool { return ix.words[i][0] >= c })
	hi = sort.Search(len(ix.words), func(i int) bool { return ix.words[i][0] > c })
	return lo, hi
}

type brand struct {
	entry, run int32
}

func (ix *index) brandKey(b brand) string { return ix.brands[b.entry][b.run] }

// namesStarting calls f for each entry whose folded name starts with q.
func (ix *index) namesStarting(q string, f func(entry int, whole bool)) {
	o := ix.nameOrder
	for k := sort.Search(len(o), func(k int) bool { return ix.names[o[k]] >= q }); k < len(o) && strings.HasPrefix(ix.names[o[k]], q); k++ {
		f(int(o[k]), len(ix.names[o[k]]) == len(q))
	}
}

// brandsStarting calls f for each brand whose folded form starts with q.
func (ix *index) brandsStarting(q string, f func(b brand, whole bool)) {
	o := ix.brandOrder
	for k := sort.Search(len(o), func(k int) bool { return ix.brandKey(o[k]) >= q }); k < len(o) && strings.HasPrefix(ix.brandKey(o[k]), q); k++ {
		f(o[k], len(ix.brandKey(o[k])) == len(q))
	}
}

type domain struct {
	host  string
	entry int32
}

// hostEntries are the entries whose web site or e-mail is at host.
func (ix *index) hostEntries(host string) []int32 {
	i := sort.Search(len(ix.domains), func(i int) bool { return ix.domains[i].host >= host })
	var out []int32
	for ; i < len(ix.domains) && ix.domains[i].host == host; i++ {
		out = append(out, ix.domains[i].entry)
	}
	return out
}

// slugIndex finds an entry by slug in entries sorted by slug.
func slugIndex(entries []Entry, slug string) (int, bool) {
	i := sort.Search(len(entries), func(i int) bool { return entries[i].Slug >= slug })
	return i, i < len(entries) && entries[i].Slug == slug
}

// queryHost reads a query that looks like a web address or an e-mail
// address ("booking.com", "https://www.booking.com/x", "dpo@booking.com")
// as a host; it returns "" for anything else.
func queryHost(q string) string {
	q = strings.TrimSpace(q)
	if q == "" || strings.ContainsAny(q, " \t") || !strings.Contains(q, ".") {
		return ""
	}
	if strings.Contains(q, "@") {
		return textkey.EmailHost(q)
	}
	return textkey.Host(q)
}
