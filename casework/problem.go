package casework

import (
	"errors"
	"fmt"
)

// Problem is an input the desk refuses: which field, a stable code the app
// turns into the person's language, and the reason in English for the
// command line and the logs. Nothing stored changes when a desk method
// returns one.
type Problem struct {
	Field string // "name", "law", "language", "contact", "promised_days", "id", …
	Code  string // "empty", "unknown", "too_long", "not_found", …
	Msg   string // the reason, with what to do
	Err   error  // a sentinel the problem is a case of, for errors.Is; may be nil
}

func (p *Problem) Error() string { return p.Msg }

// Unwrap is the sentinel the problem is a case of.
func (p *Problem) Unwrap() error { return p.Err }

// problem makes a Problem with a formatted message.
func problem(field, code, format string, a ...any) *Problem {
	return &Problem{Field: field, Code: code, Msg: fmt.Sprintf(format, a...)}
}

// ErrNotFound is wrapped by every refusal that names an ID the vault does
// not hold.
var ErrNotFound = errors.New("not found")

// notFound is the refusal of an ID that is not in the vault.
func notFound(what, id string) error {
	return fmt.Errorf("%w: no %s %q in the vault; list them with \"prava %s list\"", ErrNotFound, what, id, what)
}
