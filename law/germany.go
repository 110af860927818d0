package law

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// In Germany the federal commissioner (BfDI) supervises federal bodies and
// telecoms and postal services; a private company is supervised by the
// authority of the Land where it has its seat (§ 40 BDSG). A complaint
// about one sent to the BfDI is forwarded, which costs weeks, so the
// complaint goes to the Land's authority, found from the postcode.

// landByRegion is the Land of each two-digit postcode region (Leitregion)
// as the directory's authority ID: "" where no postcode region is in use.
// landBorders refine the regions that straddle a Land border.
var landByRegion = [100]string{
	"", "desaechsdsb", "desaechsdsb", "debralda", "desaechsdsb", "", "desalbd", "detlfdi", "desaechsdsb", "desaechsdsb", // 0x
	"deberlbdi", "", "deberlbdi", "deberlbdi", "debralda", "debralda", "debralda", "demvldi", "demvldi", "demvldi", // 1x
	"dehmbbfdi", "dendslfd", "dehmbbfdi", "deshuld", "deshuld", "deshuld", "dendslfd", "dendslfd", "debrelfdi", "dendslfd", // 2x
	"dendslfd", "dendslfd", "denrwldi", "denrwldi", "dehessbdi", "dehessbdi", "dehessbdi", "dendslfd", "dendslfd", "desalbd", // 3x
	"denrwldi", "denrwldi", "denrwldi", "", "denrwldi", "denrwldi", "denrwldi", "denrwldi", "denrwldi", "dendslfd", // 4x
	"denrwldi", "denrwldi", "denrwldi", "denrwldi", "derlpbdi", "derlpbdi", "derlpbdi", "denrwldi", "denrwldi", "denrwldi", // 5x
	"dehessbdi", "dehessbdi", "", "dehessbdi", "dehessbdi", "dehessbdi", "desaarudz", "derlpbdi", "debawueldb", "debawueldb", // 6x
	"debawueldb", "debawueldb", "debawueldb", "debawueldb", "debawueldb", "debawueldb", "debawueldb", "debawueldb", "debawueldb", "debawueldb", // 7x
	"debaylda", "debaylda", "debaylda", "debaylda", "debaylda", "debaylda", "debaylda", "debaylda", "debawueldb", "debaylda", // 8x
	"debaylda", "debaylda", "debaylda", "debaylda", "debaylda", "debaylda", "debaylda", "debaylda", "detlfdi", "detlfdi", // 9x
}

// landBorders are the postcode ranges whose Land differs from their
// region's, at the borders that split a region (inclusive bounds). The
// list covers the towns and districts of any size; a village right at a
// border may still be given its neighbour's authority, which then forwards
// the complaint to the right one (Art. 56, § 19 BDSG).
var landBorders = []struct {
	from, to int
	id       string
}{
	{1940, 1999, "debralda"},     // Senftenberg, Lauchhammer, Ortrand
	{4600, 4639, "detlfdi"},      // Altenburg
	{4890, 4938, "debralda"},     // Elbe-Elster: Falkenberg, Herzberg
	{6556, 6578, "detlfdi"},      // Artern, Bad Frankenhausen
	{7919, 7999, "desaechsdsb"},  // Mühltroff, Pausa, Elsterberg
	{14000, 14199, "deberlbdi"},  // Berlin's south-west
	{17260, 17299, "debralda"},   // Templin, Prenzlau
	{19300, 19357, "debralda"},   // Prignitz: Perleberg, Wittenberge
	{21000, 21149, "dehmbbfdi"},  // Bergedorf, Harburg, Finkenwerder
	{21450, 21529, "deshuld"},    // Reinbek, Geesthacht, Lauenburg
	{22800, 22999, "deshuld"},    // Norderstedt, Wedel, Ahrensburg
	{23920, 23999, "demvldi"},    // Wismar, Grevesmühlen
	{27568, 27580, "debrelfdi"},  // Bremerhaven
	{28780, 28879, "dendslfd"},   // Osterholz, Achim, Stuhr, Weyhe
	{31600, 31699, "dendslfd"},   // Nienburg, Stolzenau
	{34346, 34355, "dendslfd"},   // Hann. Münden
	{34400, 34439, "denrwldi"},   // Warburg, Marsberg
	{36400, 36469, "detlfdi"},    // Bad Salzungen, Vacha, Geisa
	{37200, 37299, "dehessbdi"},  // Witzenhausen, Eschwege
	{37300, 37359, "detlfdi"},    // Heiligenstadt, Leinefelde
	{37670, 37699, "denrwldi"},   // Höxter, Beverungen
	{38480, 38489, "desalbd"},    // Klötze
	{38820, 38899, "desalbd"},    // Halberstadt, Wernigerode
	{48455, 48531, "dendslfd"},   // Bad Bentheim, Schüttorf, Nordhorn
	{49470, 49549, "denrwldi"},   // Ibbenbüren, Lengerich, Tecklenburg
	{53400, 53579, "derlpbdi"},   // Remagen, Bad Neuenahr, Sinzig, Linz
	{57500, 57648, "derlpbdi"},   // Betzdorf, Altenkirchen, Westerburg
	{63700, 63939, "debaylda"},   // Aschaffenburg, Miltenberg
	{65558, 65582, "derlpbdi"},   // Diez
	{66480, 66509, "derlpbdi"},   // Zweibrücken
	{66840, 66999, "derlpbdi"},   // Landstuhl, Kusel, Pirmasens
	{68519, 68519, "dehessbdi"},  // Viernheim
	{68600, 68649, "dehessbdi"},  // Lampertheim, Bürstadt
	{69480, 69518, "dehessbdi"},  // Wald-Michelbach, Birkenau
	{88100, 88179, "debaylda"},   // Lindau
	{89000, 89199, "debawueldb"}, // Ulm, Blaubeuren
	{89500, 89699, "debawueldb"}, // Heidenheim, Ehingen
	{96515, 96529, "detlfdi"},    // Sonneberg
	{97877, 97999, "debawueldb"}, // Wertheim, Tauberbischofsheim
}

