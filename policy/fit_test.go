package policy

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// This file fits the party model (partymodel.go) on annotated policies.
// TestFitPartyModel fits it on the whole development set and, with
// -update-model, writes party_model.json and the training report;
// TestCrossValidated calls fitOn for each fold.

var updateModel = flag.Bool("update-model", false, "TestFitPartyModel: write party_model.json and testdata/dev/party_model_report.txt")

// partyExample is one party a policy makes controller: its features and
// whether it is the annotated controller.
type partyExample struct {
	name string
	x    []float64
	y    bool
}

// policyParties are the controller candidates of one policy, in the order
// the reader found them (ties keep that order, as in findParties).
type policyParties struct {
	file     string
	wantNone bool // the annotation names no controller
	cands    []partyExample
}

// extractParties runs the reader up to the party decision on each policy.
// The features do not depend on the model; a model that scores every
// party alike keeps them in the order they were found.
func extractParties(t testing.TB, dir string, set []scoreEntry) []policyParties {
	t.Helper()
	flat := &partyModel{Features: partyFeatureNames, Weights: make([]float64, len(partyFeatureNames)), Threshold: 0.5}
	saved := partyModelOverride
	partyModelOverride = flat
	defer func() { partyModelOverride = saved }()
	var out []policyParties
	for _, e := range set {
		src, err := ReadFile(filepath.Join(dir, "policies", e.File))
		if err != nil {
			t.Fatal(err)
		}
		d := newDoc(NormalizeText(src.Text))
		emails, _ := d.findEmails()
		sites, _ := d.findWebsites()
		_, addrEv := d.findAddresses()
		ctrl := d.findController(sites, emails, addrEv)
		p := policyParties{file: e.File, wantNone: e.Controller == nil || *e.Controller == ""}
		for _, c := range ctrl.parties {
			if c.role != RoleController {
				continue
			}
			p.cands = append(p.cands, partyExample{name: c.name, x: c.features(),
				y: !p.wantNone && scoreOverlap(*e.Controller, c.name)})
		}
		out = append(out, p)
	}
	return out
}

// fitLogistic fits weights and a bias by gradient descent on the mean log
// loss with an L2 penalty. Deterministic: the same examples give the same
// model.
func fitLogistic(xs [][]float64, ys []bool, l2 float64) ([]float64, float64) {
	if len(xs) == 0 {
		return nil, 0
	}
	n, dim := float64(len(xs)), len(xs[0])
	w, b := make([]float64, dim), 0.0
	grad := make([]float64, dim)
	for range 4000 {
		clear(grad)
		gb := 0.0
		for i, x := range xs {
			z := b
			for j, v := range x {
				z += w[j] * v
			}
			e := sigmoid(z)
			if ys[i] {
				e--
			}
			for j, v := range x {
				grad[j] += e * v
			}
			gb += e
		}
		for j := range w {
			w[j] -= 0.5 * (grad[j]/n + l2*w[j])
		}
		b -= 0.5 * gb / n
	}
	return w, b
}

// pick is the model's choice for one policy: the index of the best party
// at or above the threshold (-1 for none), its probability and its
// rival's.
func pick(m *partyModel, p policyParties) (int, float64, float64) {
	best, p1, p2 := -1, 0.0, 0.0
	probs := make([]float64, len(p.cands))
	order := make([]int, len(p.cands))
	for i, c := range p.cands {
		probs[i], order[i] = m.prob(c.x), i
	}
	sort.SliceStable(order, func(a, b int) bool { return probs[order[a]] > probs[order[b]] })
	for k, i := range order {
		if k == 0 && probs[i] >= m.Threshold {
			best, p1 = i, probs[i]
		} else if best >= 0 {
			p2 = probs[i]
			break
		}
	}
	return best, p1, p2
}

// rightPick reports whether the choice is the annotated controller.
func rightPick(p policyParties, best int) bool {
	if best < 0 {
		return p.wantNone
	}
	return p.cands[best].y
}

// fitRanker fits the weights on every party of the policies.
func fitRanker(docs []policyParties) *partyModel {
	var xs [][]float64
	var ys []bool
	for _, p := range docs {
		for _, c := range p.cands {
			xs, ys = append(xs, c.x), append(ys, c.y)
		}
	}
	w, b := fitLogistic(xs, ys, 0.01)
	return &partyModel{Features: partyFeatureNames, Weights: w, Bias: b, Threshold: 0.5, Calibration: [3]float64{1, 0, 0}}
}

