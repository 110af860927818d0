package record

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

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

// fill sets every exported field reachable from v to a value that is not
// zero: one element in each list, one entry in each map, each pointer set.
// Byte slices and texts are left alone: Clone shares them on purpose
// (they are replaced, never edited in place).
func fill(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprint("s", *n))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64, reflect.Int32:
		if v.Type() != reflect.TypeFor[time.Duration]() {
			v.SetInt(int64(*n))
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), n)
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return
		}
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(v.Index(0), n)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fill(k, n)
		fill(e, n)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() || v.Type() == reflect.TypeFor[Text]() {
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), n)
			}
		}
	}
}

// spoil changes, in place, everything reachable from v that a clone
// should own: list elements, map entries and what pointers point to.
func spoil(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(v.String() + " changed")
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(v.Int() + 1000)
	case reflect.Pointer:
		if !v.IsNil() {
			spoil(v.Elem())
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() != reflect.Uint8 {
			for i := range v.Len() {
				spoil(v.Index(i))
			}
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			spoil(e)
			v.SetMapIndex(k, e)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				spoil(v.Field(i))
			}
		}
	}
}

// TestDataCloneSharesNothing fills every field the records have, today
// and after any field is added, and changes everything the clone holds:
// the original must not move. A new list, map or pointer that Clone does
// not copy fails here.
func TestDataCloneSharesNothing(t *testing.T) {
	var d, want Data
	n, m := 0, 0
	fill(reflect.ValueOf(&d).Elem(), &n)
	fill(reflect.ValueOf(&want).Elem(), &m)
	c := d.Clone()
	if !reflect.DeepEqual(c, d) {
		t.Fatal("the clone differs from the original")
	}
	spoil(reflect.ValueOf(&c).Elem())
	if !reflect.DeepEqual(d, want) {
		t.Errorf("changing the clone changed the original:\n%+v\nwant\n%+v", d, want)
	}
}
