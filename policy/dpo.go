package policy

// dpoCues name the data protection officer in the languages Prava reads.
var dpoCues = []string{
	"data protection officer", "dpo", "datu aizsardzības speciālist", "duomenų apsaugos pareigūn", "datenschutzbeauftragte",
	"inspektor ochrony danych", "andmekaitsespetsialist", "andmekaitseametnik", "délégué à la protection des données",
	"відповідальн особ", "відповідальна особа", "відповідальний за", "ответственный за организацию обработки", "ответственное лицо",
}

// findDPO returns the data protection officer's contact when the policy
// gives one next to such a title.
func (d *doc) findDPO(emails []Evidence, phones []Evidence) (*Officer, []Evidence) {
	for _, c := range dpoCues {
		for _, p := range d.find(c) {
			if !atWordStart(d.lower, p) || (c == "dpo" && !atWordEnd(d.lower, p+3)) {
				continue
			}
			_, to := d.window(p, 0, 250)
			var contact Officer
			var ev []Evidence
			for _, e := range emails {
				if e.Offset > p && e.Offset < to && contact.Email == "" {
					contact.Email = e.Value
					ev = append(ev, d.evidence("dpo", e.Value, p, e.Offset+len(e.Value)))
				}
			}
			for _, e := range phones {
				if e.Offset > p && e.Offset < to && contact.Phone == "" {
					contact.Phone = e.Value
				}
			}
			if contact.Email != "" || contact.Phone != "" {
				if contact.Email == "" {
					ev = append(ev, d.evidence("dpo", contact.Phone, p, p+len(c)))
				}
				return &contact, ev
			}
		}
	}
	return nil, nil
}
