// Package letters is Prava's letter domain: the kinds of request, the laws
// and their deadlines, the letter texts and their rendering to PDF. Reading
// a privacy policy lives in the sub-package letters/policy.
//
// The law model and the letters are being built (see the project's issue
// tracker); this package holds only its documentation until then.
package letters
