package policy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// This file is a Go copy of /work/shared/tools/score-policies, so that
// the development set can be scored (and cross-validated) without building
// the prava binary: the policy goes through Load and Analyze and then
// through JSON exactly as `prava analyze --json FILE` prints it, and each
// field is judged by the script's rules. Keep the two in step.

// scoreFields are the fields the scorer judges, in its order.
var scoreFields = []string{"language", "jurisdiction", "controller", "emails", "addresses", "markings", "response_days"}

// scoreEntry is one annotation of expected.json.
type scoreEntry struct {
	File         string            `json:"file"`
	Language     string            `json:"language"`
	Jurisdiction string            `json:"jurisdiction"`
	Controller   *string           `json:"controller"`
	Emails       []string          `json:"emails"`
	Addresses    []string          `json:"addresses"`
	Markings     map[string]string `json:"markings"`
	ResponseDays any               `json:"response_days"`
	Notes        string            `json:"notes"`
}

// scoreResult is how one policy fared: each field right or not, the
// e-mail counts and the addresses found, and the misses as the script
// prints them.
type scoreResult struct {
	File              string
	OK                map[string]bool
	EmailTP, EmailFP  int
	EmailFN           int
	AddrHit, AddrWant int
	Misses            []string
	Confidence        float64 // controller_confidence as printed
}

// fully reports whether every field is right.
func (r scoreResult) fully() bool {
	for _, f := range scoreFields {
		if !r.OK[f] {
			return false
		}
	}
	return true
}

// loadScoreSet reads expected.json of a set folder laid out like
// ../shared/policies-dev (texts in policies/).
func loadScoreSet(dir string) ([]scoreEntry, error) {
	data, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		return nil, err
	}
	var set []scoreEntry
	if err := json.Unmarshal(data, &set); err != nil {
		return nil, fmt.Errorf("%s/expected.json: %w", dir, err)
	}
	return set, nil
}

// analyzeJSON is `prava analyze --json FILE` without the binary: Load,
// Analyze, and the findings encoded as cli's printJSON does and decoded
// back into plain JSON values.
func analyzeJSON(path string) (map[string]any, error) {
	src, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(Analyze(src.Text)); err != nil {
		return nil, err
	}
	var got map[string]any
	return got, json.Unmarshal(buf.Bytes(), &got)
}

// scorePunct is the script's punctuation class, each replaced by a space.
var scorePunct = regexp.MustCompile(`[«»“”„"'’‘` + "`" + `()\[\],.;:/\\\-–—]`)

func scoreNorm(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	return strings.Join(strings.Fields(scorePunct.ReplaceAllString(s, " ")), " ")
}

func scoreTokens(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(scoreNorm(s)) {
		if utf8.RuneCountInString(w) >= 2 {
			out[w] = true
		}
	}
	return out
}

// scoreOverlap reports whether got holds at least 60 % of want's words.
func scoreOverlap(want, got string) bool {
	w, g := scoreTokens(want), scoreTokens(got)
	hits := 0
	for t := range w {
		if g[t] {
			hits++
		}
	}
	return len(w) > 0 && float64(hits)/float64(len(w)) >= 0.6
}

var scoreDigits = regexp.MustCompile(`\d+`)

// scoreDays is the script's days(): a number, or the first number of a
// string, a month counting 30; -1 for none.
func scoreDays(v any) int {
	switch x := v.(type) {
	case float64:
		return int(x)
	case string:
		m := scoreDigits.FindString(x)
		if m == "" {
			return -1
		}
		n := 0
		fmt.Sscan(m, &n)
		if strings.Contains(x, "month") {
			n *= 30
		}
		return n
	}
	return -1
}

func jsonStrings(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		} else {
			b, _ := json.Marshal(x)
			out = append(out, string(b))
		}
	}
	return out
}

func jsonString(v any) string {
	s, _ := v.(string)
	return s
}

