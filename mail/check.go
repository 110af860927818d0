package mail

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// FolderState is where the last check of one folder stopped.
type FolderState struct {
	UIDValidity uint32 `json:"uid_validity"`
	LastUID     uint32 `json:"last_uid"`
}

// State is what Check needs from the previous check: the caller stores it
// (in the vault) and hands it back. The zero State means a first check.
type State struct {
	Folders map[string]FolderState `json:"folders,omitempty"`
	// Reported holds the keys of matched messages already returned, so a
	// folder whose UIDs were renumbered (new UIDVALIDITY) or a message
	// copied to another folder is not attached twice. Oldest first, capped.
	Reported []string `json:"reported,omitempty"`
}

// maxReported caps State.Reported; a key older than the last few thousand
// matched messages is also far below every folder's LastUID.
const maxReported = 5000

// Message is one new message Check saw. Raw and Parsed are set only for a
// message matched to a request (or a bounce or automatic answer), so the
// desk can attach it; others carry just enough to list them.
type Message struct {
	Folder    string    `json:"folder"`
	UID       uint32    `json:"uid"`
	Key       string    `json:"key"`
	MessageID string    `json:"message_id"`
	From      string    `json:"from"`
	Subject   string    `json:"subject"`
	Date      time.Time `json:"date"`
	Request   string    `json:"request"` // empty when no request fits
	Match     Match     `json:"match"`
	Kind      Kind      `json:"kind"`
	Size      int64     `json:"size"`
	// Problem says why a matched message could not be fetched whole (too
	// large) or read fully; the message stays in the mailbox untouched.
	Problem string  `json:"problem,omitempty"`
	Raw     []byte  `json:"-"`
	Parsed  *Parsed `json:"-"`
}

// CheckResult is a check's finding and the State to keep for the next one.
type CheckResult struct {
	Messages []Message
	State    State
}

// headerFields are all Check reads of a message before deciding to fetch it.
var headerFields = []string{"Message-ID", "In-Reply-To", "References", "From", "Subject", "Date",
	"Content-Type", "Auto-Submitted", "X-Autoreply", "X-Autorespond", "Precedence"}

// fetchBatch is how many messages one UID FETCH asks for.
const fetchBatch = 500

// Check reads what arrived in the INBOX and the Junk folder since the state
// given and matches it to the requests sent. It opens every folder
// read-only (EXAMINE) and fetches with BODY.PEEK, so nothing is marked read.
// A first check looks back to the day before the oldest request was sent.
// On an error the state given is still the one to keep: nothing is lost,
// the next check reads the same messages again.
func (c *Client) Check(ctx context.Context, sent []Sent, st State) (*CheckResult, error) {
	if err := c.Account.Validate(); err != nil {
		return nil, fmt.Errorf("the mail account is not usable: %w", err)
	}
	budget := c.MaxSessionBytes
	if budget <= 0 {
		budget = DefaultMaxSessionBytes
	}
	ctx, cancel := context.WithTimeout(ctx, 4*c.timeout())
	defer cancel()
	s, err := c.openIMAP(ctx, budget)
	if err != nil {
		return nil, err
	}
	defer s.close()
	_, junk, err := s.folders()
	if err != nil {
		return nil, err
	}
	folders := []string{"INBOX"}
	if junk != "" && !strings.EqualFold(junk, "INBOX") {
		folders = append(folders, junk)
	}
	next := State{Folders: map[string]FolderState{}, Reported: slices.Clone(st.Reported)}
	for k, v := range st.Folders {
		next.Folders[k] = v
	}
	reported := map[string]bool{}
	for _, k := range st.Reported {
		reported[k] = true
	}
	res := &CheckResult{}
	for _, f := range folders {
		msgs, fs, err := c.checkFolder(s, f, sent, st.Folders[f], reported)
		if err != nil {
			return nil, err
		}
		next.Folders[f] = fs
		for _, m := range msgs {
			if m.Match != MatchNone || m.Kind == KindBounce {
				next.Reported = append(next.Reported, m.Key)
				reported[m.Key] = true
			}
		}
		res.Messages = append(res.Messages, msgs...)
	}
	if n := len(next.Reported); n > maxReported {
		next.Reported = slices.Clone(next.Reported[n-maxReported:])
	}
	res.State = next
	return res, nil
}

