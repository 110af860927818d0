package snapshot

import (
	"sort"
	"strings"

	"prava/directory/internal/textkey"
)

// Index is the search index of a snapshot, built here once so that
// loading the directory is only reading it back.
type Index struct {
	Names   []string   // folded name of each record
	Brands  [][]string // folded brands (runs) of each record
	Domains []Domain   // sorted by host
	Words   []string   // every distinct word of the names and brands, sorted
	Posts   [][]int    // for each word, the records using it: record<<1, | 1 when in a brand
	// NameOrder lists the records by folded name, and BrandOrder every
	// brand by its folded form, so the start of a name or brand is found
	// by binary search.
	NameOrder  []int
	BrandOrder []Brand
}

// Brand is one of a record's runs: the record and the index in its Runs.
type Brand struct {
	Record, Run int
}

// Domain ties a host (of the web site or the e-mail address, without
// "www.") to a record.
type Domain struct {
	Host   string
	Record int
}

// BuildIndex indexes records (in the order they will be stored).
func BuildIndex(recs []Record) Index {
	ix := Index{Names: make([]string, len(recs)), Brands: make([][]string, len(recs))}
	posts := map[string][]int{}
	addWords := func(key string, post int) {
		for _, w := range strings.Fields(key) {
			p := posts[w]
			if len(p) == 0 || p[len(p)-1] != post {
				posts[w] = append(p, post)
			}
		}
	}
	for i, r := range recs {
		ix.Names[i] = textkey.Fold(r.Name)
		addWords(ix.Names[i], i<<1)
		for _, run := range r.Runs {
			b := textkey.Fold(run)
			ix.Brands[i] = append(ix.Brands[i], b)
			addWords(b, i<<1|1)
		}
		hosts := []string{textkey.Host(r.Web), textkey.EmailHost(r.Email)}
		for k, h := range hosts {
			if h != "" && (k == 0 || h != hosts[0]) {
				ix.Domains = append(ix.Domains, Domain{h, i})
			}
		}
	}
	ix.NameOrder = make([]int, len(recs))
	for i := range ix.NameOrder {
		ix.NameOrder[i] = i
		for j := range ix.Brands[i] {
			ix.BrandOrder = append(ix.BrandOrder, Brand{i, j})
		}
	}
	sort.SliceStable(ix.NameOrder, func(a, b int) bool { return ix.Names[ix.NameOrder[a]] < ix.Names[ix.NameOrder[b]] })
	sort.SliceStable(ix.BrandOrder, func(a, b int) bool {
		x, y := ix.BrandOrder[a], ix.BrandOrder[b]
		return ix.Brands[x.Record][x.Run] < ix.Brands[y.Record][y.Run]
	})
	sort.SliceStable(ix.Domains, func(a, b int) bool { return ix.Domains[a].Host < ix.Domains[b].Host })
	for w := range posts {
		ix.Words = append(ix.Words, w)
	}
	sort.Strings(ix.Words)
	ix.Posts = make([][]int, len(ix.Words))
	for i, w := range ix.Words {
		ix.Posts[i] = posts[w]
	}
	return ix
}
