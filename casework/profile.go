package casework

import (
	"prava/letters"
	"prava/record"
)

// LetterProfile is the stored profile as a letter's sender.
func LetterProfile(p record.Profile) letters.Sender {
	return letters.Sender{
		Name: p.Name, Address: p.Address, Email: p.Email, Phone: p.Phone,
		BirthDate: p.BirthDate, IDDocument: p.IDDocument, CustomerRef: p.CustomerRef,
	}
}
