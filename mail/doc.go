// Package mail sends a person's requests from their own mailbox and finds the
// companies' answers in it, so that nothing but the mail itself leaves the
// computer.
//
// An [Account] holds the settings of one mailbox (and its password: store it
// only in the vault). [Compose] builds the request message with a Message-ID
// of our own and the PDF attached; [Client.Send] hands the exact bytes to the
// SMTP server and files a copy in the Sent folder over IMAP; [Client.Test]
// logs in to both servers and says which step failed; [Client.Check] reads
// the INBOX and Junk folders by UID, never marking anything read, and matches
// new messages to the requests sent, returning the raw message and its parts
// together with the [State] the caller keeps for the next check.
//
// go-imap v2 is still a beta (v2.0.0-beta.8, pinned in go.mod): all IMAP use
// stays in this package so an API change touches only these files.
package mail
