package policy

import "strings"

// Block addresses written one part a line. Most carry a postcode; a small
// site's requisites may give only the street and the town, each on its
// own line, and end the block there:
//
//	immajung
//	Garmsstraße 20
//	Langenhagen
//
// The bare town there is no mere capitalised word because of where it
// stands: alone on the line under a street, and last in its block.

// blockTown reports whether the part after the street at parts[last] is
// such a town. segEnd is where the segment holding the parts ends.
func (d *doc) blockTown(parts []addrPart, last, segEnd int) bool {
	if last+2 != len(parts) {
		return false // the town must be the block's last line
	}
	street, town := parts[last], parts[last+1]
	if street.kind&pStreet == 0 || town.kind != pGeneric || !hasDigit(d.text[street.start:street.end]) {
		return false
	}
	if !d.ownLine(street.start, street.end) || !d.ownLine(town.start, town.end) {
		return false
	}
	rest := d.text[town.end:min(len(d.text), segEnd+2)]
	if strings.TrimRight(rest, " .") != "" && !strings.HasPrefix(strings.TrimLeft(rest, " ."), "\n\n") {
		return false // the block goes on: the name is no town
	}
	return true
}

// ownLine reports whether [start, end) is all that its line holds.
func (d *doc) ownLine(start, end int) bool {
	ls, le := d.lineAround(start)
	return strings.TrimSpace(d.text[ls:start]) == "" && strings.Trim(d.text[end:le], " .") == ""
}

// suffixStreetAnchors finds the German and Dutch one-word streets
// ("Garmsstraße 20", "Lindenweg 8") by their house number: the street
// word is a suffix there, which the keyword index, finding words at
// their start, does not see. An address with a postcode is anchored by
// it anyway; these anchor the blocks that have none.
func (d *doc) suffixStreetAnchors() []int {
	var out []int
	s := d.lower
	for i := 1; i < len(s); i++ {
		if !isDigitByte(s[i]) || s[i-1] != ' ' {
			continue
		}
		ws := i - 1
		for ws > 0 && s[ws-1] != ' ' && s[ws-1] != '\n' && i-ws < 60 {
			ws--
		}
		w := s[ws : i-1]
		for _, suf := range streetSuffixes {
			if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
				out = append(out, ws)
				break
			}
		}
	}
	return out
}
