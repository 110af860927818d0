package mail

import (
	"bytes"
	"strings"
	"time"

	"github.com/emersion/go-message"
)

// Match says how sure a match of a message to a request is.
type Match string

// The strengths of a match, strongest first.
const (
	// MatchCertain: In-Reply-To or References holds our Message-ID (or a
	// bounce quotes it). Attach without asking.
	MatchCertain Match = "certain"
	// MatchLikely: our reference, or the company's case number, is in the
	// subject or the text. Attach, and let the person undo it.
	MatchLikely Match = "likely"
	// MatchSuggested: only the sender's domain is the company's, after the
	// request went out. Ask the person first.
	MatchSuggested Match = "suggested"
	// MatchNone: no request fits.
	MatchNone Match = ""
)

// Sent is one request that went out by e-mail and may get an answer.
type Sent struct {
	RequestID string `json:"request_id"`
	// MessageID is ours, with or without angle brackets.
	MessageID string `json:"message_id"`
	// Reference is what "[Ref …]" in the subject holds.
	Reference string `json:"reference"`
	// Domains are the company's mail domains (and its processors'), e.g.
	// "example.com" also matching "privacy.example.com".
	Domains []string `json:"domains,omitempty"`
	// CaseNumbers are the company's own numbers for this request, once a
	// reply has shown them; they match like the reference.
	CaseNumbers []string  `json:"case_numbers,omitempty"`
	SentAt      time.Time `json:"sent_at"`
}

// autoSubjects start the subjects of automatic answers in the languages
// Prava's people and companies write in.
var autoSubjects = []string{
	"automatic reply", "auto reply", "autoreply", "auto-reply", "auto:", "out of office", "out of the office",
	"abwesenheitsnotiz", "automatische antwort", "réponse automatique", "absence",
	"автоматична відповідь", "автоответ", "автоматический ответ", "automātiskā atbilde", "automatinis atsakymas",
}

// classifyKind reads what the header says about the message's kind. A
// report or an automatic answer keeps its kind even when it is matched.
func classifyKind(h message.Header, p *Parsed) Kind {
	ct, params, _ := h.ContentType()
	if ct == "multipart/report" && strings.EqualFold(params["report-type"], "delivery-status") {
		return KindBounce
	}
	local := p.FromAddress
	if at := strings.IndexByte(local, '@'); at >= 0 {
		local = local[:at]
	}
	if local == "mailer-daemon" || (local == "postmaster" && strings.Contains(strings.ToLower(p.Subject), "deliver")) {
		return KindBounce
	}
	if as := strings.ToLower(strings.TrimSpace(h.Get("Auto-Submitted"))); as != "" && as != "no" {
		return KindAutoReply
	}
	if h.Get("X-Autoreply") != "" || h.Get("X-Autorespond") != "" || strings.EqualFold(strings.TrimSpace(h.Get("Precedence")), "auto_reply") {
		return KindAutoReply
	}
	subj := strings.ToLower(p.Subject)
	for _, s := range autoSubjects {
		if strings.HasPrefix(subj, s) {
			return KindAutoReply
		}
	}
	return KindOther
}

// matchMessage finds the request a message answers. raw may be nil (only
// the header was fetched); text is searched for references when given.
func matchMessage(p *Parsed, raw []byte, text string, sent []Sent, when time.Time) (string, Match) {
	ids := map[string]bool{}
	for _, id := range append(append([]string{}, p.InReplyTo...), p.References...) {
		ids[id] = true
	}
	for _, s := range sent {
		if s.MessageID != "" && ids[normalizeID(s.MessageID)] {
			return s.RequestID, MatchCertain
		}
	}
	if p.Kind == KindBounce && raw != nil {
		for _, s := range sent {
			if id := normalizeID(s.MessageID); id != "" && bytes.Contains(bytes.ToLower(raw), []byte(strings.ToLower(id))) {
				return s.RequestID, MatchCertain
			}
		}
	}
	subj := strings.ToLower(p.Subject)
	body := strings.ToLower(text)
	for _, s := range sent {
		for _, ref := range append([]string{s.Reference}, s.CaseNumbers...) {
			if containsToken(subj, ref) || containsToken(body, ref) {
				return s.RequestID, MatchLikely
			}
		}
	}
	// The domain alone: the latest request to that company sent before
	// the message arrived.
	domain := p.FromAddress
	if at := strings.LastIndexByte(domain, '@'); at >= 0 {
		domain = domain[at+1:]
	} else {
		return "", MatchNone
	}
	best, bestAt := "", time.Time{}
	for _, s := range sent {
		if !when.IsZero() && when.Before(s.SentAt) {
			continue
		}
		for _, d := range s.Domains {
			d = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(d), "@"))
			if d != "" && (domain == d || strings.HasSuffix(domain, "."+d)) && !s.SentAt.Before(bestAt) {
				best, bestAt = s.RequestID, s.SentAt
			}
		}
	}
	if best != "" {
		return best, MatchSuggested
	}
	return "", MatchNone
}

// containsToken finds ref in s (both compared in lower case) where it is
// not part of a longer word or number: "2026-AB12" is not in "2026-AB123".
func containsToken(s, ref string) bool {
	ref = strings.ToLower(strings.TrimSpace(ref))
	if len(ref) < 3 {
		return false
	}
	for i := 0; ; {
		j := strings.Index(s[i:], ref)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(ref)
		if (start == 0 || !isWordByte(s[start-1])) && (end == len(s) || !isWordByte(s[end])) {
			return true
		}
		i = start + 1
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '-' || b == '_' || b >= 'A' && b <= 'Z'
}
