// Package letters writes Prava's letters: the requests (access, erasure,
// withdrawal of consent, rectification, objection, restriction,
// portability), the reminder, the reply to a company's refusal and the
// complaint that follow them, in Ukrainian, Russian, Latvian, Lithuanian
// and English, under the law of the company's jurisdiction (see law).
// Compose fills the language's templates in assets/letters with an
// Input, refusing a kind the law does not grant (Available); the Letter
// it returns renders as a PDF to print and sign (PDF), as an e-mail
// message with the PDF attached that a mail program opens as a draft
// (Message), or as plain e-mail text (Email, EmailText). Reading a privacy
// policy lives in policy.
package letters
