package directory

import "prava/directory/internal/snapshot"

// Pack is a company pack: companies worth asking, suggested for people in
// a country ("all" for everyone). Type is "add-all" when nearly everyone
// should ask all of them (address brokers, credit agencies), "choose" when
// the person picks.
type Pack = snapshot.Pack

// Packs are the packs suggested for people in country (an ISO code, any
// case): the country's own first, then those for everyone. The snapshot
// has packs for few countries (de, at); elsewhere only those for everyone
// come back.
func (d *Directory) Packs(country string) []Pack {
	c := lower(country)
	var own, all []Pack
	for _, p := range d.packs {
		switch {
		case c != "" && p.Country == c:
			own = append(own, p)
		case p.Country == "all":
			all = append(all, p)
		}
	}
	return append(own, all...)
}

// AllPacks are every pack of the snapshot, by country.
func (d *Directory) AllPacks() []Pack { return d.packs }

// PackEntries are the companies of a pack, in the pack's order.
func (d *Directory) PackEntries(p Pack) []*Entry {
	out := make([]*Entry, 0, len(p.Companies))
	for _, slug := range p.Companies {
		if e, ok := d.Lookup(slug); ok {
			out = append(out, e)
		}
	}
	return out
}