func (c *Client) checkFolder(s *session, folder string, sent []Sent, fs FolderState, reported map[string]bool) ([]Message, FolderState, error) {
	sel, err := s.c.Select(folder, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		return nil, fs, classify(s.label, fmt.Errorf("opening %q: %w", folder, err), StageServer)
	}
	first := fs.UIDValidity != sel.UIDValidity
	out := FolderState{UIDValidity: sel.UIDValidity, LastUID: fs.LastUID}
	if first {
		out.LastUID = 0
	}
	if sel.NumMessages == 0 || (!first && sel.UIDNext != 0 && uint32(sel.UIDNext) <= fs.LastUID+1) {
		if sel.UIDNext > 0 {
			out.LastUID = max(out.LastUID, uint32(sel.UIDNext)-1)
		}
		return nil, out, nil
	}
	criteria := &imap.SearchCriteria{}
	if first {
		if since := oldestSent(sent); !since.IsZero() {
			criteria.Since = since.AddDate(0, 0, -1)
		} else {
			// Nothing was ever sent: nothing to look for, only remember
			// where the folder stands now.
			if sel.UIDNext > 0 {
				out.LastUID = uint32(sel.UIDNext) - 1
			}
			return nil, out, nil
		}
	} else {
		criteria.UID = []imap.UIDSet{{imap.UIDRange{Start: imap.UID(fs.LastUID + 1), Stop: 0}}}
	}
	data, err := s.c.UIDSearch(criteria, nil).Wait()
	if err != nil {
		return nil, fs, classify(s.label, fmt.Errorf("searching %q: %w", folder, err), StageServer)
	}
	var uids []imap.UID
	for _, u := range data.AllUIDs() {
		if uint32(u) > out.LastUID {
			uids = append(uids, u)
		}
	}
	sort.Slice(uids, func(i, j int) bool { return uids[i] < uids[j] })
	if len(uids) == 0 {
		return nil, out, nil
	}
	bodyHits := c.searchReferences(s, uids, sent)
	var msgs []Message
	for i := 0; i < len(uids); i += fetchBatch {
		batch := uids[i:min(i+fetchBatch, len(uids))]
		got, err := c.fetchHeaders(s, folder, sel.UIDValidity, batch, sent, bodyHits)
		if err != nil {
			return nil, fs, err
		}
		for _, m := range got {
			if m.Match != MatchNone && reported[m.Key] {
				continue
			}
			msgs = append(msgs, m)
		}
		out.LastUID = max(out.LastUID, uint32(batch[len(batch)-1]))
	}
	for i := range msgs {
		m := &msgs[i]
		if m.Match == MatchNone && m.Kind != KindBounce && m.Kind != KindAutoReply {
			continue
		}
		if err := c.fetchWhole(s, m, sent); err != nil {
			return nil, fs, err
		}
	}
	// A bounce or automatic answer that matched nothing, even in its
	// whole text, is of no interest to any request: list it as other.
	return msgs, out, nil
}

// searchReferences asks the server which of the new messages hold one of
// our references in their text: cheaper than fetching every body, and
// servers that search badly only lose a "likely" that the subject may
// still give. Errors are ignored for the same reason.
func (c *Client) searchReferences(s *session, uids []imap.UID, sent []Sent) map[imap.UID]string {
	hits := map[imap.UID]string{}
	var set imap.UIDSet
	set.AddNum(uids...)
	for _, sn := range sent {
		for _, ref := range append([]string{sn.Reference}, sn.CaseNumbers...) {
			if len(ref) < 3 {
				continue
			}
			data, err := s.c.UIDSearch(&imap.SearchCriteria{UID: []imap.UIDSet{set}, Body: []string{ref}}, nil).Wait()
			if err != nil {
				return hits
			}
			for _, u := range data.AllUIDs() {
				if _, ok := hits[u]; !ok {
					hits[u] = sn.RequestID
				}
			}
		}
	}
	return hits
}

