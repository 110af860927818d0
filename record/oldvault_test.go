package record

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"testing"
)

// companyBeforeEntities is record.Company as vaults kept it before
// LegalEntities: the fields a company needs, under their names (gob and
// JSON match by name, not by type).
type companyBeforeEntities struct {
	ID, Name, LegalName, Registration string
	Jurisdiction                      Code
}

// TestOldCompanyDecodes: a vault written before the company kept its legal
// entities opens unchanged, with no entities (storage encodes Data with
// gob; the command line and exports use JSON).
func TestOldCompanyDecodes(t *testing.T) {
	old := companyBeforeEntities{ID: "c1", Name: "NETRACK", LegalName: "NETRACK", Jurisdiction: "RU"}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(old); err != nil {
		t.Fatal(err)
	}
	var c Company
	if err := gob.NewDecoder(&buf).Decode(&c); err != nil {
		t.Fatalf("an old company does not decode: %v", err)
	}
	if c.ID != "c1" || c.LegalName != "NETRACK" || c.Jurisdiction != "RU" || c.LegalEntities != nil {
		t.Errorf("gob: %+v", c)
	}
	var j Company
	if err := json.Unmarshal([]byte(`{"id":"c1","name":"NETRACK","legal_name":"NETRACK"}`), &j); err != nil || j.LegalEntities != nil || j.LegalName != "NETRACK" {
		t.Errorf("json: %+v, %v", j, err)
	}
	// And a new one keeps them through both.
	c.LegalEntities = []string{"ООО «Старт»", "ООО «Серверные Решения»"}
	buf.Reset()
	if err := gob.NewEncoder(&buf).Encode(c); err != nil {
		t.Fatal(err)
	}
	var back Company
	if err := gob.NewDecoder(&buf).Decode(&back); err != nil || len(back.LegalEntities) != 2 || back.LegalEntities[1] != "ООО «Серверные Решения»" {
		t.Errorf("gob round trip: %+v, %v", back.LegalEntities, err)
	}
	b, _ := json.Marshal(c)
	if !bytes.Contains(b, []byte(`"legal_entities":["ООО «Старт»","ООО «Серверные Решения»"]`)) {
		t.Errorf("json: %s", b)
	}
}
