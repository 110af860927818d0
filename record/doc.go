// Package record holds Prava's entities — the person's profile, the
// companies, the requests, their replies and the timeline — and the words
// they are written in: the kinds of request, the channels a letter travels
// by and the codes of the laws. It is plain data with no behaviour beyond
// small lookups, so that every layer can share it: storage keeps it safe,
// casework changes it, letters and the user interfaces read it.
package record
