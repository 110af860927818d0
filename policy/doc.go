// Package policy reads a company's privacy policy and finds what a person
// needs to exercise their rights: the language and the law, the controller,
// its e-mail and postal addresses, websites and phones, the data protection
// officer, any subject line or marking the policy demands on requests, and
// the response time it promises.
//
// Input comes as plain text, an HTML page, a file or a URL (see Load and
// Decode). Analyze returns Findings in which every value carries the offset
// and snippet it was read from, so a person can check why Prava thinks so.
// Something the text does not say is reported as missing, never guessed.
//
// Every organisation or person the text names becomes a Party with the role
// its context gives it (controller, processor, platform, recipient,
// authority, registry, representative); the controller is chosen from them
// by role evidence, with a confidence, and the others are kept as
// Alternatives so that a person can pick another. The words each reader
// looks for are kept per language in lexicon_<lang>.go.
//
// The readers are general: they look for legal forms, postcodes, role words
// and quotation marks in many languages rather than for any one policy's
// wording, and they run in time linear in the size of the text.
package policy
