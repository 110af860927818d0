package evidence

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// timelineOf makes a timeline from the items' own times, oldest first.
func timelineOf(items []Item) []Event {
	ev := make([]Event, 0, len(items))
	for _, it := range items {
		ev = append(ev, Event{At: it.Time.UTC(), What: describe(it), Item: it.Name})
	}
	sort.SliceStable(ev, func(i, j int) bool { return ev[i].At.Before(ev[j].At) })
	return ev
}

// describe says in English what an item records, for the timeline.
func describe(it Item) string {
	var s string
	switch it.Role {
	case RoleLetter:
		s = "letter written"
	case RoleSigned:
		s = "letter signed with an electronic signature"
	case RoleSent:
		s = "sent by e-mail"
		if it.MessageID != "" {
			s += ", Message-ID " + it.MessageID
		}
		if it.ServerReply != "" {
			s += `, mail server answered "` + it.ServerReply + `"`
		}
	case RoleReceipt:
		s = "sent by registered post"
		if it.Registered != "" {
			s += ", number " + it.Registered
		}
	case RoleReply:
		s = "reply received"
		if it.MessageID != "" {
			s += ", Message-ID " + it.MessageID
		}
		if d, ok := it.DKIMResult(); ok {
			s += "; " + d.Words
		}
	default:
		s = "document added"
	}
	if it.Note != "" {
		s += " (" + it.Note + ")"
	}
	return s
}

func timelineText(idx index) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "Timeline of request %s to %s (times in UTC)\n\n", idx.Request, idx.Company)
	for _, e := range idx.Timeline {
		fmt.Fprintf(&b, "%s  %s", e.At.UTC().Format("2006-01-02 15:04"), e.What)
		if e.Item != "" {
			fmt.Fprintf(&b, "  [%s]", e.Item)
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// readme explains the bundle to someone without Prava: what each file is,
// its hash, and the commands that check it.
func readme(idx index, certs []string) []byte {
	var b bytes.Buffer
	title := idx.Title
	if title == "" {
		title = "Request"
	}
	fmt.Fprintf(&b, "Evidence for: %s %s to %s\nWritten by Prava on %s UTC\n\n", title, idx.Request, idx.Company, idx.Made.Format("2006-01-02 15:04"))
	b.WriteString("This file is a ZIP archive (an ASiC-E container, ETSI EN 319 162-1). Every file in it is\n" +
		"listed with its SHA-256 in META-INF/ASiCManifest.xml and below. A message (.eml) is kept\n" +
		"byte for byte as it was sent or received, so its own signatures can be checked again.\n\n")
	b.WriteString("Files\n-----\n")
	for _, r := range idx.Items {
		fmt.Fprintf(&b, "%s\n  %s, %s UTC, %d bytes\n  SHA-256 %s\n", r.Name, describe(r.Item), r.Time.Format("2006-01-02 15:04"), r.Size, r.SHA256)
		if r.Timestamp != "" {
			fmt.Fprintf(&b, "  RFC 3161 timestamp %s (%s UTC)\n", r.Timestamp, r.TimestampTime.Format("2006-01-02 15:04:05"))
		}
		if r.DKIMFile != "" {
			fmt.Fprintf(&b, "  DKIM result kept at receipt: %s\n", r.DKIMFile)
		}
		if r.DKIMStamp != "" {
			fmt.Fprintf(&b, "  RFC 3161 timestamp of that result %s (%s UTC)\n", r.DKIMStamp, r.DKIMStampTime.Format("2006-01-02 15:04:05"))
		}
	}
	b.WriteString("\ntimeline.txt is the timeline; evidence.json says the same for programs.\n\n")
	b.WriteString("How to check without Prava\n--------------------------\n" +
		"1. Unpack the archive and compare each file's SHA-256 with the list above, e.g.\n" +
		"     sha256sum replies/*.eml\n")
	if idx.Stamped || slices.ContainsFunc(idx.Items, func(r record) bool { return r.Timestamp != "" }) {
		ca := "TSA-ROOT.pem"
		b.WriteString("2. Check a timestamp with OpenSSL against the time-stamping authority's root certificate\n" +
			"   (TSA-ROOT.pem, from the authority; the certificates inside the tokens are in certs/:\n" +
			"   " + strings.Join(certs, ", ") + "):\n" +
			"     openssl ts -verify -token_in -in timestamps/FILE.tst -data FILE -CAfile " + ca + "\n")
		if idx.Stamped {
			b.WriteString("   The whole bundle: the timestamp META-INF/timestamp.tst covers META-INF/ASiCManifest.xml:\n" +
				"     openssl ts -verify -token_in -in META-INF/timestamp.tst -data META-INF/ASiCManifest.xml -CAfile " + ca + "\n")
		}
	}
	b.WriteString("\nA DKIM result says whether the company's mail server signed the reply; it was taken when the\n" +
		"reply arrived, because keys are later changed or published.\n")
	return b.Bytes()
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
