package pdfa

import "prava/letters"

// Letter renders l as PDF/A-2b: the letter as the person signs it with a
// national e-signature service, which asks for an archival PDF. The Info
// dates are read in the zone of the letter's date.
func Letter(l *letters.Letter) ([]byte, error) {
	pdf, err := l.PDF()
	if err != nil {
		return nil, err
	}
	return Convert(pdf, Options{Part: 2, Zone: l.Date.Location()})
}