// scoreOne judges one policy's findings against its annotation.
func scoreOne(e scoreEntry, got map[string]any) scoreResult {
	r := scoreResult{File: e.File, OK: map[string]bool{}}
	r.Confidence, _ = got["controller_confidence"].(float64)
	r.OK["language"] = jsonString(got["language"]) == e.Language
	j := jsonString(got["jurisdiction"])
	r.OK["jurisdiction"] = j == e.Jurisdiction || e.Jurisdiction == "US" && strings.HasPrefix(j, "US") ||
		(e.Jurisdiction == "UK" || e.Jurisdiction == "GB") && (j == "UK" || j == "GB")
	if e.Controller != nil && *e.Controller != "" {
		r.OK["controller"] = scoreOverlap(*e.Controller, jsonString(got["controller"]))
	} else {
		r.OK["controller"] = jsonString(got["controller"]) == ""
	}
	ge, we := map[string]bool{}, map[string]bool{}
	for _, x := range jsonStrings(got["emails"]) {
		ge[strings.ToLower(x)] = true
	}
	for _, x := range e.Emails {
		we[strings.ToLower(x)] = true
	}
	for x := range ge {
		if we[x] {
			r.EmailTP++
		} else {
			r.EmailFP++
		}
	}
	for x := range we {
		if !ge[x] {
			r.EmailFN++
		}
	}
	r.OK["emails"] = r.EmailFP == 0 && r.EmailFN == 0
	gaddr := jsonStrings(got["addresses"])
	for _, a := range e.Addresses {
		r.AddrWant++
		for _, g := range gaddr {
			if scoreOverlap(a, g) {
				r.AddrHit++
				break
			}
		}
	}
	r.OK["addresses"] = r.AddrHit == r.AddrWant
	gm, _ := got["markings"].(map[string]any)
	r.OK["markings"] = true
	for kind, want := range e.Markings {
		if want != "" && !scoreMarking(want, jsonString(gm[kind])) && !scoreMarking(want, jsonString(gm["any"])) {
			r.OK["markings"] = false
		}
	}
	wd, gd := scoreDays(e.ResponseDays), scoreDays(got["response_days"])
	r.OK["response_days"] = wd == gd || wd == 30 && (gd == 30 || gd == 31)
	wantOf := map[string]any{"language": e.Language, "jurisdiction": e.Jurisdiction, "controller": e.Controller,
		"emails": e.Emails, "addresses": e.Addresses, "markings": e.Markings, "response_days": e.ResponseDays}
	for _, f := range scoreFields {
		if !r.OK[f] {
			w, _ := json.Marshal(wantOf[f])
			g, _ := json.Marshal(got[f])
			r.Misses = append(r.Misses, fmt.Sprintf("%s: want %s  got %s", f, w, g))
		}
	}
	return r
}

func scoreMarking(want, got string) bool {
	w, g := scoreNorm(want), scoreNorm(got)
	return got != "" && (strings.Contains(g, w) || strings.Contains(w, g)) && float64(len(g)) >= 0.5*float64(len(w))
}

// scoreLine is the script's summary line over results.
func scoreLine(results []scoreResult) string {
	right := map[string]int{}
	var tp, fp, fn, hit, want, full int
	for _, r := range results {
		for _, f := range scoreFields {
			if r.OK[f] {
				right[f]++
			}
		}
		tp, fp, fn, hit, want = tp+r.EmailTP, fp+r.EmailFP, fn+r.EmailFN, hit+r.AddrHit, want+r.AddrWant
		if r.fully() {
			full++
		}
	}
	n := len(results)
	rec := float64(tp) / float64(max(1, tp+fn))
	prec := float64(tp) / float64(max(1, tp+fp))
	return fmt.Sprintf("%d/%d fully right; language %d/%d, jurisdiction %d/%d, controller %d/%d, emails recall %.2f precision %.2f, addresses %d/%d, markings %d/%d, promised days %d/%d",
		full, n, right["language"], n, right["jurisdiction"], n, right["controller"], n, rec, prec, hit, want,
		right["markings"], n, right["response_days"], n)
}

// sureLine says how often the controller is given with confidence ≥ 0.7
// and how often it is wrong then: the calibration the issue asks for.
func sureLine(results []scoreResult) string {
	sure, wrong := 0, 0
	for _, r := range results {
		if r.Confidence >= 0.7 {
			sure++
			if !r.OK["controller"] {
				wrong++
			}
		}
	}
	return fmt.Sprintf("sure (≥ 0.7) on %d/%d, wrong on %d of those", sure, len(results), wrong)
}
