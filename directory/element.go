package directory

import (
	"strings"

	"prava/directory/internal/textkey"
)

// The fields of the person's profile (record.Profile, by JSON name) an
// identity element can be filled from.
const (
	FieldName        = "name"
	FieldEmail       = "email"
	FieldAddress     = "address"
	FieldBirthDate   = "birth_date"
	FieldPhone       = "phone"
	FieldCustomerRef = "customer_ref"
)

// ProfileField says which field of the person's profile answers the
// element, or "" when the writer must ask the person (a user name, a card
// number, a former address). It reads the description before the type,
// because records mix them up: 28 elements of type "name" ask for an
// e-mail address.
func (el Element) ProfileField() string {
	d := " " + textkey.Fold(el.Desc) + " "
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(d, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("vorherig", "vorans", "previous", "former", "fruher", "ort ", "place"):
		return "" // a former address or a place of birth: the profile has neither
	case has("mail"):
		return FieldEmail
	case has("geburt", "birth", "naissance", "nacimiento"):
		return FieldBirthDate
	case has("phone", "telefon", "appel", "mobil"):
		return FieldPhone
	case has("kunde", "customer", "client", "account number", "contract", "vertrag", "member", "mitglied"):
		return FieldCustomerRef
	case has("adress", "anschrift", "address"):
		return FieldAddress
	case has(" name ", " nom ", " nombre "):
		return FieldName
	}
	switch el.Type {
	case "email":
		return FieldEmail
	case "birthdate":
		return FieldBirthDate
	case "address":
		return FieldAddress
	case "name":
		if !has("user", "nutzer", "login") {
			return FieldName
		}
	}
	return ""
}