func (c *Client) fetchHeaders(s *session, folder string, validity uint32, uids []imap.UID, sent []Sent, bodyHits map[imap.UID]string) ([]Message, error) {
	section := &imap.FetchItemBodySection{Specifier: imap.PartSpecifierHeader, HeaderFields: headerFields, Peek: true}
	cmd := s.c.Fetch(imap.UIDSetNum(uids...), &imap.FetchOptions{UID: true, RFC822Size: true, InternalDate: true, BodySection: []*imap.FetchItemBodySection{section}})
	var msgs []Message
	for {
		md := cmd.Next()
		if md == nil {
			break
		}
		var m Message
		var header []byte
		var internal time.Time
		for item := md.Next(); item != nil; item = md.Next() {
			switch it := item.(type) {
			case imapclient.FetchItemDataUID:
				m.UID = uint32(it.UID)
			case imapclient.FetchItemDataRFC822Size:
				m.Size = it.Size
			case imapclient.FetchItemDataInternalDate:
				internal = it.Time
			case imapclient.FetchItemDataBodySection:
				if it.Literal != nil {
					header, _ = io.ReadAll(io.LimitReader(it.Literal, maxHeaderBytes))
				}
			}
		}
		if m.UID == 0 {
			continue
		}
		p, err := ParseHeader(header)
		if err != nil {
			p = &Parsed{Kind: KindOther, Problems: []string{err.Error()}}
		}
		m.Folder, m.MessageID, m.From, m.Subject, m.Kind = folder, p.MessageID, p.FromAddress, p.Subject, p.Kind
		m.Date = p.Date
		if m.Date.IsZero() {
			m.Date = internal
		}
		m.Key = messageKey(p.MessageID, header, folder, validity, m.UID)
		when := internal
		if when.IsZero() {
			when = p.Date
		}
		m.Request, m.Match = matchMessage(p, nil, "", sent, when)
		if m.Match == MatchNone || m.Match == MatchSuggested {
			if req, ok := bodyHits[imap.UID(m.UID)]; ok {
				m.Request, m.Match = req, MatchLikely
			}
		}
		if m.Match != MatchNone && m.Kind == KindOther {
			m.Kind = KindReply
		}
		msgs = append(msgs, m)
	}
	if err := cmd.Close(); err != nil {
		return nil, classify(s.label, fmt.Errorf("reading %q: %w", folder, err), StageServer)
	}
	return msgs, nil
}

// fetchWhole gets the raw message (never more than MaxFetchBytes), parses
// it, and matches again with the whole text, which can only make the match
// stronger.
func (c *Client) fetchWhole(s *session, m *Message, sent []Sent) error {
	limit := c.maxFetch()
	if m.Size > limit {
		m.Problem = fmt.Sprintf("the message is %.1f MB, more than the %.0f MB Prava fetches; open it in your mail program", float64(m.Size)/(1<<20), float64(limit)/(1<<20))
		return nil
	}
	section := &imap.FetchItemBodySection{Peek: true}
	cmd := s.c.Fetch(imap.UIDSetNum(imap.UID(m.UID)), &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{section}})
	var raw []byte
	for md := cmd.Next(); md != nil; md = cmd.Next() {
		for item := md.Next(); item != nil; item = md.Next() {
			if it, ok := item.(imapclient.FetchItemDataBodySection); ok && it.Literal != nil && raw == nil {
				if it.Literal.Size() > limit {
					m.Problem = "the server sent more than the message's stated size; it was not fetched"
					continue
				}
				raw, _ = io.ReadAll(io.LimitReader(it.Literal, limit))
			}
		}
	}
	if err := cmd.Close(); err != nil {
		return classify(s.label, fmt.Errorf("fetching message %d of %q: %w", m.UID, m.Folder, err), StageServer)
	}
	if raw == nil {
		return nil
	}
	p, err := ParseMessage(raw, limit)
	if err != nil {
		m.Problem = err.Error()
		m.Raw = raw
		return nil
	}
	m.Raw, m.Parsed = raw, p
	req, match := matchMessage(p, raw, p.Text, sent, m.Date)
	if rank(match) > rank(m.Match) {
		m.Request, m.Match = req, match
	}
	if m.Match != MatchNone && m.Kind == KindOther {
		m.Kind = KindReply
	}
	if m.Match == MatchNone {
		m.Raw, m.Parsed = nil, nil
	}
	p.Kind = m.Kind
	return nil
}

func rank(m Match) int {
	switch m {
	case MatchCertain:
		return 3
	case MatchLikely:
		return 2
	case MatchSuggested:
		return 1
	}
	return 0
}

// messageKey names a message across checks and folders: its Message-ID, or
// for a message without one, a hash of its header.
func messageKey(id string, header []byte, folder string, validity, uid uint32) string {
	if id != "" {
		return "id:" + id
	}
	if len(header) > 0 {
		h := sha256.Sum256(header)
		return "h:" + hex.EncodeToString(h[:16])
	}
	return fmt.Sprintf("uid:%s/%d/%d", folder, validity, uid)
}

func oldestSent(sent []Sent) time.Time {
	var t time.Time
	for _, s := range sent {
		if !s.SentAt.IsZero() && (t.IsZero() || s.SentAt.Before(t)) {
			t = s.SentAt
		}
	}
	return t
}
