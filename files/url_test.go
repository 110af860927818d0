package files

import "testing"

// TestPublicURL: user, password, session and tracking parameters never
// reach a stored or exported source (F9); the page's own address stays.
func TestPublicURL(t *testing.T) {
	cases := map[string]string{
		"http://alice:S3cretPw@127.0.0.1:8080/cred?session=TOKEN123&sig=abc": "http://127.0.0.1:8080/cred",
		"https://ex.com/privacy?utm_source=x&lang=de&fbclid=1":               "https://ex.com/privacy?lang=de",
		"https://ex.com/p?id=7&access_token=a&X-Amz-Signature=b":             "https://ex.com/p?id=7",
		"https://ex.com/privacy#section-3":                                   "https://ex.com/privacy#section-3",
		"https://ex.com/privacy#access_token=abc":                            "https://ex.com/privacy",
		"https://ex.com/privacy":                                             "https://ex.com/privacy",
		"not a url":                                                          "not a url",
	}
	for in, want := range cases {
		if got := PublicURL(in); got != want {
			t.Errorf("PublicURL(%q) = %q, want %q", in, got, want)
		}
	}
}