// LandOf returns the directory ID of the authority that supervises private
// controllers at a German postcode ("10555"), or "" when the postcode is
// not one.
func LandOf(postcode string) string {
	n, err := strconv.Atoi(postcode)
	if err != nil || len(postcode) != 5 {
		return ""
	}
	for _, b := range landBorders {
		if b.from <= n && n <= b.to {
			return b.id
		}
	}
	return landByRegion[n/1000]
}

// germanPostcode finds "10555 Berlin" (or "D-10555 Berlin") in an address.
var germanPostcode = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[\s,])(?:D-|DE-)?(\d{5})\s+\p{Lu}`)
})

// otherCountries name countries whose postcodes also have five digits, so
// that an Estonian or French address of a German group is not read as a
// German one.
var otherCountries = []string{
	"eesti", "estonia", "france", "italia", "italy", "españa", "spain", "suomi", "finland", "sverige", "sweden",
	"polska", "poland", "lietuva", "lithuania", "hrvatska", "croatia", "ελλάδα", "greece", "usa", "united states",
	"україна", "ukraine", "россия", "russia", "türkiye", "turkey", "montenegro", "serbia",
	"srbija", "cyprus", "κύπρος", "malaysia", "mexico", "méxico",
}

// AuthorityAt gives the authority that hears a complaint about a
// controller in a: in Germany, the Land's authority for the first of
// addresses that holds a German postcode (§ 40 BDSG), else a itself.
// addresses are the controller's postal addresses, most trusted first,
// then — for a controller whose seat is unknown — the person's own, since
// the person's Land's authority also takes the complaint (Art. 77(1)).
func AuthorityAt(a Authority, addresses ...string) Authority {
	if a.Country != "DE" {
		return a
	}
	d, err := loadDirectory()
	if err != nil {
		return a
	}
	for _, addr := range addresses {
		low := strings.ToLower(addr)
		if containsWord(low, otherCountries) {
			continue
		}
		m := germanPostcode().FindStringSubmatch(addr)
		if m == nil {
			continue
		}
		id := LandOf(m[1])
		for _, l := range d.all {
			if id != "" && l.ID == id {
				return l
			}
		}
	}
	return a
}

// containsWord says whether s holds one of words, each as a whole word.
func containsWord(s string, words []string) bool {
	for _, w := range words {
		for from := 0; ; {
			i := strings.Index(s[from:], w)
			if i < 0 {
				break
			}
			i += from
			from = i + len(w)
			if !isLetter(s[:i], false) && !isLetter(s[from:], true) {
				return true
			}
		}
	}
	return false
}

// isLetter says whether the rune at the end (or, with first, the start) of
// s is a letter.
func isLetter(s string, first bool) bool {
	var r rune
	if first {
		r, _ = utf8.DecodeRuneInString(s)
	} else {
		r, _ = utf8.DecodeLastRuneInString(s)
	}
	return unicode.IsLetter(r)
}

// AuthorityNamed finds the directory's authority one of whose names is s,
// so a letter addressed to a regional authority is recognised as going to
// an authority too.
func AuthorityNamed(s string) (Authority, bool) {
	d, err := loadDirectory()
	if err != nil {
		return Authority{}, false
	}
	for _, a := range d.all {
		if a.IsNamed(s) {
			return a, true
		}
	}
	return Authority{}, false
}
