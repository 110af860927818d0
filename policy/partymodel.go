package policy

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"sync"
)

// The rules of parties.go and party*.go give every named party its signs
// and its role; which of the parties the text makes controller is the one
// the letter goes to is decided here, by a small logistic model over the
// signs. Its weights are not written by hand: they are fitted on the annotated
// development set (testdata/dev) by
//
//	go test ./policy -run TestFitPartyModel -update-model
//
// which writes party_model.json and its training report
// (testdata/dev/party_model_report.txt). TestCrossValidated refits the
// model on four folds and scores the fifth, so the estimate it prints is
// for policies the weights have not seen.

// partyFeatureNames are the model's inputs, in the order of features.
var partyFeatureNames = []string{
	"form", "label", "copula", "we", "intro", "block", "copyright", "domain", "registration",
	"processor_label", "name_label", "defined", "sole", "owner",
	"mentions", "legal_named", "self_processor", "signs", "heading",
}

// features are c's inputs to the model: each sign present, how often the
// name recurs (up to 4, scaled to 1), whether a legal name carries more
// than its form, whether it is a company mislabelled "processor" by its own
// text, how many kinds of sign it has (scaled), and whether its strongest
// occurrence is a heading (only a legal name can still be controller
// there, see decide).
func (c *candidate) features() []float64 {
	b := func(v bool) float64 {
		if v {
			return 1
		}
		return 0
	}
	kinds := 0
	for _, n := range c.signs {
		if n > 0 {
			kinds++
		}
	}
	return []float64{
		b(c.has(signForm)), b(c.has(signLabel)), b(c.has(signCopula)), b(c.has(signWe)), b(c.has(signIntro)),
		b(c.has(signBlock)), b(c.has(signCopyright)), b(c.has(signDomain)), b(c.has(signRegistration)),
		b(c.has(signProcessorLabel)), b(c.has(signNameLabel)), b(c.has(signDefined)), b(c.has(signSole)), b(c.has(signOwner)),
		min(float64(c.mentions), 4) / 4, b(c.legalForm && kinds > 1), b(c.selfProcessor), float64(min(kinds, 6)) / 6, b(c.heading),
	}
}

// partyModel is the fitted model: a logistic regression that gives each
// party the text makes controller the probability that it is the one,
// the least probability that names a controller at all, and the
// calibration that turns the best party's and its rival's probabilities
// into controller_confidence.
type partyModel struct {
	Features  []string  `json:"features"`
	Weights   []float64 `json:"weights"`
	Bias      float64   `json:"bias"`
	Threshold float64   `json:"threshold"` // least probability of a controller
	// Calibration is a, b, c of sure = σ(a·logit(p₁) + b·(p₁ − p₂) + c),
	// fitted on predictions for policies the ranker was not fitted on.
	Calibration [3]float64 `json:"calibration"`
}

// prob is the model's probability that a party with features x is the
// controller.
func (m *partyModel) prob(x []float64) float64 {
	z := m.Bias
	for i, v := range x {
		z += m.Weights[i] * v
	}
	return sigmoid(z)
}

// sure is controller_confidence for a best party with probability p1 and
// a rival with p2 (0 when there is none), rounded to two places.
func (m *partyModel) sure(p1, p2 float64) float64 {
	a := m.Calibration
	s := sigmoid(a[0]*logit(p1) + a[1]*(p1-p2) + a[2])
	return math.Round(s*100) / 100
}

// check reports what is wrong with a model read from a file.
func (m *partyModel) check() error {
	if len(m.Features) != len(partyFeatureNames) || len(m.Weights) != len(partyFeatureNames) {
		return fmt.Errorf("party model has %d features and %d weights, the reader %d: regenerate it with go test ./policy -run TestFitPartyModel -update-model",
			len(m.Features), len(m.Weights), len(partyFeatureNames))
	}
	for i, f := range m.Features {
		if f != partyFeatureNames[i] {
			return fmt.Errorf("party model feature %d is %q, the reader's %q: regenerate it", i, f, partyFeatureNames[i])
		}
	}
	return nil
}

//go:embed party_model.json
var partyModelJSON []byte

// shippedPartyModel is party_model.json, read on first use. The file is
// built into the binary and checked by the tests, so a bad one is a
// programming error.
var shippedPartyModel = sync.OnceValue(func() *partyModel {
	var m partyModel
	if err := json.Unmarshal(partyModelJSON, &m); err != nil {
		panic("policy: party_model.json: " + err.Error())
	}
	if err := m.check(); err != nil {
		panic("policy: " + err.Error())
	}
	return &m
})

// partyModelOverride, when set, replaces the shipped model: the
// cross-validation tests fit one per fold. Analyze never sets it.
var partyModelOverride *partyModel

func currentPartyModel() *partyModel {
	if partyModelOverride != nil {
		return partyModelOverride
	}
	return shippedPartyModel()
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// logit is σ's inverse, kept finite at 0 and 1.
func logit(p float64) float64 {
	p = min(max(p, 1e-6), 1-1e-6)
	return math.Log(p / (1 - p))
}
