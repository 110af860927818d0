// Package evidence keeps what a person can later show a supervisory
// authority about one request, and packs it into one file the authority
// can check without Prava: the request letter, the message as sent with
// the mail server's answer, every reply with its DKIM verdict taken at
// receipt, receipts of registered post, letters signed outside Prava, RFC
// 3161 timestamps, and a timeline.
//
// The file is an ASiC-E container (ETSI EN 319 162-1): a zip whose first
// entry "mimetype" names the type, whose META-INF/ASiCManifest.xml lists
// every other file with its SHA-256, and, when a time-stamping authority
// is configured, whose META-INF/timestamp.tst is an RFC 3161 token over
// that manifest. The same files are described for people in README.txt
// and for programs in evidence.json. Write makes one; Verify re-checks one
// and says for each file what does not hold.
//
// Records are made when things happen, not at export: Sent when a message
// has been handed to the mail server, Received when a reply arrives (its
// DKIM is verified then, because a later check proves less; see
// dkimcheck), Posted for registered post. Each can be timestamped through
// a Stamper (tsa.Client.Stamp).
package evidence
