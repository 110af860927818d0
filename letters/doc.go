// Package letters writes Prava's letters: access, erasure and withdrawal
// requests, the reminder and the complaint that follow them, in Ukrainian,
// Russian, Latvian, Lithuanian and English, under the law of the company's
// jurisdiction (see law). Compose fills the language's templates in
// assets/letters with a Request; the Letter it returns renders as a PDF to
// print and sign (PDF) or as an e-mail (Email). Reading a privacy policy
// lives in policy.
package letters
