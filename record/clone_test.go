package record

import "testing"

func TestCompanyClone(t *testing.T) {
	c := Company{
		Contacts: []Contact{{Kind: ByEmail, Value: "a@example.org"}},
		Use:      map[string]int{"access": 0},
		Markings: map[string]string{"any": "GDPR"},
		Policies: []PolicySnapshot{{Source: "x"}},
	}
	d := c.Clone()
	d.Contacts[0].Value = "b@example.org"
	d.Use["access"] = 1
	d.Markings["any"] = "changed"
	d.Policies = append(d.Policies[:0], PolicySnapshot{Source: "y"})
	if c.Contacts[0].Value != "a@example.org" || c.Use["access"] != 0 || c.Markings["any"] != "GDPR" || c.Policies[0].Source != "x" {
		t.Errorf("the clone shares data with the original: %+v", c)
	}
}
