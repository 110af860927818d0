package letters

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/mail"
	"strings"
	"time"
)

// Sender is the person who writes: only what a letter needs of them (the
// person's profile as a letter prints it).
// The JSON keys are the ones `prava letter --from` reads.
type Sender struct {
	Name    string `json:"name"`
	Address string `json:"address"` // lines separated by newlines, or one line
	Email   string `json:"email"`
	Phone   string `json:"phone,omitempty"`
	// BirthDate (YYYY-MM-DD) tells namesakes apart; letters show it only
	// where a company needs it to find the person.
	BirthDate string `json:"birthdate,omitempty"`
	// IDDocument is the identity document's type, number, date and issuer.
	// Letters carry it only where the law asks for it: Russian requests
	// (152-FZ Art. 14 part 3) and Ukrainian access requests (2297-VI
	// Art. 16).
	IDDocument  string `json:"id_document,omitempty"`
	CustomerRef string `json:"customer_ref,omitempty"` // account or customer number at the company
}

// ErrProfile is wrapped by every error about a profile's content.
var ErrProfile = errors.New("profile")

// ReadProfile reads a profile from JSON. Unknown keys are errors, so a
// misspelt "adress" is not silently left out of a letter.
func ReadProfile(r io.Reader) (Sender, error) {
	data, err := io.ReadAll(io.LimitReader(r, 1<<20))
	if err != nil {
		return Sender{}, fmt.Errorf("%w: %v", ErrProfile, err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var p Sender
	if err := dec.Decode(&p); err != nil {
		return Sender{}, fmt.Errorf("%w: not a profile (%v); write a JSON object with the keys name, address, email, phone, birthdate, id_document, customer_ref", ErrProfile, strings.TrimPrefix(err.Error(), "json: "))
	}
	if dec.More() {
		return Sender{}, fmt.Errorf("%w: more than one JSON value; write a single object", ErrProfile)
	}
	return p, p.Validate()
}

// Validate checks what every letter needs: a name, and a way for the
// company to answer (a postal or an e-mail address), each well formed.
func (p Sender) Validate() error {
	if strings.TrimSpace(p.Name) == "" {
		return fmt.Errorf("%w: the name is missing; letters are signed with it", ErrProfile)
	}
	if strings.TrimSpace(p.Address) == "" && strings.TrimSpace(p.Email) == "" {
		return fmt.Errorf("%w: give a postal address or an e-mail address, so the company can answer", ErrProfile)
	}
	if err := CheckEmail(p.Email); err != nil {
		return err
	}
	if err := CheckBirthDate(p.BirthDate); err != nil {
		return err
	}
	return nil
}

// CheckEmail reports whether s is empty or one plain e-mail address
// (name@example.org), the form a letter can print and a company can answer.
func CheckEmail(s string) error {
	e := strings.TrimSpace(s)
	if e == "" {
		return nil
	}
	if a, err := mail.ParseAddress(e); err != nil || a.Address != e || !strings.Contains(e[strings.LastIndex(e, "@"):], ".") {
		return fmt.Errorf("%w: %q is not an e-mail address (write it as name@example.org)", ErrProfile, e)
	}
	return nil
}

// CheckBirthDate reports whether s is empty or a day in the past written
// YYYY-MM-DD.
func CheckBirthDate(s string) error {
	b := strings.TrimSpace(s)
	if b == "" {
		return nil
	}
	d, err := time.Parse(time.DateOnly, b)
	if err != nil || d.Year() < 1900 || d.After(time.Now()) {
		return fmt.Errorf("%w: birth date %q is not a date in the past; write it as YYYY-MM-DD", ErrProfile, b)
	}
	return nil
}

// addressLines splits a postal address into the lines it is printed on.
func addressLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