// fitPartyModel fits the whole model on docs. The threshold and the
// calibration are fitted on predictions for policies the ranker did not
// see (four inner folds), so that the confidence is not the optimism of a
// model judging its own training set.
func fitPartyModel(docs []policyParties) *partyModel {
	type pred struct {
		doc policyParties
		m   *partyModel // fitted without doc
	}
	var preds []pred
	for k := range 4 {
		var train, test []policyParties
		for i, p := range docs {
			if i%4 == k {
				test = append(test, p)
			} else {
				train = append(train, p)
			}
		}
		m := fitRanker(train)
		m.Threshold = 0
		for _, p := range test {
			preds = append(preds, pred{doc: p, m: m})
		}
	}
	// The threshold: the one of a grid that gets most controllers right
	// on the held-out predictions; the lowest of equals.
	bestT, bestRight := 0.5, -1
	for t := 0.05; t < 0.96; t += 0.05 {
		right := 0
		for _, q := range preds {
			q.m.Threshold = t
			best, _, _ := pick(q.m, q.doc)
			if rightPick(q.doc, best) {
				right++
			}
		}
		if right > bestRight {
			bestT, bestRight = t, right
		}
	}
	var cx [][]float64
	var cy []bool
	for _, q := range preds {
		q.m.Threshold = bestT
		best, p1, p2 := pick(q.m, q.doc)
		if best >= 0 {
			cx, cy = append(cx, []float64{logit(p1), p1 - p2}), append(cy, rightPick(q.doc, best))
		}
	}
	cw, cb := fitLogistic(cx, cy, 0.01)
	m := fitRanker(docs)
	m.Threshold = math.Round(bestT*100) / 100
	if cw != nil {
		m.Calibration = [3]float64{cw[0], cw[1], cb}
	}
	return m
}

// fitOn fits the party model on the training policies and puts it in use
// for the held-out fold; the returned function puts the shipped model
// back.
func fitOn(t testing.TB, dir string, train []scoreEntry) func() {
	t.Helper()
	m := fitPartyModel(extractParties(t, dir, train))
	saved := partyModelOverride
	partyModelOverride = m
	return func() { partyModelOverride = saved }
}

// TestFitPartyModel fits the model on the whole development set and
// checks that party_model.json is that model, so that the shipped weights
// are always what one command makes from the set. With -update-model it
// writes the file and the training report instead.
func TestFitPartyModel(t *testing.T) {
	dir, set := devSet(t)
	docs := extractParties(t, dir, set)
	m := fitPartyModel(docs)
	for i := range m.Weights {
		m.Weights[i] = math.Round(m.Weights[i]*1e4) / 1e4
	}
	m.Bias = math.Round(m.Bias*1e4) / 1e4
	for i := range m.Calibration {
		m.Calibration[i] = math.Round(m.Calibration[i]*1e4) / 1e4
	}
	data, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, '\n')
	if *updateModel {
		if err := os.WriteFile("party_model.json", data, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "party_model_report.txt"), []byte(modelReport(m, docs)), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if shipped, _ := os.ReadFile("party_model.json"); string(shipped) != string(data) {
		t.Fatalf("party_model.json is not the model the development set gives; regenerate it: go test ./policy -run TestFitPartyModel -update-model")
	}
}

// modelReport describes the fitted model: its weights, and how it does on
// the set it was fitted on (an optimistic figure, for checking the fit;
// the estimate is TestCrossValidated's).
func modelReport(m *partyModel, docs []policyParties) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Party model fitted on %d policies of testdata/dev by\n  go test ./policy -run TestFitPartyModel -update-model\n\n", len(docs))
	fmt.Fprintf(&b, "%-16s %8s\n", "feature", "weight")
	fmt.Fprintf(&b, "%-16s %8.3f\n", "(bias)", m.Bias)
	for i, f := range m.Features {
		fmt.Fprintf(&b, "%-16s %8.3f\n", f, m.Weights[i])
	}
	fmt.Fprintf(&b, "\nthreshold %.2f; calibration a=%.3f b=%.3f c=%.3f\n", m.Threshold, m.Calibration[0], m.Calibration[1], m.Calibration[2])
	right, none, cands := 0, 0, 0
	var misses []string
	for _, p := range docs {
		cands += len(p.cands)
		best, _, _ := pick(m, p)
		if rightPick(p, best) {
			right++
			continue
		}
		reachable := false
		for _, c := range p.cands {
			reachable = reachable || c.y
		}
		if !reachable && !p.wantNone {
			none++
		}
		got := "(none)"
		if best >= 0 {
			got = p.cands[best].name
		}
		misses = append(misses, fmt.Sprintf("  %s: chose %s; right one among the candidates: %v", p.file, got, reachable))
	}
	fmt.Fprintf(&b, "\non the fitting set: %d/%d controllers right, %d candidates; %d misses have no right candidate (a reading error, not a ranking one)\n",
		right, len(docs), cands, none)
	b.WriteString(strings.Join(misses, "\n") + "\n")
	return b.String()
}
