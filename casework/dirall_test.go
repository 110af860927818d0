package casework

import (
	"errors"
	"strings"
	"testing"

	"prava/directory"
	"prava/record"
)

// TestEveryDirectoryRecordAdds adds the whole directory snapshot to one
// vault: every record the directory holds must be one the desk accepts,
// with its contacts (the review found Irish addresses without a postcode
// and phones with "ext. 904" refused).
func TestEveryDirectoryRecordAdds(t *testing.T) {
	dir, err := directory.Default()
	if err != nil {
		t.Fatal(err)
	}
	k, _, _ := newDesk(t)
	var slugs []string
	for _, e := range dir.Entries() {
		slugs = append(slugs, e.Slug)
	}
	added, err := k.AddManyFromDirectory(dir, slugs)
	if err != nil {
		t.Fatal(err)
	}
	// The rest repeat a company added before them (one web domain for
	// several services): the desk offers to add them again, nothing else.
	in := map[string]bool{}
	for _, c := range added {
		in[c.Directory.Slug] = true
	}
	for _, slug := range slugs {
		if in[slug] {
			continue
		}
		var dup *DuplicateError
		if _, err := k.AddFromDirectory(dir, slug, false); !errors.As(err, &dup) {
			t.Errorf("%s was not added, and adding it alone gives %v, not a duplicate", slug, err)
		}
	}
	if len(added) < dir.Len()*8/10 {
		t.Errorf("added %d of %d records", len(added), dir.Len())
	}
	for _, c := range added {
		if strings.Contains(c.Notes, "Left out of the directory's record") {
			t.Errorf("%s: a contact was left out:\n%s", c.Directory.Slug, c.Notes)
		}
	}
}

// TestBrokenDirectoryFieldLeftOut: a record whose contact truly is broken
// is added without it, the notes name it, and the choices of contact
// still point at the right ones.
func TestBrokenDirectoryFieldLeftOut(t *testing.T) {
	dir, err := directory.Default()
	if err != nil {
		t.Fatal(err)
	}
	e, ok := dir.Lookup("apple")
	if !ok {
		t.Fatal("no apple in the directory")
	}
	broken := *e
	broken.Phone = "call us"
	c := prefill(dir, &broken, "LV", testDay)
	if err := CheckCompany(&c); err != nil {
		t.Fatalf("the record with the broken phone left out is refused: %v", err)
	}
	for _, ct := range c.Contacts {
		if ct.Kind == record.ByPhone {
			t.Errorf("the broken phone was kept: %+v", ct)
		}
	}
	if !strings.Contains(c.Notes, `Left out of the directory's record: phone: "call us" is not a phone number`) {
		t.Errorf("the notes do not name what was left out:\n%s", c.Notes)
	}
	whole := dir.Prefill(e, "LV", testDay)
	if got, want := c.Contacts[c.Use["access"]], whole.Contacts[whole.Use["access"]]; got != want {
		t.Errorf("access letters go to %+v, want %+v", got, want)
	}
}
