package mail

import (
	"encoding/json"
	"strings"
	"testing"
)

func goodAccount() Account {
	return Account{
		Address:  "olena@example.com",
		IMAP:     Server{Host: "imap.example.com", Port: 993, Security: SecurityTLS},
		SMTP:     Server{Host: "smtp.example.com", Port: 587, Security: SecuritySTARTTLS},
		Password: "app-password",
	}
}

func TestAccountValidate(t *testing.T) {
	if err := goodAccount().Validate(); err != nil {
		t.Fatalf("a good account refused: %v", err)
	}
	cases := []struct {
		name   string
		mutate func(*Account)
		want   string
	}{
		{"plain to a remote host", func(a *Account) { a.SMTP.Security = SecurityPlain }, "unencrypted"},
		{"plain IMAP to a remote IP", func(a *Account) { a.IMAP = Server{Host: "192.0.2.1", Port: 143, Security: SecurityPlain} }, "unencrypted"},
		{"no password", func(a *Account) { a.Password = "" }, "password"},
		{"password with newline", func(a *Account) { a.Password = "pw\r\nA1 DELETE INBOX" }, "line break"},
		{"user with newline", func(a *Account) { a.Username = "u\nx" }, "user name"},
		{"bad address", func(a *Account) { a.Address = "olena example.com" }, "address"},
		{"port 0", func(a *Account) { a.IMAP.Port = 0 }, "port"},
		{"no security", func(a *Account) { a.SMTP.Security = "" }, "security"},
		{"unknown security", func(a *Account) { a.SMTP.Security = "ssl3" }, "not known"},
		{"host with space", func(a *Account) { a.IMAP.Host = "imap example.com" }, "space"},
		{"host empty", func(a *Account) { a.IMAP.Host = "" }, "empty"},
		{"name with CR", func(a *Account) { a.Name = "Olena\rBcc: x" }, "name"},
	}
	for _, c := range cases {
		a := goodAccount()
		c.mutate(&a)
		err := a.Validate()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error about %q", c.name, err, c.want)
		}
	}
	for _, host := range []string{"127.0.0.1", "::1", "localhost"} {
		a := goodAccount()
		a.IMAP = Server{Host: host, Port: 1143, Security: SecurityPlain}
		if err := a.Validate(); err != nil {
			t.Errorf("plain to loopback %s refused: %v", host, err)
		}
	}
}

func TestAccountStringHidesPassword(t *testing.T) {
	a := goodAccount()
	a.Password = "hunter2-secret"
	if strings.Contains(a.String(), "hunter2") {
		t.Fatalf("String shows the password: %s", a)
	}
	if strings.Contains((&Error{Server: "x", Err: nil}).Error(), "hunter2") {
		t.Fatal("impossible")
	}
	// JSON keeps it: the account is stored whole, in the vault.
	b, _ := json.Marshal(a)
	var back Account
	if err := json.Unmarshal(b, &back); err != nil || back != a {
		t.Fatalf("JSON round trip lost something: %+v (%v)", back, err)
	}
}

func TestParseServer(t *testing.T) {
	s, err := ParseServer("imap.example.com:993", "")
	if err != nil || s.Security != SecurityTLS || s.Port != 993 {
		t.Errorf("993: %+v %v", s, err)
	}
	s, err = ParseServer("smtp.example.com:587", "")
	if err != nil || s.Security != SecuritySTARTTLS {
		t.Errorf("587: %+v %v", s, err)
	}
	if _, err := ParseServer("smtp.example.com:2525", ""); err == nil || !strings.Contains(err.Error(), "guessed") {
		t.Errorf("2525 without security: %v", err)
	}
	if _, err := ParseServer("smtp.example.com", ""); err == nil || !strings.Contains(err.Error(), "host:port") {
		t.Errorf("no port: %v", err)
	}
	if _, err := ParseServer("smtp.example.com:25", SecurityPlain); err == nil {
		t.Error("plain to a remote host accepted")
	}
	if s, err := ParseServer("127.0.0.1:1025", SecurityPlain); err != nil || s.Security != SecurityPlain {
		t.Errorf("plain to loopback: %+v %v", s, err)
	}
}
