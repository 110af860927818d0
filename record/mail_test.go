package record

import "testing"

func TestEmailHasReply(t *testing.T) {
	var none *Email
	if none.HasReply("k") {
		t.Error("a request with no e-mail has a reply")
	}
	e := &Email{Replies: []EmailReply{{Key: "a"}}, Suggested: []EmailReply{{Key: "b"}}}
	for key, want := range map[string]bool{"a": true, "b": true, "c": false, "": false} {
		if got := e.HasReply(key); got != want {
			t.Errorf("HasReply(%q) = %v, want %v", key, got, want)
		}
	}
}
